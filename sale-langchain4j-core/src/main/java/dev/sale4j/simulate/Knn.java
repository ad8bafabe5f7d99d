package dev.sale4j.simulate;

import java.util.List;

/** Brute-force cosine k-nearest neighbours over unit vectors (dot products), for the text routers. */
final class Knn {

    private final float[] reference;
    private final int size;
    private final int dimensions;
    private final int k;

    Knn(List<float[]> reference, int k) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("kNN needs at least one training task");
        }
        this.size = reference.size();
        this.dimensions = reference.get(0).length;
        this.reference = new float[size * dimensions];
        for (int i = 0; i < size; i++) {
            float[] v = reference.get(i);
            if (v.length != dimensions) {
                throw new IllegalArgumentException("kNN reference vector " + i + " has " + v.length
                        + " dimensions, vector 0 has " + dimensions + ": embed every task with the same model");
            }
            System.arraycopy(v, 0, this.reference, i * dimensions, dimensions);
        }
        this.k = Math.min(k, size);
    }

    /** Indices of the k most similar reference vectors, most similar first (ties: lower index first). */
    int[] nearest(float[] query) {
        int[] best = new int[k];
        float[] sims = new float[k];
        int filled = 0;
        for (int i = 0; i < size; i++) {
            float s = dot(query, reference, i * dimensions);
            if (filled < k) {
                filled = insert(best, sims, filled, i, s);
            } else if (s > sims[k - 1]) {
                insert(best, sims, k - 1, i, s);
            }
        }
        return best;
    }

    /**
     * Inserts candidate {@code i} of similarity {@code s} into the ranked {@code best[0..at)}, writing slot {@code at}
     * free (after equals: earlier candidates stay first); returns {@code at + 1}.
     */
    static int insert(int[] best, float[] sims, int at, int i, float s) {
        int p = at;
        while (p > 0 && sims[p - 1] < s) {
            sims[p] = sims[p - 1];
            best[p] = best[p - 1];
            p--;
        }
        sims[p] = s;
        best[p] = i;
        return at + 1;
    }

    /** The dot product of {@code a} with {@code b[offset .. offset + a.length)}. */
    static float dot(float[] a, float[] b, int offset) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[offset + i];
            s1 += a[i + 1] * b[offset + i + 1];
            s2 += a[i + 2] * b[offset + i + 2];
            s3 += a[i + 3] * b[offset + i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[offset + i];
        }
        return s0 + s1 + s2 + s3;
    }
}
