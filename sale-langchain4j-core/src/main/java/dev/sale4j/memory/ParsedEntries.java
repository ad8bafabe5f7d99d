package dev.sale4j.memory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The entries the memory parsed most recently, by auction id, each with the payload it was parsed from: an entry
 * that keeps being retrieved (the neighbours of a run of similar tasks) has its JSON, about 9 kB, parsed once, not at
 * every retrieval. A changed payload (a new outcome, another process's write) is parsed again. Entries are immutable,
 * so sharing one parsed entry changes no result. At most {@value #CAPACITY} are held, least recently used first out.
 */
final class ParsedEntries {

    static final int CAPACITY = 256;

    private record Parsed(String payload, MemoryEntry entry) {}

    private final Map<String, Parsed> recent = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The entry of this id and payload: the one parsed before from an equal payload, else parsed now and kept. */
    MemoryEntry get(String id, String payload, BiFunction<String, String, MemoryEntry> parser) {
        if (id == null || payload == null) {
            return parser.apply(id, payload);
        }
        synchronized (recent) {
            Parsed parsed = recent.get(id);
            if (parsed != null && (parsed.payload() == payload || parsed.payload().equals(payload))) {
                return parsed.entry();
            }
        }
        MemoryEntry entry = parser.apply(id, payload);
        synchronized (recent) {
            recent.put(id, new Parsed(payload, entry));
        }
        return entry;
    }
}
