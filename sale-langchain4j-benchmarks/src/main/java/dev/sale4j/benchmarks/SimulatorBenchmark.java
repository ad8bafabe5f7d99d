package dev.sale4j.benchmarks;

import dev.sale4j.examples.runs.SyntheticRuns;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.simulate.Measures;
import dev.sale4j.simulate.PolicyRegistry;
import dev.sale4j.simulate.Simulation;
import dev.sale4j.simulate.SimulationResult;
import dev.sale4j.simulate.TaskEmbeddings;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * The router simulator end to end on 10,000 synthetic tasks x 4 agents: every standard policy (SALE and each
 * ablation refitted per fold, text routers, cascade), the exact Shapley values (15 coalitions, refitted per fold) and
 * every measure, 5 folds (target: 10 s or less). Each run prints its wall time, the JVM's CPU time and the load average.
 * The MiniLM embedding of the task texts is timed apart: it is an
 * input to the text routers, computed once and cached by {@link TaskEmbeddings}.
 *
 * <p>Run: {@code ./mvnw -B -q -pl sale-langchain4j-benchmarks -am package -DskipTests} then
 * {@code java -cp "$(cat cp.txt)" dev.sale4j.benchmarks.SimulatorBenchmark [tasks] [agents] [repeats]} (see README).
 */
public final class SimulatorBenchmark {

    private SimulatorBenchmark() {}

    /** CPU time of the whole JVM: on a machine shared with other builds, wall time alone says little. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<RecordedRun> runs = SyntheticRuns.generate(tasks, agents, 2026);
        List<String> names = runs.get(0).agents().stream().map(AgentRun::agent).toList();
        TaskEmbeddings miniLm = TaskEmbeddings.miniLm();
        long e0 = System.nanoTime();
        miniLm.embed(runs.stream().map(RecordedRun::text).toList());
        double embedSeconds = (System.nanoTime() - e0) / 1e9;
        System.out.printf(Locale.ROOT, "MiniLM embedding of %d task texts (once, input to the text routers): %.2f s%n",
                tasks, embedSeconds);
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            SimulationResult result = Simulation.builder().runs(runs)
                    .policies(PolicyRegistry.standard(names, 42).resolve(List.of("all")))
                    .folds(5).seed(42).embeddings(miniLm).shapley(true).build().run();
            Measures m = Measures.of(result);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: %d policies + Shapley + measures on %d tasks x %d agents, 5 folds:"
                    + " %.2f s wall, %.2f s CPU, load %.1f (sale pass@1 %.3f)%n", r + 1, m.policies().size(), tasks,
                    agents, seconds, cpuSeconds, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    m.overall("sale").passAt1());
        }
    }
}
