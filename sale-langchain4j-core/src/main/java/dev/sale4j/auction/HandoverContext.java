package dev.sale4j.auction;

/**
 * The execution of a task moved from an agent that failed with a retriable error to the next one in the
 * selector's ranking.
 *
 * @param auctionId the auction whose ranking gave the order
 * @param taskId    the task
 * @param from      the agent that failed
 * @param to        the agent that takes the task over
 * @param reason    the error, with its type
 */
public record HandoverContext(String auctionId, String taskId, String from, String to, String reason) {}
