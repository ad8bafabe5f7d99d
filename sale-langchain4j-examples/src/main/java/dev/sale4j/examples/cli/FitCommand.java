package dev.sale4j.examples.cli;

import dev.sale4j.fit.CrossValidation;
import dev.sale4j.fit.FitObjective;
import dev.sale4j.fit.FitReport;
import dev.sale4j.fit.RoutingOutcome;
import dev.sale4j.fit.TaskMargin;
import dev.sale4j.fit.WeightFit;
import dev.sale4j.fit.WeightFitter;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import dev.sale4j.runs.RecordedRunsException;
import dev.sale4j.score.Weights;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sale fit --runs runs.jsonl --out weights.json}: fits SALE's weights on recorded runs (see
 * docs/recorded-runs.md), writes them, and prints the training report and k-fold cross-validation figures.
 */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the scoring weights on recorded runs (min-max LP) and report training and held-out "
                + "pass@1 and cost.")
public final class FitCommand implements Callable<Integer> {

    /** Objectives as spelled on the command line. */
    enum Objective {
        worst(FitObjective.WORST_CASE),
        average(FitObjective.AVERAGE);

        final FitObjective value;

        Objective(FitObjective value) {
            this.value = value;
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", required = true, paramLabel = "FILE",
            description = "Recorded runs, JSONL: every agent bid for and executed every task.")
    Path runs;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the weights JSON.")
    Path out;

    @Option(names = "--objective", defaultValue = "worst", paramLabel = "worst|average",
            description = "Minimise the worst task's margin (default) or the mean margin.")
    Objective objective;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
            description = "Folds of cross-validation (default ${DEFAULT-VALUE}; 0 skips it).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the cross-validation shuffle.")
    long seed;

    @Option(names = "--show-margins", defaultValue = "5", paramLabel = "N",
            description = "How many of the worst task margins to print (default ${DEFAULT-VALUE}).")
    int showMargins;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (folds < 0 || folds == 1) {
            throw new ExitCodes.BadInputException(
                    "--folds must be 0 (no cross-validation) or at least 2, got " + folds);
        }
        OutputPaths.requireWritable(out, "--out");
        List<RecordedRun> data;
        try {
            data = RecordedRuns.read(runs);
        } catch (RecordedRunsException e) {
            throw new ExitCodes.BadInputException(runs + ": " + e.getMessage());
        }
        WeightFitter fitter = WeightFitter.builder().objective(objective.value).seed(seed).build();
        long start = System.nanoTime();
        WeightFit fit = fitter.fit(data);
        double seconds = (System.nanoTime() - start) / 1e9;
        fit.weights().save(out);
        printWeights(o, fit, data.size(), seconds);
        printReport(o, fit.report());
        if (folds >= 2 && folds <= data.size()) {
            printCrossValidation(o, fitter.crossValidate(data, folds));
        } else if (folds >= 2) {
            o.printf(Locale.ROOT, "%nCross-validation skipped: %d folds need at least %d tasks, there are %d.%n",
                    folds, folds, data.size());
        }
        o.flush();
        return ExitCodes.OK;
    }

    private void printWeights(PrintWriter o, WeightFit fit, int tasks, double seconds) {
        Weights w = fit.weights();
        o.printf(Locale.ROOT, "Fitted %s weights on %d tasks in %.2f s; written to %s%n",
                objective.name(), tasks, seconds, out);
        o.printf(Locale.ROOT, "  %-22s %8s %12s%n", "term", "weight", "scale");
        o.printf(Locale.ROOT, "  %-22s %8.4f %12.4g%n", "w_c (price x |s|)", w.wc(), w.scales().cost());
        o.printf(Locale.ROOT, "  %-22s %8.4f %12.4g%n", "w_h (entropy)", w.wh(), w.scales().entropy());
        w.jurors().forEach((juror, weight) -> o.printf(Locale.ROOT, "  %-22s %8.4f %12.4g%n", "w_j juror " + juror,
                weight, w.scales().juror(juror)));
    }

    private void printReport(PrintWriter o, FitReport r) {
        if (!r.informative()) {
            o.printf(Locale.ROOT, "%n%s.%n", FitReport.NO_INFORMATION);
        } else if (!r.uninformativeFeatures().isEmpty()) {
            o.printf(Locale.ROOT, "%nNo information in %s (equal for every agent of every task): "
                    + "their weights are arbitrary.%n", String.join(", ", r.uninformativeFeatures()));
        }
        o.printf(Locale.ROOT, "%nQ = %.4f (%s task margin; negative = the target agent wins)%n", r.q(),
                r.objective() == FitObjective.WORST_CASE ? "worst" : "mean");
        o.printf(Locale.ROOT, "Target agent (cheapest correct) picked on %.1f%% of training tasks; "
                + "%d task(s) nobody solved target the cheapest agent.%n", 100 * r.agreement(), r.unsolvedTasks());
        int n = Math.min(showMargins, r.tasks());
        if (n > 0) {
            o.printf(Locale.ROOT, "Worst margins:%n");
            r.margins().stream().sorted(Comparator.comparingDouble(TaskMargin::margin).reversed()).limit(n)
                    .forEach(m -> o.printf(Locale.ROOT, "  %-24s target %-12s chosen %-12s margin %+.4f%n",
                            m.task(), m.target(), m.chosen(), m.margin()));
        }
        o.printf(Locale.ROOT, "%nTraining set (%d tasks; execution cost only)%n", r.tasks());
        header(o);
        row(o, r.fitted());
        row(o, r.oracle());
        r.singles().forEach(s -> row(o, s));
    }

    private static void printCrossValidation(PrintWriter o, CrossValidation cv) {
        o.printf(Locale.ROOT, "%nHeld out (%d-fold cross-validation, seed %d): target picked on %.1f%% of tasks%n",
                cv.folds().size(), cv.seed(), 100 * cv.heldOutAgreement());
        header(o);
        row(o, cv.heldOut());
        row(o, cv.oracle());
        cv.singles().forEach(s -> row(o, s));
    }

    private static void header(PrintWriter o) {
        o.printf(Locale.ROOT, "  %-22s %8s %12s %12s%n", "policy", "pass@1", "cost USD", "USD/task");
    }

    private static void row(PrintWriter o, RoutingOutcome r) {
        o.printf(Locale.ROOT, "  %-22s %7.1f%% %12.6f %12.8f%n", r.policy(), 100 * r.passAt1(), r.costUsd(),
                r.costPerTask());
    }
}
