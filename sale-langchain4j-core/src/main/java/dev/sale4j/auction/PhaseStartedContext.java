package dev.sale4j.auction;

import java.util.List;
import java.util.Map;

/**
 * A phase of an auction has started.
 *
 * @param auctionId  the auction
 * @param phase      the phase
 * @param agents     the agents it calls (bidders, jurors or refiners)
 * @param attributes shared by every context of this auction
 */
public record PhaseStartedContext(String auctionId, Phase phase, List<String> agents, Map<Object, Object> attributes) {

    public PhaseStartedContext {
        agents = List.copyOf(agents);
    }
}
