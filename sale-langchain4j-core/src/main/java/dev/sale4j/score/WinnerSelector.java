package dev.sale4j.score;

import dev.sale4j.AgentPool;
import java.util.List;
import java.util.Optional;

/** Picks the winner among scored bids (SALE step 4). */
@FunctionalInterface
public interface WinnerSelector {

    Optional<ScoredBid> select(List<ScoredBid> bids, AgentPool pool);

    /** SALE's rule: {@link LowestNetScoreSelector}. */
    static WinnerSelector lowestNetScore() {
        return new LowestNetScoreSelector();
    }
}
