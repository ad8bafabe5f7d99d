package dev.sale4j.examples.cli;

import dev.sale4j.SaleRouter;
import dev.sale4j.bid.PromptBidder;
import dev.sale4j.eval.bench.BackendLimits;
import dev.sale4j.eval.bench.Budget;
import dev.sale4j.eval.bench.RunLog;
import dev.sale4j.eval.bench.TaskRunner;
import dev.sale4j.eval.grade.TaskGrader;
import dev.sale4j.eval.suite.Domain;
import dev.sale4j.eval.suite.Suite;
import dev.sale4j.eval.suite.TimeBin;
import dev.sale4j.examples.config.PoolConfig;
import dev.sale4j.examples.config.PoolFactory;
import dev.sale4j.memory.AuctionMemory;
import dev.sale4j.pool.AgentPool;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.score.Weights;
import dev.sale4j.tools.code.PythonSandbox;
import dev.sale4j.tools.code.TestRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The options {@code bench record} and {@code bench run} share, and what they build from them. */
final class BenchOptions {

    @Option(names = "--suite", paramLabel = "FILE",
            description = "Suite or task file (JSONL, plain or gzip). Default: the bundled hst-suite v1.")
    Path suite;

    @Option(names = "--per-cell", paramLabel = "N",
            description = "Sample N tasks per (domain, bin) cell, seeded by --seed. Default: every task.")
    Integer perCell;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the sample and the stream orders.")
    long seed;

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN", description = "Only these: coding, deep-search.")
    List<String> domains;

    @Option(names = "--bins", split = ",", paramLabel = "BIN", description = "Only these bins, e.g. B1,B2 or (0,0.1].")
    List<String> bins;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "Recorded runs (JSONL, format v2); appended to, and resumed from when it exists.")
    Path out;

    @Option(names = "--budget-usd", paramLabel = "USD",
            description = "Stop starting tasks once spent + in-flight would exceed this (the file's earlier tasks count).")
    Double budgetUsd;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Pool file (YAML). Default: ./sale.yaml if present, else qwen3 4b/8b/14b/32b on Ollama.")
    Path config;

    @Option(names = "--concurrency", defaultValue = "2", paramLabel = "N",
            description = "Model calls in flight per backend server, and tasks in flight (record); default ${DEFAULT-VALUE}.")
    int concurrency;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Per model call timeout, seconds (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--no-progress", description = "No progress bar on stderr.")
    boolean noProgress;

    Suite tasks() {
        Suite s = suite == null ? Suite.bundled() : Suite.load(suite);
        if (domains != null) {
            Set<Domain> keep = domains.stream().map(String::strip).map(Domain::of).collect(Collectors.toSet());
            s = s.filter(t -> keep.contains(t.domain()));
        }
        if (bins != null) {
            Set<TimeBin> keep = bins.stream().map(TimeBin::parse).collect(Collectors.toSet());
            s = s.filter(t -> keep.contains(t.bin()));
        }
        if (perCell != null) {
            s = s.sample(perCell, seed);
        }
        if (s.tasks().isEmpty()) {
            throw new IllegalArgumentException("no task left after --domains/--bins: widen them");
        }
        return s;
    }

    PoolConfig poolConfig() {
        if (config != null) {
            return PoolConfig.load(config);
        }
        Path local = Path.of("sale.yaml");
        return Files.isRegularFile(local) ? PoolConfig.load(local) : PoolConfig.defaults();
    }

    Duration timeout() {
        if (!(timeoutSeconds > 0)) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds");
        }
        return Duration.ofMillis(Math.round(timeoutSeconds * 1000));
    }

    AgentPool pool(PoolConfig pool, BackendLimits limits) {
        return new PoolFactory(System.getenv()).pool(pool, timeout(), limits.httpClientBuilder());
    }

    SaleRouter router(PoolConfig config, AgentPool pool, AuctionMemory memory) {
        SaleRouter.Builder b = SaleRouter.builder().pool(pool).bidTimeout(config.bidTimeoutOr(timeout()))
                .juryTimeout(config.juryTimeoutOr(timeout())).fallbackAgent(config.fallbackAgent());
        if (config.maxBidTokens() != null) {
            b.bidder(PromptBidder.builder().maxOutputTokens(config.maxBidTokens()).build());
        }
        if (config.weights() != null) {
            Path base = this.config == null ? Path.of(".") : this.config.toAbsolutePath().getParent();
            b.weights(Weights.load(base.resolve(config.weights())));
        }
        if (memory != null) {
            b.memory(memory);
        }
        return b.build();
    }

    TaskRunner runner(PythonSandbox sandbox) {
        return TaskRunner.builder().sandbox(sandbox).build();
    }

    static TaskGrader grader(PythonSandbox sandbox) {
        return TaskGrader.builder().testRunner(TestRunner.builder().sandbox(sandbox).build()).build();
    }

    Budget budget(RunLog log, Predicate<RecordedRun> counts) {
        Budget b = budgetUsd == null ? Budget.unlimited() : Budget.of(budgetUsd);
        return b.resumedWith(log.runs().stream().filter(counts)
                .map(dev.sale4j.eval.bench.BenchRecorder::cost).toList());
    }
}
