package dev.sale4j.bid;

import java.time.Duration;

/**
 * Why an agent has no bid: its call failed, timed out or returned nothing usable.
 *
 * @param agent   the bidder
 * @param kind    what went wrong
 * @param reason  a readable reason (the exception's message, with its type)
 * @param latency how long the agent was given before it failed
 */
public record BidFailure(String agent, Kind kind, String reason, Duration latency) {

    /** Kinds of bid failure. */
    public enum Kind {
        /** The backend threw. */
        ERROR,
        /** The call did not finish within the bid timeout. */
        TIMEOUT,
        /** The backend answered with no text. */
        EMPTY,
        /** The bid's estimated execution cost exceeds the auction's reserve price ({@link dev.sale4j.auction.AuctionOptions}). */
        OVER_RESERVE
    }
}
