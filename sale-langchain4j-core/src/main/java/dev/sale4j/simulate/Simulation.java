package dev.sale4j.simulate;

import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The router simulator: replays recorded runs through routing policies side by side, by k-fold cross-validation
 * (tasks shuffled with the seed and dealt into folds; each fold is routed by policies trained on the others), like a
 * trace-driven cache simulator replays a recorded workload through eviction policies.
 *
 * <p>Two kinds of runs come in. Harness runs (no {@code routing}): every agent bid, was judged and executed every
 * task; every replayed policy routes these. Labelled online runs ({@code routing.policy}, from {@code sale bench
 * run}): each label is one more policy, whose outcomes are those recorded for its winner.
 */
public final class Simulation {

    private final List<RecordedRun> matrix;
    private final Map<String, List<RecordedRun>> online;
    private final List<RoutingPolicy> policies;
    private final int folds;
    private final long seed;
    private final TaskEmbeddings embeddings;
    private final boolean shapley;

    private Simulation(Builder b) {
        this.matrix = new ArrayList<>();
        this.online = new LinkedHashMap<>();
        for (RecordedRun r : b.runs) {
            if (r.policy() == null) {
                matrix.add(r);
            } else {
                online.computeIfAbsent(r.policy(), k -> new ArrayList<>()).add(r);
            }
        }
        this.policies = List.copyOf(b.policies);
        this.folds = b.folds;
        this.seed = b.seed;
        this.embeddings = b.embeddings;
        this.shapley = b.shapley;
        Pool.check(matrix, !policies.isEmpty() || shapley);
        if (!matrix.isEmpty() && (folds < 2 || folds > matrix.size())) {
            throw new IllegalArgumentException("Cross-validation needs 2 <= folds <= tasks; got " + folds
                    + " folds for " + matrix.size() + " harness tasks: lower --folds or record more tasks");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs every policy (and the Shapley values when asked) and returns their outcomes. */
    public SimulationResult run() {
        Pool pool = matrix.isEmpty() ? Pool.of(online.values().iterator().next()) : Pool.of(matrix);
        List<float[]> vectors = embeddings == null || matrix.isEmpty() ? null
                : embeddings.embed(matrix.stream().map(RecordedRun::text).toList());
        List<List<Integer>> foldTests = folds();
        Replay replay = new Replay(pool, matrix, vectors, foldTests, seed);
        // the policies and the Shapley coalitions are independent jobs: one parallel batch keeps both cores busy
        List<Runnable> jobs = new ArrayList<>();
        PolicyResult[] results = new PolicyResult[policies.size()];
        for (int p = 0; p < policies.size(); p++) {
            int at = p;
            jobs.add(() -> results[at] = new PolicyResult(policies.get(at).name(), false,
                    replay.outcomes(policies.get(at))));
        }
        Shapley.Coalitions coalitions = shapley ? new Shapley.Coalitions(pool.agents(), replay) : null;
        if (coalitions != null) {
            jobs.addAll(coalitions.jobs());
        }
        jobs.parallelStream().forEach(Runnable::run);
        List<PolicyResult> all = new ArrayList<>(List.of(results));
        Map<String, RecordedRun> byText = new LinkedHashMap<>();
        matrix.forEach(r -> byText.putIfAbsent(r.text(), r));
        online.forEach((label, runs) -> all.add(RecordedPolicy.outcomes(label, runs, byText, pool)));
        ShapleyValues values = coalitions == null ? null : coalitions.values();
        return new SimulationResult(pool.agents(), pool.prices(), pool.largest(), pool.cheapest(), all, folds, seed,
                values);
    }

    /** The test indices of each fold. */
    List<List<Integer>> folds() {
        if (matrix.isEmpty()) {
            return List.of();
        }
        return folds(matrix.size(), folds, seed);
    }

    static List<List<Integer>> folds(int tasks, int folds, long seed) {
        List<Integer> order = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<List<Integer>> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> test = new ArrayList<>();
            for (int i = f; i < order.size(); i += folds) {
                test.add(order.get(i));
            }
            Collections.sort(test);
            out.add(test);
        }
        return out;
    }

    /** Builder of {@link Simulation}. */
    public static final class Builder {
        private List<RecordedRun> runs = List.of();
        private List<RoutingPolicy> policies = List.of();
        private int folds = 5;
        private long seed = 42;
        private TaskEmbeddings embeddings;
        private boolean shapley;

        private Builder() {}

        /** The recorded runs: harness runs, labelled online runs, or both. */
        public Builder runs(List<RecordedRun> runs) {
            if (runs == null || runs.isEmpty()) {
                throw new IllegalArgumentException("No recorded runs to simulate: pass the JSONL files of "
                        + "'sale bench record' (and optionally 'sale bench run')");
            }
            this.runs = List.copyOf(runs);
            return this;
        }

        /** The policies to replay on the harness runs (see {@link PolicyRegistry}). */
        public Builder policies(List<RoutingPolicy> policies) {
            this.policies = List.copyOf(policies);
            return this;
        }

        /** Folds of cross-validation, at least 2 (default 5). */
        public Builder folds(int folds) {
            this.folds = folds;
            return this;
        }

        /** Seed of the fold shuffle, random choices and bootstrap (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Embeds task texts for the text routers; without it, policies that need embeddings fail clearly. */
        public Builder embeddings(TaskEmbeddings embeddings) {
            this.embeddings = embeddings;
            return this;
        }

        /** Whether to compute each agent's Shapley value (2^n - 1 coalitions, each refitted per fold). */
        public Builder shapley(boolean shapley) {
            this.shapley = shapley;
            return this;
        }

        public Simulation build() {
            return new Simulation(this);
        }
    }
}
