package dev.sale4j.simulate;

import java.util.List;

/**
 * Ridge regression {@code min |Xw - y|^2 + ridge |w|^2} on embeddings plus an unpenalised bias, by the normal
 * equations: {@code X^T X + ridge I} is formed once and Cholesky-factored, then each target is one solve.
 */
final class Ridge {

    private final List<float[]> x;
    private final double[][] chol;
    private final int d;

    private Ridge(List<float[]> x, double[][] chol) {
        this.x = x;
        this.chol = chol;
        this.d = chol.length;
    }

    static Ridge fit(List<float[]> x, double ridge) {
        int d = x.get(0).length + 1;
        double[][] a = new double[d][d];
        for (float[] row : x) {
            for (int i = 0; i < d; i++) {
                double xi = i < d - 1 ? row[i] : 1;
                for (int j = 0; j <= i; j++) {
                    a[i][j] += xi * (j < d - 1 ? row[j] : 1);
                }
            }
        }
        for (int i = 0; i < d - 1; i++) {
            a[i][i] += ridge;
        }
        a[d - 1][d - 1] += 1e-9;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-12)) : s / a[j][j];
            }
        }
        return new Ridge(x, a);
    }

    double[] solve(double[] y) {
        double[] b = new double[d];
        for (int t = 0; t < x.size(); t++) {
            float[] row = x.get(t);
            for (int i = 0; i < d - 1; i++) {
                b[i] += row[i] * y[t];
            }
            b[d - 1] += y[t];
        }
        double[] z = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= chol[i][k] * z[k];
            }
            z[i] = s / chol[i][i];
        }
        double[] w = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < d; k++) {
                s -= chol[k][i] * w[k];
            }
            w[i] = s / chol[i][i];
        }
        return w;
    }

    static double predict(double[] w, float[] e) {
        double s = w[w.length - 1];
        for (int i = 0; i < e.length; i++) {
            s += w[i] * e[i];
        }
        return s;
    }
}
