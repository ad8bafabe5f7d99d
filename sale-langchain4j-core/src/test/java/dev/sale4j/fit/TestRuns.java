package dev.sale4j.fit;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hand-built and synthetic recorded runs for fitting tests. */
final class TestRuns {

    private TestRuns() {}

    static AgentRun agent(String name, double price, long tokens, double entropy, boolean correct, double cost) {
        return new AgentRun(name, tokens, price, entropy, "lexical", Map.of(), correct, 100L, cost);
    }

    static AgentRun agent(String name, double price, long tokens, double entropy, Map<String, Integer> jury,
            boolean correct, double cost) {
        return new AgentRun(name, tokens, price, entropy, "lexical", jury, correct, 100L, cost);
    }

    static RecordedRun task(String id, AgentRun... agents) {
        return RecordedRun.of(id, "task " + id, "coding", null, null, List.of(agents));
    }

    /**
     * Two tasks, two agents, no jury, whose optimum is worked out by hand in {@code WeightFitterTest}. Cheap costs
     * 1/M tokens, big 2/M; both plans are one token long.
     */
    static List<RecordedRun> twoTasks() {
        return List.of(
                task("t1", agent("cheap", 1, 1, 0.2, true, 0.01), agent("big", 2, 1, 0.4, true, 0.02)),
                task("t2", agent("cheap", 1, 1, 0.1, false, 0.01), agent("big", 2, 1, 0.9, true, 0.02)));
    }

    /**
     * Tasks separable by a known weight vector: four agents with prices 0.05/0.09/0.16/0.36, random plan lengths,
     * entropies and jury scores; the agent with the lowest {@code C - V} under {@code w*} is the only one marked
     * correct, and tasks whose winner leads by less than a clear gap are dropped.
     */
    static List<RecordedRun> separable(int tasks, long seed) {
        String[] names = {"4b", "8b", "14b", "32b"};
        double[] prices = {0.05, 0.09, 0.16, 0.36};
        double wc = 0.002;
        double wh = 1.0;
        double wj = 0.2;
        Random random = new Random(seed);
        List<RecordedRun> runs = new ArrayList<>();
        int id = 0;
        while (runs.size() < tasks) {
            long[] tokens = new long[4];
            double[] h = new double[4];
            int[][] scores = new int[4][4];
            double[] net = new double[4];
            for (int a = 0; a < 4; a++) {
                tokens[a] = 100 + random.nextInt(400);
                h[a] = random.nextDouble();
                double jury = 0;
                for (int j = 0; j < 4; j++) {
                    scores[a][j] = random.nextInt(6);
                    jury += wj * scores[a][j];
                }
                net[a] = wc * prices[a] * tokens[a] - wh * h[a] - jury;
            }
            int best = 0;
            for (int a = 1; a < 4; a++) {
                best = net[a] < net[best] ? a : best;
            }
            double gap = Double.POSITIVE_INFINITY;
            for (int a = 0; a < 4; a++) {
                if (a != best) {
                    gap = Math.min(gap, net[a] - net[best]);
                }
            }
            id++;
            if (gap < 0.05) {
                continue;
            }
            List<AgentRun> agents = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                Map<String, Integer> jury = Map.of(names[0], scores[a][0], names[1], scores[a][1], names[2],
                        scores[a][2], names[3], scores[a][3]);
                agents.add(new AgentRun(names[a], tokens[a], prices[a], h[a], "lexical", jury, a == best,
                        1000L, prices[a] * 1000 / 1e6));
            }
            runs.add(RecordedRun.of("s" + id, "synthetic " + id, "coding", null, null, agents));
        }
        return runs;
    }
}
