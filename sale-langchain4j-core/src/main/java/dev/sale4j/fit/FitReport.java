package dev.sale4j.fit;

import java.util.List;

/**
 * How fitted weights do on their training set: the objective Q, each task's margin, how often the fitted argmin picks
 * the target agent, and the pass@1 and execution cost of the fitted router beside each single agent and the oracle.
 * Training figures flatter the fit; see {@link CrossValidation} for held-out ones.
 *
 * @param objective the objective minimised
 * @param q         its value under the fitted weights: the largest (WORST_CASE) or mean (AVERAGE) task margin
 * @param margins   per task, in input order
 * @param fitted    the fitted router's outcome
 * @param oracle    the target agent of every task (cheapest correct)
 * @param singles   always the same agent, one per agent
 * @param informative false when every feature was equal for every agent of every task: nothing was fitted, the
 *                    weights are uniform and every margin is 0 (see {@link #NO_INFORMATION})
 * @param uninformativeFeatures the features equal for every agent of every task ({@code cost}, {@code entropy},
 *                    {@code juror NAME}): no weight on them changed any margin
 */
public record FitReport(
        FitObjective objective,
        double q,
        List<TaskMargin> margins,
        RoutingOutcome fitted,
        RoutingOutcome oracle,
        List<RoutingOutcome> singles,
        boolean informative,
        List<String> uninformativeFeatures) {

    /** What an uninformative fit means, and what to do. */
    public static final String NO_INFORMATION = "No information to fit on: every feature (cost, entropy, jury scores) "
            + "is equal for every agent of every task, so no weights can tell the agents apart and the router would "
            + "pick by its tie-break (price) alone. The weights are uniform; record runs in which the agents' bids "
            + "differ (plan lengths, entropies, jury scores) and fit again";

    public FitReport {
        margins = List.copyOf(margins);
        singles = List.copyOf(singles);
        uninformativeFeatures = List.copyOf(uninformativeFeatures);
    }

    public int tasks() {
        return margins.size();
    }

    /** The share of tasks, 0..1, on which the fitted argmin is the target agent. */
    public double agreement() {
        return margins.isEmpty() ? 0 : (double) margins.stream().filter(TaskMargin::agrees).count() / margins.size();
    }

    /** Tasks no agent solved (their target is the cheapest agent). */
    public long unsolvedTasks() {
        return margins.stream().filter(m -> !m.solved()).count();
    }
}
