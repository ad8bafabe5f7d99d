package dev.sale4j.fit;

/**
 * What a routing policy would have achieved on a set of recorded tasks: how many the chosen agent solved, and the
 * summed execution cost of the chosen agents (auction overhead excluded).
 *
 * @param policy  the policy: {@code fitted}, {@code oracle}, or {@code always <agent>}
 * @param tasks   tasks routed
 * @param solved  tasks whose chosen agent's execution was correct
 * @param costUsd summed execution cost of the chosen agents, USD
 */
public record RoutingOutcome(String policy, int tasks, int solved, double costUsd) {

    /** Pass@1: the share of tasks solved, 0..1. */
    public double passAt1() {
        return tasks == 0 ? 0 : (double) solved / tasks;
    }

    /** Mean execution cost per task, USD. */
    public double costPerTask() {
        return tasks == 0 ? 0 : costUsd / tasks;
    }

    RoutingOutcome plus(RoutingOutcome other) {
        return new RoutingOutcome(policy, tasks + other.tasks, solved + other.solved, costUsd + other.costUsd);
    }
}
