package dev.sale4j.tools.agent;

/** Why an agent run ended. */
public enum StopReason {
    /** The model gave its final answer within the tool step limit. */
    COMPLETED,
    /**
     * The tool step limit was spent. The model was told so and either answered from what it had (the answer is then
     * in the run's text) or kept calling tools and was stopped (the text is then empty).
     */
    STEP_LIMIT,
    /** The final answer was cut at the model's output token limit. */
    LENGTH
}
