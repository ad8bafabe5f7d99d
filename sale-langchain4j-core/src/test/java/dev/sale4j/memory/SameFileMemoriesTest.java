package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge rules of {@link FileSync}, with two memories on one file standing for two processes. */
class SameFileMemoriesTest {

    @TempDir
    Path dir;

    private static EmbeddingStoreAuctionMemory memory(Path file, int cap) {
        return EmbeddingStoreAuctionMemory.builder().file(file).embeddingModel(new WordHashEmbeddingModel(32))
                .maxEntriesPerNamespace(cap).build();
    }

    private static AuctionResult auction(String task, long second) {
        return TestAuctions.task(task).bid("small", "small plan", 0.5).bid("large", "large plan", -1)
                .winner("large").at(Instant.ofEpochSecond(1_700_000_000L + second)).result();
    }

    private static String record(EmbeddingStoreAuctionMemory memory, String task, long second) {
        return memory.record(AuctionMemoryRecorder.entry("ns", auction(task, second))).auctionId();
    }

    @Test
    void anOutcomeRecordedByOneIsSeenByTheOtherAndTheLastWriterOfAnEntryWins() {
        Path file = dir.resolve("memory.json");
        try (EmbeddingStoreAuctionMemory a = memory(file, 100); EmbeddingStoreAuctionMemory b = memory(file, 100)) {
            String id = record(a, "Sort a list of numbers.", 1);
            assertThat(b.entry(id)).as("b reads a's save").isPresent();

            assertThat(b.recordOutcome(id, Outcome.failure(Outcome.Source.TESTS, "2 of 5 tests failed"))).isTrue();
            assertThat(a.entry(id).orElseThrow().outcome().succeeded()).isFalse();

            assertThat(a.recordOutcome(id, Outcome.success(Outcome.Source.USER))).isTrue();
            record(b, "Reverse a string.", 2); // b saves again: a's later outcome is not written over
            assertThat(b.entry(id).orElseThrow().outcome().succeeded()).isTrue();
        }
        try (EmbeddingStoreAuctionMemory reopened = memory(file, 100)) {
            assertThat(reopened.stats().entries()).isEqualTo(2);
        }
    }

    @Test
    void anEntryEvictedByOneStaysEvictedForTheOtherEvenAfterItsUpdate() {
        Path file = dir.resolve("memory.json");
        String oldest;
        try (EmbeddingStoreAuctionMemory a = EmbeddingStoreAuctionMemory.builder().file(file)
                        .embeddingModel(new WordHashEmbeddingModel(32)).maxEntriesPerNamespace(3).autoSave(false).build();
                EmbeddingStoreAuctionMemory b = memory(file, 3)) {
            oldest = record(a, "Task one.", 1);
            record(a, "Task two.", 2);
            record(a, "Task three.", 3);
            a.save();
            assertThat(b.stats().entries()).isEqualTo(3);
            assertThat(a.recordOutcome(oldest, Outcome.success(Outcome.Source.USER))).isTrue(); // not saved yet

            String fourth = record(b, "Task four.", 4); // evicts the oldest, and saves

            assertThat(a.entry(oldest)).as("a learns of the eviction").isEmpty();
            assertThat(a.entry(fourth)).isPresent();
            a.save();
            assertThat(a.recordOutcome(oldest, Outcome.failure(Outcome.Source.USER, "wrong answer"))).isFalse();
        }
        try (EmbeddingStoreAuctionMemory reopened = memory(file, 3)) {
            assertThat(reopened.entry(oldest)).as("an evicted entry never comes back").isEmpty();
            assertThat(reopened.stats().entries()).isEqualTo(3);
        }
    }

    @Test
    void eachMemoryOnOneFileKeepsTheOthersEntries() {
        Path file = dir.resolve("memory.json");
        try (EmbeddingStoreAuctionMemory a = memory(file, 100); EmbeddingStoreAuctionMemory b = memory(file, 100)) {
            for (int i = 0; i < 10; i++) {
                record(a, "A's task " + i, 2L * i);
                record(b, "B's task " + i, 2L * i + 1);
            }
            assertThat(a.stats().entries()).isEqualTo(20);
        }
        try (EmbeddingStoreAuctionMemory reopened = memory(file, 100)) {
            assertThat(reopened.stats().entries()).isEqualTo(20);
        }
    }

    @Test
    void memoriesOpeningOneFileThroughALinkStillTakeTurns() throws java.io.IOException {
        Path file = dir.resolve("memory.json");
        Path alias = java.nio.file.Files.createSymbolicLink(dir.resolve("alias"), dir).resolve("memory.json");
        try (EmbeddingStoreAuctionMemory a = memory(file, 100); EmbeddingStoreAuctionMemory b = memory(alias, 100)) {
            for (int i = 0; i < 5; i++) {
                record(a, "A's task " + i, 2L * i);
                record(b, "B's task " + i, 2L * i + 1);
            }
            assertThat(a.stats().entries()).isEqualTo(10);
            assertThat(b.stats().entries()).isEqualTo(10);
        }
    }

    @Test
    void aSaveThatCannotGetTheLockInTimeNamesTheFileAndTheLastWriter() throws Exception {
        Path file = dir.resolve("memory.json");
        Path lockFile = dir.resolve("memory.json.lock");
        java.nio.file.Files.writeString(lockFile, "7 12345\n");
        EmbeddingStoreAuctionMemory memory = EmbeddingStoreAuctionMemory.builder().file(file)
                .embeddingModel(new WordHashEmbeddingModel(32)).lockTimeout(java.time.Duration.ofMillis(200)).build();
        try (java.nio.channels.FileChannel holder = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock held = holder.lock()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> record(memory, "Sort a list.", 1))
                    .isInstanceOf(MemoryFileLockException.class)
                    .isInstanceOf(dev.langchain4j.exception.RetriableException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("lock file " + lockFile)
                    .hasMessageContaining("pid 12345")
                    .hasMessageContaining("lockTimeout")
                    .hasMessageContaining("shared EmbeddingStore");
        }
        memory.save(); // the lock is free again: the unsaved entry is written now
        try (EmbeddingStoreAuctionMemory reopened = memory(file, 100)) {
            assertThat(reopened.stats().entries()).isEqualTo(1);
        }
    }
}
