package dev.sale4j.simulate;

import java.util.List;

/**
 * One policy's outcomes on the recorded tasks, in task order.
 *
 * @param name     the policy's name
 * @param recorded true for a policy read from labelled online runs rather than replayed
 * @param outcomes one outcome per task
 */
public record PolicyResult(String name, boolean recorded, List<TaskOutcome> outcomes) {

    public PolicyResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Pass@1 over every task. */
    public double passAt1() {
        return outcomes.isEmpty() ? 0 : outcomes.stream().filter(TaskOutcome::correct).count()
                / (double) outcomes.size();
    }

    /** USD over every task, overhead included. */
    public double costUsd() {
        return outcomes.stream().mapToDouble(TaskOutcome::totalCostUsd).sum();
    }
}
