package dev.sale4j.coherence;

import com.oracle.coherence.ai.DocumentChunk;
import com.oracle.coherence.ai.Float32Vector;
import com.oracle.coherence.ai.QueryResult;
import com.oracle.coherence.ai.distance.CosineDistance;
import com.oracle.coherence.ai.search.SimilaritySearch;
import com.tangosol.net.NamedMap;
import com.tangosol.net.Session;
import com.tangosol.util.Processors;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingSearchResult;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.RelevanceScore;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A LangChain4j {@link EmbeddingStore} over an Oracle Coherence CE {@link NamedMap}: the store every instance of an
 * application shares when they are members (or clients) of one Coherence cluster.
 *
 * <p>Each entry is a {@link DocumentChunk} (the segment's text, its metadata as a map, the vector) keyed by the entry
 * id. Writes return once Coherence has acknowledged them, that is stored them on their primary member and, with a
 * backup count of one or more, on a backup member. {@link #search} is Coherence's {@link SimilaritySearch}
 * aggregator run brute force on every storage member (exact cosine over all entries, never an approximate index),
 * with LangChain4j metadata filters translated to Coherence filters evaluated next to the data. Vectors are kept at
 * unit length, since cosine similarity depends only on direction: a match's {@code embedding()} is the stored unit
 * vector. Scores are LangChain4j's relevance scores, {@link RelevanceScore#fromCosineSimilarity}, as its other stores
 * report them.
 *
 * <p>Storage members run the filter and vector extractors of this module, so they need this jar on their classpath
 * (an application instance that is a storage member has it). Where LangChain4j's own {@code langchain4j-coherence}
 * module is available, its {@code CoherenceEmbeddingStore} can replace this one; this thin one exists because that
 * module is not served here.
 */
public final class CoherenceEmbeddingStore implements EmbeddingStore<TextSegment> {

    public static final String DEFAULT_MAP_NAME = "sale4j-embeddings";

    private final NamedMap<String, DocumentChunk> map;

    private CoherenceEmbeddingStore(Builder builder) {
        if (builder.session == null) {
            throw new IllegalArgumentException("CoherenceEmbeddingStore needs the Coherence Session its map lives in: "
                    + "builder().session(Coherence.clusterMember().start().join().getSession())");
        }
        if (builder.mapName == null || builder.mapName.isBlank()) {
            throw new IllegalArgumentException("mapName must name the Coherence map that holds the entries, e.g. "
                    + "mapName(\"" + DEFAULT_MAP_NAME + "\") (the default); got "
                    + (builder.mapName == null ? "null" : "a blank name"));
        }
        this.map = builder.session.getMap(builder.mapName);
    }

    /** The Coherence map that holds the entries. */
    public NamedMap<String, DocumentChunk> map() {
        return map;
    }

    @Override
    public String add(Embedding embedding) {
        return add(embedding, null);
    }

    @Override
    public void add(String id, Embedding embedding) {
        addAll(List.of(id), List.of(embedding), null);
    }

    @Override
    public String add(Embedding embedding, TextSegment segment) {
        String id = UUID.randomUUID().toString();
        addAll(List.of(id), List.of(embedding), segment == null ? null : List.of(segment));
        return id;
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings) {
        return addAll(embeddings, null);
    }

    @Override
    public List<String> addAll(List<Embedding> embeddings, List<TextSegment> segments) {
        List<String> ids = generateIds(embeddings == null ? 0 : embeddings.size());
        addAll(ids, embeddings, segments);
        return ids;
    }

    /** Stores the entries under the ids, replacing entries with those ids; returns once Coherence acknowledged. */
    @Override
    public void addAll(List<String> ids, List<Embedding> embeddings, List<TextSegment> segments) {
        if (ids == null || embeddings == null || ids.size() != embeddings.size()) {
            throw new IllegalArgumentException("addAll(ids, embeddings, segments) needs one id per embedding, got "
                    + (ids == null ? "no ids" : ids.size() + " ids") + " and "
                    + (embeddings == null ? "no embeddings" : embeddings.size() + " embeddings"));
        }
        if (segments != null && segments.size() != embeddings.size()) {
            throw new IllegalArgumentException("addAll(ids, embeddings, segments) needs one segment per embedding "
                    + "(or null for none), got " + segments.size() + " segments and " + embeddings.size()
                    + " embeddings");
        }
        Map<String, DocumentChunk> batch = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("Entry " + i + " has a blank id: give every entry an id");
            }
            TextSegment segment = segments == null ? null : segments.get(i);
            batch.put(id, chunk(id, embeddings.get(i), segment));
        }
        if (!batch.isEmpty()) {
            map.putAll(batch);
        }
    }

    private static DocumentChunk chunk(String id, Embedding embedding, TextSegment segment) {
        if (embedding == null) {
            throw new IllegalArgumentException("Entry " + id + " has no embedding: embed its text first");
        }
        Float32Vector vector = new Float32Vector(unit(embedding.vector(), "entry " + id));
        if (segment == null) {
            return new DocumentChunk(null, new HashMap<>(), vector);
        }
        return new DocumentChunk(segment.text(), new HashMap<>(segment.metadata().toMap()), vector);
    }

    /** The vector scaled to unit length; a zero or non-finite vector has no direction and is refused. */
    static float[] unit(float[] vector, String what) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        norm = Math.sqrt(norm);
        if (!(norm > 0) || !Double.isFinite(norm)) {
            throw new IllegalArgumentException("The embedding of " + what + " has no direction (a zero vector or a "
                    + "NaN/infinite component), so it has no cosine similarity: check the embedding model's output");
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    @Override
    public void remove(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("remove(id) needs the id of the entry to remove");
        }
        map.remove(id);
    }

    @Override
    public void removeAll(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new IllegalArgumentException("removeAll(ids) needs at least one id; use removeAll() to remove "
                    + "every entry");
        }
        map.invokeAll(ids, Processors.remove());
    }

    @Override
    public void removeAll(Filter filter) {
        if (filter == null) {
            throw new IllegalArgumentException("removeAll(filter) needs a metadata filter; use removeAll() to remove "
                    + "every entry");
        }
        map.invokeAll(CoherenceFilters.translate(filter), Processors.remove());
    }

    @Override
    public void removeAll() {
        map.clear();
    }

    @Override
    public EmbeddingSearchResult<TextSegment> search(EmbeddingSearchRequest request) {
        if (request == null || request.queryEmbedding() == null) {
            throw new IllegalArgumentException("search(...) needs an EmbeddingSearchRequest with a queryEmbedding");
        }
        Float32Vector query = new Float32Vector(unit(request.queryEmbedding().vector(), "the query"));
        SimilaritySearch<String, DocumentChunk, float[]> search =
                new SimilaritySearch<String, DocumentChunk, float[]>(ChunkVector.INSTANCE, query,
                                request.maxResults())
                        .algorithm(new CosineDistance<>())
                        .bruteForce();
        if (request.filter() != null) {
            search.filter(CoherenceFilters.translate(request.filter()));
        }
        List<QueryResult<String, DocumentChunk>> results = map.aggregate(search);
        List<EmbeddingMatch<TextSegment>> matches = new ArrayList<>(results.size());
        for (QueryResult<String, DocumentChunk> result : results) {
            double cosine = Math.max(-1, Math.min(1, 1 - result.getDistance()));
            double score = RelevanceScore.fromCosineSimilarity(cosine);
            if (score >= request.minScore()) {
                matches.add(match(result.getKey(), result.getValue(), score));
            }
        }
        return new EmbeddingSearchResult<>(matches);
    }

    private static EmbeddingMatch<TextSegment> match(String id, DocumentChunk chunk, double score) {
        Embedding embedding = Embedding.from(chunk.vector().get());
        TextSegment segment = chunk.text() == null
                ? null
                : TextSegment.from(chunk.text(), chunk.metadata() == null ? new Metadata() : Metadata.from(chunk.metadata()));
        return new EmbeddingMatch<>(score, id, embedding, segment);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link CoherenceEmbeddingStore}: the session is needed, the map name defaults. */
    public static final class Builder {
        private Session session;
        private String mapName = DEFAULT_MAP_NAME;

        private Builder() {}

        /** The Coherence session the map is taken from (a cluster member's or a client's). */
        public Builder session(Session session) {
            this.session = session;
            return this;
        }

        /** The name of the map that holds the entries (default {@value CoherenceEmbeddingStore#DEFAULT_MAP_NAME}). */
        public Builder mapName(String mapName) {
            this.mapName = mapName;
            return this;
        }

        public CoherenceEmbeddingStore build() {
            return new CoherenceEmbeddingStore(this);
        }
    }
}
