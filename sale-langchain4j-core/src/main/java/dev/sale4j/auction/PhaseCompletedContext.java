package dev.sale4j.auction;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A phase of an auction has ended.
 *
 * @param auctionId  the auction
 * @param phase      the phase
 * @param duration   its wall time
 * @param usage      the tokens of each call that answered in it
 * @param attributes shared by every context of this auction
 */
public record PhaseCompletedContext(String auctionId, Phase phase, Duration duration, List<CallUsage> usage,
        Map<Object, Object> attributes) {

    public PhaseCompletedContext {
        usage = List.copyOf(usage);
    }
}
