package dev.sale4j.benchmarks;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.memory.MemoryStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Bytes per entry of the embedded memory file: records realistic four-agent auctions (real MiniLM embeddings) and
 * saves them, then prints the file size per entry. Usage: {@code MemoryFootprint [entries]} (default 1000).
 */
public final class MemoryFootprint {

    private MemoryFootprint() {}

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path dir = Files.createTempDirectory("sale4j-memory");
        Path file = dir.resolve("memory.json");
        Random random = new Random(42);
        long start = System.nanoTime();
        try (EmbeddingStoreAuctionMemory memory = EmbeddingStoreAuctionMemory.builder().file(file).autoSave(false)
                .build()) {
            for (int i = 0; i < entries; i++) {
                memory.record(AuctionMemoryRecorder.entry("bench", SyntheticAuctions.auction(i, random)));
            }
        }
        long recordMillis = (System.nanoTime() - start) / 1_000_000;
        long openStart = System.nanoTime();
        MemoryStats stats = AuctionMemory.inFile(file).stats();
        long openMillis = (System.nanoTime() - openStart) / 1_000_000;
        System.out.printf("entries=%d fileBytes=%d bytesPerEntry=%.0f recordAndSave=%dms reopen=%dms%n",
                stats.entries(), stats.bytesOnDisk(), stats.bytesPerEntry(), recordMillis, openMillis);
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }
}
