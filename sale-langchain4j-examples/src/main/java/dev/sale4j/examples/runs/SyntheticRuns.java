package dev.sale4j.examples.runs;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Synthetic recorded runs, for trying {@code sale fit} and for benchmarks: noisy ones ({@link #generate}: agents priced
 * like the paper's Qwen3 pool, then dearer, bigger agents more often correct on easier tasks, entropy and jury scores
 * loosely tied to correctness, 2% of jury scores missing), structureless ones ({@link #random}) and separable ones
 * ({@link #separable}). Deterministic for a seed.
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

    /**
     * Runs with no structure at all, the hardest case for the fit: plan lengths, entropies and jury scores uniformly
     * random, each execution correct with probability 1/2 independently of them (non-separable: no weights pick
     * every target).
     */
    public static List<RecordedRun> random(int tasks, int agents, long seed) {
        Random random = new Random(seed);
        double[] prices = {0.05, 0.09, 0.16, 0.36, 0.6, 1.0, 2.0, 4.0};
        List<RecordedRun> runs = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            List<AgentRun> list = new ArrayList<>(agents);
            for (int a = 0; a < agents; a++) {
                double price = prices[a % prices.length];
                Map<String, Integer> jury = new LinkedHashMap<>();
                for (int j = 0; j < agents; j++) {
                    jury.put("agent" + j, random.nextInt(6));
                }
                list.add(new AgentRun("agent" + a, 100 + random.nextInt(400), price, random.nextDouble(), "lexical",
                        jury, random.nextBoolean(), 1000L, 1000 * price / 1e6));
            }
            runs.add(RecordedRun.of("task-" + t, "random task " + t, "synthetic", null, null, list));
        }
        return runs;
    }

    /**
     * Runs separable by known weights: random plan lengths, entropies and jury scores, and only the agent with the
     * lowest {@code C - V} under those weights correct, so some weights pick every target.
     */
    public static List<RecordedRun> separable(int tasks, int agents, long seed) {
        Random random = new Random(seed);
        double[] prices = {0.05, 0.09, 0.16, 0.36, 0.6, 1.0, 2.0, 4.0};
        List<RecordedRun> runs = new ArrayList<>(tasks);
        for (int t = 0; t < tasks; t++) {
            long[] tokens = new long[agents];
            double[] entropy = new double[agents];
            int[][] scores = new int[agents][agents];
            int best = 0;
            double bestNet = Double.POSITIVE_INFINITY;
            for (int a = 0; a < agents; a++) {
                tokens[a] = 100 + random.nextInt(400);
                entropy[a] = random.nextDouble();
                double net = 0.002 * prices[a % prices.length] * tokens[a] - entropy[a];
                for (int j = 0; j < agents; j++) {
                    scores[a][j] = random.nextInt(6);
                    net -= 0.2 * scores[a][j];
                }
                if (net < bestNet) {
                    best = a;
                    bestNet = net;
                }
            }
            List<AgentRun> list = new ArrayList<>(agents);
            for (int a = 0; a < agents; a++) {
                double price = prices[a % prices.length];
                Map<String, Integer> jury = new LinkedHashMap<>();
                for (int j = 0; j < agents; j++) {
                    jury.put("agent" + j, scores[a][j]);
                }
                list.add(new AgentRun("agent" + a, tokens[a], price, entropy[a], "lexical", jury, a == best, 1000L,
                        1000 * price / 1e6));
            }
            runs.add(RecordedRun.of("task-" + t, "separable task " + t, "synthetic", null, null, list));
        }
        return runs;
    }
}
