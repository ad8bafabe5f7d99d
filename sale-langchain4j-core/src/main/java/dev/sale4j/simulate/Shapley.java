package dev.sale4j.simulate;

import dev.sale4j.fit.FitObjective;
import dev.sale4j.runs.RecordedRun;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The exact Shapley value of each agent over the 2^n - 1 coalitions (see {@link ShapleyValues}). A one-agent
 * coalition is that agent alone; larger ones are SALE (worst-case objective) on the coalition's bids and jurors,
 * refitted per fold on the same folds as the policies.
 */
final class Shapley {

    /** 2^12 coalitions, each refitted per fold: beyond this the exact value is not worth its time. */
    static final int MAX_AGENTS = 12;

    private Shapley() {}

    static ShapleyValues values(List<String> agents, List<RecordedRun> matrix, List<List<Integer>> tests, long seed) {
        int n = agents.size();
        if (n > MAX_AGENTS) {
            throw new IllegalArgumentException("Exact Shapley values over " + n + " agents need 2^" + n
                    + " refitted coalitions; the limit is " + MAX_AGENTS + " agents: drop --shapley");
        }
        Pool pool = Pool.of(matrix);
        double[] value = new double[1 << n];
        IntStream.range(1, 1 << n).parallel().forEach(mask -> value[mask] = coalitionValue(mask, agents, matrix,
                tests, seed, pool));
        double[] factorial = new double[n + 1];
        factorial[0] = 1;
        for (int i = 1; i <= n; i++) {
            factorial[i] = factorial[i - 1] * i;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            double phi = 0;
            for (int s = 0; s < (1 << n); s++) {
                if ((s & (1 << i)) != 0) {
                    continue;
                }
                int size = Integer.bitCount(s);
                phi += factorial[size] * factorial[n - size - 1] / factorial[n] * (value[s | (1 << i)] - value[s]);
            }
            values.put(agents.get(i), phi);
        }
        Map<String, Double> coalitions = new LinkedHashMap<>();
        for (int mask = 1; mask < (1 << n); mask++) {
            coalitions.put(String.join("+", members(mask, agents)), value[mask]);
        }
        return new ShapleyValues(values, coalitions, value[(1 << n) - 1]);
    }

    private static double coalitionValue(int mask, List<String> agents, List<RecordedRun> matrix,
            List<List<Integer>> tests, long seed, Pool pool) {
        Set<String> members = members(mask, agents);
        RoutingPolicy policy = members.size() == 1
                ? Baselines.single(members.iterator().next())
                : SalePolicy.custom("coalition", FitObjective.WORST_CASE, Ablation.restrictTo(members));
        List<TaskOutcome> outcomes = Simulation.replay(policy, pool, matrix, null, tests, seed, null);
        return outcomes.stream().filter(TaskOutcome::correct).count() / (double) outcomes.size();
    }

    private static Set<String> members(int mask, List<String> agents) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < agents.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(agents.get(i));
            }
        }
        return out;
    }
}
