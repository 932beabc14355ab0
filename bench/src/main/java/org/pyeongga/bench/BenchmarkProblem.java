package org.pyeongga.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pyeongga.scoring.GradeRule;
import org.pyeongga.scoring.Indicator;
import org.pyeongga.scoring.IndicatorKind;
import org.pyeongga.scoring.Normalization;
import org.pyeongga.scoring.Panel;
import org.pyeongga.scoring.Polarity;
import org.pyeongga.scoring.ScoringProblem;
import org.pyeongga.scoring.Unit;

/**
 * The benchmark case of issue 4: the 243 local governments of 2024-12-31 (the real list, in their groups 광역 17, 시 75,
 * 군 82, 구 69), 18 indicators (12 quantitative with mixed normalizations, 6 qualitative scored by a panel of 30
 * evaluators), synthetic but seeded values, and 우수 = top 30 % of each group.
 */
final class BenchmarkProblem {

    static final int EVALUATORS = 30;
    static final int QUALITATIVE = 6;

    private BenchmarkProblem() {}

    static List<Unit> localGovernments2024() throws IOException {
        LocalDate day = LocalDate.parse("2024-12-31");
        List<Unit> units = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/main/resources/registry/local-governments.csv"), StandardCharsets.UTF_8);
        String[] header = lines.getFirst().split(",", -1);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            column.put(header[i], i);
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String from = f[column.get("valid_from")];
            String to = f[column.get("valid_to")];
            if (!from.isEmpty() && LocalDate.parse(from).isAfter(day) || !to.isEmpty() && LocalDate.parse(to).isBefore(day)) {
                continue;
            }
            String level = f[column.get("level")];
            String kind = f[column.get("kind")];
            String group = level.equals("광역") ? "광역" : kind.endsWith("구") ? "구" : kind.endsWith("군") ? "군" : "시";
            String name = f[column.get("parent")].isEmpty() ? f[column.get("name")] : f[column.get("parent")] + " " + f[column.get("name")];
            units.add(new Unit(f[column.get("sgis_code")].isEmpty() ? name : f[column.get("sgis_code")], name, group));
        }
        return units;
    }

    /** Panel scores (30 evaluators × units, 0–10, each evaluator with a leniency) for one qualitative indicator. */
    static double[][] panel(List<Unit> units, SplittableRandom random) {
        double[][] scores = new double[EVALUATORS][units.size()];
        double[] quality = new double[units.size()];
        for (int j = 0; j < quality.length; j++) {
            quality[j] = 3 + 5 * random.nextDouble();
        }
        for (int i = 0; i < EVALUATORS; i++) {
            double leniency = random.nextDouble() * 2 - 1;
            for (int j = 0; j < units.size(); j++) {
                // each evaluator scores about a third of the units (an incomplete design, as in real panels)
                scores[i][j] = random.nextInt(3) == 0
                        ? Math.max(0, Math.min(10, Math.round((quality[j] + leniency + random.nextGaussian()) * 10) / 10.0))
                        : Double.NaN;
            }
        }
        return scores;
    }

    static ScoringProblem problem(List<Unit> units, Map<String, Panel> panels) {
        var random = new SplittableRandom(2024);
        List<Indicator> indicators = new ArrayList<>();
        Normalization[] quantitative = {new Normalization.MinMax(), new Normalization.Target(BigDecimal.valueOf(80), BigDecimal.ONE),
            new Normalization.Goalposts(BigDecimal.valueOf(10), BigDecimal.valueOf(90)), new Normalization.PercentileRank(),
            new Normalization.MinMax(), new Normalization.ZScore()};
        for (int k = 0; k < 12; k++) {
            indicators.add(new Indicator("q" + k, "정량 " + (k + 1), List.of("정량", "항목 " + (k / 4 + 1)),
                    BigDecimal.valueOf(k < 10 ? 6 : 2), k == 11 ? IndicatorKind.BONUS : IndicatorKind.SCORED,
                    k % 5 == 4 ? Polarity.LOWER_IS_BETTER : Polarity.HIGHER_IS_BETTER, quantitative[k % quantitative.length]));
        }
        for (int k = 0; k < QUALITATIVE; k++) {
            indicators.add(Indicator.scored("p" + k, "정성 " + (k + 1), List.of("정성", "사례"), BigDecimal.valueOf(6),
                    new Normalization.FractionOf(BigDecimal.TEN)));
        }
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (int j = 0; j < units.size(); j++) {
            Map<String, BigDecimal> row = new HashMap<>();
            for (int k = 0; k < 12; k++) {
                row.put("q" + k, BigDecimal.valueOf(random.nextInt(10_000), 2));
            }
            values.put(units.get(j).id(), row);
        }
        var excellent = new GradeRule.PercentileBands(List.of(new GradeRule.Band("우수", new BigDecimal("0.3")),
                new GradeRule.Band("보통", BigDecimal.ONE)), RoundingMode.CEILING, true);
        return ScoringProblem.of(units, indicators, values, excellent).withPanels(panels);
    }
}
