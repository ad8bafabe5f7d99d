package dev.sale4j.auction;

import dev.sale4j.jury.JuryScore;
import java.util.List;
import java.util.Map;

/**
 * A jury round has ended (SALE step 3).
 *
 * @param auctionId  the auction
 * @param phase      {@link Phase#JURY}, or {@link Phase#REJURY} for refined bids
 * @param scores     one entry per (juror, bid), missing ones with their reason
 * @param skipped    true when the overhead cap skipped the round and no juror was called
 * @param attributes shared by every context of this auction
 */
public record JuryCompletedContext(String auctionId, Phase phase, List<JuryScore> scores, boolean skipped,
        Map<Object, Object> attributes) {

    public JuryCompletedContext {
        scores = List.copyOf(scores);
    }
}
