package dev.sale4j.fit;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Recorded runs checked for fitting and turned into {@link TrainingTask}s: every task needs at least two agents, each
 * with its execution outcome (whether it was correct, and its cost).
 */
final class TrainingSet {

    private final List<TrainingTask> tasks;
    private final List<String> jurors;

    private TrainingSet(List<TrainingTask> tasks) {
        this.tasks = List.copyOf(tasks);
        TreeSet<String> all = new TreeSet<>();
        List<String> last = null;
        for (TrainingTask t : tasks) {
            if (t.jurors() != last) { // tasks of one set share their juror lists (see JurorLists)
                all.addAll(t.jurors());
                last = t.jurors();
            }
        }
        this.jurors = List.copyOf(all);
    }

    static TrainingSet of(List<RecordedRun> runs) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("No recorded runs to fit on: record runs in which every agent bid for "
                    + "and executed every task (see docs/recorded-runs.md)");
        }
        List<TrainingTask> tasks = new ArrayList<>(runs.size());
        JurorLists jurorLists = new JurorLists();
        for (RecordedRun run : runs) {
            tasks.add(task(run, jurorLists));
        }
        return new TrainingSet(tasks);
    }

    TrainingSet subset(List<Integer> indices) {
        List<TrainingTask> sub = new ArrayList<>(indices.size());
        indices.forEach(i -> sub.add(tasks.get(i)));
        return new TrainingSet(sub);
    }

    private static TrainingTask task(RecordedRun run, JurorLists jurorLists) {
        List<AgentRun> agents = run.agents();
        if (agents.size() < 2) {
            throw new IllegalArgumentException("Task '" + run.id() + "' has only agent '" + agents.get(0).agent()
                    + "': fitting compares agents, so every task needs the runs of at least two agents");
        }
        List<String> jurors = jurorLists.of(agents);
        int n = agents.size();
        long[] tokens = new long[n];
        double[] prices = new double[n];
        double[] entropy = new double[n];
        boolean[] correct = new boolean[n];
        double[] cost = new double[n];
        Integer[][] grid = new Integer[n][jurors.size()];
        List<String> names = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            AgentRun r = agents.get(a);
            if (r.correct() == null || r.executionCostUsd() == null) {
                throw new IllegalArgumentException("Task '" + run.id() + "', agent '" + r.agent() + "' (agents[" + a
                        + "]) has no " + (r.correct() == null ? "'correct'" : "'executionCostUsd'")
                        + ": fitting needs runs in which every agent executed every task");
            }
            names.add(r.agent());
            tokens[a] = r.planTokens();
            prices[a] = r.price();
            entropy[a] = r.entropy();
            correct[a] = r.correct();
            cost[a] = r.executionCostUsd();
            for (int j = 0; j < jurors.size(); j++) {
                grid[a][j] = r.juryScores().get(jurors.get(j));
            }
        }
        return new TrainingTask(run.id(), names, tokens, prices, entropy, jurors, Scorer.imputed(grid), correct, cost,
                target(prices, correct, cost));
    }

    /** The cheapest correct agent (lowest price, then lowest execution cost, then first); the cheapest if none. */
    static int target(double[] prices, boolean[] correct, double[] cost) {
        boolean anyCorrect = false;
        for (boolean c : correct) {
            anyCorrect |= c;
        }
        int best = -1;
        for (int a = 0; a < prices.length; a++) {
            if (anyCorrect && !correct[a]) {
                continue;
            }
            if (best < 0 || prices[a] < prices[best] || (prices[a] == prices[best] && cost[a] < cost[best])) {
                best = a;
            }
        }
        return best;
    }

    List<TrainingTask> tasks() {
        return tasks;
    }

    /** Every juror of any task, sorted: the fitted juror weights. */
    List<String> jurors() {
        return jurors;
    }

    int size() {
        return tasks.size();
    }

    /**
     * The feature scales: each feature's population standard deviation over every (task, agent) row (for a juror,
     * the rows of tasks it judged); 1 for a feature that does not vary.
     */
    Weights.Scales scales() {
        Moments cost = new Moments();
        Moments entropy = new Moments();
        Map<String, Moments> jury = new TreeMap<>();
        jurors.forEach(j -> jury.put(j, new Moments()));
        List<String> last = null;
        Moments[] columns = new Moments[0];
        for (TrainingTask t : tasks) {
            if (t.jurors() != last) {
                last = t.jurors();
                columns = last.stream().map(jury::get).toArray(Moments[]::new);
            }
            for (int a = 0; a < t.size(); a++) {
                cost.add(t.costFeature(a));
                entropy.add(t.entropy()[a]);
                for (int j = 0; j < columns.length; j++) {
                    columns[j].add(t.gammas()[a][j]);
                }
            }
        }
        Map<String, Double> jurorScales = new TreeMap<>();
        jury.forEach((j, m) -> jurorScales.put(j, m.scale()));
        return new Weights.Scales(cost.scale(), entropy.scale(), jurorScales);
    }

    /**
     * The sorted jurors of a task (every juror that scored any of its agents), one shared list instance per distinct
     * set: most tasks of a run file have the same jurors, and code walking the tasks can then resolve a list once.
     */
    private static final class JurorLists {
        private final Map<List<String>, List<String>> lists = new HashMap<>();
        private List<String> last;

        List<String> of(List<AgentRun> agents) {
            if (last != null && scoredBy(agents, last)) {
                return last;
            }
            TreeSet<String> union = new TreeSet<>();
            for (AgentRun a : agents) {
                union.addAll(a.juryScores().keySet());
            }
            last = lists.computeIfAbsent(List.copyOf(union), k -> k);
            return last;
        }

        /** Whether every agent was scored by exactly these jurors (the common case: no hashing, no sorting). */
        private static boolean scoredBy(List<AgentRun> agents, List<String> jurors) {
            for (AgentRun a : agents) {
                Set<String> keys = a.juryScores().keySet();
                if (keys.size() != jurors.size()) {
                    return false;
                }
                for (String juror : keys) {
                    if (!jurors.contains(juror)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /** Running mean and variance (Welford), for numerically stable scales. */
    private static final class Moments {
        private long n;
        private double mean;
        private double m2;

        void add(double x) {
            n++;
            double delta = x - mean;
            mean += delta / n;
            m2 += delta * (x - mean);
        }

        double scale() {
            double sd = n == 0 ? 0 : Math.sqrt(m2 / n);
            return sd > 1e-12 * Math.max(1.0, Math.abs(mean)) ? sd : 1.0;
        }
    }
}
