package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The reference policies: each single agent, the largest (dearest) agent, a seeded random choice, and the oracle
 * (the cheapest agent whose execution was correct, by price then execution cost; the cheapest agent when none was).
 */
public final class Baselines {

    private Baselines() {}

    /** Always this agent: {@code single:<agent>}. */
    public static RoutingPolicy single(String agent) {
        return named("single:" + agent, t -> task -> agent);
    }

    /** Always the agent with the highest price (the first recorded among equals): {@code largest}. */
    public static RoutingPolicy largest() {
        return named("largest", t -> task -> largestOf(task.bids()));
    }

    /**
     * A uniformly random agent per task: {@code random}. The draw depends only on the seed and the task id, so it is
     * the same whatever the folds.
     */
    public static RoutingPolicy random(long seed) {
        return named("random", t -> task -> {
            List<String> agents = task.agents();
            long mix = seed * 0x9E3779B97F4A7C15L ^ task.id().hashCode();
            return agents.get(new SplittableRandom(mix).nextInt(agents.size()));
        });
    }

    /** The cheapest agent whose execution was correct; it looks at outcomes, so it bounds what routing can reach. */
    public static RoutingPolicy oracle() {
        return named("oracle", t -> task -> oracleTarget(task.hindsight()));
    }

    /** The oracle's agent for a complete run: cheapest correct by price then execution cost, else the cheapest. */
    public static String oracleTarget(RecordedRun run) {
        AgentRun best = null;
        boolean anyCorrect = run.agents().stream().anyMatch(a -> Boolean.TRUE.equals(a.correct()));
        for (AgentRun a : run.agents()) {
            if (anyCorrect && !Boolean.TRUE.equals(a.correct())) {
                continue;
            }
            if (best == null || a.price() < best.price()
                    || (a.price() == best.price() && cost(a) < cost(best))) {
                best = a;
            }
        }
        return best.agent();
    }

    /** Whether any agent of the complete run was correct. */
    public static boolean solvable(RecordedRun run) {
        return run.agents().stream().anyMatch(a -> Boolean.TRUE.equals(a.correct()));
    }

    static String largestOf(List<AgentRun> bids) {
        AgentRun best = bids.get(0);
        for (AgentRun a : bids) {
            if (a.price() > best.price()) {
                best = a;
            }
        }
        return best.agent();
    }

    static String cheapestOf(List<AgentRun> bids) {
        AgentRun best = bids.get(0);
        for (AgentRun a : bids) {
            if (a.price() < best.price()) {
                best = a;
            }
        }
        return best.agent();
    }

    private static double cost(AgentRun a) {
        return a.executionCostUsd() == null ? Double.POSITIVE_INFINITY : a.executionCostUsd();
    }

    static RoutingPolicy named(String name, Function<Training, RoutingPolicy.Router> train) {
        return new RoutingPolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Router train(Training training) {
                return train.apply(training);
            }
        };
    }
}
