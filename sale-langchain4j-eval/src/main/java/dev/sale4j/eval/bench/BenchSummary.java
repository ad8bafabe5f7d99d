package dev.sale4j.eval.bench;

import java.util.List;

/**
 * What one {@code bench record} or {@code bench run} invocation did.
 *
 * @param recorded      tasks finished and written by this invocation
 * @param skipped       tasks already in the file from an earlier invocation (resumed past)
 * @param failed        tasks that failed (backend errors, missing bids): not written, retried by the next invocation
 * @param notStarted    tasks the budget stopped before they began
 * @param spentUsd      USD of the file's tasks, earlier invocations' included, plus failed attempts of this one
 * @param budgetStopped whether the budget stopped the run
 * @param failures      one line per failed task: its id and why
 */
public record BenchSummary(int recorded, int skipped, int failed, int notStarted, double spentUsd,
                           boolean budgetStopped, List<String> failures) {

    public BenchSummary {
        failures = List.copyOf(failures);
    }
}
