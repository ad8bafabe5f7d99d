package dev.sale4j.benchmarks;

import dev.sale4j.pool.AgentPool;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.Phase;
import dev.sale4j.SaleRouter;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.examples.config.AgentConfig;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.examples.config.PoolFactory;
import dev.sale4j.memory.EmbeddingStoreAuctionMemory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of one auction over the real HTTP stack: four agents built by the examples' {@link PoolFactory} (real
 * {@code OpenAiChatModel}s, as a user's pool file gives them) talk to a {@link LoopbackOpenAiServer} that answers
 * every call after L = {@code latencyMillis}; the router has its defaults (executor, jury of one call per juror,
 * log-probabilities on bids). Bids and jury are two dependent rounds, so the target is 2.2 x L or less.
 *
 * <p>With {@code refine = true} the router has an in-process MiniLM memory holding a few past auctions (at most
 * {@value #MEMORY_ENTRIES}, the oldest evicted): the provisional winner is the most expensive agent, so the three
 * cheaper agents retrieve pairs, rewrite their bids and are judged again, four dependent rounds in all (target
 * 4.4 x L or less). Every auction is remembered, as in use. Compare with {@link LoopbackServerBenchmark}, the
 * same server and client alone: one round of four parallel calls.
 *
 * <p>Warm-up is 10 x 3 s, about 140 auctions with refinement: after 5 x 2 s the JIT was still compiling through the
 * measurement, each iteration faster than the last (from 222 down to 213 ms).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, time = 3)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class HttpAuctionBenchmark {

    static final int MEMORY_ENTRIES = 6;

    private static final String[] TASKS = {
        "What is the capital of Australia? Cite two sources.",
        "What is the capital of Canada? Cite two sources.",
        "Which city is the capital of New Zealand? Cite two sources.",
        "What is the capital of Brazil, and since when? Cite two sources."
    };

    @Param({"50"})
    public long latencyMillis;

    @Param({"false", "true"})
    public boolean refine;

    private LoopbackOpenAiServer server;
    private SaleRouter router;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        server = LoopbackOpenAiServer.start(latencyMillis);
        SaleRouter.Builder builder = SaleRouter.builder().pool(pool(server.baseUrl()));
        if (refine) {
            builder.memory(EmbeddingStoreAuctionMemory.builder().maxEntriesPerNamespace(MEMORY_ENTRIES).build());
        }
        router = builder.build();
        AuctionResult last = null;
        for (int i = 0; i < MEMORY_ENTRIES; i++) {
            last = auction();
        }
        check(last);
    }

    /** The pool a user's pool file would give: four OpenAI-compatible agents on one server, the default prices. */
    static AgentPool pool(String baseUrl) {
        String[] names = {"qwen3:4b", "qwen3:8b", "qwen3:14b", "qwen3:32b"};
        double[] prices = {0.05, 0.09, 0.16, 0.36};
        List<AgentConfig> agents = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            agents.add(new AgentConfig(names[i], "openai", baseUrl, names[i], prices[i], null, null, null, null));
        }
        PoolConfig config = new PoolConfig(agents, null, null, null, null, null, null);
        return new PoolFactory(Map.of()).pool(config, Duration.ofSeconds(60));
    }

    /** Fails the trial unless the auction ran every phase it is meant to measure. */
    private void check(AuctionResult result) {
        if (result.bids().stream().filter(b -> !b.bid().refined()).count() != 4) {
            throw new IllegalStateException("Expected four first-round bids, got " + result.bids());
        }
        if (result.bids().stream().anyMatch(b -> !b.bid().entropy().estimator().equals(Entropy.LOG_PROBS))) {
            throw new IllegalStateException("Bids should carry log-probabilities: " + result.bids());
        }
        boolean refined = result.bids().stream().anyMatch(b -> b.bid().refined())
                && result.phaseTimes().containsKey(Phase.REJURY);
        if (refined != refine) {
            throw new IllegalStateException("Refinement " + (refine ? "did not run" : "ran") + ": " + result.phaseTimes());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        server.close();
    }

    @Benchmark
    public AuctionResult auction() {
        return router.auction(TASKS[next++ & 3]);
    }
}
