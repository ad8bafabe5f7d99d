package dev.sale4j.score;

import dev.sale4j.bid.Bid;

/** A bid with the terms of its score. */
public record ScoredBid(Bid bid, ScoreTerms terms) {

    public String agent() {
        return bid.agent();
    }

    /** C - V: lower is better. */
    public double net() {
        return terms.net();
    }
}
