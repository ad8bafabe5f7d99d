package dev.sale4j.simulate;

import java.util.List;
import java.util.Map;

/**
 * Every policy's outcomes on the recorded runs, and what the measures need to know about the pool.
 *
 * @param agents   the pool's agents, in recorded order
 * @param prices   each agent's price, USD per million output tokens
 * @param largest  the dearest agent
 * @param cheapest the cheapest agent
 * @param policies one result per policy, in the order asked for, recorded policies last
 * @param folds    the cross-validation folds
 * @param seed     the simulation's seed
 * @param shapley  each agent's Shapley value, or empty when not computed
 */
public record SimulationResult(
        List<String> agents,
        Map<String, Double> prices,
        String largest,
        String cheapest,
        List<PolicyResult> policies,
        int folds,
        long seed,
        ShapleyValues shapley) {

    public SimulationResult {
        agents = List.copyOf(agents);
        prices = Map.copyOf(prices);
        policies = List.copyOf(policies);
    }

    /** The result of the named policy. */
    public PolicyResult policy(String name) {
        return policies.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("No policy '" + name + "' in this simulation; policies are "
                        + policies.stream().map(PolicyResult::name).toList()));
    }
}
