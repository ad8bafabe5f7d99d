package dev.sale4j.simulate;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact cosine k-nearest neighbours of a task among any subset of the other tasks, from one pass over all pairs.
 * Every task keeps its {@link #DEPTH} most similar other tasks, ordered by similarity then index (the order
 * {@link Knn} ranks by); a query for a subset walks that list, keeping members, and answers exactly what {@link Knn}
 * over the subset's vectors answers (same dot products, same tie-breaking by position in the subset). When the list
 * cannot prove the answer (too few members in it, or a tie at its end), the query falls back to {@link Knn}.
 *
 * <p>The simulator's text routers ask for neighbours of every task in every fold, and of a calibration slice in every
 * fold: one index replaces those scans over the training vectors.
 */
final class NeighbourIndex {

    /** Neighbours kept per task. */
    static final int DEPTH = 64;

    private final List<float[]> vectors;
    private final int[][] order;
    private final float[][] sims;
    private final java.util.concurrent.atomic.AtomicLong fallbacks = new java.util.concurrent.atomic.AtomicLong();

    private NeighbourIndex(List<float[]> vectors, int[][] order, float[][] sims) {
        this.vectors = vectors;
        this.order = order;
        this.sims = sims;
    }

    /** The index of these vectors, or null when any is unusable (no vectors, lengths differ, NaN). */
    static NeighbourIndex of(List<float[]> vectors) {
        if (vectors == null || vectors.isEmpty()) {
            return null;
        }
        int dims = vectors.get(0).length;
        for (float[] v : vectors) {
            if (v == null || v.length != dims) {
                return null;
            }
            for (float x : v) {
                if (Float.isNaN(x)) {
                    return null;
                }
            }
        }
        int n = vectors.size();
        float[] flat = new float[n * dims];
        for (int i = 0; i < n; i++) {
            System.arraycopy(vectors.get(i), 0, flat, i * dims, dims);
        }
        int depth = Math.min(DEPTH, n - 1);
        int[][] order = new int[n][];
        float[][] sims = new float[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] best = new int[depth];
            float[] s = new float[depth];
            float[] q = vectors.get(i);
            int filled = 0;
            for (int j = 0; j < n; j++) {
                if (j == i) {
                    continue;
                }
                float sim = Knn.dot(q, flat, j * dims);
                if (filled < depth) {
                    filled = Knn.insert(best, s, filled, j, sim);
                } else if (sim > s[depth - 1]) {
                    Knn.insert(best, s, depth - 1, j, sim);
                }
            }
            order[i] = best;
            sims[i] = s;
        });
        return new NeighbourIndex(List.copyOf(vectors), order, sims);
    }

    /**
     * The k nearest members of a reference list to task {@code query} (which is not in it), as positions in the list,
     * most similar first, ties by lower position: what {@code new Knn(vectors of reference, k).nearest(query vector)}
     * returns.
     *
     * @param reference  the reference tasks' indices, in list order
     * @param positionOf for every task index, its position in {@code reference}, or -1 when not in it
     */
    int[] nearest(int query, int[] reference, int[] positionOf, int k) {
        int want = Math.min(k, reference.length);
        if (want == 0) {
            return brute(query, reference, k);
        }
        int[] list = order[query];
        float[] s = sims[query];
        int[] picked = new int[list.length];
        float[] pickedSims = new float[list.length];
        int count = 0;
        int end = 0;
        while (end < list.length) {
            int p = positionOf[list[end]];
            if (count >= want && s[end] < pickedSims[want - 1]) {
                break;
            }
            if (p >= 0) {
                picked[count] = p;
                pickedSims[count++] = s[end];
            }
            end++;
        }
        boolean complete = list.length == vectors.size() - 1;
        if (end == list.length && !complete && (count < want || s[list.length - 1] >= pickedSims[want - 1])) {
            return brute(query, reference, k);
        }
        // members tied in similarity come in task order; the reference ranks them by position
        for (int a = 1; a < count; a++) {
            int p = picked[a];
            float v = pickedSims[a];
            int b = a;
            while (b > 0 && pickedSims[b - 1] == v && picked[b - 1] > p) {
                picked[b] = picked[b - 1];
                b--;
            }
            picked[b] = p;
        }
        int[] out = new int[want];
        System.arraycopy(picked, 0, out, 0, want);
        return out;
    }

    /** Tasks indexed. */
    int size() {
        return vectors.size();
    }

    /** The vector of a task. */
    float[] vector(int task) {
        return vectors.get(task);
    }

    /** Queries answered by a scan of the reference because the task's list could not prove the answer. */
    long fallbacks() {
        return fallbacks.get();
    }

    private int[] brute(int query, int[] reference, int k) {
        fallbacks.incrementAndGet();
        List<float[]> ref = IntStream.of(reference).mapToObj(vectors::get).toList();
        return new Knn(ref, k).nearest(vectors.get(query));
    }
}
