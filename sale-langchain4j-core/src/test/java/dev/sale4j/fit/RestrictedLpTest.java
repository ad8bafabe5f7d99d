package dev.sale4j.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/** A recorded restricted program on which ojAlgo's simplex cycles is solved, quickly, to its optimum. */
@Timeout(30)
class RestrictedLpTest {

    /**
     * The program's optimal value (theta + 1e-6 tieBreak . w), computed independently by Apache Commons Math's simplex
     * solver on the same program.
     */
    private static final double INDEPENDENT_OPTIMUM = 1.4719500977746178;

    private static List<double[]> fixture() throws IOException {
        try (InputStream in = RestrictedLpTest.class.getResourceAsStream("/fit/cycling-restricted-program.csv")) {
            List<double[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
                }
            }
            return rows;
        }
    }

    private static double objective(List<double[]> cuts, double[] tieBreak, double[] w) {
        double worst = Double.NEGATIVE_INFINITY;
        for (double[] cut : cuts) {
            double d = 0;
            for (int c = 0; c < w.length; c++) {
                d += cut[c] * w[c];
            }
            worst = Math.max(worst, d);
        }
        double tie = 0;
        for (int c = 0; c < w.length; c++) {
            tie += MinMaxLp.TIE_BREAK * tieBreak[c] * w[c];
        }
        return worst + tie;
    }

    @Test
    void aProgramOnWhichOjAlgoCyclesIsSolvedToItsOptimum() throws IOException {
        List<double[]> rows = fixture();
        double[] tieBreak = rows.get(0);
        List<double[]> cuts = rows.subList(1, rows.size());

        double[] solution = RestrictedLp.solve(cuts, tieBreak, MinMaxLp.TIE_BREAK);
        double[] w = Arrays.copyOf(solution, tieBreak.length);

        assertThat(Arrays.stream(w).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(Arrays.stream(w).min().orElseThrow()).isGreaterThan(-1e-12);
        assertThat(objective(cuts, tieBreak, w)).isCloseTo(INDEPENDENT_OPTIMUM, within(1e-9));
        Random random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++) {
            double[] other = new double[w.length];
            double sum = 0;
            for (int c = 0; c < other.length; c++) {
                other[c] = -Math.log(1 - random.nextDouble());
                sum += other[c];
            }
            for (int c = 0; c < other.length; c++) {
                other[c] /= sum;
            }
            assertThat(objective(cuts, tieBreak, other)).isGreaterThanOrEqualTo(objective(cuts, tieBreak, w) - 1e-12);
        }
    }

    @Test
    void theFixtureStillMakesPlainOjAlgoCycle() throws IOException {
        // Keeps the regression test above meaningful: if an ojAlgo upgrade solves this program plainly, this fails and
        // RestrictedLp's retries can be revisited.
        List<double[]> rows = fixture();
        double[] tieBreak = rows.get(0);
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        model.options.iterations_abort = 20_000;
        int k = tieBreak.length;
        Variable[] w = new Variable[k];
        Expression simplex = model.addExpression("simplex").level(1);
        for (int c = 0; c < k; c++) {
            w[c] = model.addVariable("w" + c).lower(0).weight(MinMaxLp.TIE_BREAK * tieBreak[c]);
            simplex.set(w[c], 1);
        }
        Variable theta = model.addVariable("theta").weight(1);
        for (int i = 1; i < rows.size(); i++) {
            Expression e = model.addExpression("cut" + i).upper(0);
            for (int c = 0; c < k; c++) {
                if (rows.get(i)[c] != 0) {
                    e.set(w[c], rows.get(i)[c]);
                }
            }
            e.set(theta, -1);
        }
        Optimisation.Result result = model.minimise();
        assertThat(result.getState().isOptimal())
                .as("ojAlgo now solves the recorded cycling program in its plain form")
                .isFalse();
    }
}
