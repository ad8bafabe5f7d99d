package dev.sale4j.fit;

import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded tasks through a router with given weights, offline: scores every recorded bid with
 * {@link Scorer} and picks the winner by the rule of {@link dev.sale4j.score.LowestNetScoreSelector} (lowest
 * {@code C - V}, ties within 1e-9 relative to the lower C, then the cheaper agent, then the first recorded).
 */
final class Replay {

    private static final double RELATIVE_TIE = 1e-9;

    private Replay() {}

    /** Margin and choice per task. */
    static List<TaskMargin> margins(Weights weights, List<TrainingTask> tasks) {
        Scorer scorer = new Scorer(weights);
        List<TaskMargin> out = new ArrayList<>(tasks.size());
        for (TrainingTask t : tasks) {
            double[] net = new double[t.size()];
            double[] cost = new double[t.size()];
            for (int a = 0; a < t.size(); a++) {
                cost[a] = scorer.cost(t.prices()[a], t.planTokens()[a]);
                net[a] = cost[a] - scorer.entropyTerm(t.entropy()[a]) - scorer.juryTerm(t.jurors(), t.gammas()[a]);
            }
            int chosen = 0;
            for (int a = 1; a < t.size(); a++) {
                if (better(a, chosen, net, cost, t.prices())) {
                    chosen = a;
                }
            }
            double bestRival = Double.POSITIVE_INFINITY;
            for (int a = 0; a < t.size(); a++) {
                if (a != t.target()) {
                    bestRival = Math.min(bestRival, net[a]);
                }
            }
            out.add(new TaskMargin(t.id(), t.agents().get(t.target()), t.agents().get(chosen),
                    net[t.target()] - bestRival, t.solved()));
        }
        return out;
    }

    private static boolean better(int a, int b, double[] net, double[] cost, double[] price) {
        int c = compareWithTies(net[a], net[b]);
        if (c == 0) {
            c = compareWithTies(cost[a], cost[b]);
        }
        if (c == 0) {
            c = Double.compare(price[a], price[b]);
        }
        return c < 0;
    }

    private static int compareWithTies(double a, double b) {
        double scale = Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
        return Math.abs(a - b) <= RELATIVE_TIE * scale ? 0 : Double.compare(a, b);
    }

    /** The outcome of routing each task to the agent named in {@code choices} (same order as tasks). */
    static RoutingOutcome outcome(String policy, List<TrainingTask> tasks, List<String> choices) {
        int solved = 0;
        double cost = 0;
        for (int i = 0; i < tasks.size(); i++) {
            TrainingTask t = tasks.get(i);
            int a = t.agents().indexOf(choices.get(i));
            if (a < 0) {
                throw new IllegalArgumentException("Task '" + t.id() + "' has no run of agent '" + choices.get(i)
                        + "'");
            }
            solved += t.correct()[a] ? 1 : 0;
            cost += t.costUsd()[a];
        }
        return new RoutingOutcome(policy, tasks.size(), solved, cost);
    }

    /** The fitted router's outcome, given its margins. */
    static RoutingOutcome fitted(List<TrainingTask> tasks, List<TaskMargin> margins) {
        return outcome("fitted", tasks, margins.stream().map(TaskMargin::chosen).toList());
    }

    /** The oracle: the target agent of every task. */
    static RoutingOutcome oracle(List<TrainingTask> tasks) {
        return outcome("oracle", tasks, tasks.stream().map(t -> t.agents().get(t.target())).toList());
    }

    /** Always the same agent, for every agent that ran every task (in first-seen order). */
    static List<RoutingOutcome> singles(List<TrainingTask> tasks) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        tasks.forEach(t -> t.agents().forEach(a -> seen.merge(a, 1, Integer::sum)));
        List<RoutingOutcome> out = new ArrayList<>();
        seen.forEach((agent, count) -> {
            if (count == tasks.size()) {
                out.add(outcome("always " + agent, tasks, tasks.stream().map(t -> agent).toList()));
            }
        });
        return out;
    }
}
