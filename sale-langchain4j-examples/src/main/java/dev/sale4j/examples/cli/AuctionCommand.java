package dev.sale4j.examples.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sale auction "<task>"}: runs one auction over the configured pool and prints the bids and the winner. */
@Command(name = "auction", mixinStandardHelpOptions = true, description = "Run one auction and print the bids table.")
public final class AuctionCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK", description = "The task the agents bid for.")
    String task;

    @Override
    public Integer call() {
        return 0;
    }
}
