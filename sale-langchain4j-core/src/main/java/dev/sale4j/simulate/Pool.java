package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agents of the recorded runs: names in recorded order, prices, the dearest and the cheapest. */
record Pool(List<String> agents, Map<String, Double> prices, String largest, String cheapest) {

    static Pool of(List<RecordedRun> runs) {
        List<AgentRun> first = runs.get(0).agents();
        Map<String, Double> prices = new LinkedHashMap<>();
        first.forEach(a -> prices.put(a.agent(), a.price()));
        return new Pool(first.stream().map(AgentRun::agent).toList(), prices, Baselines.largestOf(first),
                Baselines.cheapestOf(first));
    }

    /**
     * Checks that the harness runs can be replayed: the same agents in every task, and every agent executed every
     * task with its outcome, cost and tokens recorded.
     */
    static void check(List<RecordedRun> matrix, boolean needed) {
        if (matrix.isEmpty()) {
            if (needed) {
                throw new IllegalArgumentException("No harness runs to replay the policies on: every run carries a "
                        + "routing.policy label (online runs); add the runs of 'sale bench record', in which every "
                        + "agent executed every task");
            }
            return;
        }
        List<String> names = matrix.get(0).agents().stream().map(AgentRun::agent).toList();
        for (RecordedRun run : matrix) {
            List<String> these = run.agents().stream().map(AgentRun::agent).toList();
            if (!these.equals(names)) {
                throw new IllegalArgumentException("Task '" + run.id() + "' has agents " + these + " but task '"
                        + matrix.get(0).id() + "' has " + names + ": replay needs the same pool, in the same order, "
                        + "in every task");
            }
            for (AgentRun a : run.agents()) {
                String missing = a.correct() == null ? "correct" : a.executionCostUsd() == null ? "executionCostUsd"
                        : a.executionTokens() == null ? "executionTokens" : null;
                if (missing != null) {
                    throw new IllegalArgumentException("Task '" + run.id() + "', agent '" + a.agent() + "' has no '"
                            + missing + "': replay needs runs in which every agent executed every task "
                            + "('sale bench record'); label router recordings with routing.policy instead");
                }
            }
        }
    }
}
