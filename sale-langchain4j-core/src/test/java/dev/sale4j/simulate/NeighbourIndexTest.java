package dev.sale4j.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NeighbourIndexTest {

    /** Unit vectors on a coarse grid, so that many similarities tie exactly; a fifth are duplicates. */
    private static List<float[]> vectors(int n, int dims, long seed) {
        Random random = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i > 0 && random.nextInt(5) == 0) {
                out.add(out.get(random.nextInt(i)).clone());
                continue;
            }
            float[] v = new float[dims];
            for (int d = 0; d < dims; d++) {
                v[d] = random.nextInt(3) - 1;
            }
            out.add(TaskEmbeddings.normalised(v));
        }
        return out;
    }

    private static int[] positionOf(int[] reference, int tasks) {
        int[] p = new int[tasks];
        java.util.Arrays.fill(p, -1);
        for (int i = 0; i < reference.length; i++) {
            p[reference[i]] = i;
        }
        return p;
    }

    @Test
    void answersExactlyWhatKnnAnswersWhenManySimilaritiesTie() {
        Checked c = agreesWithKnn(vectors(600, 4, 7));
        assertThat(c.index().fallbacks()).as("ties at the end of the lists need scans").isPositive();
    }

    @Test
    void answersExactlyWhatKnnAnswersWithDuplicatesAndShuffledReferencesFromTheListsAlone() {
        Checked c = agreesWithKnn(vectors(600, 12, 5));
        assertThat(c.index().fallbacks()).as("queries answered by a scan, of %d", c.queries())
                .isLessThan(c.queries() / 2);
    }

    /** Random references (sorted or shuffled), random k, every query outside the reference. */
    private record Checked(NeighbourIndex index, int queries) {}

    private static Checked agreesWithKnn(List<float[]> x) {
        int n = x.size();
        NeighbourIndex index = NeighbourIndex.of(x);
        Random random = new Random(11);
        int queries = 0;
        for (int round = 0; round < 40; round++) {
            List<Integer> others = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                others.add(i);
            }
            Collections.shuffle(others, random);
            int size = 1 + random.nextInt(n - 1);
            List<Integer> ref = new ArrayList<>(others.subList(0, size));
            if (round % 2 == 0) {
                Collections.sort(ref);
            }
            int[] reference = ref.stream().mapToInt(Integer::intValue).toArray();
            int[] positions = positionOf(reference, n);
            int k = 1 + random.nextInt(20);
            Knn knn = new Knn(ref.stream().map(x::get).toList(), k);
            for (int q = 0; q < n; q++) {
                if (positions[q] >= 0) {
                    continue;
                }
                assertThat(index.nearest(q, reference, positions, k))
                        .as("round %d, query %d, %d references, k = %d", round, q, size, k)
                        .containsExactly(knn.nearest(x.get(q)));
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(1000);
        return new Checked(index, queries);
    }

    @Test
    void answersKnnOnDistinctVectorsWhenTheListsSuffice() {
        List<float[]> x = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 2000; i++) {
            float[] v = new float[16];
            for (int d = 0; d < v.length; d++) {
                v[d] = (float) random.nextGaussian();
            }
            x.add(TaskEmbeddings.normalised(v));
        }
        NeighbourIndex index = NeighbourIndex.of(x);
        int[] reference = java.util.stream.IntStream.range(0, 2000).filter(i -> i % 5 != 0).toArray();
        int[] positions = positionOf(reference, 2000);
        Knn knn = new Knn(java.util.stream.IntStream.of(reference).mapToObj(x::get).toList(), 16);
        for (int q = 0; q < 2000; q += 5) {
            assertThat(index.nearest(q, reference, positions, 16)).containsExactly(knn.nearest(x.get(q)));
        }
    }

    @Test
    void theIndexIsTheSameHoweverManyPartsBuildIt() {
        List<float[]> x = vectors(900, 5, 13);
        NeighbourIndex one = NeighbourIndex.of(x, 1);
        NeighbourIndex three = NeighbourIndex.of(x, 3);
        NeighbourIndex seven = NeighbourIndex.of(x, 7);
        for (int i = 0; i < x.size(); i++) {
            assertThat(three.list(i)).as("task %d", i).containsExactly(one.list(i));
            assertThat(seven.list(i)).as("task %d", i).containsExactly(one.list(i));
        }
    }

    @Test
    void twoRowsAtOnceGiveKnnsDotProductsToTheBit() {
        Random random = new Random(17);
        for (int dims = 1; dims <= 37; dims++) {
            float[] q = new float[dims];
            float[] m = new float[3 * dims];
            for (int round = 0; round < 50; round++) {
                for (int d = 0; d < dims; d++) {
                    q[d] = (float) random.nextGaussian();
                }
                for (int d = 0; d < m.length; d++) {
                    m[d] = (float) (random.nextGaussian() * 1e3);
                }
                long both = NeighbourIndex.dot2(q, m, dims, 2 * dims);
                assertThat(Float.intBitsToFloat((int) (both >>> 32))).isEqualTo(Knn.dot(q, m, dims));
                assertThat(Float.intBitsToFloat((int) both)).isEqualTo(Knn.dot(q, m, 2 * dims));
            }
        }
    }

    @Test
    void vectorsWithNaNGetNoIndex() {
        assertThat(NeighbourIndex.of(List.of(new float[] {1, 0}, new float[] {Float.NaN, 0}))).isNull();
        assertThat(NeighbourIndex.of(List.of())).isNull();
    }
}
