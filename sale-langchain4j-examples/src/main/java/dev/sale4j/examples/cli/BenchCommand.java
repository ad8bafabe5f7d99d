package dev.sale4j.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sale bench record|run}: the benchmark harness (docs/benchmark.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark a pool on the task suite: record the full matrix, or run SALE online.",
        subcommands = {BenchRecordCommand.class, BenchRunCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: 'sale bench record' (the full matrix) or 'sale bench run' (SALE online)");
    }
}
