package dev.sale4j.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * so far, evaluates every row at the solution, adds the most violated ones and repeats. For AVERAGE it adds Kelley
 * cuts {@code theta >= (1/T) sum_t D_{t, argmax} . w}, which describe the same piecewise-linear objective exactly.
 * Each restricted program is solved by {@link RestrictedLp}, which guards against ojAlgo's simplex cycling on
 * degenerate programs.
 *
 * <p>When it ends: every restricted optimum is a lower bound on the full program's optimum, and the objective at any
 * point of the simplex an upper bound. The loop keeps the best point and stops when the gap between the bounds is
 * within {@link #TOLERANCE} of the objective or within the solver's own accuracy ({@link #SOLVER_ACCURACY} times the
 * largest coefficient), whichever is looser: a tighter stop cannot be certified by a solver whose constraints hold
 * only to that accuracy. If a round finds nothing new to add (every violated row, or the Kelley cut, is in the program
 * already), the restricted program cannot improve: the best point is returned if the gap is within
 * {@link #STALL_SLACK} solver accuracies, else a {@link WeightFitException} says the solver is inaccurate on this
 * program. A loop that exhausts its rounds ends with a {@link WeightFitException} too, never silently.
 *
 * <p>Ties: a program may have many optimal w. A tie-break term {@code 1e-6 * mean_i D_i . w} is added to the
 * objective, which selects, among (numerically) optimal weights, those under which the target agents win by the most
 * on average over all rows. Rows and cuts are added in a fixed order, so fits are deterministic.
 */
final class MinMaxLp {

    private static final Logger LOG = LoggerFactory.getLogger(MinMaxLp.class);

    static final double TOLERANCE = 1e-9;
    /** ojAlgo's feasibility accuracy (its default {@code NumberContext} 12:8): constraints hold to about 1e-8. */
    static final double SOLVER_ACCURACY = 1e-8;
    /** How many solver accuracies a stalled loop's gap may span and still be accepted. */
    static final double STALL_SLACK = 100;
    static final double TIE_BREAK = 1e-6;
    static final int MAX_ROUNDS = 5_000;
    private static final int CUTS_PER_ROUND = 64;

    /** Solves one restricted program: w then theta (see {@link RestrictedLp#solve}). */
    interface RestrictedSolver {
        double[] solve(List<double[]> cuts, double[] tieBreak, double tieBreakWeight);
    }

    private final double[] rows;
    private final int[] taskOfRow;
    private final int tasks;
    private final int k;
    private final int n;
    private final RestrictedSolver solver;
    private final int maxRounds;

    /**
     * @param rows      row-major {@code n x k} coefficients D
     * @param taskOfRow the task of each row, 0..tasks-1, rows of a task contiguous
     * @param tasks     number of tasks
     * @param k         number of weights
     */
    MinMaxLp(double[] rows, int[] taskOfRow, int tasks, int k) {
        this(rows, taskOfRow, tasks, k, RestrictedLp::solve, MAX_ROUNDS);
    }

    /** With another restricted solver and round limit: for tests that make the solver inaccurate. */
    MinMaxLp(double[] rows, int[] taskOfRow, int tasks, int k, RestrictedSolver solver, int maxRounds) {
        this.rows = rows;
        this.taskOfRow = taskOfRow;
        this.tasks = tasks;
        this.k = k;
        this.n = taskOfRow.length;
        this.solver = solver;
        this.maxRounds = maxRounds;
    }

    /** The optimal weights, summing to 1. */
    double[] solve(FitObjective objective) {
        double[] tieBreak = new double[k];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                tieBreak[c] += rows[i * k + c] / n;
                scale = Math.max(scale, Math.abs(rows[i * k + c]));
            }
        }
        double accuracy = SOLVER_ACCURACY * Math.max(1.0, scale);
        double[] w = new double[k];
        Arrays.fill(w, 1.0 / k);
        double[] best = null;
        double upper = Double.POSITIVE_INFINITY;
        double lower = Double.NEGATIVE_INFINITY;
        double theta = Double.NEGATIVE_INFINITY;
        List<double[]> cuts = new ArrayList<>();
        Set<Integer> usedRows = new HashSet<>();
        Set<List<Double>> usedCuts = new HashSet<>();
        double[] d = new double[n];
        for (int round = 0; round < maxRounds; round++) {
            for (int i = 0; i < n; i++) {
                d[i] = dot(i, w);
            }
            double value = (objective == FitObjective.WORST_CASE ? worst(d) : mean(d)) + TIE_BREAK * dot(tieBreak, w);
            if (value < upper) {
                upper = value;
                best = w.clone();
            }
            double gap = upper - lower;
            if (gap <= Math.max(TOLERANCE * Math.max(1.0, Math.abs(upper)), accuracy)) {
                LOG.debug("{} fit converged in {} rounds, {} cuts, gap {}", objective, round, cuts.size(), gap);
                return clean(best);
            }
            int added = objective == FitObjective.WORST_CASE ? addRowCuts(d, theta, accuracy, cuts, usedRows)
                    : addKelleyCut(d, cuts, usedCuts);
            if (added == 0) {
                if (gap <= STALL_SLACK * accuracy) {
                    LOG.debug("{} fit stalled at the solver's accuracy in {} rounds, {} cuts, gap {}", objective, round,
                            cuts.size(), gap);
                    return clean(best);
                }
                throw new WeightFitException("The weight-fitting LP stalled after " + round + " rounds with a gap of "
                        + gap + " between its bounds: the LP solver (ojAlgo) returns solutions that violate their own "
                        + "constraints on this program. Fit with normalisation on (the default), or drop features "
                        + "that are near copies of each other (a juror that always scores like another)");
            }
            double[] solution = solver.solve(cuts, tieBreak, TIE_BREAK);
            System.arraycopy(solution, 0, w, 0, k);
            theta = solution[k];
            lower = Math.max(lower, theta + TIE_BREAK * dot(tieBreak, w));
        }
        throw new WeightFitException("The weight-fitting LP did not converge in " + maxRounds + " rounds (gap "
                + (upper - lower) + " between its bounds, objective " + upper + "): fit with normalisation on (the "
                + "default), drop near-duplicate features, or use the worst-case objective");
    }

    private double dot(int row, double[] w) {
        double d = 0;
        int base = row * k;
        for (int c = 0; c < k; c++) {
            d += rows[base + c] * w[c];
        }
        return d;
    }

    private static double dot(double[] a, double[] b) {
        double d = 0;
        for (int c = 0; c < a.length; c++) {
            d += a[c] * b[c];
        }
        return d;
    }

    private static double worst(double[] d) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : d) {
            max = Math.max(max, v);
        }
        return max;
    }

    /** The mean over tasks of each task's largest row. */
    private double mean(double[] d) {
        double sum = 0;
        for (int end = 0; end < n; ) {
            int t = taskOfRow[end];
            double task = Double.NEGATIVE_INFINITY;
            while (end < n && taskOfRow[end] == t) {
                task = Math.max(task, d[end++]);
            }
            sum += task;
        }
        return sum / tasks;
    }

    /** Adds the rows most violated at the restricted optimum theta (at most {@link #CUTS_PER_ROUND}), new ones only. */
    private int addRowCuts(double[] d, double theta, double accuracy, List<double[]> cuts, Set<Integer> used) {
        double bound = Double.isInfinite(theta) ? theta : theta + accuracy;
        // The CUTS_PER_ROUND most violated new rows, most violated first (ties: lower row first), without sorting
        // every violated row: a bounded heap whose head is the least violated of those kept.
        Comparator<Integer> weakestFirst = Comparator.<Integer>comparingDouble(i -> d[i]).thenComparingInt(i -> -i);
        PriorityQueue<Integer> kept = new PriorityQueue<>(CUTS_PER_ROUND + 1, weakestFirst);
        for (int i = 0; i < n; i++) {
            if (d[i] > bound && !used.contains(i)) {
                if (kept.size() < CUTS_PER_ROUND) {
                    kept.add(i);
                } else if (weakestFirst.compare(i, kept.peek()) > 0) {
                    kept.poll();
                    kept.add(i);
                }
            }
        }
        List<Integer> violated = new ArrayList<>(kept);
        violated.sort(weakestFirst.reversed());
        int added = 0;
        for (int i : violated) {
            used.add(i);
            cuts.add(Arrays.copyOfRange(rows, i * k, i * k + k));
            added++;
        }
        return added;
    }

    /** Adds the Kelley cut at the point whose rows are d, unless the program has it already. */
    private int addKelleyCut(double[] d, List<double[]> cuts, Set<List<Double>> used) {
        double[] cut = new double[k];
        for (int row = 0; row < n; ) {
            int t = taskOfRow[row];
            int best = row;
            while (row < n && taskOfRow[row] == t) {
                if (d[row] > d[best]) {
                    best = row;
                }
                row++;
            }
            for (int c = 0; c < k; c++) {
                cut[c] += rows[best * k + c] / tasks;
            }
        }
        if (!used.add(Arrays.stream(cut).boxed().toList())) {
            return 0;
        }
        cuts.add(cut);
        return 1;
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
