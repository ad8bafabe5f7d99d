package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Labelled online runs ({@code routing.policy}, e.g. SALE with memory from {@code sale bench run}) read as one more
 * policy: each run's winner, its recorded outcome, execution cost and tokens, and the auction's overhead. The oracle
 * of a task is known when the harness runs hold the same task text.
 */
final class RecordedPolicy {

    private RecordedPolicy() {}

    static PolicyResult outcomes(String label, List<RecordedRun> runs, Map<String, RecordedRun> matrixByText,
            Pool pool) {
        List<TaskOutcome> out = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            RecordedRun run = runs.get(i);
            if (run.winner() == null) {
                throw new IllegalArgumentException("Online run '" + run.id() + "' (policy '" + label
                        + "') names no winner: an online run records the agent the router chose");
            }
            AgentRun w = run.agent(run.winner());
            Boolean correct = w.correct() != null ? w.correct() : run.routing().winnerCorrect();
            if (correct == null || w.executionCostUsd() == null || w.executionTokens() == null) {
                throw new IllegalArgumentException("Online run '" + run.id() + "' (policy '" + label
                        + "'): the winner '" + run.winner() + "' needs 'correct', 'executionTokens' and "
                        + "'executionCostUsd'");
            }
            RecordedRun full = matrixByText.get(run.text());
            long tokens = w.executionTokens();
            out.add(new TaskOutcome(run.id(), run.domain(), run.bin(), run.winner(), List.of(run.winner()), correct,
                    tokens, w.executionCostUsd(), run.winner().equals(pool.largest()) ? tokens : 0,
                    run.overhead() == null ? 0 : run.overhead().tokens(),
                    run.overhead() == null ? 0 : run.overhead().costUsd(),
                    full == null ? null : Baselines.oracleTarget(full), full != null && Baselines.solvable(full),
                    run.routing().order(), run.routing().position() == null ? i : run.routing().position()));
        }
        return new PolicyResult(label, true, out);
    }
}
