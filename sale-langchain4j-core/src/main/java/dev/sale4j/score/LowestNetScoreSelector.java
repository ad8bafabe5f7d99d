package dev.sale4j.score;

import dev.sale4j.AgentPool;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * SALE's selection rule: the bid with the lowest {@code C - V} wins. Ties (equal within 1e-9 relative) go to the
 * lower cost C, then to the cheaper agent, then to the agent added to the pool first, so results are
 * deterministic.
 */
public final class LowestNetScoreSelector implements WinnerSelector {

    private static final double RELATIVE_TIE = 1e-9;

    @Override
    public Optional<ScoredBid> select(List<ScoredBid> bids, AgentPool pool) {
        Comparator<ScoredBid> byNet = (a, b) -> compareWithTies(a.net(), b.net());
        Comparator<ScoredBid> order = byNet
                .thenComparing((a, b) -> compareWithTies(a.terms().cost(), b.terms().cost()))
                .thenComparingDouble(b -> b.terms().price())
                .thenComparingInt(b -> pool.indexOf(b.agent()));
        return bids.stream().min(order);
    }

    static int compareWithTies(double a, double b) {
        double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        if (Math.abs(a - b) <= RELATIVE_TIE * scale) {
            return 0;
        }
        return Double.compare(a, b);
    }
}
