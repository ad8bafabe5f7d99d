package dev.sale4j.examples.cli;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionListener;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.examples.config.PoolFactory;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.score.Weights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that runs auctions shares ({@code --config}, {@code --weights}, {@code --memory},
 * {@code --timeout}) and the router they give: one place, so {@code sale auction}, {@code sale research} and
 * {@code sale code} build the same router from the same pool file.
 */
final class PoolOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Pool file (YAML). Default: ./sale.yaml if present, else qwen3 4b/8b/14b/32b on Ollama.")
    Path config;

    @Option(names = "--weights", paramLabel = "FILE", description = "Scoring weights (JSON), e.g. from 'sale fit'.")
    Path weights;

    @Option(names = "--memory", paramLabel = "FILE",
            description = "Keep an auction memory in this file across runs (in-process MiniLM; created if missing).")
    Path memory;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Per-call timeout of the backends, and of bids and jury calls unless the pool file sets "
                    + "bidTimeout/juryTimeout, in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    /** The pool file given, ./sale.yaml, or the built-in default pool. */
    PoolConfig poolConfig() {
        if (config != null) {
            return PoolConfig.load(config);
        }
        Path local = Path.of("sale.yaml");
        return Files.isRegularFile(local) ? PoolConfig.load(local) : PoolConfig.defaults();
    }

    /** Where the pool came from, for messages: the file, ./sale.yaml, or null for the built-in default pool. */
    Path poolFile() {
        if (config != null) {
            return config;
        }
        Path local = Path.of("sale.yaml");
        return Files.isRegularFile(local) ? local : null;
    }

    Duration callTimeout() {
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    Duration bidTimeout(PoolConfig pool) {
        return pool.bidTimeoutOr(callTimeout());
    }

    SaleRouter router(PoolConfig pool, List<AuctionListener> listeners) {
        Duration callTimeout = callTimeout();
        SaleRouter.Builder builder = SaleRouter.builder()
                .pool(new PoolFactory(System.getenv()).pool(pool, callTimeout))
                .bidTimeout(pool.bidTimeoutOr(callTimeout))
                .juryTimeout(pool.juryTimeoutOr(callTimeout))
                .fallbackAgent(pool.fallbackAgent());
        if (pool.maxBidTokens() != null) {
            builder.bidder(PromptBidder.builder().maxOutputTokens(pool.maxBidTokens()).build());
        }
        Path weightsFile = weights;
        if (weightsFile == null && pool.weights() != null) {
            Path file = poolFile();
            Path base = file == null ? Path.of(".") : file.toAbsolutePath().getParent();
            weightsFile = base.resolve(pool.weights());
        }
        builder.weights(weightsFile == null ? Weights.defaults() : Weights.load(weightsFile));
        if (memory != null) {
            builder.memory(AuctionMemory.inFile(memory));
        }
        listeners.forEach(builder::listener);
        return builder.build();
    }
}
