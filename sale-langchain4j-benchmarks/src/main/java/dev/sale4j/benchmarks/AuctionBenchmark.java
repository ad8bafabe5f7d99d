package dev.sale4j.benchmarks;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Cost of one auction of four agents. With {@code latencyMillis = 0} the agents answer instantly, so the score is
 * the engine's own CPU overhead per auction (target: under 1 ms). With a fixed latency L per call, the score is the
 * auction's wall time (target: at most 2.2 x L, since bids and jury are the only two dependent rounds).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AuctionBenchmark {

    @Param({"0", "50"})
    public long latencyMillis;

    private ExecutorService executor;
    private SaleRouter router;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Executors.newFixedThreadPool(16);
        router = SaleRouter.builder()
                .pool(ScriptedAgents.pool(TimeUnit.MILLISECONDS.toNanos(latencyMillis)))
                .executor(executor)
                .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    @Benchmark
    public AuctionResult auction() {
        return router.auction("What is the capital of Australia? Cite two sources.");
    }
}
