package dev.sale4j.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Routers that read only the task text (its embedding), trained in-fold on the training tasks' outcomes:
 *
 * <ul>
 *   <li>{@code knn-wtp}: a kNN predictor of each agent's success, {@code P_a = (solved_a + 1) / (k + 2)} over the k
 *       nearest training tasks, and of its cost (the neighbours' mean); picks {@code argmax lambda * P_a - cost_a}
 *       (willingness to pay, see {@link Outcomes}).
 *   <li>{@code carrot}: CARROT-like: per agent, ridge regressions of correctness and of cost on the embedding; picks
 *       {@code argmax lambda * P_a - cost_a} with the predicted P (clipped to [0,1]) and cost (at least 0).
 *   <li>{@code routellm}: RouteLLM-like: the cheapest agent if the kNN-predicted probability that it succeeds clears
 *       a threshold, else the largest; the threshold (grid 0, 0.05, ..., 1) maximises the utility on a seeded 20%
 *       calibration slice of the training tasks, predicted from the other 80%.
 * </ul>
 */
public final class TextRouters {

    /** Neighbours of the kNN routers. */
    public static final int DEFAULT_K = 16;
    /** Willingness to pay, as a multiple of the largest agent's mean cost. */
    public static final double DEFAULT_WTP_MULTIPLE = 10;

    private TextRouters() {}

    public static RoutingPolicy knnWtp(int k, double wtpMultiple) {
        return Baselines.named("knn-wtp", training -> {
            Outcomes o = new Outcomes(training.runs(), wtpMultiple);
            Training.Neighbours knn = training.neighbours("knn-wtp", k);
            return task -> {
                int[] nn = knn.of(task.task(), require(task));
                int best = 0;
                double bestUtility = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < o.agents.size(); a++) {
                    int solved = 0;
                    double cost = 0;
                    for (int i : nn) {
                        solved += o.correct[i][a] ? 1 : 0;
                        cost += o.cost[i][a];
                    }
                    double u = o.lambda * (solved + 1.0) / (nn.length + 2.0) - cost / nn.length;
                    if (u > bestUtility) {
                        bestUtility = u;
                        best = a;
                    }
                }
                return o.agents.get(best);
            };
        });
    }

    public static RoutingPolicy carrot(double wtpMultiple, double ridge) {
        return Baselines.named("carrot", training -> {
            Outcomes o = new Outcomes(training.runs(), wtpMultiple);
            List<float[]> x = training.requireEmbeddings("carrot");
            int n = o.agents.size();
            double[][] yCorrect = new double[n][o.tasks()];
            double[][] yCost = new double[n][o.tasks()];
            for (int t = 0; t < o.tasks(); t++) {
                for (int a = 0; a < n; a++) {
                    yCorrect[a][t] = o.correct[t][a] ? 1 : 0;
                    yCost[a][t] = o.cost[t][a];
                }
            }
            Ridge model = Ridge.fit(x, ridge);
            double[][] wCorrect = new double[n][];
            double[][] wCost = new double[n][];
            for (int a = 0; a < n; a++) {
                wCorrect[a] = model.solve(yCorrect[a]);
                wCost[a] = model.solve(yCost[a]);
            }
            return task -> {
                float[] e = require(task);
                int best = 0;
                double bestUtility = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < n; a++) {
                    double p = Math.min(1, Math.max(0, Ridge.predict(wCorrect[a], e)));
                    double c = Math.max(0, Ridge.predict(wCost[a], e));
                    double u = o.lambda * p - c;
                    if (u > bestUtility) {
                        bestUtility = u;
                        best = a;
                    }
                }
                return o.agents.get(best);
            };
        });
    }

    public static RoutingPolicy routeLlm(int k, double wtpMultiple) {
        return Baselines.named("routellm", training -> {
            Outcomes o = new Outcomes(training.runs(), wtpMultiple);
            List<float[]> x = training.requireEmbeddings("routellm");
            double threshold = calibrate(o, training, x, k);
            Training.Neighbours knn = training.neighbours("routellm", k);
            return task -> {
                double p = cheapSuccess(o, knn.of(task.task(), require(task)), null);
                return o.agents.get(p >= threshold ? o.cheapest : o.largest);
            };
        });
    }

    /** The threshold on P(cheapest succeeds) that maximises the utility on a calibration slice. */
    private static double calibrate(Outcomes o, Training training, List<float[]> x, int k) {
        long seed = training.seed();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        int calibration = Math.max(1, x.size() / 5);
        if (x.size() - calibration < 1) {
            return 0.5;
        }
        List<Integer> ref = order.subList(calibration, order.size());
        Training.Neighbours knn = training.among("routellm", ref, k);
        double[] p = new double[calibration];
        for (int c = 0; c < calibration; c++) {
            p[c] = cheapSuccess(o, knn.of(training.task(order.get(c)), x.get(order.get(c))), ref);
        }
        double best = 0;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int step = 0; step <= 20; step++) {
            double tau = step / 20.0;
            double u = 0;
            for (int c = 0; c < calibration; c++) {
                int t = order.get(c);
                int a = p[c] >= tau ? o.cheapest : o.largest;
                u += o.lambda * (o.correct[t][a] ? 1 : 0) - o.cost[t][a];
            }
            if (u > bestUtility) {
                bestUtility = u;
                best = tau;
            }
        }
        return best;
    }

    private static double cheapSuccess(Outcomes o, int[] nn, List<Integer> ref) {
        int solved = 0;
        for (int i : nn) {
            int t = ref == null ? i : ref.get(i);
            solved += o.correct[t][o.cheapest] ? 1 : 0;
        }
        return (solved + 1.0) / (nn.length + 2.0);
    }

    private static float[] require(TaskView task) {
        if (task.embedding() == null) {
            throw new IllegalStateException("Task '" + task.id() + "' has no embedding: give the simulation an "
                    + "embedder for the text routers");
        }
        return task.embedding();
    }
}
