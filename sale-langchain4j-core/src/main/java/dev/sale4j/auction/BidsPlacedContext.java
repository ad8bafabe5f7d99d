package dev.sale4j.auction;

import dev.sale4j.bid.Bid;
import dev.sale4j.bid.BidFailure;
import java.util.List;
import java.util.Map;

/**
 * The first round of bids is in (SALE step 1), after the reserve price.
 *
 * @param auctionId  the auction
 * @param bids       the bids that compete
 * @param failures   the agents that placed none, and why (over-reserve bids included)
 * @param attributes shared by every context of this auction
 */
public record BidsPlacedContext(String auctionId, List<Bid> bids, List<BidFailure> failures,
        Map<Object, Object> attributes) {

    public BidsPlacedContext {
        bids = List.copyOf(bids);
        failures = List.copyOf(failures);
    }
}
