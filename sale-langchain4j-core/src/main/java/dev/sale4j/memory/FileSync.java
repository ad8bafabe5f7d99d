package dev.sale4j.memory;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an embedded memory in step with its file when several processes (or several memories of one process) share
 * that file. Every save runs holding the file's lock ({@link MemoryFileLock}); if the file changed since this memory
 * last read or wrote it (its {@link MemoryFile.Stamp}), the file is read again and merged into the memory before the
 * memory is written back, so no process writes over entries it has not seen. The merge, entry by auction id:
 *
 * <ul>
 *   <li>an entry this memory changed (recorded, or its outcome recorded) since it last synced keeps this memory's
 *       version: the last process to save an entry wins, so outcome updates are last-writer-wins per entry;</li>
 *   <li>any other entry in the file is taken from the file: entries other processes added, and their updates;</li>
 *   <li>an entry that was in the file at the last sync and is no longer there was evicted by another process, and is
 *       removed here too, even if this memory updated it since (an evicted entry never comes back);</li>
 *   <li>an entry this memory evicted stays evicted, and the file loses it at this save;</li>
 *   <li>then the cap applies to the merged entries (oldest first), so the file never holds more than the cap per
 *       namespace of the process that saved it last.</li>
 * </ul>
 *
 * <p>Reads ({@code pairs}, {@code entry}, {@code recordOutcome}, {@code stats}) first check the file's stamp, one
 * file-attribute read, and merge the file when another process saved it, so its entries are visible at once. A
 * file that disappeared is not merged (this memory's entries are kept and written back at the next save). Holds no
 * lock of its own: the memory's lock guards its state, and the memory serialises saves and refreshes.
 */
final class FileSync {

    private static final Logger log = LoggerFactory.getLogger(FileSync.class);

    private final MemoryFile file;
    private final InMemoryEmbeddingStore<TextSegment> store;
    private final EvictionIndex index;
    private final VectorIndex local;
    private final Object lock;
    private final int dimension;
    private final IntConsumer evictions;

    // guarded by lock
    private final Map<String, Long> dirty = new HashMap<>();
    private final Map<String, Long> removed = new HashMap<>();
    private Set<String> synced = Set.of();
    private long version;
    private long savedVersion;
    private volatile MemoryFile.Stamp seen;

    FileSync(MemoryFile file, InMemoryEmbeddingStore<TextSegment> store, EvictionIndex index, VectorIndex local,
            Object lock, int dimension, IntConsumer evictions) {
        this.file = file;
        this.store = store;
        this.index = index;
        this.local = local;
        this.lock = lock;
        this.dimension = dimension;
        this.evictions = evictions;
    }

    /** Loads the file, after removing the temporary files of crashed writes. */
    void open() {
        file.locked(held -> {
            int leftovers = file.removeLeftovers();
            if (leftovers > 0) {
                log.info("Removed {} temporary file(s) left beside {} by an interrupted save", leftovers, file.path());
            }
            synchronized (lock) {
                merge(file.load(held));
            }
            return null;
        });
    }

    /** Notes that this memory added or replaced the entry. Holding the memory's lock. */
    void changed(String id) {
        dirty.put(id, ++version);
        removed.remove(id);
    }

    /** Notes that this memory evicted the entry. Holding the memory's lock. */
    void removed(String id) {
        removed.put(id, ++version);
        dirty.remove(id);
    }

    /** Whether another process saved the file since this memory last read or wrote it (one attribute read). */
    boolean stale() {
        return file.changedSince(seen);
    }

    /** Merges the file if it changed. */
    void refresh() {
        file.locked(held -> {
            mergeIfChanged(held);
            return null;
        });
    }

    /** Merges the file if it changed, then writes the memory if it changed since its last save. */
    void save() {
        file.locked(held -> {
            mergeIfChanged(held);
            long current;
            InMemoryEmbeddingStore<TextSegment> snapshot;
            Set<String> ids;
            synchronized (lock) {
                current = version;
                if (current == savedVersion && Files.exists(file.path())) {
                    return null;
                }
                // serialising a store while it changes is unsafe; a copy of its entry list is cheap
                snapshot = InMemoryEmbeddingStore.merge(List.of(store));
                ids = index.ids();
            }
            MemoryFile.Stamp written = file.save(snapshot, held);
            synchronized (lock) {
                savedVersion = current;
                seen = written;
                synced = ids;
                dirty.values().removeIf(change -> change <= current);
                removed.values().removeIf(change -> change <= current);
            }
            return null;
        });
    }

    private void mergeIfChanged(MemoryFileLock.Held held) {
        MemoryFile.Stamp now = file.stamp(held);
        if (now.equals(seen)) {
            return;
        }
        synchronized (lock) {
            if (Files.exists(file.path())) {
                merge(file.load(held));
            } else {
                seen = now;
            }
        }
    }

    /** Merges the file's entries into the memory by the rules above. Holding the memory's lock. */
    private void merge(MemoryFile.Loaded loaded) {
        List<StoredEntries.Stored> disk = StoredEntries.read(loaded.store(), dimension, file.path());
        Set<String> onDisk = new HashSet<>(disk.size() * 2);
        Set<String> drop = new HashSet<>();
        List<StoredEntries.Stored> adopt = new ArrayList<>();
        for (StoredEntries.Stored stored : disk) {
            String id = stored.id();
            onDisk.add(id);
            if (removed.containsKey(id) || dirty.containsKey(id)) {
                continue;
            }
            String mine = local.payload(id);
            if (stored.payload().equals(mine)) {
                continue;
            }
            if (mine != null) {
                drop.add(id);
            }
            adopt.add(stored);
        }
        for (String id : synced) {
            if (!onDisk.contains(id) && index.contains(id)) {
                drop.add(id); // evicted by another process
                dirty.remove(id);
            }
        }
        for (String id : drop) {
            index.remove(id);
            local.remove(id);
        }
        if (!drop.isEmpty()) {
            store.removeAll(drop);
        }
        List<String> evict = new ArrayList<>();
        if (!adopt.isEmpty()) {
            List<String> ids = new ArrayList<>(adopt.size());
            List<Embedding> embeddings = new ArrayList<>(adopt.size());
            List<TextSegment> segments = new ArrayList<>(adopt.size());
            for (StoredEntries.Stored stored : adopt) {
                ids.add(stored.id());
                embeddings.add(stored.embedding());
                segments.add(stored.segment());
            }
            store.addAll(ids, embeddings, segments);
            for (StoredEntries.Stored stored : adopt) {
                MemoryEntry entry = stored.entry();
                local.put(stored.id(), entry.namespace(), stored.embedding().vector(), stored.payload());
                evict.addAll(index.add(stored.id(), entry.namespace(), entry.time()));
            }
        }
        if (!evict.isEmpty()) {
            store.removeAll(new HashSet<>(evict));
            evict.forEach(local::remove);
            evict.forEach(this::removed);
            evictions.accept(evict.size());
        }
        synced = onDisk;
        seen = loaded.stamp();
    }
}
