package dev.sale4j.fit;

import java.util.List;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One restricted program of {@link MinMaxLp}'s cutting planes, solved by ojAlgo:
 * <pre>
 *   minimise theta + tieBreak . w   s.t.  cut . w <= theta  for every cut,  w >= 0,  sum_k w_k = 1
 * </pre>
 *
 * <p>ojAlgo's simplex (55.x and 57.x alike, both its revised and its tableau solver) can cycle forever on some of these
 * programs: degenerate ones, which integer jury scores make common (a 64-cut program of a three-agent fit on 8,000
 * tasks never finished). So each attempt gets an iteration budget, far above what a program of this size needs, and
 * an attempt that ends without an optimum is retried on the same program in an equivalent form: theta bounded by the
 * bounds the cuts imply ({@code max_i min_k cut_ik <= theta <= max_i max_k cut_ik} on the simplex), then the same two
 * forms on ojAlgo's other simplex implementation. Every form has the same optima, so whichever attempt succeeds, the
 * result is an optimum of the restricted program.
 */
final class RestrictedLp {

    /** Simplex iterations allowed per cut (and weight) before an attempt counts as cycling. */
    static final int ITERATIONS_PER_ROW = 50;
    private static final int ATTEMPTS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(RestrictedLp.class);

    static {
        // ojAlgo prints a hardware-profile notice to stdout on first use unless this property is set; a library must
        // not write to its user's stdout (the sale CLI prints reports there).
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private RestrictedLp() {}

    /** The optimal w then theta. */
    static double[] solve(List<double[]> cuts, double[] tieBreak, double tieBreakWeight) {
        Optimisation.State last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            boolean boundTheta = attempt % 2 == 1;
            boolean otherSimplex = attempt >= 2;
            ExpressionsBasedModel model = new ExpressionsBasedModel();
            model.options.iterations_abort = ITERATIONS_PER_ROW * (cuts.size() + tieBreak.length) + 1_000;
            model.options.experimental = otherSimplex;
            Variable[] w = new Variable[tieBreak.length];
            Variable theta = build(model, w, cuts, tieBreak, tieBreakWeight, boundTheta);
            Optimisation.Result result = model.minimise();
            if (result.getState().isOptimal()) {
                double[] out = new double[w.length + 1];
                for (int c = 0; c < w.length; c++) {
                    out[c] = result.doubleValue(model.indexOf(w[c]));
                }
                out[w.length] = result.doubleValue(model.indexOf(theta));
                return out;
            }
            last = result.getState();
            LOG.debug("ojAlgo ended in state {} on a {}-cut restricted program (theta bounded: {}, other simplex: {}); "
                    + "retrying in an equivalent form", last, cuts.size(), boundTheta, otherSimplex);
        }
        throw new WeightFitException("The LP solver (ojAlgo) ended in state " + last + " on the weight-fitting "
                + "program with " + cuts.size() + " cuts in every one of its " + ATTEMPTS + " equivalent forms; the "
                + "recorded features may be badly scaled: fit with normalisation on (the default)");
    }

    private static Variable build(ExpressionsBasedModel model, Variable[] w, List<double[]> cuts, double[] tieBreak,
            double tieBreakWeight, boolean boundTheta) {
        int k = w.length;
        Expression simplex = model.addExpression("simplex").level(1);
        for (int c = 0; c < k; c++) {
            w[c] = model.addVariable("w" + c).lower(0).weight(tieBreakWeight * tieBreak[c]);
            simplex.set(w[c], 1);
        }
        Variable theta = model.addVariable("theta").weight(1);
        if (boundTheta) {
            double lower = Double.NEGATIVE_INFINITY;
            double upper = Double.NEGATIVE_INFINITY;
            for (double[] cut : cuts) {
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double v : cut) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                lower = Math.max(lower, min);
                upper = Math.max(upper, max);
            }
            theta.lower(lower).upper(upper);
        }
        for (int i = 0; i < cuts.size(); i++) {
            Expression e = model.addExpression("cut" + i).upper(0);
            double[] cut = cuts.get(i);
            for (int c = 0; c < k; c++) {
                if (cut[c] != 0) {
                    e.set(w[c], cut[c]);
                }
            }
            e.set(theta, -1);
        }
        return theta;
    }
}
