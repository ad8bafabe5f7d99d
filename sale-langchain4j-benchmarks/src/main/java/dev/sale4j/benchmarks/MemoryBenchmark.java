package dev.sale4j.benchmarks;

import dev.sale4j.auction.AuctionMemoryRecorder;
import dev.sale4j.memory.BidPair;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import dev.sale4j.memory.MiniLm;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retrieval latency of the embedded auction memory (SALE step 5): embedding the task with the in-process MiniLM and
 * retrieving one agent's k = 8 pairs from a namespace of {@code entries} past auctions (target: 20 ms or less at
 * 100k). Stored entries are realistic auctions with random unit-vector embeddings, so that 100k of them can be
 * built in seconds; the query is embedded by the real model on every call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class MemoryBenchmark {

    private static final String[] QUERIES = {
        "Write a Python function that returns the n-th Fibonacci number.",
        "Who was the first person to reach the South Pole, and in which year?",
        "Find the longest palindromic substring of a string in linear time.",
        "Summarise the causes of the 2008 financial crisis in five bullet points."
    };

    @Param({"1000", "10000", "100000"})
    public int entries;

    private EmbeddingStoreAuctionMemory memory;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        Random random = new Random(42);
        SyntheticAuctions.SyntheticThenReal model = new SyntheticAuctions.SyntheticThenReal(MiniLm.shared(), random);
        memory = EmbeddingStoreAuctionMemory.builder()
                .embeddingModel(model)
                .maxEntriesPerNamespace(entries)
                .build();
        for (int i = 0; i < entries; i++) {
            memory.record(AuctionMemoryRecorder.entry("bench", SyntheticAuctions.auction(i, random)));
        }
        model.useReal();
    }

    @Benchmark
    public Map<String, List<BidPair>> retrieveEightPairs() {
        String query = QUERIES[next++ & 3];
        return memory.pairs("bench", query, List.of("qwen3-4b"), 8);
    }
}
