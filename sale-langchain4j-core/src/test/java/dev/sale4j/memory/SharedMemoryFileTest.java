package dev.sale4j.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.auction.AuctionResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs recording into one memory file: the file lock, reload and merge lose nothing either acknowledged. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SharedMemoryFileTest {

    @TempDir
    Path dir;

    static EmbeddingStoreAuctionMemory memory(Path file, int cap) {
        return EmbeddingStoreAuctionMemory.builder().file(file).embeddingModel(new WordHashEmbeddingModel(32))
                .maxEntriesPerNamespace(cap).lockTimeout(Duration.ofSeconds(20)).build();
    }

    static AuctionResult auction(String task) {
        return TestAuctions.task(task).bid("small", "small plan: " + task, 0.5).bid("large", "large plan: " + task, -1)
                .winner("large").result();
    }

    /** The child JVM, its acknowledged entries (id to time) filled as it prints them. */
    private record Child(Process process, Map<String, Instant> acks, Thread reader) {
        void awaitReady() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!acks.containsKey("ready") && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(acks).as("the child started").containsKey("ready");
        }

        Map<String, Instant> entries() {
            Map<String, Instant> entries = new HashMap<>(acks);
            entries.remove("ready");
            entries.remove("done");
            return entries;
        }
    }

    private Child child(Path file, int count, int cap) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                MemoryWriterProcess.class.getName(), file.toString(), "shared", String.valueOf(count),
                String.valueOf(cap)).redirectErrorStream(true).start();
        Map<String, Instant> acks = new java.util.concurrent.ConcurrentHashMap<>();
        List<String> log = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] fields = line.split(" ");
                    if (fields.length == 3 && fields[0].equals("ack")) {
                        acks.put(fields[1], Instant.parse(fields[2]));
                    } else if (line.equals("ready") || line.equals("done")) {
                        acks.put(line, Instant.now());
                    } else {
                        log.add(line);
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
        });
        reader.start();
        return new Child(process, acks, reader);
    }

    /** Records {@code count} auctions, a little apart so that they interleave with the child's; returns id to time. */
    private static Map<String, Instant> record(EmbeddingStoreAuctionMemory memory, int count) throws Exception {
        Map<String, Instant> recorded = new HashMap<>();
        for (int i = 0; i < count; i++) {
            MemoryEntry entry = memory.record(AuctionMemoryRecorder.entry("shared",
                    auction("Parent task " + i + ": reverse the word number " + i)));
            recorded.put(entry.auctionId(), entry.time());
            Thread.sleep(3);
        }
        return recorded;
    }

    private static void finish(Child child) throws InterruptedException {
        assertThat(child.process().waitFor(120, TimeUnit.SECONDS)).as("the child ends").isTrue();
        child.reader().join(10_000);
        assertThat(child.process().exitValue()).isZero();
        assertThat(child.acks()).containsKey("done");
    }

    /** Which of the ids the file holds, read by a fresh memory. */
    private static List<String> held(Path file, java.util.Collection<String> ids, int expectedEntries) {
        try (EmbeddingStoreAuctionMemory reopened = memory(file, Integer.MAX_VALUE)) {
            assertThat(reopened.stats().entries()).isEqualTo(expectedEntries);
            return ids.stream().filter(id -> reopened.entry(id).isPresent()).toList();
        }
    }

    @Test
    void twoProcessesRecordingIntoOneFileKeepEveryEntryOfBoth() throws Exception {
        Path file = dir.resolve("memory.json");
        int n = 60;
        int m = 60;
        try (EmbeddingStoreAuctionMemory memory = memory(file, 10_000)) {
            Child child = child(file, n, 10_000);
            child.awaitReady();
            Map<String, Instant> mine = record(memory, m);
            finish(child);
            Map<String, Instant> theirs = child.entries();
            assertThat(theirs).hasSize(n);
            assertThat(theirs.values()).as("the two processes wrote at the same time")
                    .anySatisfy(t -> assertThat(t).isBetween(min(mine), max(mine)));

            assertThat(memory.stats().entries()).as("reads see the other process's saves").isEqualTo(n + m);
            assertThat(memory.entry(theirs.keySet().iterator().next())).isPresent();

            try (EmbeddingStoreAuctionMemory reopened = memory(file, 10_000)) {
                assertThat(reopened.stats().entries()).isEqualTo(n + m);
                for (String id : mine.keySet()) {
                    assertThat(reopened.entry(id)).as(id).isPresent();
                }
                for (String id : theirs.keySet()) {
                    assertThat(reopened.entry(id)).as(id).isPresent();
                }
            }
        }
    }

    @Test
    void twoProcessesKeepTheCapAndTheNewestEntries() throws Exception {
        Path file = dir.resolve("capped.json");
        int cap = 25;
        Map<String, Instant> all = new HashMap<>();
        try (EmbeddingStoreAuctionMemory memory = memory(file, cap)) {
            Child child = child(file, 40, cap);
            child.awaitReady();
            all.putAll(record(memory, 40));
            finish(child);
            all.putAll(child.entries());
        }
        assertThat(all).hasSize(80);
        List<String> newest = all.entrySet().stream()
                .sorted(Map.Entry.<String, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey())
                        .reversed())
                .limit(cap).map(Map.Entry::getKey).toList();

        assertThat(held(file, all.keySet(), cap)).as("the file holds the cap's newest entries of both processes")
                .containsExactlyInAnyOrderElementsOf(newest);
    }

    @Test
    void aWriterKilledMidRunLosesNothingItAcknowledgedAndLeavesNoLockOrTemporaryFile() throws Exception {
        Path file = dir.resolve("killed.json");
        Map<String, Instant> mine;
        Map<String, Instant> acked;
        try (EmbeddingStoreAuctionMemory memory = memory(file, 10_000)) {
            Child child = child(file, 100_000, 10_000);
            child.awaitReady();
            mine = new HashMap<>(record(memory, 15));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (child.entries().size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            child.process().destroyForcibly(); // SIGKILL, most likely inside a save
            assertThat(child.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            child.reader().join(10_000);
            acked = child.entries();
            assertThat(acked.size()).as("the child was killed mid-run").isBetween(20, 99_999);

            long started = System.nanoTime();
            mine.putAll(record(memory, 5)); // would wait 20 s and fail if the dead child's lock were stuck
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
        try (EmbeddingStoreAuctionMemory reopened = memory(file, 10_000);
                Stream<Path> files = Files.list(dir)) {
            for (String id : acked.keySet()) {
                assertThat(reopened.entry(id)).as("acknowledged " + id).isPresent();
            }
            for (String id : mine.keySet()) {
                assertThat(reopened.entry(id)).as(id).isPresent();
            }
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("no temporary file of the killed save remains after the next open")
                    .containsExactlyInAnyOrder("killed.json", "killed.json.lock");
        }
    }

    private static Instant min(Map<String, Instant> times) {
        return times.values().stream().min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant max(Map<String, Instant> times) {
        return times.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    }
}
