package dev.sale4j.bid;

import dev.sale4j.CallUsage;
import java.util.List;

/** What one round of bidding produced: the bids, the agents that placed none and why, and the tokens it cost. */
public record BiddingRound(List<Bid> bids, List<BidFailure> failures, List<CallUsage> usage) {

    public BiddingRound {
        bids = List.copyOf(bids);
        failures = List.copyOf(failures);
        usage = List.copyOf(usage);
    }
}
