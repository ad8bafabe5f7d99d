package dev.sale4j.auction;

/**
 * Overhead of one auction phase for one agent: calls, tokens and their USD cost at the agent's prices.
 *
 * @param estimated true when some of the counts are estimates because a backend reported no usage
 */
public record PhaseUsage(
        String agent, Phase phase, int calls, long inputTokens, long outputTokens, double costUsd, boolean estimated) {

    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
