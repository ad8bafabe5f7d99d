package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryPersistenceTest {

    @TempDir
    Path dir;

    private static AuctionResult auction(String task) {
        return TestAuctions.task(task).bid("small", "small plan: " + task, 0.5).bid("large", "large plan: " + task, -1)
                .refined("small", "refined plan: " + task, 0.2).provisional("large").winner("large").result();
    }

    @Test
    void aRestartRestoresEveryEntryOutcomeAndNamespace() {
        Path file = dir.resolve("memory.json");
        AuctionResult first = auction("Write a Python function that reverses a string.");
        AuctionResult second = auction("In which year did the French Revolution begin?");
        try (EmbeddingStoreAuctionMemory memory = AuctionMemory.inFile(file)) {
            memory.record(AuctionMemoryRecorder.entry("a", first));
            memory.record(AuctionMemoryRecorder.entry("b", second));
            memory.recordOutcome(first.id(), Outcome.success(Outcome.Source.TESTS));
        }

        EmbeddingStoreAuctionMemory reopened = AuctionMemory.inFile(file);

        assertThat(reopened.stats().entriesPerNamespace()).containsEntry("a", 1).containsEntry("b", 1);
        assertThat(reopened.stats().bytesOnDisk()).isPositive();
        MemoryEntry restored = reopened.entry(first.id()).orElseThrow();
        assertThat(restored).isEqualTo(AuctionMemoryRecorder.entry("a", first).withOutcome(restored.outcome()));
        assertThat(restored.outcome().succeeded()).isTrue();
        assertThat(restored.bids()).extracting(MemoryBid::label)
                .containsExactly(BidLabel.LOST, BidLabel.WON, BidLabel.REFINED);
        assertThat(reopened.pairs("a", "Reverse a string in Python.", "small", 8)).singleElement()
                .satisfies(p -> assertThat(p.losing().text()).startsWith("refined plan"));
    }

    @Test
    void aCrashDuringAWriteKeepsTheLastGoodFile() throws IOException {
        Path file = dir.resolve("memory.json");
        try (EmbeddingStoreAuctionMemory memory = AuctionMemory.inFile(file)) {
            memory.record(AuctionMemoryRecorder.entry("a", auction("Write a Python function that reverses a string.")));
        }
        byte[] good = Files.readAllBytes(file);
        MemoryFile.Writer crashing = (store, target) -> {
            byte[] json = store.serializeToJson().getBytes(StandardCharsets.UTF_8);
            Files.write(target, java.util.Arrays.copyOf(json, json.length / 2));
            throw new IOException("simulated crash half way through the write");
        };
        EmbeddingStoreAuctionMemory memory = EmbeddingStoreAuctionMemory.builder().file(file).writer(crashing).build();

        assertThatThrownBy(() -> memory.record(AuctionMemoryRecorder.entry("a", auction("Sort a list of numbers."))))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("previous file is intact");

        assertThat(Files.readAllBytes(file)).isEqualTo(good);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left; the lock file stays")
                    .containsExactlyInAnyOrder(file, dir.resolve("memory.json.lock"));
        }
        assertThat(AuctionMemory.inFile(file).stats().entries()).isEqualTo(1);
        assertThat(memory.stats().entries()).as("the unsaved entry stays in memory for the next save").isEqualTo(2);
    }

    @Test
    void aCorruptFileGivesAClearErrorAndIsNotOverwritten() throws IOException {
        Path file = dir.resolve("memory.json");
        try (EmbeddingStoreAuctionMemory memory = AuctionMemory.inFile(file)) {
            memory.record(AuctionMemoryRecorder.entry("a", auction("Write a Python function that reverses a string.")));
        }
        byte[] json = Files.readAllBytes(file);
        byte[] torn = java.util.Arrays.copyOf(json, json.length - 40);
        Files.write(file, torn);

        assertThatThrownBy(() -> AuctionMemory.inFile(file))
                .isInstanceOf(MemoryFileException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("left untouched")
                .hasMessageContaining("move it aside");
        assertThat(Files.readAllBytes(file)).isEqualTo(torn);

        Files.writeString(file, "");
        assertThatThrownBy(() -> AuctionMemory.inFile(file)).isInstanceOf(MemoryFileException.class)
                .hasMessageContaining("is empty");
        assertThat(Files.size(file)).isZero();
    }

    @Test
    void aFileWithAnUnreadableEntryIsRejectedAndLeftAsItIs() throws IOException {
        Path file = dir.resolve("memory.json");
        try (EmbeddingStoreAuctionMemory memory = AuctionMemory.inFile(file)) {
            memory.record(AuctionMemoryRecorder.entry("a", auction("Write a Python function that reverses a string.")));
        }
        String json = Files.readString(file);
        String broken = json.replaceFirst("\"payload\":\"\\{", "\"payload\":\"{oops");
        assertThat(broken).isNotEqualTo(json);
        Files.writeString(file, broken);

        assertThatThrownBy(() -> AuctionMemory.inFile(file)).isInstanceOf(MemoryFileException.class)
                .hasMessageContaining("unreadable auction entry");
        assertThat(Files.readString(file)).isEqualTo(broken);
    }

    @Test
    void concurrentAuctionsWriteWithoutLoss() throws Exception {
        Path file = dir.resolve("nested/memory.json");
        EmbeddingStoreAuctionMemory memory = AuctionMemory.inFile(file);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            ids.add(threads.submit(() -> {
                AuctionResult result = auction("Task number " + n + ": compute the " + n + "th prime.");
                memory.record(AuctionMemoryRecorder.entry(n % 2 == 0 ? "even" : "odd", result));
                if (n % 3 == 0) {
                    memory.recordOutcome(result.id(), Outcome.success(Outcome.Source.USER));
                }
                return result.id();
            }));
        }
        List<String> recorded = new ArrayList<>();
        for (Future<String> id : ids) {
            recorded.add(id.get());
        }
        threads.shutdown();

        EmbeddingStoreAuctionMemory reopened = AuctionMemory.inFile(file);
        assertThat(reopened.stats().entriesPerNamespace()).containsEntry("even", 15).containsEntry("odd", 15);
        for (int i = 0; i < recorded.size(); i++) {
            MemoryEntry entry = reopened.entry(recorded.get(i)).orElseThrow();
            assertThat(entry.outcome() != null).isEqualTo(i % 3 == 0);
        }
    }
}
