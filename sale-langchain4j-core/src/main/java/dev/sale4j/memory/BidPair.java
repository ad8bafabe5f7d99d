package dev.sale4j.memory;

import java.util.Optional;

/**
 * A (losing bid, winning bid) pair from one similar past auction, in which one side is the retrieving agent's own:
 * what a cheaper agent contrasts before it rewrites its bid (SALE step 5).
 *
 * @param auctionId  the past auction
 * @param task       the past task
 * @param similarity cosine similarity of the past task's embedding to the current task's, in [-1,1]
 * @param losing     the bid that lost
 * @param winning    the bid that won
 * @param outcome    the real outcome of the winner's execution, or null while unknown
 */
public record BidPair(
        String auctionId, String task, double similarity, MemoryBid losing, MemoryBid winning, Outcome outcome) {

    public BidPair {
        if (losing == null || winning == null) {
            throw new IllegalArgumentException("A bid pair needs both its losing and its winning bid");
        }
    }

    /** True when the given agent wrote the winning side. */
    public boolean ownWin(String agent) {
        return winning.agent().equals(agent);
    }

    /** Whether the winner's execution succeeded (true), failed (false), or is not known (empty). */
    public Optional<Boolean> winnerSucceeded() {
        return Optional.ofNullable(outcome).map(Outcome::succeeded);
    }
}
