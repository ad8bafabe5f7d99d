package dev.sale4j.fit;

import java.util.List;

/**
 * One training task, ready for fitting and replay: per agent (in recorded order) its raw features, price, outcome,
 * and the jury scores with missing ones imputed by {@link dev.sale4j.score.Scorer#imputed}.
 *
 * @param id        the task id
 * @param agents    agent names, in recorded order
 * @param planTokens |s| per agent
 * @param prices    price per agent
 * @param entropy   H per agent
 * @param jurors    this task's jurors, sorted
 * @param gammas    {@code gammas[agent][juror]}, imputed
 * @param correct   whether each agent's execution was correct
 * @param costUsd   each agent's execution cost
 * @param target    index of o(t): the cheapest correct agent, or the cheapest agent when none was correct
 */
record TrainingTask(
        String id,
        List<String> agents,
        long[] planTokens,
        double[] prices,
        double[] entropy,
        List<String> jurors,
        double[][] gammas,
        boolean[] correct,
        double[] costUsd,
        int target) {

    int size() {
        return agents.size();
    }

    boolean solved() {
        return correct[target];
    }

    /** The cost feature {@code price * |s|} of agent a. */
    double costFeature(int a) {
        return prices[a] * planTokens[a];
    }
}
