package dev.sale4j.memory;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import java.nio.file.Path;

/**
 * The second process of {@link SharedMemoryFileTest}: records {@code count} auctions into the memory file, printing
 * {@code ack <auctionId> <time>} once each record (and its save) returned. Arguments: file, namespace, count, cap.
 */
public final class MemoryWriterProcess {

    private MemoryWriterProcess() {}

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String namespace = args[1];
        int count = Integer.parseInt(args[2]);
        int cap = Integer.parseInt(args[3]);
        try (EmbeddingStoreAuctionMemory memory = SharedMemoryFileTest.memory(file, cap)) {
            System.out.println("ready");
            for (int i = 0; i < count; i++) {
                AuctionResult result = SharedMemoryFileTest.auction("Child task " + i + ": sum the digits of " + i);
                MemoryEntry entry = memory.record(AuctionMemoryRecorder.entry(namespace, result));
                System.out.println("ack " + entry.auctionId() + " " + entry.time());
            }
        }
        System.out.println("done");
    }
}
