package dev.sale4j.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which entries a memory holds, per namespace, oldest first: the bookkeeping behind the cap. Eviction is FIFO by
 * auction time (ties by auction id): when a namespace exceeds its cap, its oldest auctions go first, whatever their
 * outcome or how often they were retrieved. Not thread-safe; the memory guards it.
 */
final class EvictionIndex {

    private record Key(Instant time, String id) {}

    private static final Comparator<Key> OLDEST_FIRST = Comparator.comparing(Key::time).thenComparing(Key::id);

    private final int cap;
    private final Map<String, TreeSet<Key>> byNamespace = new HashMap<>();
    private final Map<String, Key> byId = new HashMap<>();
    private final Map<String, String> namespaceOf = new HashMap<>();

    EvictionIndex(int cap) {
        this.cap = cap;
    }

    boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Adds an entry and returns the ids its namespace must now evict to stay within the cap. */
    List<String> add(String id, String namespace, Instant time) {
        remove(id);
        Key key = new Key(time, id);
        TreeSet<Key> keys = byNamespace.computeIfAbsent(namespace, ns -> new TreeSet<>(OLDEST_FIRST));
        keys.add(key);
        byId.put(id, key);
        namespaceOf.put(id, namespace);
        List<String> evict = new ArrayList<>();
        while (keys.size() > cap) {
            Key oldest = keys.first();
            remove(oldest.id());
            evict.add(oldest.id());
        }
        return evict;
    }

    void remove(String id) {
        Key key = byId.remove(id);
        if (key != null) {
            String namespace = namespaceOf.remove(id);
            TreeSet<Key> keys = byNamespace.get(namespace);
            keys.remove(key);
            if (keys.isEmpty()) {
                byNamespace.remove(namespace);
            }
        }
    }

    /** A copy of the ids held. */
    java.util.Set<String> ids() {
        return new java.util.HashSet<>(byId.keySet());
    }

    long size() {
        return byId.size();
    }

    Map<String, Integer> sizes() {
        Map<String, Integer> sizes = new TreeMap<>();
        byNamespace.forEach((ns, keys) -> sizes.put(ns, keys.size()));
        return sizes;
    }
}
