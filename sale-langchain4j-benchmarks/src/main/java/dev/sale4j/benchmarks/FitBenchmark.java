package dev.sale4j.benchmarks;

import dev.sale4j.examples.runs.SyntheticRuns;
import dev.sale4j.fit.FitObjective;
import dev.sale4j.fit.WeightFit;
import dev.sale4j.fit.WeightFitter;
import dev.sale4j.runs.RecordedRun;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to fit the scoring weights (the min-max LP, report included) from recorded runs of 10,000 tasks x 4 agents
 * with 4 jurors (target: 2 s or less, for both objectives and every kind of data), and of 1,000 tasks (the size the
 * router simulator refits many times over). Data: {@code noisy} ({@link SyntheticRuns#generate}), {@code random}
 * (structureless, non-separable: {@link SyntheticRuns#random}) and {@code separable}
 * ({@link SyntheticRuns#separable}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FitBenchmark {

    @Param({"10000", "1000"})
    public int tasks;

    @Param({"4"})
    public int agents;

    @Param({"WORST_CASE", "AVERAGE"})
    public FitObjective objective;

    @Param({"noisy", "random", "separable"})
    public String data;

    private List<RecordedRun> runs;
    private WeightFitter fitter;

    @Setup(Level.Trial)
    public void setUp() {
        runs = switch (data) {
            case "noisy" -> SyntheticRuns.generate(tasks, agents, 2026);
            case "random" -> SyntheticRuns.random(tasks, agents, 2026);
            case "separable" -> SyntheticRuns.separable(tasks, agents, 2026);
            default -> throw new IllegalArgumentException("data must be noisy, random or separable, got " + data);
        };
        fitter = WeightFitter.builder().objective(objective).build();
    }

    @Benchmark
    public WeightFit fit() {
        return fitter.fit(runs);
    }
}
