package org.pyeongga.scoring;

import java.util.Arrays;
import java.util.List;

/**
 * The scores a panel gave: evaluators (rows) × units (columns), with {@link Double#NaN} where an evaluator did not score
 * a unit (designs are usually incomplete: recusals, split panels). Copied on the way in and out, so it never changes.
 *
 * @param evaluators evaluator ids, one per row
 * @param units unit ids (institutions or entries), one per column
 */
public record EvaluatorScores(List<String> evaluators, List<String> units, double[][] scores) {

    public EvaluatorScores {
        evaluators = List.copyOf(evaluators);
        units = List.copyOf(units);
        if (scores.length != evaluators.size()) {
            throw new IllegalArgumentException("one row per evaluator: " + scores.length + " ≠ " + evaluators.size());
        }
        double[][] copy = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != units.size()) {
                throw new IllegalArgumentException("row " + i + " has " + scores[i].length + " scores for " + units.size() + " units");
            }
            for (double x : scores[i]) {
                if (Double.isInfinite(x)) {
                    throw new IllegalArgumentException("scores must be finite or NaN (missing)");
                }
            }
            copy[i] = scores[i].clone();
        }
        scores = copy;
    }

    /** A copy of the matrix (rows = evaluators). */
    @Override
    public double[][] scores() {
        double[][] copy = new double[scores.length][];
        for (int i = 0; i < scores.length; i++) {
            copy[i] = scores[i].clone();
        }
        return copy;
    }

    /** The score of evaluator {@code i} for unit {@code j}, NaN when missing. */
    public double score(int i, int j) {
        return scores[i][j];
    }

    public boolean scored(int i, int j) {
        return !Double.isNaN(scores[i][j]);
    }

    public int evaluatorCount() {
        return evaluators.size();
    }

    public int unitCount() {
        return units.size();
    }

    /** How many units evaluator {@code i} scored. */
    public int scoresBy(int i) {
        return (int) Arrays.stream(scores[i]).filter(x -> !Double.isNaN(x)).count();
    }

    /** How many evaluators scored unit {@code j}. */
    public int scoresFor(int j) {
        int n = 0;
        for (double[] row : scores) {
            if (!Double.isNaN(row[j])) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvaluatorScores o && evaluators.equals(o.evaluators) && units.equals(o.units)
                && Arrays.deepEquals(scores, o.scores);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * evaluators.hashCode() + units.hashCode()) + Arrays.deepHashCode(scores);
    }

    @Override
    public String toString() {
        return "EvaluatorScores[" + evaluators.size() + " evaluators × " + units.size() + " units]";
    }
}
