package dev.sale4j.simulate;

import java.util.Map;

/**
 * One policy's figures on one group of tasks (a domain, a bin, both, or all).
 *
 * @param tasks               tasks in the group
 * @param solved              tasks whose kept answer was correct
 * @param passAt1             solved / tasks
 * @param ciLow               bootstrap 95% interval of pass@1, low end
 * @param ciHigh              its high end
 * @param costUsd             USD of every execution tried, plus the auction overhead charged
 * @param tokens              tokens of every execution tried, plus the overhead tokens charged
 * @param usdPerMtok          the paper's $/Mtok: {@code costUsd / tokens * 1e6} (0 without tokens)
 * @param overheadShare       overhead tokens / all tokens, or null when no overhead was charged
 * @param largestTaskShare    share of tasks answered by the largest agent
 * @param largestTokenShare   share of the tokens spent by the largest agent
 * @param largestTokenReduction 1 - (largest agent's tokens here) / (its tokens if it ran every task of the group);
 *                            null when unknown (online runs)
 * @param allocation          agent -> share of tasks it answered
 * @param matched             tasks answered by the oracle's agent (solvable tasks only)
 * @param overEscalated       solvable tasks answered by an agent dearer than the oracle's
 * @param underEscalated      solvable tasks answered by an agent cheaper than the oracle's
 * @param unsolvable          tasks no agent solved (or whose oracle is unknown)
 */
public record Measure(
        int tasks,
        int solved,
        double passAt1,
        double ciLow,
        double ciHigh,
        double costUsd,
        long tokens,
        double usdPerMtok,
        Double overheadShare,
        double largestTaskShare,
        double largestTokenShare,
        Double largestTokenReduction,
        Map<String, Double> allocation,
        int matched,
        int overEscalated,
        int underEscalated,
        int unsolvable) {

    public Measure {
        allocation = Map.copyOf(allocation);
    }
}
