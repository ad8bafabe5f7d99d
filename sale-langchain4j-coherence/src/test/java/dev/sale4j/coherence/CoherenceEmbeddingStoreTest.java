package dev.sale4j.coherence;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store against LangChain4j's {@link InMemoryEmbeddingStore} holding the same vectors and metadata: the same
 * matches in the same order with the same scores, under every filter the translation supports.
 */
class CoherenceEmbeddingStoreTest {

    private static final int DIM = 16;
    private static final String[] COLOURS = {"red", "green", "blue"};

    private CoherenceEmbeddingStore store;
    private InMemoryEmbeddingStore<TextSegment> reference;
    private final Random random = new Random(42);

    @BeforeEach
    void fill() {
        store = CoherenceEmbeddingStore.builder()
                .session(LoopbackCluster.session())
                .mapName("unit-" + UUID.randomUUID())
                .build();
        reference = new InMemoryEmbeddingStore<>();
        List<String> ids = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Metadata metadata = new Metadata()
                    .put("colour", COLOURS[i % 3])
                    .put("n", i)
                    .put("time", 1_700_000_000_000L + i * 1000L)
                    .put("weight", i / 4.0);
            if (i % 5 == 0) {
                metadata.put("tagged", "yes");
            }
            ids.add(UUID.randomUUID().toString());
            embeddings.add(randomEmbedding());
            segments.add(TextSegment.from("entry " + i, metadata));
        }
        store.addAll(ids, embeddings, segments);
        reference.addAll(ids, embeddings, segments);
    }

    private Embedding randomEmbedding() {
        float[] v = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return Embedding.from(v);
    }

    private static List<EmbeddingMatch<TextSegment>> search(EmbeddingStore<TextSegment> s, Embedding query,
            int maxResults, double minScore, Filter filter) {
        return s.search(EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(maxResults)
                .minScore(minScore).filter(filter).build()).matches();
    }

    private void assertSameMatches(Embedding query, int maxResults, double minScore, Filter filter) {
        List<EmbeddingMatch<TextSegment>> actual = search(store, query, maxResults, minScore, filter);
        List<EmbeddingMatch<TextSegment>> expected = search(reference, query, maxResults, minScore, filter);
        assertThat(actual).as("matches under " + filter).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).embeddingId()).as("rank " + i + " under " + filter)
                    .isEqualTo(expected.get(i).embeddingId());
            assertThat(actual.get(i).score()).isCloseTo(expected.get(i).score(), within(1e-6));
            assertThat(actual.get(i).embedded()).isEqualTo(expected.get(i).embedded());
        }
    }

    @Test
    void searchReturnsTheInMemoryStoresMatchesScoresAndOrder() {
        for (int q = 0; q < 10; q++) {
            Embedding query = randomEmbedding();
            assertSameMatches(query, 10, 0.0, null);
            assertSameMatches(query, 100, 0.55, null);
        }
    }

    @Test
    void everySupportedFilterSelectsWhatTheInMemoryStoreSelects() {
        List<Filter> filters = List.of(
                metadataKey("colour").isEqualTo("red"),
                metadataKey("colour").isNotEqualTo("red"),
                metadataKey("n").isEqualTo(7),
                metadataKey("n").isEqualTo(7L),
                metadataKey("weight").isEqualTo(2.5),
                metadataKey("weight").isEqualTo(3),
                metadataKey("n").isGreaterThan(40),
                metadataKey("n").isGreaterThanOrEqualTo(40),
                metadataKey("time").isLessThan(1_700_000_010_000L),
                metadataKey("time").isLessThanOrEqualTo(1_700_000_010_000L),
                metadataKey("weight").isGreaterThan(10.1),
                metadataKey("colour").isIn("red", "blue"),
                metadataKey("colour").isNotIn("red", "blue"),
                metadataKey("n").isIn(1, 2, 3L, 59),
                metadataKey("tagged").isEqualTo("yes"),
                metadataKey("tagged").isNotEqualTo("yes"),
                metadataKey("missing").isNotEqualTo("x"),
                metadataKey("colour").isEqualTo("red").and(metadataKey("n").isLessThan(30)),
                metadataKey("colour").isEqualTo("red").or(metadataKey("tagged").isEqualTo("yes")),
                Filter.not(metadataKey("colour").isEqualTo("green")),
                Filter.not(metadataKey("tagged").isEqualTo("yes")).and(metadataKey("n").isGreaterThan(50)));
        Embedding query = randomEmbedding();
        for (Filter filter : filters) {
            assertSameMatches(query, 1000, 0.0, filter);
            assertThat(search(store, query, 1000, 0.0, filter)).as("a non-trivial case: " + filter).isNotEmpty();
        }
        for (Filter none : List.of(metadataKey("missing").isEqualTo("x"), metadataKey("missing").isGreaterThan(1))) {
            assertSameMatches(query, 1000, 0.0, none);
            assertThat(search(store, query, 1000, 0.0, none)).as("nothing matches " + none).isEmpty();
        }
        // where the in-memory store throws on a value of the other type, a filter run on the members matches nothing
        assertThat(search(store, query, 1000, 0.0, metadataKey("colour").isGreaterThan(1))).isEmpty();
        assertThat(search(store, query, 1000, 0.0, metadataKey("n").isEqualTo("7"))).isEmpty();
    }

    @Test
    void removeAllByFilterRemovesExactlyTheMatchingEntries() {
        Filter red = metadataKey("colour").isEqualTo("red");
        store.removeAll(red);
        reference.removeAll(red);
        Embedding query = randomEmbedding();
        assertSameMatches(query, 1000, 0.0, null);
        assertThat(store.map().size()).isEqualTo(40);
    }

    @Test
    void removeByIdsRemovesThoseEntriesAndRemoveAllEmptiesTheStore() {
        List<String> ids = search(store, randomEmbedding(), 3, 0.0, null).stream()
                .map(EmbeddingMatch::embeddingId).toList();
        store.remove(ids.get(0));
        store.removeAll(ids.subList(1, 3));
        Set<String> left = search(store, randomEmbedding(), 1000, 0.0, null).stream()
                .map(EmbeddingMatch::embeddingId).collect(Collectors.toSet());
        assertThat(left).hasSize(57).doesNotContainAnyElementsOf(ids);
        store.removeAll();
        assertThat(search(store, randomEmbedding(), 1000, 0.0, null)).isEmpty();
    }

    @Test
    void addingUnderAnExistingIdReplacesTheEntry() {
        String id = search(store, randomEmbedding(), 1, 0.0, null).get(0).embeddingId();
        Embedding replacement = randomEmbedding();
        store.addAll(List.of(id), List.of(replacement), List.of(TextSegment.from("replaced")));
        EmbeddingMatch<TextSegment> top = search(store, replacement, 1, 0.0, null).get(0);
        assertThat(top.embeddingId()).isEqualTo(id);
        assertThat(top.embedded().text()).isEqualTo("replaced");
        assertThat(top.score()).isCloseTo(1.0, within(1e-6));
        assertThat(store.map().size()).isEqualTo(60);
    }

    @Test
    void anEmbeddingWithoutASegmentComesBackWithoutOne() {
        Embedding e = randomEmbedding();
        String id = store.add(e);
        EmbeddingMatch<TextSegment> top = search(store, e, 1, 0.0, null).get(0);
        assertThat(top.embeddingId()).isEqualTo(id);
        assertThat(top.embedded()).isNull();
        assertThat(top.embedding().vector()).hasSize(DIM);
    }

    @Test
    void anUnsupportedFilterIsRefusedNamingItAndTheSupportedOnes() {
        Filter contains = metadataKey("colour").containsString("re");
        assertThatThrownBy(() -> search(store, randomEmbedding(), 5, 0.0, contains))
                .isInstanceOf(UnsupportedFeatureException.class)
                .hasMessageContaining("ContainsString")
                .hasMessageContaining("isEqualTo");
        assertThatThrownBy(() -> store.removeAll(contains)).isInstanceOf(UnsupportedFeatureException.class);
    }

    @Test
    void aZeroVectorIsRefusedBecauseItHasNoCosine() {
        assertThatThrownBy(() -> store.add(Embedding.from(new float[DIM])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zero vector");
    }

    @Test
    void theBuilderNamesWhatIsMissing() {
        assertThatThrownBy(() -> CoherenceEmbeddingStore.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("session(");
        assertThatThrownBy(() -> CoherenceEmbeddingStore.builder().session(LoopbackCluster.session()).mapName(" ")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapName");
        assertThatThrownBy(() -> store.removeAll(List.of())).hasMessageContaining("removeAll()");
    }
}
