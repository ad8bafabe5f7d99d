package dev.sale4j.examples.bench;

import dev.sale4j.fit.FitObjective;
import dev.sale4j.fit.WeightFit;
import dev.sale4j.fit.WeightFitter;
import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Times {@link WeightFitter} on synthetic recorded runs: by default 10,000 tasks x 4 agents (4 jurors), 3 warm-up
 * fits, then 7 timed fits; prints each and the median. Not part of the test run. Arguments (all optional):
 * {@code tasks agents objective(worst|average) runs}.
 *
 * <pre>
 * ./mvnw -B -q -pl sale-langchain4j-core install -DskipTests
 * ./mvnw -B -q -pl sale-langchain4j-examples package -DskipTests
 * java -cp sale-langchain4j-examples/target/sale.jar dev.sale4j.examples.bench.FitBenchmark [10000 4 worst 7]
 * </pre>
 *
 * <p>Measured on a shared 2-core machine: median 47 ms (worst case) and 107 ms (average) per fit, report included.
 */
public final class FitBenchmark {

    private FitBenchmark() {}

    public static void main(String[] args) {
        int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        FitObjective objective = args.length > 2 && args[2].equalsIgnoreCase("average")
                ? FitObjective.AVERAGE : FitObjective.WORST_CASE;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        List<RecordedRun> data = synthetic(tasks, agents, 2026);
        WeightFitter fitter = WeightFitter.builder().objective(objective).build();
        for (int i = 0; i < 3; i++) {
            fitter.fit(data);
        }
        double[] millis = new double[runs];
        WeightFit fit = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            fit = fitter.fit(data);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "fit %d tasks x %d agents, %s: runs %s ms; median %.1f ms%n", tasks, agents,
                objective, Arrays.toString(Arrays.stream(millis).map(m -> Math.round(m * 10) / 10.0).toArray()),
                sorted[runs / 2]);
        System.out.printf(Locale.ROOT, "Q %.4f, training agreement %.1f%%, pass@1 %.1f%% (oracle %.1f%%)%n",
                fit.report().q(), 100 * fit.report().agreement(), 100 * fit.report().fitted().passAt1(),
                100 * fit.report().oracle().passAt1());
    }

    /**
     * Noisy synthetic runs: agents priced like the paper's Qwen3 pool, bigger agents more often correct, entropy and
     * jury scores loosely tied to correctness.
     */
    public static List<RecordedRun> synthetic(int tasks, int agents, long seed) {
        Random random = new Random(seed);
        double[] prices = {0.05, 0.09, 0.16, 0.36, 0.6, 1.0, 2.0, 4.0};
        List<RecordedRun> runs = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            double difficulty = random.nextDouble();
            List<AgentRun> list = new ArrayList<>(agents);
            for (int a = 0; a < agents; a++) {
                double skill = (a + 1.0) / agents;
                boolean correct = random.nextDouble() < 0.25 + 0.7 * skill * (1 - 0.5 * difficulty);
                long planTokens = 150 + random.nextInt(350);
                double entropy = Math.min(1, Math.max(0, (correct ? 0.6 : 0.4) + 0.2 * random.nextGaussian()));
                Map<String, Integer> jury = new LinkedHashMap<>();
                for (int j = 0; j < agents; j++) {
                    int score = (int) Math.round((correct ? 3.2 : 2.2) + random.nextGaussian());
                    jury.put("agent" + j, random.nextDouble() < 0.02 ? null : Math.max(0, Math.min(5, score)));
                }
                long execTokens = 1000 + random.nextInt(4000);
                list.add(new AgentRun("agent" + a, planTokens, prices[a % prices.length], entropy, "lexical", jury,
                        correct, execTokens, execTokens * prices[a % prices.length] / 1e6));
            }
            runs.add(RecordedRun.of("task-" + t, "synthetic task " + t, "synthetic", null, null, list));
        }
        return runs;
    }
}
