package dev.sale4j.memory;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default {@link AuctionMemory}: entries live in any LangChain4j {@link EmbeddingStore}, keyed by the auction id
 * and embedded by the task text, so the same code serves the embedded setup and a shared store.
 *
 * <p><b>Layout.</b> One store entry per auction: id = the auction id (a UUID, as pgvector requires), embedding = the
 * task's, text = the task, and metadata {@code sale4j=auction}, {@code namespace}, {@code auctionId}, {@code time}
 * (epoch ms) and {@code payload}, the {@link MemoryEntry} as compact JSON: stores keep only strings and numbers.
 * Retrieval filters on {@code namespace} with a metadata filter, so namespaces never mix.
 *
 * <p><b>Outcomes and shared stores.</b> An outcome replaces the entry: remove by id, then add under the same id. Each
 * instance serialises its own writes; across instances, the last writer of an entry wins, and a search running
 * between the remove and the add may miss that one entry. Entries are found by id through a metadata filter, so an
 * outcome may be recorded by any instance.
 *
 * <p><b>Cap.</b> At most {@code maxEntriesPerNamespace} entries per namespace; beyond it the oldest auctions are
 * evicted first (FIFO by auction time, see {@link EvictionIndex}). The index behind the cap is read from the store
 * when the memory opens and kept up to date with this instance's writes; on a shared store, entries other instances
 * add after that count towards this instance's cap only once it reopens, so the cap bounds growth rather than
 * acting as an exact quota.
 *
 * <p><b>Search.</b> On a store given with {@link Builder#store}, retrieval is the store's own filtered search. On the
 * memory's own in-memory store (the default, and with {@link Builder#file}) an exact in-process cosine index over the
 * same vectors answers instead ({@link VectorIndex}): the same results, without LangChain4j's per-entry metadata
 * copies, so that 100k entries search in milliseconds.
 *
 * <p><b>File.</b> With {@link Builder#file(Path)} the store is an {@link InMemoryEmbeddingStore} loaded from the
 * file (if it exists) and saved atomically after every change (or only on {@link #save()} and {@link #close()} with
 * {@code autoSave(false)}); see {@link MemoryFile}. If a save fails the entry stays in memory and the next save
 * writes it. Several processes (or memories) may share one file: see {@link FileSync} for how their writes merge.
 */
public final class EmbeddingStoreAuctionMemory implements AuctionMemory, AutoCloseable {

    public static final int DEFAULT_MAX_ENTRIES_PER_NAMESPACE = 20_000;

    static final String KIND = "sale4j";
    static final String KIND_AUCTION = "auction";
    static final String NAMESPACE = "namespace";
    static final String AUCTION_ID = "auctionId";
    static final String TIME = "time";
    static final String PAYLOAD = "payload";

    private final EmbeddingStore<TextSegment> store;
    private final EmbeddingModel model;
    private final MemoryFile file;
    private final InMemoryEmbeddingStore<TextSegment> fileStore;
    private final boolean autoSave;
    private final int cap;
    private final EvictionIndex index;
    private final VectorIndex local;
    private final Embedding probe;
    private final TaskEmbeddings taskEmbeddings;
    private final ParsedEntries parsed = new ParsedEntries();
    private final Object lock = new Object();
    private final Object saveLock = new Object();
    private final FileSync sync;
    private long evicted;

    private EmbeddingStoreAuctionMemory(Builder builder) {
        if (builder.maxEntriesPerNamespace < 1) {
            throw new IllegalArgumentException("maxEntriesPerNamespace must be at least 1, got "
                    + builder.maxEntriesPerNamespace);
        }
        if (builder.file != null && builder.store != null) {
            throw new IllegalArgumentException("Set either file(...) (the embedded in-memory store kept in a file) or "
                    + "store(...) (a store that persists itself, e.g. pgvector), not both");
        }
        this.model = builder.model != null ? builder.model : MiniLm.shared();
        this.cap = builder.maxEntriesPerNamespace;
        this.autoSave = builder.autoSave;
        if (builder.lockTimeout == null || builder.lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must be zero or positive, got " + builder.lockTimeout);
        }
        this.file = builder.file == null ? null
                : new MemoryFile(builder.file, builder.writer, builder.reader, builder.lockTimeout);
        this.fileStore = file == null ? null : new InMemoryEmbeddingStore<>();
        this.store = fileStore != null ? fileStore
                : builder.store != null ? builder.store : new InMemoryEmbeddingStore<>();
        float[] unit = new float[model.dimension()];
        unit[0] = 1f;
        this.probe = Embedding.from(unit);
        this.taskEmbeddings = new TaskEmbeddings(model);
        this.index = new EvictionIndex(cap);
        this.local = builder.store == null ? new VectorIndex() : null;
        this.sync = file == null ? null
                : new FileSync(file, fileStore, index, local, lock, model.dimension(), n -> evicted += n);
        if (sync != null) {
            sync.open();
        } else {
            openIndex();
        }
    }

    private void openIndex() {
        List<String> evict = new ArrayList<>();
        for (StoredEntries.Stored stored : StoredEntries.read(store, model.dimension(), null)) {
            MemoryEntry entry = stored.entry();
            if (local != null) {
                local.put(entry.auctionId(), entry.namespace(), stored.embedding().vector(), stored.payload());
            }
            evict.addAll(index.add(entry.auctionId(), entry.namespace(), entry.time()));
        }
        evict(evict);
    }

    private void removeAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        store.removeAll(ids instanceof Set<String> set ? set : new HashSet<>(ids));
        if (local != null) {
            ids.forEach(local::remove);
        }
    }

    private MemoryEntry parse(String id, String payload) {
        return parsed.get(id, payload, (i, p) -> StoredEntries.parse(i, p, file == null ? null : file.path()));
    }

    private MemoryEntry parse(EmbeddingMatch<TextSegment> match) {
        return parse(match.embeddingId(),
                match.embedded() == null ? null : match.embedded().metadata().getString(PAYLOAD));
    }

    @Override
    public MemoryEntry record(MemoryEntry entry) {
        if (entry == null) {
            throw new IllegalArgumentException(
                    "record(...) needs the MemoryEntry to remember: build it with AuctionMemoryRecorder.entry(namespace, result)");
        }
        Embedding embedding = taskEmbeddings.take(entry.task());
        synchronized (lock) {
            put(entry, embedding, index.contains(entry.auctionId()));
            changed(entry.auctionId());
            evict(index.add(entry.auctionId(), entry.namespace(), entry.time()));
        }
        saveIfAuto();
        return entry;
    }

    /** Notes a change of this entry for the next merge with the file. Holding {@link #lock}. */
    private void changed(String id) {
        if (sync != null) {
            sync.changed(id);
        }
    }

    /** Removes entries the cap evicts. Holding {@link #lock}. */
    private void evict(List<String> ids) {
        if (!ids.isEmpty()) {
            removeAll(ids);
            evicted += ids.size();
            if (sync != null) {
                ids.forEach(sync::removed);
            }
        }
    }

    /** Adds the entry under its auction id, first removing any entry with that id when {@code replace}. */
    private void put(MemoryEntry entry, Embedding embedding, boolean replace) {
        if (replace) {
            removeAll(List.of(entry.auctionId()));
        }
        String payload = entry.toJson();
        Metadata metadata = new Metadata()
                .put(KIND, KIND_AUCTION)
                .put(NAMESPACE, entry.namespace())
                .put(AUCTION_ID, entry.auctionId())
                .put(TIME, entry.time().toEpochMilli())
                .put(PAYLOAD, payload);
        store.addAll(List.of(entry.auctionId()), List.of(embedding), List.of(TextSegment.from(entry.task(), metadata)));
        if (local != null) {
            local.put(entry.auctionId(), entry.namespace(), embedding.vector(), payload);
        }
    }

    /** Embeds the task now, so that retrieval and recording of its auction do not wait for the embedding. */
    @Override
    public void prefetch(String namespace, String task) {
        if (task != null && !task.isBlank()) {
            taskEmbeddings.prefetch(task);
        }
    }

    @Override
    public Map<String, List<BidPair>> pairs(String namespace, String task, Collection<String> agents, int k) {
        MemoryEntry.checkNamespace(namespace);
        if (task == null || task.isBlank()) {
            throw new IllegalArgumentException("pairs(...) needs the current task's text");
        }
        if (k < 1) {
            throw new IllegalArgumentException("k (how many past tasks to retrieve) must be at least 1, got " + k);
        }
        Map<String, List<BidPair>> pairs = new LinkedHashMap<>();
        if (agents.isEmpty()) {
            return pairs;
        }
        Embedding query = taskEmbeddings.get(task);
        refresh();
        int fetch = 2 * k + 4;
        while (true) {
            List<PairSelection.Candidate> candidates = candidates(namespace, query, fetch);
            boolean complete = true;
            for (String agent : agents) {
                List<BidPair> own = PairSelection.select(agent, candidates, k);
                pairs.put(agent, own);
                complete &= own.size() == k;
            }
            if (complete || candidates.size() < fetch || fetch >= Integer.MAX_VALUE / 4) {
                return pairs;
            }
            fetch *= 4;
        }
    }

    /** The {@code n} entries of the namespace most similar to the query, with their cosine similarity. */
    private List<PairSelection.Candidate> candidates(String namespace, Embedding query, int n) {
        List<PairSelection.Candidate> candidates = new ArrayList<>(n);
        if (local != null) {
            for (VectorIndex.Hit hit : local.search(namespace, query.vector(), n)) {
                candidates.add(new PairSelection.Candidate(parse(hit.id(), hit.payload()), hit.cosine()));
            }
            return candidates;
        }
        Filter filter = metadataKey(KIND).isEqualTo(KIND_AUCTION).and(metadataKey(NAMESPACE).isEqualTo(namespace));
        List<EmbeddingMatch<TextSegment>> matches = store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(query)
                        .maxResults(n)
                        .minScore(0.0)
                        .filter(filter)
                        .build())
                .matches();
        for (EmbeddingMatch<TextSegment> m : matches) {
            candidates.add(new PairSelection.Candidate(parse(m), 2 * m.score() - 1));
        }
        return candidates;
    }

    @Override
    public boolean recordOutcome(String auctionId, Outcome outcome) {
        if (outcome == null) {
            throw new IllegalArgumentException("recordOutcome(...) needs the Outcome: Outcome.success(..), "
                    + "Outcome.failure(..) or Outcome.score(..)");
        }
        refresh();
        synchronized (lock) {
            Optional<EmbeddingMatch<TextSegment>> match = find(auctionId);
            if (match.isEmpty()) {
                return false;
            }
            MemoryEntry entry = parse(match.get()).withOutcome(outcome);
            Embedding embedding = match.get().embedding() != null
                    ? match.get().embedding()
                    : model.embed(entry.task()).content();
            put(entry, embedding, true);
            changed(auctionId);
        }
        saveIfAuto();
        return true;
    }

    @Override
    public Optional<MemoryEntry> entry(String auctionId) {
        refresh();
        return find(auctionId).map(this::parse);
    }

    private Optional<EmbeddingMatch<TextSegment>> find(String auctionId) {
        if (auctionId == null || auctionId.isBlank()) {
            throw new IllegalArgumentException("An auction id is needed to find a memory entry");
        }
        return store.search(EmbeddingSearchRequest.builder()
                        .queryEmbedding(probe)
                        .maxResults(1)
                        .minScore(0.0)
                        .filter(metadataKey(KIND).isEqualTo(KIND_AUCTION)
                                .and(metadataKey(AUCTION_ID).isEqualTo(auctionId)))
                        .build())
                .matches()
                .stream()
                .findFirst();
    }

    @Override
    public MemoryStats stats() {
        refresh();
        synchronized (lock) {
            return new MemoryStats(index.size(), index.sizes(), cap, evicted, file == null ? -1 : file.size());
        }
    }

    /**
     * Writes the memory to its file now, if it changed since the last save, first merging what other processes saved
     * since this memory last read it ({@link FileSync}); does nothing without a file.
     */
    public void save() {
        if (sync != null) {
            synchronized (saveLock) {
                sync.save();
            }
        }
    }

    /** Merges what other processes saved to the file, if it changed since this memory last read or wrote it. */
    private void refresh() {
        if (sync != null && sync.stale()) {
            synchronized (saveLock) {
                sync.refresh();
            }
        }
    }

    private void saveIfAuto() {
        if (autoSave) {
            save();
        }
    }

    /** The file the memory is kept in, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file).map(MemoryFile::path);
    }

    public EmbeddingModel embeddingModel() {
        return model;
    }

    /** Saves any unsaved change. */
    @Override
    public void close() {
        save();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link EmbeddingStoreAuctionMemory}. Everything is optional. */
    public static final class Builder {
        private EmbeddingStore<TextSegment> store;
        private EmbeddingModel model;
        private Path file;
        private boolean autoSave = true;
        private int maxEntriesPerNamespace = DEFAULT_MAX_ENTRIES_PER_NAMESPACE;
        private MemoryFile.Writer writer = MemoryFile.STREAMING;
        private MemoryFile.Reader reader = MemoryFile.READING;
        private java.time.Duration lockTimeout = MemoryFile.DEFAULT_LOCK_TIMEOUT;

        private Builder() {}

        /** A store that persists itself (pgvector, Redis, ...), shared by any number of instances. */
        public Builder store(EmbeddingStore<TextSegment> store) {
            this.store = store;
            return this;
        }

        /** The task embedder; default: in-process quantized all-MiniLM-L6-v2. Keep it fixed for a store's life. */
        public Builder embeddingModel(EmbeddingModel model) {
            this.model = model;
            return this;
        }

        /** Keeps the embedded in-memory store in this file: loaded now if it exists, written atomically. */
        public Builder file(Path file) {
            this.file = file;
            return this;
        }

        /** Whether every change is saved to the file at once (default true). */
        public Builder autoSave(boolean autoSave) {
            this.autoSave = autoSave;
            return this;
        }

        /** The cap per namespace (default {@value #DEFAULT_MAX_ENTRIES_PER_NAMESPACE}); oldest auctions go first. */
        public Builder maxEntriesPerNamespace(int maxEntriesPerNamespace) {
            this.maxEntriesPerNamespace = maxEntriesPerNamespace;
            return this;
        }

        /** How long a save waits for the file's lock (default 60 s) before a {@link MemoryFileLockException}. */
        public Builder lockTimeout(java.time.Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
            return this;
        }

        Builder reader(MemoryFile.Reader reader) {
            this.reader = reader;
            return this;
        }

        Builder writer(MemoryFile.Writer writer) {
            this.writer = writer;
            return this;
        }

        public EmbeddingStoreAuctionMemory build() {
            return new EmbeddingStoreAuctionMemory(this);
        }
    }
}
