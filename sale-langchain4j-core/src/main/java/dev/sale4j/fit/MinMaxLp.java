package dev.sale4j.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Solves the weight-fitting linear program exactly, by cutting planes over ojAlgo's LP solver.
 *
 * <p>Each row {@code i} is a task's target agent against one rival, {@code d_i(w) = D_i . w}. The programs are
 * <pre>
 *   WORST_CASE:  minimise Q                 s.t. D_i . w <= Q            for every row i
 *   AVERAGE:     minimise (1/T) sum_t q_t   s.t. D_i . w <= q_t(i)       for every row i of task t(i)
 *   both:        w >= 0, sum_k w_k = 1, Q and q_t free
 * </pre>
 * Q and q_t are free: on the simplex every {@code D_i . w} is bounded, so both programs are bounded and feasible.
 * A free {@code q_t} (rather than a hinge {@code q_t >= 0}) makes AVERAGE the mean of per-task margins, so it still
 * prefers larger winning margins once every task is won, as WORST_CASE does for the worst task.
 *
 * <p>Feeding all rows (30,000 for 10,000 tasks x 4 agents) to a simplex solver at once takes minutes; the optimum is
 * pinned by at most {@code K + 1} of them. So the solver adds rows lazily: it solves the program over the rows found
 * so far, evaluates every row at the solution, adds the most violated ones and repeats until none is violated by
 * more than {@link #TOLERANCE}. For AVERAGE it adds Kelley cuts {@code theta >= (1/T) sum_t D_{t, argmax} . w}, which
 * describe the same piecewise-linear objective exactly. The result is an optimum of the full program. Each restricted
 * program is solved by {@link RestrictedLp}, which guards against ojAlgo's simplex cycling on degenerate programs.
 *
 * <p>Ties: a program may have many optimal w. A tie-break term {@code 1e-6 * mean_i D_i . w} is added to the
 * objective, which selects, among (numerically) optimal weights, those under which the target agents win by the most
 * on average over all rows. Rows and cuts are added in a fixed order, so fits are deterministic.
 */
final class MinMaxLp {

    static final double TOLERANCE = 1e-9;
    static final double TIE_BREAK = 1e-6;
    private static final int CUTS_PER_ROUND = 64;
    private static final int MAX_ROUNDS = 5_000;

    private final double[] rows;
    private final int[] taskOfRow;
    private final int tasks;
    private final int k;
    private final int n;

    /**
     * @param rows      row-major {@code n x k} coefficients D
     * @param taskOfRow the task of each row, 0..tasks-1, rows of a task contiguous
     * @param tasks     number of tasks
     * @param k         number of weights
     */
    MinMaxLp(double[] rows, int[] taskOfRow, int tasks, int k) {
        this.rows = rows;
        this.taskOfRow = taskOfRow;
        this.tasks = tasks;
        this.k = k;
        this.n = taskOfRow.length;
    }

    /** The optimal weights, summing to 1. */
    double[] solve(FitObjective objective) {
        double[] tieBreak = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                tieBreak[c] += rows[i * k + c] / n;
            }
        }
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        List<double[]> cuts = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        double theta = Double.NEGATIVE_INFINITY;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int added = objective == FitObjective.WORST_CASE ? addRowCuts(w, theta, cuts, used)
                    : addKelleyCut(w, theta, cuts);
            if (added == 0) {
                return clean(w);
            }
            double[] solution = solveRestricted(cuts, tieBreak);
            System.arraycopy(solution, 0, w, 0, k);
            theta = solution[k];
        }
        throw new IllegalStateException("The weight-fitting LP did not converge in " + MAX_ROUNDS
                + " rounds; the recorded features may be badly scaled");
    }

    private double dot(int row, double[] w) {
        double d = 0;
        int base = row * k;
        for (int c = 0; c < k; c++) {
            d += rows[base + c] * w[c];
        }
        return d;
    }

    /** The largest value a row (or the mean) may take at the restricted optimum theta without being violated. */
    private static double bound(double theta) {
        return Double.isInfinite(theta) ? theta : theta + TOLERANCE * Math.max(1.0, Math.abs(theta));
    }

    private int addRowCuts(double[] w, double theta, List<double[]> cuts, Set<Integer> used) {
        double[] d = new double[n];
        List<Integer> violated = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            d[i] = dot(i, w);
            if (d[i] > bound(theta) && !used.contains(i)) {
                violated.add(i);
            }
        }
        violated.sort(Comparator.<Integer>comparingDouble(i -> -d[i]).thenComparingInt(i -> i));
        int added = 0;
        for (int i : violated) {
            if (added == CUTS_PER_ROUND) {
                break;
            }
            used.add(i);
            cuts.add(Arrays.copyOfRange(rows, i * k, i * k + k));
            added++;
        }
        return added;
    }

    private int addKelleyCut(double[] w, double theta, List<double[]> cuts) {
        double[] cut = new double[k];
        double mean = 0;
        int row = 0;
        for (int t = 0; t < tasks; t++) {
            int best = row;
            double bestD = dot(row, w);
            int end = row + 1;
            while (end < n && taskOfRow[end] == t) {
                double d = dot(end, w);
                if (d > bestD) {
                    best = end;
                    bestD = d;
                }
                end++;
            }
            mean += bestD / tasks;
            for (int c = 0; c < k; c++) {
                cut[c] += rows[best * k + c] / tasks;
            }
            row = end;
        }
        if (mean <= bound(theta)) {
            return 0;
        }
        cuts.add(cut);
        return 1;
    }

    /** Minimises theta + tieBreak . w over the simplex subject to cut . w <= theta; returns w then theta. */
    private double[] solveRestricted(List<double[]> cuts, double[] tieBreak) {
        return RestrictedLp.solve(cuts, tieBreak, TIE_BREAK);
    }

    /** Clamps solver round-off below 0 and renormalises to sum 1. */
    private static double[] clean(double[] w) {
        double[] out = new double[w.length];
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            out[c] = Math.max(0, w[c]);
            sum += out[c];
        }
        for (int c = 0; c < w.length; c++) {
            out[c] /= sum;
        }
        return out;
    }
}
