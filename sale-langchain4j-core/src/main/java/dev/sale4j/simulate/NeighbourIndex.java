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
        return of(vectors, Runtime.getRuntime().availableProcessors());
    }

    /** The index built in {@code parts} parallel parts (the result does not depend on it). */
    static NeighbourIndex of(List<float[]> vectors, int threads) {
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
        // each pair's dot product is computed once (it is symmetric to the bit) and offered to both tasks' lists;
        // the rows are dealt to the parts round-robin, each part keeps lists of its own, merged at the end
        int parts = Math.max(1, Math.min(threads, n / 64));
        Lists[] partial = new Lists[parts];
        IntStream.range(0, parts).parallel().forEach(part -> {
            Lists lists = new Lists(n, depth);
            for (int i = part; i < n; i += parts) {
                float[] q = vectors.get(i);
                int j = i + 1;
                for (; j + 1 < n; j += 2) {
                    long both = dot2(q, flat, j * dims, (j + 1) * dims);
                    float a = Float.intBitsToFloat((int) (both >>> 32));
                    float b = Float.intBitsToFloat((int) both);
                    lists.offer(i, j, a);
                    lists.offer(j, i, a);
                    lists.offer(i, j + 1, b);
                    lists.offer(j + 1, i, b);
                }
                for (; j < n; j++) {
                    float sim = Knn.dot(q, flat, j * dims);
                    lists.offer(i, j, sim);
                    lists.offer(j, i, sim);
                }
            }
            partial[part] = lists;
        });
        int[][] order = new int[n][];
        float[][] sims = new float[n][];
        for (int i = 0; i < n; i++) {
            order[i] = new int[depth];
            sims[i] = new float[depth];
            Lists.merge(partial, i, depth, order[i], sims[i]);
        }
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

    /**
     * {@link Knn#dot} of {@code q} with two rows at once (each query value loaded once), every sum in exactly
     * {@link Knn#dot}'s order; the two floats' bits packed high and low.
     */
    static long dot2(float[] q, float[] m, int a, int b) {
        float a0 = 0;
        float a1 = 0;
        float a2 = 0;
        float a3 = 0;
        float b0 = 0;
        float b1 = 0;
        float b2 = 0;
        float b3 = 0;
        int i = 0;
        for (; i + 3 < q.length; i += 4) {
            float q0 = q[i];
            float q1 = q[i + 1];
            float q2 = q[i + 2];
            float q3 = q[i + 3];
            a0 += q0 * m[a + i];
            a1 += q1 * m[a + i + 1];
            a2 += q2 * m[a + i + 2];
            a3 += q3 * m[a + i + 3];
            b0 += q0 * m[b + i];
            b1 += q1 * m[b + i + 1];
            b2 += q2 * m[b + i + 2];
            b3 += q3 * m[b + i + 3];
        }
        for (; i < q.length; i++) {
            a0 += q[i] * m[a + i];
            b0 += q[i] * m[b + i];
        }
        float x = a0 + a1 + a2 + a3;
        float y = b0 + b1 + b2 + b3;
        return ((long) Float.floatToRawIntBits(x) << 32) | (Float.floatToRawIntBits(y) & 0xFFFFFFFFL);
    }

    /** The indexed neighbours of a task, most similar first (for tests). */
    int[] list(int task) {
        return order[task].clone();
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

    /**
     * Per task, its best candidates so far, by similarity descending then task index ascending (a total order, so the
     * lists do not depend on the order candidates are offered in).
     */
    private static final class Lists {
        private final int depth;
        private final int[] index;
        private final float[] sim;
        private final int[] filled;
        /** Per row, the last kept similarity once the list is full (else -infinity): one contiguous array to test. */
        private final float[] bar;

        Lists(int tasks, int depth) {
            this.depth = depth;
            this.index = new int[tasks * depth];
            this.sim = new float[tasks * depth];
            this.filled = new int[tasks];
            this.bar = new float[tasks];
            java.util.Arrays.fill(bar, Float.NEGATIVE_INFINITY);
        }

        void offer(int row, int candidate, float s) {
            if (s < bar[row]) {
                return;
            }
            int base = row * depth;
            int p;
            if (filled[row] < depth) {
                p = filled[row]++;
            } else {
                float last = sim[base + depth - 1];
                if (s < last || (s == last && candidate > index[base + depth - 1])) {
                    return;
                }
                p = depth - 1;
            }
            while (p > 0 && before(s, candidate, sim[base + p - 1], index[base + p - 1])) {
                sim[base + p] = sim[base + p - 1];
                index[base + p] = index[base + p - 1];
                p--;
            }
            sim[base + p] = s;
            index[base + p] = candidate;
            if (filled[row] == depth) {
                bar[row] = sim[base + depth - 1];
            }
        }

        private static boolean before(float s, int i, float t, int j) {
            return s > t || (s == t && i < j);
        }

        /** The first {@code depth} of the parts' lists for a row, in order. */
        static void merge(Lists[] parts, int row, int depth, int[] order, float[] sims) {
            int[] at = new int[parts.length];
            for (int out = 0; out < depth; out++) {
                int best = -1;
                for (int p = 0; p < parts.length; p++) {
                    Lists l = parts[p];
                    if (at[p] < l.filled[row]) {
                        int k = row * depth + at[p];
                        if (best < 0) {
                            best = p;
                        } else {
                            Lists b = parts[best];
                            int kb = row * depth + at[best];
                            if (before(l.sim[k], l.index[k], b.sim[kb], b.index[kb])) {
                                best = p;
                            }
                        }
                    }
                }
                Lists b = parts[best];
                int kb = row * depth + at[best]++;
                order[out] = b.index[kb];
                sims[out] = b.sim[kb];
            }
        }
    }

    private int[] brute(int query, int[] reference, int k) {
        fallbacks.incrementAndGet();
        List<float[]> ref = IntStream.of(reference).mapToObj(vectors::get).toList();
        return new Knn(ref, k).nearest(vectors.get(query));
    }
}
