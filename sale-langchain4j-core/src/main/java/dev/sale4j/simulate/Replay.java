package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The harness runs prepared once for every policy replayed on them: each fold's training runs and embeddings, each
 * task's bids without outcomes, its oracle agent, and (on first use) the text routers' {@link NeighbourIndex}. All of
 * it is immutable, so policies replay in parallel on the same instance and see exactly what a replay of their own
 * would have built.
 */
final class Replay {

    private final Pool pool;
    private final List<RecordedRun> matrix;
    private final List<float[]> vectors;
    private final List<List<Integer>> tests;
    private final long seed;
    private final Supplier<NeighbourIndex> index;
    private final List<List<RecordedRun>> trainRuns = new ArrayList<>();
    private final List<List<float[]>> trainVectors = new ArrayList<>();
    private final List<int[]> trainTasks = new ArrayList<>();
    private final List<List<AgentRun>> bids;
    private final List<RecordedRun> bidsOnly;
    private final String[] oracle;
    private final boolean[] solvable;

    Replay(Pool pool, List<RecordedRun> matrix, List<float[]> vectors, List<List<Integer>> tests, long seed) {
        this.pool = pool;
        this.matrix = List.copyOf(matrix);
        this.vectors = vectors == null ? null : List.copyOf(vectors);
        this.tests = tests;
        this.seed = seed;
        this.index = memoised(() -> NeighbourIndex.of(this.vectors));
        for (List<Integer> test : tests) {
            boolean[] isTest = new boolean[matrix.size()];
            test.forEach(i -> isTest[i] = true);
            List<RecordedRun> train = new ArrayList<>();
            List<float[]> x = vectors == null ? null : new ArrayList<>();
            int[] at = new int[matrix.size() - test.size()];
            for (int i = 0; i < matrix.size(); i++) {
                if (!isTest[i]) {
                    at[train.size()] = i;
                    train.add(matrix.get(i));
                    if (x != null) {
                        x.add(vectors.get(i));
                    }
                }
            }
            trainRuns.add(List.copyOf(train));
            trainVectors.add(x == null ? null : List.copyOf(x));
            trainTasks.add(at);
        }
        List<List<AgentRun>> b = new ArrayList<>(matrix.size());
        List<RecordedRun> blind = new ArrayList<>(matrix.size());
        oracle = new String[matrix.size()];
        solvable = new boolean[matrix.size()];
        for (int i = 0; i < matrix.size(); i++) {
            RecordedRun run = matrix.get(i);
            b.add(TaskView.withoutOutcomes(run));
            blind.add(run.withAgents(b.get(i)));
            oracle[i] = Baselines.oracleTarget(run);
            solvable[i] = Baselines.solvable(run);
        }
        bids = Collections.unmodifiableList(b);
        bidsOnly = Collections.unmodifiableList(blind);
    }

    Pool pool() {
        return pool;
    }

    /** The policy's outcome on every task, each fold routed after training on the others. */
    List<TaskOutcome> outcomes(RoutingPolicy policy) {
        TaskOutcome[] outcomes = new TaskOutcome[matrix.size()];
        Memo memo = new Memo(matrix.size());
        for (int f = 0; f < tests.size(); f++) {
            RoutingPolicy.Router router = policy.train(new Training(trainRuns.get(f), trainVectors.get(f),
                    seed * 31 + f, trainTasks.get(f), index, memo));
            for (int i : tests.get(f)) {
                RecordedRun run = matrix.get(i);
                TaskView view = new TaskView(run, bids.get(i), bidsOnly.get(i), vectors == null ? null : vectors.get(i), i);
                String chosen = router.route(view);
                if (view.tried().stream().noneMatch(t -> t.agent().equals(chosen))) {
                    view.execute(chosen);
                }
                outcomes[i] = outcome(policy, run, view.tried().stream().map(Tried::agent).toList(), chosen, i);
            }
        }
        return List.of(outcomes);
    }

    private TaskOutcome outcome(RoutingPolicy policy, RecordedRun run, List<String> tried, String chosen,
            int position) {
        long tokens = 0;
        long largestTokens = 0;
        double cost = 0;
        for (String agent : tried) {
            AgentRun a = run.agent(agent);
            tokens += a.executionTokens();
            cost += a.executionCostUsd();
            if (agent.equals(pool.largest())) {
                largestTokens += a.executionTokens();
            }
        }
        List<String> ordered = new ArrayList<>(tried);
        ordered.remove(chosen);
        ordered.add(chosen);
        boolean auction = policy.holdsAuction() && run.overhead() != null;
        return new TaskOutcome(run.id(), run.domain(), run.bin(), chosen, ordered,
                Boolean.TRUE.equals(run.agent(chosen).correct()), tokens, cost, largestTokens,
                auction ? run.overhead().tokens() : 0, auction ? run.overhead().costUsd() : 0,
                oracle[position], solvable[position], null, position);
    }

    /** Computes the value once, on first use, for every thread that asks. */
    private static <T> Supplier<T> memoised(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }

    /**
     * What one policy's replay keeps across its folds: each task's run as the policy transforms it (a SALE ablation),
     * so a training run shared by four folds is transformed once. Scoped to one replay of one policy.
     */
    static final class Memo {
        private final AtomicReferenceArray<RecordedRun> transformed;

        Memo(int tasks) {
            transformed = new AtomicReferenceArray<>(tasks);
        }

        RecordedRun transformed(int task, RecordedRun run, UnaryOperator<RecordedRun> f) {
            RecordedRun t = transformed.get(task);
            if (t == null) {
                t = f.apply(run);
                transformed.set(task, t);
            }
            return t;
        }
    }
}
