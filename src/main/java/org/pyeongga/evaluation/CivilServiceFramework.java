package org.pyeongga.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;

/**
 * 민원서비스 종합평가 (2024) as data (ADR 0021): the framework of 3 분야, 5 항목 and 20 지표 from
 * {@code evaluation/civil-service-2024.csv} (the items, the 4/13/3 split of indicators over the areas and some
 * indicator names are the published ones; the other names and every 배점 are illustrative, as the weight table is not
 * public), the six 기관유형, and the grade rule: 가 ≤ 10 %, 나 ≤ 30 %, 다 ≤ 70 %, 라 ≤ 90 %, 마, within each type,
 * round half up, for the total and for every item.
 */
public final class CivilServiceFramework {

    public static final String RESOURCE = "evaluation/civil-service-2024.csv";

    /** The six 기관유형 in the order the notices list them; the names of a cycle's target groups. */
    public static final List<String> TYPES = List.of("중앙행정기관", "시·도", "시", "군", "구", "교육청");

    public static final List<String> ITEMS = List.of("민원행정 전략 및 체계", "민원제도 운영", "국민신문고 민원 처리",
            "고충민원 처리", "민원만족도");

    public static final List<String> GRADES = List.of("가", "나", "다", "라", "마");

    private CivilServiceFramework() {}

    /** The 20 indicators in the file's order. */
    public static List<IndicatorSpec> indicators() {
        List<IndicatorSpec> specs = new ArrayList<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!header.equals("code,area,item,name,kind,points,polarity,normalization,low,high")) {
                throw new IllegalStateException(RESOURCE + ": unexpected header " + header);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] c = line.split(",", -1);
                if (c.length != 10) {
                    throw new IllegalStateException(RESOURCE + ": wrong number of columns in " + line);
                }
                specs.add(new IndicatorSpec(c[0], c[1], c[2], c[3], c[4], new BigDecimal(c[5]), c[6], c[7],
                        c[8].isBlank() ? null : new BigDecimal(c[8]), c[9].isBlank() ? null : new BigDecimal(c[9])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return specs;
    }

    /** 가–마 by percentile within each type, counts rounded half up, ties to the better grade; items graded too. */
    public static GradeRuleSpec gradeRule() {
        List<GradeRuleSpec.Band> bands = List.of(new GradeRuleSpec.Band("가", new BigDecimal("0.1")),
                new GradeRuleSpec.Band("나", new BigDecimal("0.3")), new GradeRuleSpec.Band("다", new BigDecimal("0.7")),
                new GradeRuleSpec.Band("라", new BigDecimal("0.9")), new GradeRuleSpec.Band("마", BigDecimal.ONE));
        return GradeRuleSpec.bands(bands, RoundingMode.HALF_UP, true, true);
    }

    /** The cycle's target groups: the six types named in order, from the groups' ids in the same order. */
    public static List<NewCycle.TargetGroup> targets(List<Long> groupIds) {
        if (groupIds.size() != TYPES.size()) {
            throw new IllegalArgumentException("one group per type: " + TYPES);
        }
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        for (int i = 0; i < TYPES.size(); i++) {
            targets.add(new NewCycle.TargetGroup(TYPES.get(i), groupIds.get(i)));
        }
        return targets;
    }
}
