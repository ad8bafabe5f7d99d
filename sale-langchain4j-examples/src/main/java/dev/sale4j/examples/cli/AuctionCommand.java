package dev.sale4j.examples.cli;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.bid.BidFailure;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.examples.config.AgentConfig;
import dev.sale4j.examples.config.ConfigException;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.examples.config.PoolFactory;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.score.Weights;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code sale auction "<task>"}: runs one auction over the pool of a YAML file (by default qwen3 4b/8b/14b/32b on a
 * local Ollama) and prints the bids table and the winner. Exit codes: 0 done, 2 bad arguments or pool file,
 * 3 no backend could bid.
 */
@Command(name = "auction", mixinStandardHelpOptions = true, description = "Run one auction and print the bids table.")
public final class AuctionCommand implements Callable<Integer> {

    static final int NO_BIDS = 3;
    static final int BAD_CONFIG = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task the agents bid for.")
    String task;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Pool file (YAML). Default: ./sale.yaml if present, else qwen3 4b/8b/14b/32b on Ollama.")
    Path config;

    @Option(names = "--weights", paramLabel = "FILE", description = "Scoring weights (JSON), e.g. from 'sale fit'.")
    Path weights;

    @Option(names = "--json", description = "Print the whole auction trace as JSON instead of the table.")
    boolean json;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Also write the auction trace as JSON here.")
    Path out;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Per-call timeout of bids and jury calls, in seconds (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (task == null || task.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "TASK is empty: give the task in quotes");
        }
        if (!(timeoutSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        PoolConfig pool;
        SaleRouter router;
        try {
            pool = poolConfig();
            router = router(pool);
        } catch (ConfigException | IllegalArgumentException e) {
            stderr.println("sale auction: " + e.getMessage());
            return BAD_CONFIG;
        }
        AuctionResult result;
        try {
            result = router.auction(task);
        } catch (NoBidsException e) {
            printNoBids(e, pool, stderr);
            return NO_BIDS;
        }
        if (out != null) {
            Files.writeString(out, result.toJson(), StandardCharsets.UTF_8);
        }
        if (json) {
            stdout.println(result.toJson());
            stdout.flush();
        } else {
            BidsTable.print(result, stdout);
        }
        return 0;
    }

    private PoolConfig poolConfig() {
        if (config != null) {
            return PoolConfig.load(config);
        }
        Path local = Path.of("sale.yaml");
        return Files.isRegularFile(local) ? PoolConfig.load(local) : PoolConfig.defaults();
    }

    private SaleRouter router(PoolConfig pool) {
        Duration callTimeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        AgentPool agents = new PoolFactory(System.getenv()).pool(pool, callTimeout);
        SaleRouter.Builder builder = SaleRouter.builder()
                .pool(agents)
                .bidTimeout(pool.bidTimeoutOr(callTimeout))
                .juryTimeout(pool.juryTimeoutOr(callTimeout))
                .fallbackAgent(pool.fallbackAgent());
        if (pool.maxBidTokens() != null) {
            builder.bidder(PromptBidder.builder().maxOutputTokens(pool.maxBidTokens()).build());
        }
        Path weightsFile = weights;
        if (weightsFile == null && pool.weights() != null) {
            Path base = config == null ? Path.of(".") : config.toAbsolutePath().getParent();
            weightsFile = base.resolve(pool.weights());
        }
        builder.weights(weightsFile == null ? Weights.defaults() : Weights.load(weightsFile));
        return builder.build();
    }

    private static void printNoBids(NoBidsException e, PoolConfig pool, PrintWriter err) {
        err.println("sale auction: no agent could place a bid, so there is no winner. Tried:");
        for (BidFailure f : e.failures()) {
            String where = pool.agents().stream()
                    .filter(a -> a.name().equals(f.agent()))
                    .map(AgentConfig::describe)
                    .findFirst()
                    .orElse(f.agent());
            err.println("  " + where + ": " + f.reason());
        }
        err.println("How to fix: start the backends and make sure the models are there (for the default pool:"
                + " 'ollama serve', then 'ollama pull qwen3:4b' and likewise qwen3:8b, qwen3:14b, qwen3:32b),"
                + " or pass --config with a pool of reachable backends (see README).");
        err.flush();
    }
}
