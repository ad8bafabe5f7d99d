package dev.sale4j.refine;

import dev.sale4j.bid.Bid;
import dev.sale4j.memory.BidPair;
import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;
import java.util.List;

/**
 * Rewrites a cheaper agent's bid after it contrasts (losing, winning) pairs from similar past auctions (SALE step
 * 5). The auction calls it, in parallel and within the bid timeout, for every agent strictly cheaper than the
 * provisional winner that bid and has at least one pair; the rewritten bid is judged and scored like any other.
 */
@FunctionalInterface
public interface Refiner {

    /**
     * @param agent  the cheaper agent that rewrites its bid
     * @param task   the current task
     * @param bid    the agent's first-round bid for it
     * @param pairs  the agent's pairs, in {@link dev.sale4j.memory.PairSelection} order
     * @return the rewritten bid; it is marked refined by the auction if the refiner did not
     * @throws RuntimeException when the agent cannot rewrite; its first-round bid stands
     */
    Bid refine(Agent agent, AuctionTask task, Bid bid, List<BidPair> pairs);
}
