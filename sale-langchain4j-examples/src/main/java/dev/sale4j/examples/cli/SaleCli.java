package dev.sale4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sale} command line: runs auctions, fits weights, evaluates routing policies on recorded runs. */
@Command(
        name = "sale",
        mixinStandardHelpOptions = true,
        version = "sale4j 0.1.0-SNAPSHOT",
        description = "SALE for LangChain4j: route tasks to a pool of LLM agents by strategy auctions.",
        subcommands = {ResearchCommand.class, CodeCommand.class, AuctionCommand.class, FitCommand.class,
                EvaluateCommand.class, BenchCommand.class})
public final class SaleCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (see README for the table). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its one exception mapping ({@link ExitCodes}): one message and an exit code. */
    public static CommandLine commandLine() {
        return new CommandLine(new SaleCli()).setExecutionExceptionHandler(new ExitCodes());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'sale research \"<question>\"' or 'sale auction \"<task>\"'");
    }
}
