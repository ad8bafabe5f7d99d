package dev.sale4j.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-process search of the embedded memory: exact cosine top-n over one namespace's task embeddings, kept in
 * step with the memory's own {@code InMemoryEmbeddingStore} (same vectors, same payloads, so the same results as the
 * store's own search) but without its per-entry metadata copies. Each namespace's vectors are copied into one
 * contiguous array (4 bytes per dimension per entry, 1.5 KB for MiniLM), which a scan reads about three times faster
 * than one array per entry. Payload strings are shared with the store, not copied. Thread-safe: searches share a
 * read lock, changes take the write lock.
 */
final class VectorIndex {

    /** One search hit: the entry's id, its payload (a {@link MemoryEntry} as JSON) and its cosine similarity. */
    record Hit(String id, String payload, double cosine) {}

    private static final class Rows {
        final int dimension;
        float[] data;
        float[] inverseNorms = new float[16];
        String[] ids = new String[16];
        String[] payloads = new String[16];
        int size;

        Rows(int dimension) {
            this.dimension = dimension;
            this.data = new float[16 * dimension];
        }

        void grow() {
            int capacity = ids.length + (ids.length >> 1);
            data = Arrays.copyOf(data, capacity * dimension);
            inverseNorms = Arrays.copyOf(inverseNorms, capacity);
            ids = Arrays.copyOf(ids, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
        }
    }

    private final Map<String, Rows> byNamespace = new HashMap<>();
    private final Map<String, String> namespaceOf = new HashMap<>();
    private final Map<String, Integer> slotOf = new HashMap<>();
    private int dimension = -1;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    void put(String id, String namespace, float[] vector, String payload) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
            if (dimension >= 0 && vector.length != dimension) {
                throw new IllegalArgumentException("Embedding of dimension " + vector.length + " in a memory of dimension "
                        + dimension + ": keep one embedding model for the life of a memory");
            }
            dimension = vector.length;
            Rows rows = byNamespace.computeIfAbsent(namespace, ns -> new Rows(vector.length));
            if (rows.size == rows.ids.length) {
                rows.grow();
            }
            int slot = rows.size++;
            System.arraycopy(vector, 0, rows.data, slot * dimension, dimension);
            rows.inverseNorms[slot] = inverseNorm(vector);
            rows.ids[slot] = id;
            rows.payloads[slot] = payload;
            namespaceOf.put(id, namespace);
            slotOf.put(id, slot);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The payload stored under the id, or null. */
    String payload(String id) {
        lock.readLock().lock();
        try {
            String namespace = namespaceOf.get(id);
            return namespace == null ? null : byNamespace.get(namespace).payloads[slotOf.get(id)];
        } finally {
            lock.readLock().unlock();
        }
    }

    void remove(String id) {
        lock.writeLock().lock();
        try {
            removeLocked(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeLocked(String id) {
        String namespace = namespaceOf.remove(id);
        if (namespace == null) {
            return;
        }
        int slot = slotOf.remove(id);
        Rows rows = byNamespace.get(namespace);
        int last = --rows.size;
        if (slot != last) {
            System.arraycopy(rows.data, last * dimension, rows.data, slot * dimension, dimension);
            rows.inverseNorms[slot] = rows.inverseNorms[last];
            rows.ids[slot] = rows.ids[last];
            rows.payloads[slot] = rows.payloads[last];
            slotOf.put(rows.ids[slot], slot);
        }
        rows.ids[last] = null;
        rows.payloads[last] = null;
    }

    /** The n entries of the namespace most similar to the query, most similar first. */
    List<Hit> search(String namespace, float[] query, int n) {
        lock.readLock().lock();
        try {
            Rows rows = byNamespace.get(namespace);
            if (rows == null || rows.size == 0 || n < 1) {
                return List.of();
            }
            if (query.length != dimension) {
                throw new IllegalArgumentException("Query embedding of dimension " + query.length
                        + " in a memory of dimension " + dimension + ": keep one embedding model for a memory's life");
            }
            int limit = Math.min(n, rows.size);
            int[] best = new int[limit];
            double[] scores = new double[limit];
            int found = 0;
            float queryInverseNorm = inverseNorm(query);
            for (int slot = 0; slot < rows.size; slot++) {
                double cosine = dot(query, rows.data, slot * dimension) * rows.inverseNorms[slot] * queryInverseNorm;
                if (found < limit || cosine > scores[found - 1]) {
                    int at = found < limit ? found++ : found - 1;
                    while (at > 0 && scores[at - 1] < cosine) {
                        scores[at] = scores[at - 1];
                        best[at] = best[at - 1];
                        at--;
                    }
                    scores[at] = cosine;
                    best[at] = slot;
                }
            }
            List<Hit> hits = new ArrayList<>(found);
            for (int i = 0; i < found; i++) {
                hits.add(new Hit(rows.ids[best[i]], rows.payloads[best[i]], scores[i]));
            }
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The dot product of {@code a} with the row of {@code data} at {@code offset}; eight sums keep the CPU busy. */
    private static float dot(float[] a, float[] data, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int n = a.length;
        int i = 0;
        for (; i + 7 < n; i += 8) {
            int o = offset + i;
            s0 += a[i] * data[o];
            s1 += a[i + 1] * data[o + 1];
            s2 += a[i + 2] * data[o + 2];
            s3 += a[i + 3] * data[o + 3];
            s4 += a[i + 4] * data[o + 4];
            s5 += a[i + 5] * data[o + 5];
            s6 += a[i + 6] * data[o + 6];
            s7 += a[i + 7] * data[o + 7];
        }
        for (; i < n; i++) {
            s0 += a[i] * data[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static float inverseNorm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return sum == 0 ? 0f : (float) (1 / Math.sqrt(sum));
    }
}
