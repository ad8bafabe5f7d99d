package dev.sale4j.memory;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared memory of past auctions (SALE steps 5 and 7): every bid of every auction is remembered with its terms
 * and label, the real outcome is added once known, and cheaper agents retrieve (losing, winning) pairs from the
 * most similar past tasks to rewrite their bids.
 *
 * <p>The default, {@link EmbeddingStoreAuctionMemory}, works over any LangChain4j {@code EmbeddingStore} and
 * {@code EmbeddingModel}: {@link #inFile(Path)} is the embedded setup (in-process MiniLM, in-memory store kept in
 * a file); a shared store (pgvector, Redis, ...) serves many application instances with the same code. Entries of
 * one namespace (a pool or a tenant) never appear in another's retrievals. Implementations are thread-safe.
 */
public interface AuctionMemory {

    /** How many past tasks a cheaper agent retrieves by default (SALE's k). */
    int DEFAULT_K = 8;

    /**
     * Remembers a finished auction, in its entry's namespace, and returns the entry stored. The auction's
     * {@code AuctionMemoryRecorder} calls it for every auction; its {@code entry(namespace, result)} builds the entry.
     */
    MemoryEntry record(MemoryEntry entry);

    /**
     * Each agent's pairs from the k most similar past tasks of the namespace, ordered by {@link PairSelection}'s
     * rule. The task is embedded once for all agents.
     *
     * @return a list per agent, possibly empty, never null
     */
    Map<String, List<BidPair>> pairs(String namespace, String task, Collection<String> agents, int k);

    /**
     * Called on the auction's executor as an auction of this task runs: while its agents bid, once their requests
     * have had {@code Auction.MEMORY_PREFETCH_GRACE} to leave, or at once if every bid is in sooner. Retrieval
     * ({@link #pairs}) and recording ({@link #record}) of the task will follow, and an implementation may start
     * their work now, off the auction's critical path (the default memory embeds the task). Does nothing by
     * default. It must not change what they return, and a failure here must surface, if at all, only from them.
     */
    default void prefetch(String namespace, String task) {}

    /** One agent's pairs; see {@link #pairs(String, String, Collection, int)}. */
    default List<BidPair> pairs(String namespace, String task, String agent, int k) {
        return pairs(namespace, task, List.of(agent), k).getOrDefault(agent, List.of());
    }

    /**
     * Stores the real outcome of an auction's execution, replacing any earlier one.
     *
     * @return false when the memory holds no entry for that auction (never recorded, or evicted)
     */
    boolean recordOutcome(String auctionId, Outcome outcome);

    /** The entry of an auction, if the memory holds it. */
    Optional<MemoryEntry> entry(String auctionId);

    /** Entries, size on disk and evictions. */
    MemoryStats stats();

    /**
     * The embedded default: in-process quantized all-MiniLM-L6-v2 and an in-memory store kept in {@code file},
     * loaded now if it exists and rewritten atomically after every change.
     */
    static EmbeddingStoreAuctionMemory inFile(Path file) {
        return EmbeddingStoreAuctionMemory.builder().file(file).build();
    }

    /** An in-process memory that is not kept anywhere: it ends with the JVM. */
    static EmbeddingStoreAuctionMemory inMemory() {
        return EmbeddingStoreAuctionMemory.builder().build();
    }
}
