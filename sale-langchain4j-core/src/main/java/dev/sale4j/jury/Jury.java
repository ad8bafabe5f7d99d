package dev.sale4j.jury;

import dev.sale4j.bid.Bid;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.pool.AuctionTask;
import java.util.List;

/**
 * Scores bids (SALE step 3): every juror gives every bid an integer 0..5. A jury says which calls it needs; the
 * auction runs them in parallel and records, per (juror, bid), the score or why there is none.
 */
@FunctionalInterface
public interface Jury {

    /**
     * @param task   the task the bids are for
     * @param bids   the bids to judge
     * @param jurors the agents that judge (every agent of the pool, the bidders among them)
     * @return the calls to make; together they should cover every (juror, bid) pair
     */
    List<JuryCall> calls(AuctionTask task, List<Bid> bids, AgentPool jurors);
}
