package dev.sale4j.memory;

import java.util.Map;
import java.util.TreeMap;

/**
 * How large an auction memory has grown.
 *
 * @param entries             remembered auctions, over all namespaces
 * @param entriesPerNamespace remembered auctions per namespace
 * @param maxEntriesPerNamespace the cap per namespace ({@link Integer#MAX_VALUE} when unbounded)
 * @param evicted             entries evicted by the cap since this memory was opened
 * @param bytesOnDisk         size of the memory file, or -1 when the memory is not kept in a file
 */
public record MemoryStats(
        long entries, Map<String, Integer> entriesPerNamespace, int maxEntriesPerNamespace, long evicted,
        long bytesOnDisk) {

    public MemoryStats {
        entriesPerNamespace = Map.copyOf(new TreeMap<>(entriesPerNamespace));
    }

    /** Bytes on disk per remembered auction, or -1 when unknown. */
    public double bytesPerEntry() {
        return bytesOnDisk < 0 || entries == 0 ? -1 : (double) bytesOnDisk / entries;
    }
}
