package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import dev.sale4j.tools.code.TestRunner;

/**
 * Grades any suite task by its grading spec: tests in the sandbox ({@link CodeGrader}), the chosen letter
 * ({@link ChoiceGrader}), or a short answer by exact match, token F1 and an optional LLM judge
 * ({@link AnswerGrader}).
 */
public final class TaskGrader implements Grader {

    private final CodeGrader code;
    private final ChoiceGrader choice = new ChoiceGrader();
    private final AnswerGrader answer;

    private TaskGrader(Builder builder) {
        this.code = builder.testRunner == null ? null : new CodeGrader(builder.testRunner);
        this.answer = AnswerGrader.builder().judge(builder.judge).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Verdict grade(BenchTask task, Submission submission) {
        GradingSpec spec = task.grading();
        if (spec instanceof GradingSpec.Choice) {
            return choice.grade(task, submission);
        }
        if (spec instanceof GradingSpec.Answer) {
            return answer.grade(task, submission);
        }
        if (code == null) {
            throw new IllegalStateException("task " + task.id() + " is graded by tests but no TestRunner is set; "
                    + "configure TaskGrader.builder().testRunner(TestRunner.builder().sandbox(PythonSandbox.builder()"
                    + ".build()).build())");
        }
        return code.grade(task, submission);
    }

    /**
     * Grades the task's own reference solution (coding tasks that carry one), to check the grader and the host.
     *
     * @throws IllegalArgumentException when the task carries no reference solution
     */
    public Verdict gradeReference(BenchTask task) {
        String reference = task.grading() instanceof GradingSpec.Asserts a ? a.reference()
                : task.grading() instanceof GradingSpec.Check c ? c.reference() : null;
        if (reference == null) {
            throw new IllegalArgumentException("task " + task.id() + " carries no reference solution to grade");
        }
        return grade(task, Submission.withCode("", reference));
    }

    /** Builder for {@link TaskGrader}. */
    public static final class Builder {
        private TestRunner testRunner;
        private LlmJudge judge;

        private Builder() {
        }

        /** Runs coding tasks' tests; required to grade them. */
        public Builder testRunner(TestRunner testRunner) {
            this.testRunner = testRunner;
            return this;
        }

        /** An optional LLM judge for short answers. */
        public Builder judge(LlmJudge judge) {
            this.judge = judge;
            return this;
        }

        public TaskGrader build() {
            return new TaskGrader(this);
        }
    }
}
