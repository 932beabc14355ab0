package org.pyeongga.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the deterministic engine on seeded random problems (the seed is in each case's name). Z-score
 * normalization is left out of the rank-monotonicity property on purpose: raising one value also moves the mean and the
 * standard deviation, and in small groups that can move another unit's z further than the raised one's (ADR 0014).
 */
class ScoringPropertyTests {

    static Stream<Arguments> cases() {
        return RandomProblems.seeds().boxed().flatMap(seed -> Stream.of(Arguments.of(seed, false), Arguments.of(seed, true)));
    }

    @ParameterizedTest(name = "seed={0} geometric={1}")
    @MethodSource("cases")
    void relabellingAndReorderingUnitsChangesNothing(long seed, boolean geometric) {
        var problem = RandomProblems.problem(seed, geometric);
        var random = new SplittableRandom(seed ^ 0xABCDEFL);
        List<Integer> order = new ArrayList<>(IntStream.range(0, problem.units().size()).boxed().toList());
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        List<Unit> units = new ArrayList<>();
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        Map<String, String> renamed = new HashMap<>();
        for (int j : order) {
            Unit unit = problem.units().get(j);
            // new ids keep the relative order of the old ones (ties fall back to id order by design)
            String id = "x" + String.format("%04d", Integer.parseInt(unit.id().substring(1)));
            renamed.put(unit.id(), id);
            units.add(new Unit(id, unit.name(), unit.group()));
            values.put(id, problem.values().getOrDefault(unit.id(), Map.of()));
        }
        var original = ScoringEngine.evaluate(problem);
        var relabelled = ScoringEngine.evaluate(new ScoringProblem(units, problem.indicators(), values, problem.aggregation(),
                problem.normalizeWithinGroups(), problem.rounding(), problem.tieRule(), problem.gradeRule(),
                problem.bonusCap(), problem.penaltyCap()));
        for (UnitResult before : original.units()) {
            UnitResult after = relabelled.unit(renamed.get(before.unit().id())).orElseThrow();
            assertThat(after.total()).as("seed %d unit %s", seed, before.unit().id()).isEqualByComparingTo(before.total());
            assertThat(after.rank()).isEqualTo(before.rank());
            assertThat(after.grade()).isEqualTo(before.grade());
        }
    }

    @ParameterizedTest(name = "seed={0} geometric={1}")
    @MethodSource("cases")
    void improvingOneUnitsValueNeverLowersItsRank(long seed, boolean geometric) {
        var problem = RandomProblems.problem(seed, geometric);
        var random = new SplittableRandom(seed ^ 0x1234L);
        var before = ScoringEngine.evaluate(problem);
        for (int trial = 0; trial < 5; trial++) {
            Unit unit = problem.units().get(random.nextInt(problem.units().size()));
            Indicator indicator = problem.indicators().get(random.nextInt(problem.indicators().size()));
            // "better" means a higher normalized value for scored and bonus indicators, a lower one for penalties
            int direction = (indicator.polarity() == Polarity.HIGHER_IS_BETTER ? 1 : -1)
                    * (indicator.kind() == IndicatorKind.PENALTY ? -1 : 1);
            BigDecimal old = problem.value(unit.id(), indicator.id());
            BigDecimal raised = (old == null ? BigDecimal.valueOf(50) : old)
                    .add(BigDecimal.valueOf(direction * (1 + random.nextInt(3000)), 2)).max(BigDecimal.ZERO);
            if (old != null && direction > 0 && raised.compareTo(old) < 0 || old != null && direction < 0 && raised.compareTo(old) > 0) {
                continue;
            }
            Map<String, Map<String, BigDecimal>> values = new HashMap<>(problem.values());
            Map<String, BigDecimal> row = new HashMap<>(values.getOrDefault(unit.id(), Map.of()));
            if (old == null && direction < 0) {
                continue; // a missing value already scores 0; filling it in is not "raising" it
            }
            row.put(indicator.id(), raised);
            values.put(unit.id(), row);
            var after = ScoringEngine.evaluate(new ScoringProblem(problem.units(), problem.indicators(), values,
                    problem.aggregation(), problem.normalizeWithinGroups(), problem.rounding(), problem.tieRule(),
                    problem.gradeRule(), problem.bonusCap(), problem.penaltyCap()));
            assertThat(after.unit(unit.id()).orElseThrow().rank())
                    .as("seed %d: %s raised %s from %s to %s", seed, unit.id(), indicator.id(), old, raised)
                    .isLessThanOrEqualTo(before.unit(unit.id()).orElseThrow().rank());
        }
    }

    @ParameterizedTest(name = "seed={0} geometric={1}")
    @MethodSource("cases")
    void everyExplanationNodeAddsUpToItsValueAndTheRootToTheTotal(long seed, boolean geometric) {
        var result = ScoringEngine.evaluate(RandomProblems.problem(seed, geometric));
        for (UnitResult unit : result.units()) {
            assertThat(unit.explanation().value()).as("seed %d %s", seed, unit.unit().id()).isEqualByComparingTo(unit.total());
            checkNode(unit.explanation(), seed);
            assertThat(unit.total()).isEqualByComparingTo(unit.aggregate().add(unit.bonus()).subtract(unit.penalty()));
        }
    }

    private static void checkNode(Explanation node, long seed) {
        if (!node.parts().isEmpty()) {
            assertThat(node.partsSum()).as("seed %d node %s", seed, node.label()).isEqualByComparingTo(node.value());
            node.parts().forEach(p -> checkNode(p, seed));
        }
    }
}
