package dev.sale4j.fit;

import dev.sale4j.bid.Bid;
import dev.sale4j.entropy.Entropy;
import dev.sale4j.score.ScoreTerms;
import dev.sale4j.score.ScoredBid;
import dev.sale4j.score.Scorer;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded tasks through a router with given weights, offline: scores every recorded bid with
 * {@link Scorer} and lets the {@link WinnerSelector} pick the winner, as the auction would (agents in recorded order
 * stand for pool order).
 */
final class Replay {

    /** Entropy estimator named in replayed terms: the recorded H, whatever estimator produced it. */
    private static final String RECORDED = "recorded";

    private Replay() {}

    /** Margin and choice per task. */
    static List<TaskMargin> margins(Weights weights, WinnerSelector selector, List<TrainingTask> tasks) {
        Scorer scorer = new Scorer(weights);
        List<TaskMargin> out = new ArrayList<>(tasks.size());
        for (TrainingTask t : tasks) {
            double[] net = new double[t.size()];
            List<ScoredBid> bids = new ArrayList<>(t.size());
            for (int a = 0; a < t.size(); a++) {
                double cost = scorer.cost(t.prices()[a], t.planTokens()[a]);
                double juryTerm = scorer.juryTerm(t.jurors(), t.gammas()[a]);
                double value = scorer.entropyTerm(t.entropy()[a]) + juryTerm;
                net[a] = cost - value;
                Bid bid = new Bid(t.agents().get(a), "", t.planTokens()[a], 0, false, Duration.ZERO,
                        new Entropy(t.entropy()[a], RECORDED), false);
                bids.add(new ScoredBid(bid, new ScoreTerms(t.planTokens()[a], t.prices()[a], cost, t.entropy()[a],
                        RECORDED, List.of(), juryTerm, 0, value, net[a])));
            }
            String chosen = selector.select(bids, t.agents())
                    .orElseThrow(() -> new IllegalStateException("The WinnerSelector picked none of the "
                            + t.size() + " recorded bids of task '" + t.id() + "'"))
                    .agent();
            double bestRival = Double.POSITIVE_INFINITY;
            for (int a = 0; a < t.size(); a++) {
                if (a != t.target()) {
                    bestRival = Math.min(bestRival, net[a]);
                }
            }
            out.add(new TaskMargin(t.id(), t.agents().get(t.target()), chosen, net[t.target()] - bestRival,
                    t.solved()));
        }
        return out;
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
