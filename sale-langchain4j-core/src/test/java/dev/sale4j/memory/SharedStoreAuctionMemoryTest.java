package dev.sale4j.memory;

import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;

/**
 * The same behaviour through the generic path a shared store (pgvector, Redis, ...) takes: a store given by
 * builder, searched with LangChain4j metadata filters, updated by remove and add.
 */
class SharedStoreAuctionMemoryTest extends EmbeddingStoreAuctionMemoryTest {

    @Override
    EmbeddingStoreAuctionMemory newMemory(int maxEntriesPerNamespace) {
        return EmbeddingStoreAuctionMemory.builder()
                .store(new InMemoryEmbeddingStore<>())
                .maxEntriesPerNamespace(maxEntriesPerNamespace)
                .build();
    }
}
