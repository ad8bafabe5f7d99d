package dev.sale4j.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/** The lazily-constrained solver reaches the optimum of the full program, which ojAlgo solves here in one piece. */
@Timeout(60)
class MinMaxLpTest {

    private static final int TASKS = 40;
    private static final int RIVALS = 3;
    private static final int K = 6;

    private static double[] rows(long seed) {
        Random random = new Random(seed);
        double[] rows = new double[TASKS * RIVALS * K];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = random.nextGaussian();
        }
        return rows;
    }

    private static int[] taskOfRow() {
        int[] t = new int[TASKS * RIVALS];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / RIVALS;
        }
        return t;
    }

    private static double fullProgram(double[] rows, FitObjective objective) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] w = new Variable[K];
        Expression simplex = model.addExpression("simplex").level(1);
        for (int c = 0; c < K; c++) {
            w[c] = model.addVariable("w" + c).lower(0);
            simplex.set(w[c], 1);
        }
        Variable[] q = new Variable[objective == FitObjective.WORST_CASE ? 1 : TASKS];
        for (int t = 0; t < q.length; t++) {
            q[t] = model.addVariable("q" + t).weight(1.0 / q.length);
        }
        for (int i = 0; i < TASKS * RIVALS; i++) {
            Expression e = model.addExpression("r" + i).upper(0);
            for (int c = 0; c < K; c++) {
                e.set(w[c], rows[i * K + c]);
            }
            e.set(q[q.length == 1 ? 0 : i / RIVALS], -1);
        }
        Optimisation.Result result = model.minimise();
        assertThat(result.getState().isOptimal()).isTrue();
        return result.getValue();
    }

    private static double objective(double[] rows, double[] w, FitObjective objective) {
        double worst = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int t = 0; t < TASKS; t++) {
            double task = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < RIVALS; r++) {
                int i = t * RIVALS + r;
                double d = 0;
                for (int c = 0; c < K; c++) {
                    d += rows[i * K + c] * w[c];
                }
                task = Math.max(task, d);
            }
            worst = Math.max(worst, task);
            sum += task;
        }
        return objective == FitObjective.WORST_CASE ? worst : sum / TASKS;
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
}
