package org.pyeongga.bench;

import org.pyeongga.scoring.EvaluatorScores;

/** Per-unit panel scores for the benchmark: the mean of each unit's scores (replaced by the engine's evaluator normalization). */
final class PanelScores {

    private PanelScores() {}

    static double[] normalized(EvaluatorScores panel) {
        double[] out = new double[panel.unitCount()];
        for (int j = 0; j < out.length; j++) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < panel.evaluatorCount(); i++) {
                if (panel.scored(i, j)) {
                    sum += panel.score(i, j);
                    n++;
                }
            }
            out[j] = n == 0 ? Double.NaN : sum / n;
        }
        return out;
    }
}
