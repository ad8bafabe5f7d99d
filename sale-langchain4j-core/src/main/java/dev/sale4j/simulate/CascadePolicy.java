package dev.sale4j.simulate;

import dev.sale4j.runs.AgentRun;
import dev.sale4j.runs.RecordedRun;
import java.util.List;

/**
 * A FrugalGPT-like cascade: executes the cheapest agent first and escalates by price until an answer's score clears
 * a threshold; the dearest agent's answer is kept whatever its score. Every execution tried is paid for.
 *
 * <p>The score of an answer is the recorded verifier's ({@code execution.verifierScore}) where the runs carry one,
 * else the jury's mean score of that agent's bid divided by 5 (0 when no juror scored it). The threshold is learned
 * in-fold: of 0, 0.05, ..., 1 and "never stop", the one that maximises {@code lambda * solved - cost of every
 * execution tried} on the training tasks (willingness to pay, see {@link Outcomes}).
 */
public final class CascadePolicy implements RoutingPolicy {

    private final double wtpMultiple;

    private CascadePolicy(double wtpMultiple) {
        this.wtpMultiple = wtpMultiple;
    }

    public static CascadePolicy create(double wtpMultiple) {
        return new CascadePolicy(wtpMultiple);
    }

    @Override
    public String name() {
        return "cascade";
    }

    @Override
    public Router train(Training training) {
        Outcomes o = new Outcomes(training.runs(), wtpMultiple);
        int[] order = o.byPrice();
        double threshold = learn(o, order, training.runs());
        return task -> {
            for (int i = 0; i < order.length - 1; i++) {
                String agent = o.agents.get(order[i]);
                Tried t = task.execute(agent);
                if (score(t.verifierScore(), task.bids(), agent) >= threshold) {
                    return agent;
                }
            }
            return o.agents.get(order[order.length - 1]);
        };
    }

    /** The learned threshold (1.05 stands for "never stop before the dearest agent"). */
    static double learn(Outcomes o, int[] order, List<RecordedRun> runs) {
        double[][] scores = new double[runs.size()][order.length];
        for (int t = 0; t < runs.size(); t++) {
            List<AgentRun> agents = runs.get(t).agents();
            for (int a = 0; a < order.length; a++) {
                AgentRun r = agents.get(a);
                scores[t][a] = score(r.execution() == null ? null : r.execution().verifierScore(), agents, r.agent());
            }
        }
        double best = 0;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= 21; step++) {
            double tau = step / 20.0;
            double u = 0;
            for (int t = 0; t < runs.size(); t++) {
                for (int i = 0; i < order.length; i++) {
                    int a = order[i];
                    u -= o.cost[t][a];
                    if (i == order.length - 1 || scores[t][a] >= tau) {
                        u += o.lambda * (o.correct[t][a] ? 1 : 0);
                        break;
                    }
                }
            }
            if (u > bestUtility) {
                bestUtility = u;
                best = tau;
            }
        }
        return best;
    }

    static double score(Double verifier, List<AgentRun> bids, String agent) {
        if (verifier != null) {
            return verifier;
        }
        AgentRun bid = bids.stream().filter(b -> b.agent().equals(agent)).findFirst().orElseThrow();
        double sum = 0;
        int count = 0;
        for (Integer s : bid.juryScores().values()) {
            if (s != null) {
                sum += s;
                count++;
            }
        }
        return count == 0 ? 0 : sum / count / 5.0;
    }
}
