package dev.sale4j.runs;

/**
 * Format version 2: the tokens and USD the auction of a task cost (bids, jury, refinement), where a router or the
 * harness ran one. The simulator charges it to the policies that hold an auction and reports it as a share of all
 * tokens.
 *
 * @param tokens  input plus output tokens of every auction call
 * @param costUsd their USD cost
 */
public record AuctionOverhead(long tokens, double costUsd) {

    public AuctionOverhead {
        if (tokens < 0) {
            throw new IllegalArgumentException("overhead.tokens is " + tokens + ", must be >= 0");
        }
        if (!Double.isFinite(costUsd) || costUsd < 0) {
            throw new IllegalArgumentException("overhead.costUsd is " + costUsd + ", must be a finite USD figure >= 0");
        }
    }
}
