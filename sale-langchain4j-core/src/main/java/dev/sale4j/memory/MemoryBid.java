package dev.sale4j.memory;

import dev.sale4j.score.ScoreTerms;

/**
 * One bid of a remembered auction: its agent, its strategy, the terms it was scored with and how it fared.
 *
 * @param agent   the bidder
 * @param text    the strategy
 * @param terms   the cost and value terms of its score
 * @param label   won, lost or refined (see {@link BidLabel})
 * @param refined true for a bid rewritten from memory, whatever its label
 */
public record MemoryBid(String agent, String text, ScoreTerms terms, BidLabel label, boolean refined) {

    public MemoryBid {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("A remembered bid needs the name of its agent");
        }
        if (label == null) {
            throw new IllegalArgumentException("A remembered bid needs its label (WON, LOST or REFINED)");
        }
        if (terms == null) {
            throw new IllegalArgumentException("A remembered bid needs its score terms (agent " + agent + ")");
        }
        text = text == null ? "" : text;
    }

    /** C - V of the bid when it was scored: lower is better. */
    public double net() {
        return terms.net();
    }

    public boolean won() {
        return label == BidLabel.WON;
    }
}
