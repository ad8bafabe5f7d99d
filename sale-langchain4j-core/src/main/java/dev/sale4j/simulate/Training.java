package dev.sale4j.simulate;

import dev.sale4j.runs.RecordedRun;
import java.util.List;

/**
 * The training tasks of one fold: complete recorded runs (every agent bid, was judged and executed), with their task
 * embeddings when the simulation has an embedder, and a seed for policies that sample. Built by the simulator, it
 * also knows where its tasks sit in the whole replay, so the text routers share one {@link NeighbourIndex} across
 * folds and policies.
 */
public final class Training {

    private final List<RecordedRun> runs;
    private final List<float[]> embeddings;
    private final long seed;
    private final int[] tasks;
    private final java.util.function.Supplier<NeighbourIndex> index;
    private final Replay.Memo memo;

    /**
     * @param runs       the training runs, every agent executed
     * @param embeddings one unit vector per run, same order; null when the simulation has no embedder
     * @param seed       a seed derived from the simulation's seed and the fold
     */
    public Training(List<RecordedRun> runs, List<float[]> embeddings, long seed) {
        this(runs, embeddings, seed, null, null, null);
    }

    Training(List<RecordedRun> runs, List<float[]> embeddings, long seed, int[] tasks,
            java.util.function.Supplier<NeighbourIndex> index, Replay.Memo memo) {
        this.runs = List.copyOf(runs);
        if (embeddings != null && embeddings.size() != runs.size()) {
            throw new IllegalArgumentException("Training has " + runs.size() + " runs but " + embeddings.size()
                    + " embeddings: give one embedding per run");
        }
        this.embeddings = embeddings == null ? null : List.copyOf(embeddings);
        this.seed = seed;
        this.tasks = tasks;
        this.index = tasks == null ? null : index;
        this.memo = tasks == null ? null : memo;
    }

    /** The training runs, every agent executed. */
    public List<RecordedRun> runs() {
        return runs;
    }

    /** One unit vector per run, same order; null when the simulation has no embedder. */
    public List<float[]> embeddings() {
        return embeddings;
    }

    /** A seed derived from the simulation's seed and the fold. */
    public long seed() {
        return seed;
    }

    /** The embeddings, or a clear error for text routers run without an embedder. */
    public List<float[]> requireEmbeddings(String policy) {
        if (embeddings == null) {
            throw new IllegalStateException("Policy '" + policy + "' reads task embeddings, but the simulation has no "
                    + "embedder: build it with embeddings(TaskEmbeddings...) or drop the text routers");
        }
        return embeddings;
    }

    /**
     * The k nearest training runs to a task, as indices into {@link #runs()}, most similar first (ties: lower index).
     * A {@link Knn} over these embeddings, answered from the simulation's shared index when there is one.
     */
    Neighbours neighbours(String policy, int k) {
        return among(policy, null, k);
    }

    /**
     * Like {@link #neighbours} over the training runs at {@code positions} (indices into {@link #runs()}, in that
     * order): results are indices into {@code positions}.
     */
    Neighbours among(String policy, List<Integer> positions, int k) {
        List<float[]> x = requireEmbeddings(policy);
        int size = positions == null ? x.size() : positions.size();
        if (size == 0) {
            throw new IllegalArgumentException("kNN needs at least one training task");
        }
        NeighbourIndex shared = index == null ? null : index.get();
        if (shared == null) {
            Knn knn = new Knn(positions == null ? x : positions.stream().map(x::get).toList(), k);
            return new Neighbours(knn, null, null, null, k);
        }
        int[] reference = new int[size];
        for (int i = 0; i < size; i++) {
            reference[i] = tasks[positions == null ? i : positions.get(i)];
        }
        int[] positionOf = new int[shared.size()];
        java.util.Arrays.fill(positionOf, -1);
        for (int i = 0; i < size; i++) {
            positionOf[reference[i]] = i;
        }
        return new Neighbours(null, shared, reference, positionOf, k);
    }

    /**
     * The training runs transformed by {@code f}, each transformed once per replay of a policy: a policy must pass the
     * same pure function in every fold (SALE passes its ablation).
     */
    List<RecordedRun> transformed(java.util.function.UnaryOperator<RecordedRun> f) {
        java.util.ArrayList<RecordedRun> out = new java.util.ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            out.add(memo == null ? f.apply(runs.get(i)) : memo.transformed(tasks[i], runs.get(i), f));
        }
        return out;
    }

    /** The training run at a position, as a task of the whole replay (-1 outside the simulator). */
    int task(int position) {
        return tasks == null ? -1 : tasks[position];
    }

    /** Nearest neighbours among a fixed reference set, for a test task or for a training run. */
    static final class Neighbours {
        private final Knn knn;
        private final NeighbourIndex index;
        private final int[] reference;
        private final int[] positionOf;
        private final int k;

        private Neighbours(Knn knn, NeighbourIndex index, int[] reference, int[] positionOf, int k) {
            this.knn = knn;
            this.index = index;
            this.reference = reference;
            this.positionOf = positionOf;
            this.k = k;
        }

        /** Neighbours of a task of the whole replay (its index, or -1 when unknown) with this embedding. */
        int[] of(int task, float[] embedding) {
            return knn != null || task < 0 ? brute(embedding) : index.nearest(task, reference, positionOf, k);
        }

        private int[] brute(float[] embedding) {
            if (knn != null) {
                return knn.nearest(embedding);
            }
            return new Knn(java.util.stream.IntStream.of(reference).mapToObj(index::vector).toList(), k)
                    .nearest(embedding);
        }
    }
}
