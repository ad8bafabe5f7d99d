package dev.sale4j.examples.cli;

import dev.sale4j.eval.report.EvaluationReport;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.runs.RecordedRuns;
import dev.sale4j.runs.RecordedRunsException;
import dev.sale4j.simulate.Measure;
import dev.sale4j.simulate.Measures;
import dev.sale4j.simulate.PolicyRegistry;
import dev.sale4j.simulate.RoutingPolicy;
import dev.sale4j.simulate.Simulation;
import dev.sale4j.simulate.SimulationResult;
import dev.sale4j.simulate.TaskEmbeddings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sale evaluate --runs FILE... --out DIR}: replays recorded runs through every routing policy (baselines,
 * SALE and its ablations, text routers, the cascade, labelled online runs) by k-fold cross-validation and writes the
 * paper's tables and charts (see the router simulator in docs/recorded-runs.md).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Replay recorded runs through routing policies and write tables (Markdown, CSV, JSON) and "
                + "charts (PNG, SVG).")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Recorded runs, JSONL: 'sale bench record' runs and optionally 'sale bench run' runs.")
    List<Path> runs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for tables and charts.")
    Path out;

    @Option(names = "--policies", split = ",", paramLabel = "NAME",
            description = "Policies to replay, comma-separated (default: all). Names: single:<agent>, largest, "
                    + "random, oracle, sale, sale-average, sale-no-price, sale-no-length, sale-no-entropy, "
                    + "sale-no-jury, sale-self-jury, sale-peer-jury, sale-without-juror:<agent>, knn-wtp, carrot, "
                    + "routellm, cascade.")
    List<String> policies;

    @Option(names = "--folds", defaultValue = "5", paramLabel = "K",
            description = "Folds of cross-validation (default ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of folds, random policy and bootstrap.")
    long seed;

    @Option(names = "--no-shapley", description = "Skip the Shapley values (2^n - 1 refitted coalitions).")
    boolean noShapley;

    @Option(names = "--bins-measured",
            description = "The runs' bins are measured solution times, not the task suite's proxy.")
    boolean binsMeasured;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        if (folds < 2) {
            throw new ExitCodes.BadInputException("--folds must be at least 2, got " + folds);
        }
        OutputPaths.requireDirectory(out, "--out");
        List<RecordedRun> data = read(runs);
        List<String> agents = data.stream().filter(r -> r.policy() == null).findFirst()
                .map(r -> r.agents().stream().map(AgentRun::agent).toList()).orElse(List.of());
        PolicyRegistry registry = PolicyRegistry.standard(agents, seed);
        List<RoutingPolicy> chosen = agents.isEmpty() ? List.of() : registry.resolve(policies);
        boolean text = chosen.stream().anyMatch(p -> PolicyRegistry.TEXT_ROUTERS.contains(p.name()));
        long start = System.nanoTime();
        SimulationResult result = Simulation.builder().runs(data).policies(chosen).folds(folds).seed(seed)
                .embeddings(text ? TaskEmbeddings.miniLm() : null).shapley(!noShapley && !agents.isEmpty())
                .build().run();
        Measures measures = Measures.of(result);
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Path> files = EvaluationReport.write(measures, out, !binsMeasured);
        print(o, measures, data.size(), seconds);
        o.printf(Locale.ROOT, "%nWrote %d files to %s%n", files.size(), out);
        o.flush();
        return ExitCodes.OK;
    }

    private static List<RecordedRun> read(List<Path> files) {
        List<RecordedRun> all = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path f : files) {
            List<RecordedRun> read;
            try {
                read = RecordedRuns.read(f);
            } catch (RecordedRunsException e) {
                throw new ExitCodes.BadInputException(f + ": " + e.getMessage());
            }
            for (RecordedRun r : read) {
                String key = (r.policy() == null ? "" : r.policy()) + '\u0000' + r.id();
                if (!ids.add(key)) {
                    throw new IllegalArgumentException(f + ": task id '" + r.id() + "' appears in more than one "
                            + "file: give each recorded task one id");
                }
                all.add(r);
            }
        }
        return all;
    }

    private static void print(PrintWriter o, Measures m, int tasks, double seconds) {
        o.printf(Locale.ROOT, "Replayed %d policies on %d recorded tasks in %.2f s (%d folds, seed %d)%n",
                m.policies().size(), tasks, seconds, m.result().folds(), m.result().seed());
        o.printf(Locale.ROOT, "  %-30s %18s %9s %12s %9s%n", "policy", "pass@1 [95% CI]", "$/Mtok", "cost USD",
                "largest");
        for (String p : m.policies()) {
            Measure x = m.overall(p);
            o.printf(Locale.ROOT, "  %-30s %5.1f [%4.1f,%5.1f] %9.3f %12.6f %8.1f%%%n", p, 100 * x.passAt1(),
                    100 * x.ciLow(), 100 * x.ciHigh(), x.usdPerMtok(), x.costUsd(), 100 * x.largestTaskShare());
        }
        if (m.result().shapley() != null) {
            o.printf(Locale.ROOT, "Shapley values (SALE's held-out pass@1): ");
            m.result().shapley().values().forEach((a, v) -> o.printf(Locale.ROOT, "%s %.4f  ", a, v));
            o.println();
        }
    }
}
