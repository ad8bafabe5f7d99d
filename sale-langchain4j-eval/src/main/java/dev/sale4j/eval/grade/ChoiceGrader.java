package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;

/** Grades a multiple-choice answer by the letter it chooses ({@link ChoiceExtractor}); ambiguous answers are wrong. */
public final class ChoiceGrader implements Grader {

    @Override
    public Verdict grade(BenchTask task, Submission submission) {
        if (!(task.grading() instanceof GradingSpec.Choice spec)) {
            throw new IllegalArgumentException("task " + task.id() + " is graded by '" + task.grading().type()
                    + "', not 'choice'; use TaskGrader to grade any task");
        }
        ChoiceExtractor.Choice choice = ChoiceExtractor.extract(submission.answer(), spec.letters());
        if (choice.letter() == null) {
            return Verdict.of(false, choice.reason() + "; the key is " + spec.answer(), "choice");
        }
        boolean correct = choice.letter().equals(spec.answer());
        return Verdict.of(correct, choice.reason() + (correct ? ", the key" : "; the key is " + spec.answer()),
                "choice");
    }
}
