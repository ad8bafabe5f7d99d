package dev.sale4j.runs;

/**
 * What format version 2 records about one agent's execution of a task beyond v1's correct / tokens / cost: how the
 * tokens split, how many tool calls and how long it took, the grader's verdict and reason, and optionally a
 * verifier's score of the answer (what a FrugalGPT-like cascade escalates on). Every field may be null.
 *
 * @param inputTokens   input (prompt) tokens of the execution
 * @param outputTokens  output tokens of the execution
 * @param toolCalls     tool calls the execution made
 * @param durationMs    wall time of the execution, milliseconds
 * @param verdict       the grader's verdict ({@code correct}, {@code incorrect}, {@code not-attempted}, ...)
 * @param reason        why the grader decided so (failed test, judge's raw answer, ...)
 * @param verifierScore a verifier's confidence that the answer is right, in [0,1]
 */
public record ExecutionDetail(
        Long inputTokens,
        Long outputTokens,
        Integer toolCalls,
        Long durationMs,
        String verdict,
        String reason,
        Double verifierScore) {

    public ExecutionDetail {
        nonNegative("inputTokens", inputTokens);
        nonNegative("outputTokens", outputTokens);
        nonNegative("toolCalls", toolCalls == null ? null : toolCalls.longValue());
        nonNegative("durationMs", durationMs);
        if (verifierScore != null && (!Double.isFinite(verifierScore) || verifierScore < 0 || verifierScore > 1)) {
            throw new IllegalArgumentException("execution.verifierScore is " + verifierScore
                    + ": a verifier's score is a confidence in [0,1]");
        }
    }

    private static void nonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("execution." + field + " is " + value + ", must be >= 0");
        }
    }

    /** Input plus output tokens, or null unless both are known. */
    public Long totalTokens() {
        return inputTokens == null || outputTokens == null ? null : inputTokens + outputTokens;
    }
}
