package dev.sale4j.simulate;

import dev.sale4j.fit.FitObjective;
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

    /** The 2^n - 1 coalitions of a pool, each replayed by its own job, and the Shapley values from their values. */
    static final class Coalitions {
        private final List<String> agents;
        private final Replay replay;
        private final double[] value;

        Coalitions(List<String> agents, Replay replay) {
            int n = agents.size();
            if (n > MAX_AGENTS) {
                throw new IllegalArgumentException("Exact Shapley values over " + n + " agents need 2^" + n
                        + " refitted coalitions; the limit is " + MAX_AGENTS + " agents: drop --shapley");
            }
            this.agents = List.copyOf(agents);
            this.replay = replay;
            this.value = new double[1 << n];
        }

        /** One job per coalition; run them all (in any order, on any threads) before {@link #values}. */
        List<Runnable> jobs() {
            return IntStream.range(1, value.length).<Runnable>mapToObj(mask -> () -> value[mask] = value(mask))
                    .toList();
        }

        private double value(int mask) {
            Set<String> members = members(mask, agents);
            RoutingPolicy policy = members.size() == 1
                    ? Baselines.single(members.iterator().next())
                    : SalePolicy.custom("coalition", FitObjective.WORST_CASE, Ablation.restrictTo(members));
            List<TaskOutcome> outcomes = replay.outcomes(policy);
            return outcomes.stream().filter(TaskOutcome::correct).count() / (double) outcomes.size();
        }

        /** Each agent's Shapley value and each coalition's value. */
        ShapleyValues values() {
            int n = agents.size();
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
                    phi += factorial[size] * factorial[n - size - 1] / factorial[n]
                            * (value[s | (1 << i)] - value[s]);
                }
                values.put(agents.get(i), phi);
            }
            Map<String, Double> coalitions = new LinkedHashMap<>();
            for (int mask = 1; mask < (1 << n); mask++) {
                coalitions.put(String.join("+", members(mask, agents)), value[mask]);
            }
            return new ShapleyValues(values, coalitions, value[(1 << n) - 1]);
        }
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
