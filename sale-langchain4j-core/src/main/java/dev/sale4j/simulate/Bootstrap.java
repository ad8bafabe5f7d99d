package dev.sale4j.simulate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The percentile bootstrap 95% interval of pass@1. Resampling n task outcomes (s of them solved) with replacement
 * gives a success count distributed Binomial(n, s/n); each replicate draws that count from its exact CDF with a
 * seeded generator, which is the nonparametric bootstrap without materialising the n-element resamples
 * (O(n + B log n) rather than O(n B)).
 */
public final class Bootstrap {

    /** Replicates per interval. */
    public static final int REPLICATES = 2000;

    private Bootstrap() {}

    /** {low, high} of the 95% interval of {@code solved / tasks}; {0, 0} for no tasks. */
    public static double[] passAt1Interval(int tasks, int solved, long seed) {
        if (tasks == 0) {
            return new double[] {0, 0};
        }
        double p = solved / (double) tasks;
        if (solved == 0 || solved == tasks) {
            return new double[] {p, p};
        }
        double[] cdf = binomialCdf(tasks, p);
        SplittableRandom random = new SplittableRandom(seed);
        double[] draws = new double[REPLICATES];
        for (int b = 0; b < REPLICATES; b++) {
            int k = Arrays.binarySearch(cdf, random.nextDouble());
            k = k >= 0 ? k : -k - 1;
            draws[b] = Math.min(k, tasks) / (double) tasks;
        }
        Arrays.sort(draws);
        return new double[] {draws[(int) Math.floor(0.025 * (REPLICATES - 1))],
                draws[(int) Math.ceil(0.975 * (REPLICATES - 1))]};
    }

    /** CDF of Binomial(n, p) at 0..n, by the pmf recurrence in log space (no underflow at large n). */
    static double[] binomialCdf(int n, double p) {
        double[] logPmf = new double[n + 1];
        logPmf[0] = n * Math.log1p(-p);
        double ratio = Math.log(p) - Math.log1p(-p);
        double max = logPmf[0];
        for (int k = 0; k < n; k++) {
            logPmf[k + 1] = logPmf[k] + Math.log(n - k) - Math.log(k + 1) + ratio;
            max = Math.max(max, logPmf[k + 1]);
        }
        double total = 0;
        double[] cdf = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            total += Math.exp(logPmf[k] - max);
            cdf[k] = total;
        }
        for (int k = 0; k <= n; k++) {
            cdf[k] /= total;
        }
        return cdf;
    }
}
