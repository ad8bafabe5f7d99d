package dev.sale4j.auction;

import dev.sale4j.pool.AuctionTask;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An auction has started.
 *
 * @param auctionId  the id its result will carry
 * @param task       what the agents bid for
 * @param options    the per-auction limits
 * @param bidders    the agents asked to bid
 * @param startedAt  when it started
 * @param attributes shared by every context of this auction, for listeners' own state
 */
public record AuctionStartedContext(String auctionId, AuctionTask task, AuctionOptions options, List<String> bidders,
        Instant startedAt, Map<Object, Object> attributes) {

    public AuctionStartedContext {
        bidders = List.copyOf(bidders);
    }
}
