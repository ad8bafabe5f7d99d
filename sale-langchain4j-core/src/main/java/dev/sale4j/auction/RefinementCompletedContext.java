package dev.sale4j.auction;

import dev.sale4j.score.ScoredBid;
import java.util.List;
import java.util.Map;

/**
 * Refinement from memory has ended (SALE step 5); told only when some agent was eligible to refine.
 *
 * @param auctionId   the auction
 * @param provisional the provisional winner
 * @param refined     the refined bids that were judged and scored; empty when none came back or none could be judged
 * @param winner      the bid that executes: a refined one when it replaced the provisional winner
 * @param attributes  shared by every context of this auction
 */
public record RefinementCompletedContext(String auctionId, ScoredBid provisional, List<ScoredBid> refined,
        ScoredBid winner, Map<Object, Object> attributes) {

    public RefinementCompletedContext {
        refined = List.copyOf(refined);
    }

    /** True when a refined bid replaced the provisional winner. */
    public boolean replaced() {
        return !winner.equals(provisional);
    }
}
