package dev.sale4j.examples.cli;

import dev.sale4j.SaleRouter;
import dev.sale4j.auction.AuctionResult;
import dev.sale4j.auction.NoBidsException;
import dev.sale4j.examples.config.PoolConfig;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code sale auction "<task>"}: runs one auction over the pool of a YAML file (by default qwen3 4b/8b/14b/32b on a
 * local Ollama) and prints the bids table and the winner. Exit codes ({@link ExitCodes}): 0 done, 2 bad input,
 * 3 no backend could bid.
 */
@Command(name = "auction", mixinStandardHelpOptions = true, description = "Run one auction and print the bids table.")
public final class AuctionCommand implements Callable<Integer> {

    static final int NO_BIDS = ExitCodes.NO_BIDS;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TASK", description = "The task the agents bid for.")
    String task;

    @CommandLine.Mixin
    PoolOptions options;

    @Option(names = "--json", description = "Print the whole auction trace as JSON instead of the table.")
    boolean json;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Also write the auction trace as JSON here.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (task == null || task.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "TASK is empty: give the task in quotes");
        }
        if (!(options.timeoutSeconds > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        OutputPaths.requireWritable(out, "--out");
        PoolConfig pool = options.poolConfig();
        SaleRouter router = options.router(pool, List.of());
        AuctionResult result;
        try {
            result = router.auction(task);
        } catch (NoBidsException e) {
            new FailureAdvice(pool, options.poolFile(), options.bidTimeout(pool), options.callTimeout())
                    .printNoBids("sale auction", e.failures(), stderr);
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
}
