package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bands and quotas assign exactly the configured counts, under every rounding mode, for every group size: with
 * distinct ranks, band k holds round(f_k·n) − round(f_(k−1)·n) units (kept within 0…n) and a quota of q picks min(q, n).
 */
class GradingPropertyTests {

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        RandomProblems.seeds().forEach(seed -> {
            for (RoundingMode mode : RandomProblems.ROUNDINGS) {
                cases.add(Arguments.of(seed, mode));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "seed={0} rounding={1}")
    @MethodSource("cases")
    void bandsAndQuotasAssignExactlyTheConfiguredCounts(long seed, RoundingMode mode) {
        var random = new SplittableRandom(seed);
        int n = 1 + random.nextInt(250);
        int bandCount = 1 + random.nextInt(5);
        List<GradeRule.Band> bands = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int k = 0; k < bandCount - 1; k++) {
            cumulative = cumulative.add(BigDecimal.valueOf(random.nextInt(40), 2)).min(BigDecimal.ONE);
            bands.add(new GradeRule.Band("b" + k, cumulative));
        }
        bands.add(new GradeRule.Band("b" + (bandCount - 1), BigDecimal.ONE));
        var rule = new GradeRule.PercentileBands(bands, mode, true);
        int[] ranks = new int[n];
        Arrays.setAll(ranks, p -> p + 1);
        String[] labels = Grading.labels(rule, "g", ranks, (p, min) -> false);

        int previous = 0;
        int assigned = 0;
        for (int k = 0; k < bandCount; k++) {
            int upTo = k == bandCount - 1 ? n : Math.max(previous,
                    Math.min(n, bands.get(k).cumulativeFraction().multiply(BigDecimal.valueOf(n)).setScale(0, mode).intValueExact()));
            String label = "b" + k;
            long count = Arrays.stream(labels).filter(label::equals).count();
            assertThat(count).as("seed %d n %d band %d", seed, n, k).isEqualTo(upTo - previous);
            assigned += (int) count;
            previous = upTo;
        }
        assertThat(assigned).isEqualTo(n);

        int quota = random.nextInt(n + 3);
        String[] winners = Grading.labels(new GradeRule.Quotas(Map.of("g", quota), "W", null, true), "g", ranks, (p, min) -> false);
        assertThat(Arrays.stream(winners).filter("W"::equals).count()).isEqualTo(Math.min(quota, n));
    }
}
