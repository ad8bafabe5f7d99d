package dev.sale4j.examples.cli;

import dev.sale4j.eval.bench.BenchSummary;
import dev.sale4j.eval.bench.RunLog;
import dev.sale4j.eval.suite.Suite;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;

/** What both bench commands do around their body: read the suite, open the log, report (errors: {@link ExitCodes}). */
final class BenchRun {

    private BenchRun() {
    }

    static int execute(CommandLine.Model.CommandSpec spec, BenchOptions o, String name,
            BenchRecordCommand.Body body) throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        OutputPaths.requireWritable(o.out, "--out");
        Suite suite = o.tasks();
        try (RunLog log = RunLog.open(o.out)) {
            BenchSummary s = body.run(suite, log);
            out.printf(Locale.ROOT, "sale bench %s: %d tasks recorded, %d already in %s, %d failed, %d not "
                    + "started%n", name, s.recorded(), s.skipped(), o.out, s.failed(), s.notStarted());
            out.printf(Locale.ROOT, "Spent: $%.6f%s%n", s.spentUsd(), o.budgetUsd == null ? ""
                    : String.format(Locale.ROOT, " of the $%.6f budget%s", o.budgetUsd,
                    s.budgetStopped() ? " (budget reached: stopped before the next task)" : ""));
            s.failures().forEach(f -> out.println("  failed: " + f));
            out.println(suite.info().binsNote());
            out.flush();
            return s.failed() > 0 ? ExitCodes.EXECUTION_FAILED : ExitCodes.OK;
        }
    }
}
