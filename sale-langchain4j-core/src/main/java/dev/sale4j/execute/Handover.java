package dev.sale4j.execute;

/**
 * A task moved from one agent to the next-best bidder because the first failed with a retriable error.
 *
 * @param from   the agent that failed
 * @param to     the agent that took the task over
 * @param reason the error, with its type
 */
public record Handover(String from, String to, String reason) {}
