package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;

/** Turns an agent's answer to a task into a {@link Verdict}. {@link TaskGrader} handles every kind of task. */
public interface Grader {

    Verdict grade(BenchTask task, Submission submission);

    /** Grades a final answer (for coding tasks, the code is extracted from it). */
    default Verdict grade(BenchTask task, String answer) {
        return grade(task, Submission.of(answer));
    }
}
