package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorIndexTest {

    private static float[] random(Random random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian() * (1 + random.nextInt(3));
        }
        return v;
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    @Test
    void searchFindsTheExactCosineTopNOfTheNamespaceAfterAddsReplacesAndRemovals() {
        Random random = new Random(7);
        VectorIndex index = new VectorIndex();
        Map<String, float[]> live = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            float[] v = random(random, 37);
            index.put("id" + i, i % 3 == 0 ? "other" : "ns", v, "payload" + i);
            if (i % 3 != 0) {
                live.put("id" + i, v);
            }
        }
        for (int i = 1; i < 300; i += 7) {
            index.remove("id" + i);
            live.remove("id" + i);
        }
        float[] replaced = random(random, 37);
        index.put("id2", "ns", replaced, "payload2b");
        live.put("id2", replaced);
        float[] query = random(random, 37);

        List<VectorIndex.Hit> hits = index.search("ns", query, 10);

        List<String> expected = new ArrayList<>(live.keySet());
        expected.sort(Comparator.comparingDouble((String id) -> cosine(query, live.get(id))).reversed());
        assertThat(hits).extracting(VectorIndex.Hit::id).containsExactlyElementsOf(expected.subList(0, 10));
        assertThat(hits.get(0).cosine()).isCloseTo(cosine(query, live.get(expected.get(0))),
                org.assertj.core.data.Offset.offset(1e-5));
        assertThat(index.search("ns", query, 1000)).hasSize(live.size());
        assertThat(index.search("ns", query, 1000)).filteredOn(h -> h.id().equals("id2"))
                .extracting(VectorIndex.Hit::payload).containsExactly("payload2b");
        assertThat(index.search("missing", query, 5)).isEmpty();
    }

    @Test
    void vectorsOfAnotherDimensionAreRejected() {
        VectorIndex index = new VectorIndex();
        index.put("a", "ns", new float[] {1, 0, 0}, "p");

        assertThatThrownBy(() -> index.put("b", "ns", new float[] {1, 0}, "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one embedding model");
        assertThatThrownBy(() -> index.search("ns", new float[] {1, 0}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    }
}
