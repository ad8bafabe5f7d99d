package dev.sale4j.bid;

import dev.sale4j.pool.Agent;
import dev.sale4j.pool.AuctionTask;

/**
 * Writes one agent's bid for a task (SALE step 1). The auction calls it for every agent in parallel, with a
 * timeout, and records a failure for an agent whose call throws or runs late.
 */
@FunctionalInterface
public interface Bidder {

    /**
     * @return the agent's bid
     * @throws RuntimeException when the agent cannot bid; the auction keeps the reason and goes on without it
     */
    Bid bid(Agent agent, AuctionTask task);
}
