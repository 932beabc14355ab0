package org.pyeongga.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/** Seeded random scoring problems for property tests: the seed is in each test's name, so a failure can be replayed. */
final class RandomProblems {

    static final RoundingMode[] ROUNDINGS = {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING, RoundingMode.FLOOR,
        RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};

    private RandomProblems() {}

    static LongStream seeds() {
        return LongStream.range(0, 40).map(i -> 0x5EED_0000L + i * 7919);
    }

    /** A problem with monotone normalizations only (z-score is left out: see ScoringPropertyTests). */
    static ScoringProblem problem(long seed, boolean geometric) {
        var random = new SplittableRandom(seed);
        int groups = 1 + random.nextInt(4);
        int n = 5 + random.nextInt(50);
        int m = 1 + random.nextInt(8);
        List<Unit> units = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            units.add(new Unit("u" + j, "기관" + j, "g" + random.nextInt(groups)));
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            IndicatorKind kind = k == 0 ? IndicatorKind.SCORED
                    : random.nextInt(6) == 0 ? IndicatorKind.BONUS : random.nextInt(6) == 0 ? IndicatorKind.PENALTY : IndicatorKind.SCORED;
            Normalization normalization = switch (random.nextInt(6)) {
                case 0 -> new Normalization.MinMax();
                case 1 -> new Normalization.Goalposts(BigDecimal.valueOf(10), BigDecimal.valueOf(90));
                case 2 -> new Normalization.Target(BigDecimal.valueOf(60), new BigDecimal("1.2"));
                case 3 -> new Normalization.PercentileRank();
                case 4 -> new Normalization.FractionOf(BigDecimal.valueOf(100));
                default -> new Normalization.ShareOfTotal();
            };
            Polarity polarity = normalization instanceof Normalization.ShareOfTotal || random.nextBoolean()
                    ? Polarity.HIGHER_IS_BETTER : Polarity.LOWER_IS_BETTER;
            indicators.add(new Indicator("i" + k, "지표" + k, List.of("분야" + random.nextInt(3), "항목" + random.nextInt(2)),
                    BigDecimal.valueOf(1 + random.nextInt(30)), kind, polarity, normalization));
        }
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (Unit unit : units) {
            Map<String, BigDecimal> row = new HashMap<>();
            for (Indicator indicator : indicators) {
                if (random.nextInt(20) != 0) { // about 5 % missing
                    row.put(indicator.id(), BigDecimal.valueOf(random.nextInt(10_000), 2));
                }
            }
            values.put(unit.id(), row);
        }
        Rounding rounding = new Rounding(random.nextInt(5), ROUNDINGS[random.nextInt(ROUNDINGS.length)]);
        return new ScoringProblem(units, indicators, values, geometric ? Aggregation.GEOMETRIC : Aggregation.ARITHMETIC,
                random.nextBoolean(), rounding, new TieRule.Shared(),
                new GradeRule.PercentileBands(List.of(new GradeRule.Band("우수", new BigDecimal("0.3")),
                        new GradeRule.Band("보통", new BigDecimal("0.8")), new GradeRule.Band("미흡", BigDecimal.ONE)),
                        RoundingMode.CEILING, true),
                random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(10)) : null,
                random.nextBoolean() ? BigDecimal.valueOf(random.nextInt(10)) : null);
    }
}
