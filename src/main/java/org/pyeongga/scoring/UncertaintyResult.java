package org.pyeongga.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Monte Carlo run says about each unit's rank (methods §3.2.6): these are statistics, reported as doubles.
 *
 * @param meanRankShift COINr's average shift in rank: the mean over replications of the mean |nominal − replicated|
 *     rank over all units
 */
public record UncertaintyResult(long seed, int replications, List<UnitUncertainty> units, double meanRankShift) {

    public UncertaintyResult {
        units = List.copyOf(units);
    }

    public Optional<UnitUncertainty> unit(String id) {
        return units.stream().filter(u -> u.unitId().equals(id)).findFirst();
    }

    /**
     * One unit: its nominal rank, the median and the 5th–95th percentile of its rank over the replications (nearest
     * rank), its mean absolute rank shift, how often it got each grade, and whether its rank interval crosses a grade
     * boundary (then a grade, not a rank, should be published, and the unit reviewed before appeals).
     */
    public record UnitUncertainty(String unitId, String group, int nominalRank, int medianRank, int p5Rank, int p95Rank,
            double meanAbsoluteShift, Map<String, Double> gradeProbabilities, boolean crossesGradeBoundary) {

        public UnitUncertainty {
            gradeProbabilities = Map.copyOf(gradeProbabilities);
        }
    }
}
