package dev.sale4j.fit;

import dev.sale4j.runs.RecordedRun;
import dev.sale4j.score.Weights;
import dev.sale4j.score.WinnerSelector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns SALE's weights from recorded runs in which every agent bid for, was judged on and executed every training
 * task, by the linear program of SALE.md ("Learning the weights").
 *
 * <p>Per task t and agent a the features are {@code x_c = price * |s|}, {@code x_h = H} and {@code x_j = gamma_j}
 * (juror j's score, missing ones imputed exactly as {@link dev.sale4j.score.Scorer} does), so that
 * {@code C - V = w_c x_c - w_h x_h - sum_j w_j x_j}. The target {@code o(t)} is the cheapest agent whose execution was
 * correct (the cheapest agent when none was). The program minimises the worst case (or, with
 * {@link FitObjective#AVERAGE}, the mean) over tasks of the margin {@code max_{j != o(t)} (C-V)_{t,o(t)} - (C-V)_{t,j}},
 * with {@code w >= 0} and {@code w_c + w_h + sum_j w_j = 1}; see {@link MinMaxLp} for the exact program and its
 * tie-break.
 *
 * <p>Normalisation: each feature is divided by its scale, its standard deviation over every training (task, agent)
 * row, so that no term dominates by its units; the scales are saved in {@link Weights#scales()} and applied by the
 * Scorer. Features are not shifted: adding a constant to a feature adds the same amount to every agent's
 * {@code C - V} within a task, which changes no argmin and no margin. Jurors that were not in the training runs get
 * weight 0 ({@link Weights#defaultJuror()}): their scores played no part in the fit.
 *
 * <p>A feature equal for every agent of every task carries no information: no weight on it changes any margin. The
 * report lists such features ({@link FitReport#uninformativeFeatures()}); when every feature is one, there is nothing
 * to fit: the weights are uniform, {@link FitReport#informative()} is false and a warning is logged, rather than a
 * solver's arbitrary optimum whose ties the selector would break by price.
 *
 * <p>The LP is solved with ojAlgo: pure Java (no native solver to install), maintained, and fast on this program's
 * shape (a handful of weights, many constraints, solved by adding constraints lazily).
 */
public final class WeightFitter {

    private static final Logger LOG = LoggerFactory.getLogger(WeightFitter.class);

    private final FitObjective objective;
    private final boolean normalise;
    private final long seed;
    private final WinnerSelector selector;

    private WeightFitter(Builder builder) {
        this.selector = builder.selector;
        this.objective = builder.objective;
        this.normalise = builder.normalise;
        this.seed = builder.seed;
    }

    public static WeightFitter create() {
        return builder().build();
    }

    public FitObjective objective() {
        return objective;
    }

    /** Fits weights on all the runs and reports how they do on them. */
    public WeightFit fit(List<RecordedRun> runs) {
        TrainingSet set = TrainingSet.of(runs);
        Fitted fitted = fitted(set);
        return new WeightFit(fitted.weights(), report(fitted, set));
    }

    /**
     * Fits weights on all the runs without the report: what a caller that only routes with the weights needs (the
     * simulator refits per fold and policy, and the report's replay of every training task would cost as much again).
     */
    public Weights fitWeights(List<RecordedRun> runs) {
        return fit(TrainingSet.of(runs));
    }

    /**
     * k-fold cross-validation: tasks are shuffled with the fitter's seed and dealt into {@code folds} folds; each fold
     * is routed with weights fitted on the others.
     */
    public CrossValidation crossValidate(List<RecordedRun> runs, int folds) {
        TrainingSet set = TrainingSet.of(runs);
        if (folds < 2 || folds > set.size()) {
            throw new IllegalArgumentException("Cross-validation needs 2 <= folds <= tasks; got " + folds
                    + " folds for " + set.size() + " tasks");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < set.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<CrossValidation.Fold> results = new ArrayList<>();
        RoutingOutcome heldOut = new RoutingOutcome("fitted (held out)", 0, 0, 0);
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                (i % folds == f ? test : train).add(order.get(i));
            }
            Collections.sort(train);
            Collections.sort(test);
            TrainingSet testSet = set.subset(test);
            Weights weights = fit(set.subset(train));
            List<TaskMargin> margins = Replay.margins(weights, selector, testSet.tasks());
            RoutingOutcome outcome = Replay.fitted(testSet.tasks(), margins);
            int agreed = (int) margins.stream().filter(TaskMargin::agrees).count();
            results.add(new CrossValidation.Fold(f, train.size(), outcome, agreed));
            heldOut = heldOut.plus(outcome);
        }
        return new CrossValidation(results, heldOut, Replay.oracle(set.tasks()), Replay.singles(set.tasks()), seed);
    }

    private Weights fit(TrainingSet set) {
        return fitted(set).weights();
    }

    /** Weights and the features that carried no information (equal for every agent of every task). */
    private record Fitted(Weights weights, List<String> uninformative, boolean informative) {}

    private Fitted fitted(TrainingSet set) {
        Weights.Scales scales = normalise ? set.scales() : Weights.Scales.identity();
        List<String> jurors = set.jurors();
        int k = 2 + jurors.size();
        int rowCount = 0;
        for (TrainingTask t : set.tasks()) {
            rowCount += t.size() - 1;
        }
        double[] rows = new double[rowCount * k];
        int[] taskOfRow = new int[rowCount];
        int r = 0;
        JurorColumns columns = new JurorColumns();
        for (int ti = 0; ti < set.size(); ti++) {
            TrainingTask t = set.tasks().get(ti);
            double[][] x = features(t, jurors, scales, columns);
            int o = t.target();
            for (int j = 0; j < t.size(); j++) {
                if (j == o) {
                    continue;
                }
                for (int c = 0; c < k; c++) {
                    double sign = c == 0 ? 1 : -1;
                    rows[r * k + c] = sign * (x[o][c] - x[j][c]);
                }
                taskOfRow[r++] = ti;
            }
        }
        List<String> uninformative = uninformative(rows, k, jurors);
        boolean informative = uninformative.size() < k;
        double[] w;
        if (informative) {
            w = new MinMaxLp(rows, taskOfRow, set.size(), k).solve(objective);
        } else {
            LOG.warn(FitReport.NO_INFORMATION);
            w = new double[k];
            Arrays.fill(w, 1.0 / k);
        }
        Map<String, Double> jurorWeights = new TreeMap<>();
        for (int j = 0; j < jurors.size(); j++) {
            jurorWeights.put(jurors.get(j), w[2 + j]);
        }
        return new Fitted(new Weights(w[0], w[1], jurorWeights, 0.0, scales), uninformative, informative);
    }

    /** The features whose column of the program is all zero: no weight on them changes any margin. */
    private static List<String> uninformative(double[] rows, int k, List<String> jurors) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            boolean zero = true;
            for (int i = c; i < rows.length && zero; i += k) {
                zero = rows[i] == 0;
            }
            if (zero) {
                out.add(c == 0 ? "cost" : c == 1 ? "entropy" : "juror " + jurors.get(c - 2));
            }
        }
        return out;
    }

    /** Normalised features per agent: cost, entropy, then one per juror of the set (0 where absent from the task). */
    private static double[][] features(TrainingTask t, List<String> jurors, Weights.Scales scales, JurorColumns cols) {
        cols.resolve(t.jurors(), jurors, scales);
        double[][] x = new double[t.size()][2 + jurors.size()];
        for (int a = 0; a < t.size(); a++) {
            x[a][0] = t.costFeature(a) / scales.cost();
            x[a][1] = t.entropy()[a] / scales.entropy();
            for (int j = 0; j < cols.column.length; j++) {
                x[a][2 + cols.column[j]] = t.gammas()[a][j] / cols.scale[j];
            }
        }
        return x;
    }

    /** A task's jurors as columns of the fit and their scales, resolved once per distinct (shared) juror list. */
    private static final class JurorColumns {
        private List<String> resolved;
        private int[] column = new int[0];
        private double[] scale = new double[0];

        void resolve(List<String> taskJurors, List<String> jurors, Weights.Scales scales) {
            if (taskJurors == resolved) {
                return;
            }
            column = new int[taskJurors.size()];
            scale = new double[taskJurors.size()];
            for (int j = 0; j < column.length; j++) {
                column[j] = jurors.indexOf(taskJurors.get(j));
                scale[j] = scales.juror(taskJurors.get(j));
            }
            resolved = taskJurors;
        }
    }

    private FitReport report(Fitted fitted, TrainingSet set) {
        Weights weights = fitted.weights();
        List<TaskMargin> margins = Replay.margins(weights, selector, set.tasks());
        double q = objective == FitObjective.WORST_CASE
                ? margins.stream().mapToDouble(TaskMargin::margin).max().orElse(0)
                : margins.stream().mapToDouble(TaskMargin::margin).average().orElse(0);
        return new FitReport(objective, q, margins, Replay.fitted(set.tasks(), margins), Replay.oracle(set.tasks()),
                Replay.singles(set.tasks()), fitted.informative(), fitted.uninformative());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link WeightFitter}. */
    public static final class Builder {
        private FitObjective objective = FitObjective.WORST_CASE;
        private boolean normalise = true;
        private long seed = 42;
        private WinnerSelector selector = WinnerSelector.lowestNetScore();

        private Builder() {}

        /**
         * The selector that picks each replayed task's winner in the reports (default SALE's rule); use the router's
         * own, so the reports say what that router would have chosen.
         */
        public Builder selector(WinnerSelector selector) {
            if (selector == null) {
                throw new IllegalArgumentException("selector is null: use WinnerSelector.lowestNetScore() or the router's");
            }
            this.selector = selector;
            return this;
        }

        /** WORST_CASE (default) or AVERAGE. */
        public Builder objective(FitObjective objective) {
            if (objective == null) {
                throw new IllegalArgumentException("objective is null: use FitObjective.WORST_CASE or AVERAGE");
            }
            this.objective = objective;
            return this;
        }

        /** Whether to fit feature scales (default true); false fits on raw features with identity scales. */
        public Builder normalise(boolean normalise) {
            this.normalise = normalise;
            return this;
        }

        /** The seed of the cross-validation shuffle (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public WeightFitter build() {
            return new WeightFitter(this);
        }
    }
}
