package dev.sale4j.eval.grade;

/**
 * The grade of one answer to one task, kept beside the task in recorded runs.
 *
 * @param correct     whether the answer counts as correct (pass@1)
 * @param score       in [0, 1]: 1 or 0 for tests and multiple choice, the token F1 for short answers
 * @param reason      why: the failing test, the letter found, the normalised answers compared, the judge's verdict
 * @param method      what decided {@code correct}: {@code tests}, {@code choice}, {@code exact-match} or
 *                    {@code llm-judge}
 * @param judgement   the LLM judge's verdict, or null when no judge decided
 * @param judgeAnswer the judge's raw answer, or null when no judge was asked
 */
public record Verdict(boolean correct, double score, String reason, String method, JudgeVerdict judgement,
                      String judgeAnswer) {

    public Verdict {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must lie in [0, 1]; got " + score);
        }
        if (reason == null || method == null) {
            throw new IllegalArgumentException("a verdict needs a reason and a method");
        }
    }

    static Verdict of(boolean correct, String reason, String method) {
        return new Verdict(correct, correct ? 1 : 0, reason, method, null, null);
    }
}
