package dev.sale4j.fit;

/**
 * How one task fares under a set of weights.
 *
 * @param task   the task id
 * @param target o(t), the cheapest correct agent (the cheapest agent when none was correct)
 * @param chosen the agent the weights pick
 * @param margin {@code (C-V)_target - min_{j != target} (C-V)_j}: negative when the target wins, by that much
 * @param solved whether any agent solved the task
 */
public record TaskMargin(String task, String target, String chosen, double margin, boolean solved) {

    public boolean agrees() {
        return target.equals(chosen);
    }
}
