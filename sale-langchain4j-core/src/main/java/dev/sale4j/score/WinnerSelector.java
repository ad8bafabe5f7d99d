package dev.sale4j.score;

import dev.sale4j.pool.AgentPool;
import java.util.List;
import java.util.Optional;

/**
 * Who wins (SALE steps 4 and 5), decided in this one place: the ranking of scored bids (the winner first, then the
 * order in which the others take a task over when the winner fails), whether a refined bid replaces the provisional
 * winner, and the choice of every offline replay of recorded runs. A custom selector changes all of them at once.
 */
@FunctionalInterface
public interface WinnerSelector {

    /**
     * The bids, best first.
     *
     * @param bids   scored bids of one auction (or one replayed task)
     * @param agents the pool's agent names in pool order, for ties
     * @return the same bids, ranked; empty when there are none
     */
    List<ScoredBid> rank(List<ScoredBid> bids, List<String> agents);

    /** The winner: the first of {@link #rank}. */
    default Optional<ScoredBid> select(List<ScoredBid> bids, List<String> agents) {
        return rank(bids, agents).stream().findFirst();
    }

    /** The winner among bids of a pool: the first of {@link #rank}. */
    default Optional<ScoredBid> select(List<ScoredBid> bids, AgentPool pool) {
        return select(bids, pool.names());
    }

    /**
     * Whether a refined bid replaces the provisional winner (SALE step 5). By default, when it ranks before it; SALE's
     * rule ({@link LowestNetScoreSelector}) asks for a strictly lower {@code C - V}.
     */
    default boolean replaces(ScoredBid refined, ScoredBid provisional, List<String> agents) {
        List<ScoredBid> both = rank(List.of(provisional, refined), agents);
        return !both.isEmpty() && both.get(0).equals(refined);
    }

    /**
     * The bid that executes after refinement: the best refined bid if it {@link #replaces} the provisional winner,
     * else the provisional winner.
     */
    default ScoredBid afterRefinement(ScoredBid provisional, List<ScoredBid> refined, List<String> agents) {
        return select(refined, agents).filter(best -> replaces(best, provisional, agents)).orElse(provisional);
    }

    /** SALE's rule: {@link LowestNetScoreSelector}. */
    static WinnerSelector lowestNetScore() {
        return new LowestNetScoreSelector();
    }
}
