package dev.sale4j.auction;

import dev.sale4j.score.ScoredBid;
import java.util.List;
import java.util.Map;

/**
 * The selector ranked the first round (SALE step 4).
 *
 * @param auctionId   the auction
 * @param ranking     the scored bids, best first
 * @param provisional the provisional winner, {@code ranking.get(0)}
 * @param attributes  shared by every context of this auction
 */
public record WinnerSelectedContext(String auctionId, List<ScoredBid> ranking, ScoredBid provisional,
        Map<Object, Object> attributes) {

    public WinnerSelectedContext {
        ranking = List.copyOf(ranking);
    }
}
