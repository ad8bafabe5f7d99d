package dev.sale4j.chat;

import dev.sale4j.score.ScoredBid;

/**
 * One bid of a task's auction, as reported in the response metadata.
 *
 * @param agent      the bidder
 * @param planTokens the plan's length in tokens
 * @param cost       the cost term C
 * @param value      the value term V
 * @param net        C - V; the lowest wins
 * @param refined    true for a bid rewritten from memory
 * @param won        true for the winning bid
 */
public record BidSummary(String agent, long planTokens, double cost, double value, double net, boolean refined,
        boolean won) {

    static BidSummary of(ScoredBid bid, boolean won) {
        return new BidSummary(bid.agent(), bid.terms().planTokens(), bid.terms().cost(), bid.terms().value(),
                bid.net(), bid.bid().refined(), won);
    }
}
