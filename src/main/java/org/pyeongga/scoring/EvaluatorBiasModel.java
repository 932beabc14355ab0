package org.pyeongga.scoring;

/**
 * The additive evaluator-bias model x_ij = q_j + b_i + ε_ij (methods §3.1.5), fitted by least squares over the observed
 * pairs subject to Σ b_i = 0, solved exactly.
 *
 * <p>Setting the derivatives to zero gives q_j = mean over the unit's evaluators of (x_ij − b_i); putting that into the
 * equations for b leaves a small system in the leniencies alone, L b = r, with
 * <ul>
 *   <li>L_ik = n_i·[i = k] − Σ over units j scored by both i and k of 1/n_j (a weighted graph Laplacian: symmetric,
 *       rows summing to 0, its null space the constant vectors exactly when the design is connected), and
 *   <li>r_i = Σ over units j scored by i of (x_ij − x̄_j), x̄_j the unit's raw mean.
 * </ul>
 * Because Σ r_i = 0, the constrained solution is the unique solution of (L + 11ᵀ) b = r, a positive definite system of
 * one row per evaluator (≤ ~60), solved by Cholesky decomposition in a fixed order, so the result is deterministic.
 * Callers check that the design is connected first ({@link PanelDesign#groups}); evaluators without scores and units
 * nobody scored are left out (NaN).
 */
final class EvaluatorBiasModel {

    /** The fitted values: unit quality q_j and evaluator leniency b_i, NaN for those not in the design. */
    record Fit(double[] quality, double[] leniency) {
    }

    private EvaluatorBiasModel() {
    }

    static Fit fit(EvaluatorScores scores, double[] rawMeans) {
        int m = scores.evaluatorCount();
        int u = scores.unitCount();
        int[] index = new int[m];
        int size = 0;
        for (int i = 0; i < m; i++) {
            index[i] = scores.scoresBy(i) > 0 ? size++ : -1;
        }
        double[][] a = new double[size][size];
        double[] r = new double[size];
        int[] raters = new int[m];
        for (int j = 0; j < u; j++) {
            int n = 0;
            for (int i = 0; i < m; i++) {
                if (scores.scored(i, j)) {
                    raters[n++] = index[i];
                    r[index[i]] += scores.score(i, j) - rawMeans[j];
                }
            }
            if (n == 0) {
                continue;
            }
            double w = 1.0 / n;
            for (int s = 0; s < n; s++) {
                a[raters[s]][raters[s]] += 1;
                for (int t = 0; t < n; t++) {
                    a[raters[s]][raters[t]] -= w;
                }
            }
        }
        for (double[] row : a) {
            for (int k = 0; k < size; k++) {
                row[k] += 1; // + 11ᵀ: fixes Σ b = 0 (L's null space is the constants when the design is connected)
            }
        }
        double[] b = solvePositiveDefinite(a, r);
        double mean = 0;
        for (double x : b) {
            mean += x;
        }
        mean /= Math.max(size, 1);
        double[] leniency = new double[m];
        for (int i = 0; i < m; i++) {
            leniency[i] = index[i] < 0 ? Double.NaN : b[index[i]] - mean; // removes rounding left in Σ b
        }
        double[] quality = new double[u];
        for (int j = 0; j < u; j++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < m; i++) {
                if (scores.scored(i, j)) {
                    sum += scores.score(i, j) - leniency[i];
                    n++;
                }
            }
            quality[j] = n == 0 ? Double.NaN : sum / n;
        }
        return new Fit(quality, leniency);
    }

    /** Solves A x = y for a symmetric positive definite A by Cholesky decomposition (A = G Gᵀ); A is overwritten. */
    static double[] solvePositiveDefinite(double[][] a, double[] y) {
        int n = y.length;
        for (int k = 0; k < n; k++) {
            double d = a[k][k];
            for (int s = 0; s < k; s++) {
                d -= a[k][s] * a[k][s];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("the bias model's system is not positive definite (design not connected?)");
            }
            a[k][k] = Math.sqrt(d);
            for (int i = k + 1; i < n; i++) {
                double v = a[i][k];
                for (int s = 0; s < k; s++) {
                    v -= a[i][s] * a[k][s];
                }
                a[i][k] = v / a[k][k];
            }
        }
        double[] x = y.clone();
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < i; s++) {
                x[i] -= a[i][s] * x[s];
            }
            x[i] /= a[i][i];
        }
        for (int i = n - 1; i >= 0; i--) {
            for (int s = i + 1; s < n; s++) {
                x[i] -= a[s][i] * x[s];
            }
            x[i] /= a[i][i];
        }
        return x;
    }
}
