package dev.sale4j.eval.grade;

import dev.sale4j.eval.suite.BenchTask;
import dev.sale4j.eval.suite.GradingSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/**
 * Grades a short factual answer. The reply's last "Answer: ..." line (or the whole reply) is matched SQuAD-style
 * against the gold answer and its aliases: the score is the best token F1. Without a judge, correct means an
 * exact match after normalisation. With an {@link LlmJudge}, the judge decides and its verdict and raw answer are
 * kept; if the judge fails or answers something unparseable, the exact match decides and the reason says why.
 */
public final class AnswerGrader implements Grader {

    private static final Logger log = LoggerFactory.getLogger(AnswerGrader.class);

    private final LlmJudge judge;

    private AnswerGrader(Builder builder) {
        this.judge = builder.judge;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Verdict grade(BenchTask task, Submission submission) {
        if (!(task.grading() instanceof GradingSpec.Answer spec)) {
            throw new IllegalArgumentException("task " + task.id() + " is graded by '" + task.grading().type()
                    + "', not 'answer'; use TaskGrader to grade any task");
        }
        String answer = AnswerMatcher.finalAnswer(submission.answer());
        AnswerMatcher.Match match = AnswerMatcher.match(answer, spec.answers());
        String matchReason = String.format(Locale.ROOT, "%s: '%s' vs gold '%s' (token F1 %.2f)",
                match.exact() ? "exact match" : "no exact match", match.normalisedAnswer(),
                AnswerMatcher.normalise(match.bestGold()), match.f1());
        if (judge == null) {
            return new Verdict(match.exact(), match.f1(), matchReason, "exact-match", null, null);
        }
        LlmJudge.Judgement judgement;
        try {
            judgement = judge.judge(spec.question(), spec.answers(), submission.answer());
        } catch (RuntimeException e) {
            log.warn("judge failed on task {}: {}", task.id(), e.toString());
            return new Verdict(match.exact(), match.f1(), "judge failed (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "), graded by " + matchReason, "exact-match", null, null);
        }
        if (judgement.verdict() == null) {
            return new Verdict(match.exact(), match.f1(), "judge answer unparseable, graded by " + matchReason,
                    "exact-match", null, judgement.rawAnswer());
        }
        return new Verdict(judgement.verdict() == JudgeVerdict.CORRECT, match.f1(),
                "judge: " + judgement.verdict() + "; " + matchReason, "llm-judge", judgement.verdict(),
                judgement.rawAnswer());
    }

    /** Builder for {@link AnswerGrader}. */
    public static final class Builder {
        private LlmJudge judge;

        private Builder() {
        }

        /** An optional LLM judge; without one, correct means a normalised exact match. */
        public Builder judge(LlmJudge judge) {
            this.judge = judge;
            return this;
        }

        public AnswerGrader build() {
            return new AnswerGrader(this);
        }
    }
}
