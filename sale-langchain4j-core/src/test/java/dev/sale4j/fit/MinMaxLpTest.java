package dev.sale4j.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.exception.NonRetriableException;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lazily-constrained solver reaches the optimum of the full program, solved here in one piece by an independent
 * simplex, and always ends: with the optimum when the LP solver is less accurate than the tolerance, with a
 * {@link WeightFitException} when it cannot.
 */
@Timeout(60)
class MinMaxLpTest {

    private static final int TASKS = 40;
    private static final int RIVALS = 3;
    private static final int K = 6;

    private static double[] rows(long seed) {
        return rows(seed, TASKS, RIVALS, K);
    }

    private static double[] rows(long seed, int tasks, int rivals, int k) {
        Random random = new Random(seed);
        double[] rows = new double[tasks * rivals * k];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextGaussian();
        }
        return rows;
    }

    /** Differences of integer scores, as jury scores give: degenerate programs with many ties. */
    private static double[] integerRows(long seed, int tasks, int rivals, int k) {
        Random random = new Random(seed);
        double[] rows = new double[tasks * rivals * k];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextInt(6) - random.nextInt(6);
        }
        return rows;
    }

    private static int[] taskOfRow() {
        return taskOfRow(TASKS, RIVALS);
    }

    private static int[] taskOfRow(int tasks, int rivals) {
        int[] t = new int[tasks * rivals];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / rivals;
        }
        return t;
    }

    private static double fullProgram(double[] rows, FitObjective objective) {
        return fullProgram(rows, objective, TASKS, RIVALS, K);
    }

    /**
     * The full program in one piece, solved by Apache Commons Math's simplex (Bland's rule, so it cannot cycle on the
     * degenerate programs integer scores give): variables w then Q (or q_t), all free, w >= 0 as rows.
     */
    private static double fullProgram(double[] rows, FitObjective objective, int tasks, int rivals, int k) {
        int qs = objective == FitObjective.WORST_CASE ? 1 : tasks;
        int vars = k + qs;
        double[] cost = new double[vars];
        for (int t = 0; t < qs; t++) {
            cost[k + t] = 1.0 / qs;
        }
        List<LinearConstraint> constraints = new ArrayList<>();
        for (int i = 0; i < tasks * rivals; i++) {
            double[] a = new double[vars];
            System.arraycopy(rows, i * k, a, 0, k);
            a[k + (qs == 1 ? 0 : i / rivals)] = -1;
            constraints.add(new LinearConstraint(a, Relationship.LEQ, 0));
        }
        double[] simplex = new double[vars];
        for (int c = 0; c < k; c++) {
            simplex[c] = 1;
            double[] nonNegative = new double[vars];
            nonNegative[c] = 1;
            constraints.add(new LinearConstraint(nonNegative, Relationship.GEQ, 0));
        }
        constraints.add(new LinearConstraint(simplex, Relationship.EQ, 1));
        PointValuePair optimum = new SimplexSolver().optimize(new MaxIter(1_000_000),
                new LinearObjectiveFunction(cost, 0), new LinearConstraintSet(constraints), GoalType.MINIMIZE,
                new NonNegativeConstraint(false));
        return optimum.getValue();
    }

    private static double objective(double[] rows, double[] w, FitObjective objective) {
        return objective(rows, w, objective, TASKS, RIVALS, K);
    }

    private static double objective(double[] rows, double[] w, FitObjective objective, int tasks, int rivals,
            int k) {
        double worst = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int t = 0; t < tasks; t++) {
            double task = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rivals; r++) {
                int i = t * rivals + r;
                double d = 0;
                for (int c = 0; c < k; c++) {
                    d += rows[i * k + c] * w[c];
                }
                task = Math.max(task, d);
            }
            worst = Math.max(worst, task);
            sum += task;
        }
        return objective == FitObjective.WORST_CASE ? worst : sum / tasks;
    }

    @Test
    void worstCaseMatchesTheFullProgram() {
        double[] rows = rows(1);
        double[] w = new MinMaxLp(rows, taskOfRow(), TASKS, K).solve(FitObjective.WORST_CASE);
        assertThat(objective(rows, w, FitObjective.WORST_CASE))
                .isCloseTo(fullProgram(rows, FitObjective.WORST_CASE), within(1e-6));
    }

    @Test
    void averageMatchesTheFullProgram() {
        double[] rows = rows(2);
        double[] w = new MinMaxLp(rows, taskOfRow(), TASKS, K).solve(FitObjective.AVERAGE);
        assertThat(objective(rows, w, FitObjective.AVERAGE))
                .isCloseTo(fullProgram(rows, FitObjective.AVERAGE), within(1e-6));
    }

    @Test
    void weightsLieOnTheSimplex() {
        double[] w = new MinMaxLp(rows(3), taskOfRow(), TASKS, K).solve(FitObjective.WORST_CASE);
        double sum = 0;
        for (double x : w) {
            assertThat(x).isGreaterThanOrEqualTo(0);
            sum += x;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    /** Tolerance on the objective against the full program solved in one piece (both within ojAlgo's accuracy). */
    private static final double FULL_PROGRAM_TOLERANCE = 1e-6;

    @Test
    void randomNonSeparableInstancesMatchTheFullProgramForBothObjectives() {
        Random shapes = new Random(99);
        for (int seed = 0; seed < 12; seed++) {
            int tasks = 20 + shapes.nextInt(60);
            int rivals = 1 + shapes.nextInt(4);
            int k = 2 + shapes.nextInt(6);
            double[] rows = seed % 2 == 0 ? rows(seed, tasks, rivals, k) : integerRows(seed, tasks, rivals, k);
            for (FitObjective objective : FitObjective.values()) {
                double[] w = new MinMaxLp(rows, taskOfRow(tasks, rivals), tasks, k).solve(objective);
                double full = fullProgram(rows, objective, tasks, rivals, k);
                assertThat(objective(rows, w, objective, tasks, rivals, k))
                        .as("seed %d, %d tasks x %d rivals, %d weights, %s", seed, tasks, rivals, k, objective)
                        .isCloseTo(full, within(FULL_PROGRAM_TOLERANCE));
            }
        }
    }

    /** The real restricted solver, but reporting theta lower than its true optimum by {@code error}. */
    private static MinMaxLp.RestrictedSolver inaccurate(double error, int[] calls) {
        return (cuts, tieBreak, weight) -> {
            calls[0]++;
            double[] solution = RestrictedLp.solve(cuts, tieBreak, weight);
            solution[solution.length - 1] -= error;
            return solution;
        };
    }

    @Test
    void aSolverLessAccurateThanTheToleranceStillEndsAtTheOptimumWithoutRepeatingCuts() {
        double[] rows = rows(5);
        for (FitObjective objective : FitObjective.values()) {
            int[] calls = {0};
            // 1e-7 is ten times ojAlgo's feasibility accuracy and far above the 1e-9 tolerance: a loop that re-adds
            // the identical cut whenever the bound is not met would run all its rounds.
            double[] w = new MinMaxLp(rows, taskOfRow(), TASKS, K, inaccurate(1e-7, calls), MinMaxLp.MAX_ROUNDS)
                    .solve(objective);
            assertThat(objective(rows, w, objective)).as("%s", objective)
                    .isCloseTo(fullProgram(rows, objective), within(FULL_PROGRAM_TOLERANCE));
            assertThat(calls[0]).as("restricted solves, %s", objective).isLessThan(200);
        }
    }

    @Test
    void aSolverThatViolatesItsConstraintsEndsWithAClearError() {
        for (FitObjective objective : FitObjective.values()) {
            MinMaxLp lp = new MinMaxLp(rows(6), taskOfRow(), TASKS, K, inaccurate(1.0, new int[1]),
                    MinMaxLp.MAX_ROUNDS);
            assertThatThrownBy(() -> lp.solve(objective))
                    .isInstanceOf(WeightFitException.class)
                    .isInstanceOf(NonRetriableException.class)
                    .hasMessageContaining("stalled")
                    .hasMessageContaining("violate their own constraints")
                    .hasMessageContaining("normalisation on");
        }
    }

    @Test
    void aFitOutOfRoundsEndsWithAClearError() {
        for (FitObjective objective : FitObjective.values()) {
            MinMaxLp lp = new MinMaxLp(rows(7), taskOfRow(), TASKS, K, RestrictedLp::solve, 1);
            assertThatThrownBy(() -> lp.solve(objective))
                    .isInstanceOf(WeightFitException.class)
                    .hasMessageContaining("did not converge in 1 rounds")
                    .hasMessageContaining("gap");
        }
    }
}
