package org.pyeongga.scoring;

import java.util.List;

/**
 * The declared uncertain inputs of a Monte Carlo run (methods §3.2.6), and its size.
 *
 * @param seed the run is reproduced exactly from the same seed and problem, whatever the number of threads
 * @param replications how many replications (e.g. 10 000)
 * @param weightNoise each replication multiplies every indicator's points by 1 + U(−noise, +noise) (COINr's noisy
 *     weights; 0.25 in the JRC practice), independently per indicator
 * @param alternativeNormalizations each replication picks, uniformly, the nominal normalizations or one of these; an
 *     alternative replaces the normalization of every scored indicator whose nominal one is relative (min–max,
 *     z-score, percentile rank), since absolute ones (goalposts, targets, fractions) have no alternative
 * @param threads how many threads to use (1 or more); the result does not depend on it
 * @param resampleEvaluators each replication also redraws every panel's evaluators with replacement (a bootstrap of
 *     the panel) and normalizes them again: how much a rank depends on who happened to sit on the panel
 */
public record UncertaintySpec(long seed, int replications, double weightNoise, List<Normalization> alternativeNormalizations,
        int threads, boolean resampleEvaluators) {

    /** Without evaluator resampling. */
    public UncertaintySpec(long seed, int replications, double weightNoise, List<Normalization> alternativeNormalizations,
            int threads) {
        this(seed, replications, weightNoise, alternativeNormalizations, threads, false);
    }

    public UncertaintySpec {
        alternativeNormalizations = List.copyOf(alternativeNormalizations);
        if (replications < 1 || replications > 10_000_000) {
            throw new IllegalArgumentException("replications must be 1…10 000 000");
        }
        if (!(weightNoise >= 0 && weightNoise < 1)) {
            throw new IllegalArgumentException("weight noise must be within [0, 1)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread");
        }
    }
}
