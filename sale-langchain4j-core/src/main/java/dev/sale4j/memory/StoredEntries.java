package dev.sale4j.memory;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.sale4j.json.SaleJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads every auction entry of a store, checked: a readable payload, an embedding of the model's dimension and only
 * finite values. A bad entry of a memory file raises a {@link MemoryFileException} naming the file, the entry and the
 * problem; of a shared store, an {@link IllegalStateException}.
 */
final class StoredEntries {

    /** One stored auction: its entry, its embedding, the store's segment and the payload (the entry's JSON). */
    record Stored(String id, MemoryEntry entry, Embedding embedding, TextSegment segment, String payload) {}

    private StoredEntries() {}

    static List<Stored> read(EmbeddingStore<TextSegment> store, int dimension, Path file) {
        float[] unit = new float[dimension];
        unit[0] = 1f;
        AtomicInteger present = new AtomicInteger();
        Filter auctions = metadataKey(EmbeddingStoreAuctionMemory.KIND).isEqualTo(EmbeddingStoreAuctionMemory.KIND_AUCTION);
        Filter counting = new Filter() {
            @Override
            public boolean test(Object metadata) {
                boolean auction = auctions.test(metadata);
                if (auction) {
                    present.incrementAndGet();
                }
                return auction;
            }
        };
        List<EmbeddingMatch<TextSegment>> all;
        try {
            all = store.search(EmbeddingSearchRequest.builder()
                            .queryEmbedding(Embedding.from(unit))
                            .maxResults(Integer.MAX_VALUE)
                            .minScore(0.0)
                            .filter(file != null ? counting : auctions)
                            .build())
                    .matches();
        } catch (IllegalArgumentException e) {
            if (file != null) {
                throw diagnose(file, dimension, e);
            }
            throw new IllegalStateException("The auction memory's store cannot be searched with embeddings of "
                    + "dimension " + dimension + " (" + e.getMessage() + "): use the embedding model that filled it", e);
        }
        if (file != null && all.size() != present.get()) {
            // an entry whose similarity is NaN is left out of every search: a non-finite value in its embedding
            throw diagnose(file, dimension, null);
        }
        List<Stored> stored = new ArrayList<>(all.size());
        for (EmbeddingMatch<TextSegment> match : all) {
            String id = match.embeddingId();
            float[] vector = match.embedding() == null ? null : match.embedding().vector();
            if (vector == null || vector.length != dimension) {
                throw bad(file, "holds an embedding of dimension " + (vector == null ? 0 : vector.length)
                        + " (entry " + id + ") where the embedding model makes embeddings of dimension " + dimension,
                        null);
            }
            for (float x : vector) {
                if (!Float.isFinite(x)) {
                    throw bad(file, "holds a non-finite value (" + x + ") in the embedding of entry " + id, null);
                }
            }
            String payload = match.embedded() == null ? null
                    : match.embedded().metadata().getString(EmbeddingStoreAuctionMemory.PAYLOAD);
            stored.add(new Stored(id, parse(id, payload, file), match.embedding(), match.embedded(), payload));
        }
        return stored;
    }

    static MemoryEntry parse(String id, String payload, Path file) {
        try {
            if (payload == null) {
                throw new IllegalArgumentException("it has no '" + EmbeddingStoreAuctionMemory.PAYLOAD + "' metadata");
            }
            return MemoryEntry.fromJson(payload);
        } catch (IllegalArgumentException e) {
            throw bad(file, "holds an unreadable auction entry " + id + " (" + e.getMessage() + ")", e);
        }
    }

    private static RuntimeException bad(Path file, String problem, Throwable cause) {
        if (file != null) {
            return new MemoryFileException(file, problem, cause);
        }
        return new IllegalStateException("The auction memory's store " + problem
                + ": remove that entry from the store, or point the memory at another store", cause);
    }

    /** Finds, in the file's JSON, the entry whose embedding has the wrong dimension or a non-finite value. */
    private static MemoryFileException diagnose(Path file, int dimension, Throwable cause) {
        try {
            for (JsonNode entry : SaleJson.mapper().readTree(file.toFile()).path("entries")) {
                String id = entry.path("id").asText();
                JsonNode vector = entry.path("embedding").path("vector");
                if (vector.size() != dimension) {
                    return new MemoryFileException(file, "holds an embedding of dimension " + vector.size() + " (entry "
                            + id + ") where the embedding model makes embeddings of dimension " + dimension,
                            "open it with the embedding model that wrote it, or move it aside to start with an empty "
                                    + "memory", cause);
                }
                for (JsonNode x : vector) {
                    if (!x.isNumber() || !Double.isFinite(x.asDouble())) {
                        return new MemoryFileException(file, "holds a non-finite value (" + x.asText()
                                + ") in the embedding of entry " + id, cause);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new MemoryFileException(file, "holds an embedding that cannot be searched (" + e.getMessage() + ")",
                    cause != null ? cause : e);
        }
        return new MemoryFileException(file, "holds an embedding that cannot be searched"
                + (cause == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }
}
