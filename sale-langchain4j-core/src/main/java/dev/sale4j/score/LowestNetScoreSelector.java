package dev.sale4j.score;

import java.util.Comparator;
import java.util.List;

/**
 * SALE's selection rule: the bid with the lowest {@code C - V} wins. Ties (equal within 1e-9 relative) go to the
 * lower cost C, then to the cheaper agent, then to the agent added to the pool first, so results are
 * deterministic. A refined bid replaces the provisional winner only if its {@code C - V} is strictly lower.
 */
public final class LowestNetScoreSelector implements WinnerSelector {

    private static final double RELATIVE_TIE = 1e-9;

    @Override
    public List<ScoredBid> rank(List<ScoredBid> bids, List<String> agents) {
        Comparator<ScoredBid> byNet = (a, b) -> compareWithTies(a.net(), b.net());
        Comparator<ScoredBid> order = byNet
                .thenComparing((a, b) -> compareWithTies(a.terms().cost(), b.terms().cost()))
                .thenComparingDouble(b -> b.terms().price())
                .thenComparingInt(b -> position(agents, b.agent()));
        return bids.stream().sorted(order).toList();
    }

    @Override
    public boolean replaces(ScoredBid refined, ScoredBid provisional, List<String> agents) {
        return refined.net() < provisional.net();
    }

    private static int position(List<String> agents, String agent) {
        int i = agents.indexOf(agent);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static int compareWithTies(double a, double b) {
        double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        if (Math.abs(a - b) <= RELATIVE_TIE * scale) {
            return 0;
        }
        return Double.compare(a, b);
    }
}
