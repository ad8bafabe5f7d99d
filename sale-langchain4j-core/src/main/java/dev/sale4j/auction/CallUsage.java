package dev.sale4j.auction;

/**
 * Tokens one auction call cost one agent.
 *
 * @param agent        the agent that made the call (the bidder or the juror)
 * @param phase        the auction phase the call belongs to
 * @param inputTokens  prompt tokens, as reported by the backend or estimated
 * @param outputTokens completion tokens, as reported by the backend or estimated
 * @param estimated    true when the backend reported no usage and the counts are estimates
 */
public record CallUsage(String agent, Phase phase, long inputTokens, long outputTokens, boolean estimated) {}
