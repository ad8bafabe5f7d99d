package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.List;

/**
 * The training runs of a fold as arrays, for the routers that learn from outcomes: per task and agent (pool order)
 * whether it was correct and its execution cost, and the willingness to pay per solved task.
 *
 * <p>The willingness to pay {@code lambda} (USD per solved task) is {@code wtpMultiple} times the largest agent's
 * mean execution cost on the training tasks: with the default 10, paying the largest agent's cost is worth ten
 * points of success probability. Routers maximise {@code lambda * P(success) - cost}.
 */
final class Outcomes {

    final List<String> agents;
    final double[] prices;
    final boolean[][] correct;
    final double[][] cost;
    final double lambda;
    final int largest;
    final int cheapest;

    Outcomes(List<RecordedRun> runs, double wtpMultiple) {
        List<AgentRun> first = runs.get(0).agents();
        agents = first.stream().map(AgentRun::agent).toList();
        int n = agents.size();
        prices = new double[n];
        for (int a = 0; a < n; a++) {
            prices[a] = first.get(a).price();
        }
        largest = agents.indexOf(Baselines.largestOf(first));
        cheapest = agents.indexOf(Baselines.cheapestOf(first));
        correct = new boolean[runs.size()][n];
        cost = new double[runs.size()][n];
        double largestCost = 0;
        for (int t = 0; t < runs.size(); t++) {
            List<AgentRun> as = runs.get(t).agents();
            for (int a = 0; a < n; a++) {
                correct[t][a] = Boolean.TRUE.equals(as.get(a).correct());
                cost[t][a] = as.get(a).executionCostUsd();
            }
            largestCost += cost[t][largest];
        }
        lambda = wtpMultiple * largestCost / runs.size();
    }

    int tasks() {
        return correct.length;
    }

    /** Agents in ascending price (recorded order among equals). */
    int[] byPrice() {
        return java.util.stream.IntStream.range(0, agents.size()).boxed()
                .sorted((x, y) -> Double.compare(prices[x], prices[y])).mapToInt(Integer::intValue).toArray();
    }
}
