package dev.sale4j.simulate;

import java.util.Map;

/**
 * Each agent's exact Shapley value in SALE's routing: the mean, over every order of adding agents to the pool, of
 * how much the agent's arrival raises the coalition's value. A coalition is SALE restricted to its agents, as
 * bidders and as jurors together, refitted by cross-validation; its value is held-out pass@1 (the empty pool's is
 * 0). The values sum to the full pool's value.
 *
 * @param values      agent -> Shapley value
 * @param coalitions  each coalition (agents joined by {@code +}, in pool order) -> its value
 * @param fullPool    the full pool's value
 */
public record ShapleyValues(Map<String, Double> values, Map<String, Double> coalitions, double fullPool) {

    public ShapleyValues {
        values = Map.copyOf(values);
        coalitions = Map.copyOf(coalitions);
    }
}
