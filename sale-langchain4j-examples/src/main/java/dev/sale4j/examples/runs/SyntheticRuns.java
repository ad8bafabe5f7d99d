package dev.sale4j.examples.runs;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic recorded runs, for trying {@code sale fit} and for benchmarks: agents priced like the paper's Qwen3 pool
 * (then dearer), bigger agents more often correct on easier tasks, entropy and jury scores loosely tied to
 * correctness, 2% of jury scores missing. Deterministic for a seed.
 */
public final class SyntheticRuns {

    private SyntheticRuns() {}

    /**
     * Noisy synthetic runs: agents priced like the paper's Qwen3 pool, bigger agents more often correct, entropy and
     * jury scores loosely tied to correctness.
     */
    public static List<RecordedRun> generate(int tasks, int agents, long seed) {
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
