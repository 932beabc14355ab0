package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 민원서비스 종합평가 as data: five items, each graded 가–마 within the institution's type as well as the total, by the
 * percentile bands 가 ≤ 10 %, 나 ≤ 30 %, 다 ≤ 70 %, 라 ≤ 90 %, 마 (the local governments' four types here; central
 * agencies and education offices join when the registry holds them).
 */
@IntegrationTest
class CivilServiceEvaluationIntegrationTests {

    static final String[] ITEMS = {"민원행정 전략 및 체계", "민원제도 운영", "국민신문고 민원 처리", "고충민원 처리", "민원만족도"};

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void everyItemAndTheTotalAreGradedByTheBandsWithinEachType() {
        List<Long> ids = groups.defineStandard("TEST-CIVIL-2024", LocalDate.parse("2024-08-31"));
        String[] types = {"시·도", "시", "군", "구"};
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            targets.add(new NewCycle.TargetGroup(types[g], ids.get(g)));
        }
        var bands = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("가", new BigDecimal("0.1")),
                new GradeRuleSpec.Band("나", new BigDecimal("0.3")), new GradeRuleSpec.Band("다", new BigDecimal("0.7")),
                new GradeRuleSpec.Band("라", new BigDecimal("0.9")), new GradeRuleSpec.Band("마", BigDecimal.ONE)),
                RoundingMode.HALF_UP, true, true);
        long program = evaluations.createProgram("TEST-CIVIL", "민원서비스 종합평가", "Civil service evaluation", "YEARLY");
        long cycle = evaluations.createCycle(program, new NewCycle("2024년 민원서비스 종합평가", 2024, 2024, null,
                LocalDate.parse("2023-09-01"), LocalDate.parse("2024-08-31"), bands, targets));
        List<IndicatorSpec> framework = new ArrayList<>();
        for (int item = 0; item < ITEMS.length; item++) {
            for (int i = 0; i < 4; i++) {
                framework.add(new IndicatorSpec("C" + item + i, item < 2 ? "관리기반" : "활동·성과", ITEMS[item],
                        ITEMS[item] + " 지표 " + (i + 1), "QUANTITATIVE", BigDecimal.valueOf(5), "HIGHER_IS_BETTER",
                        "FRACTION_OF", null, BigDecimal.valueOf(100)));
            }
        }
        evaluations.defineFramework(cycle, framework);
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(307);
        for (CycleTarget target : evaluations.targets(cycle)) {
            Map<String, BigDecimal> values = new HashMap<>();
            framework.forEach(f -> values.put(f.code(), BigDecimal.valueOf(random.nextInt(10_000), 2)));
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, null));
        // total grades within 시 (75): round-half-up of 7.5, 22.5, 52.5, 67.5 → 8, 23, 53, 68 → 8/15/30/15/7
        assertThat(List.of("가", "나", "다", "라", "마")).extracting(g -> result.count("시", g)).containsExactly(8L, 15L, 30L, 15L, 7L);
        // 시·도 (17): 1.7 → 2, 5.1 → 5, 11.9 → 12, 15.3 → 15 → 2/3/7/3/2
        assertThat(List.of("가", "나", "다", "라", "마")).extracting(g -> result.count("시·도", g)).containsExactly(2L, 3L, 7L, 3L, 2L);
        for (var row : result.rows()) {
            assertThat(row.itemGrades()).containsOnlyKeys(ITEMS);
            assertThat(row.itemGrades().values()).allMatch(g -> List.of("가", "나", "다", "라", "마").contains(g));
        }
        // each item, within a type, is graded with the same counts as the total
        for (String item : ITEMS) {
            assertThat(List.of("가", "나", "다", "라", "마")).extracting(g -> result.group("시").stream()
                    .filter(r -> g.equals(r.itemGrades().get(item))).count()).containsExactly(8L, 15L, 30L, 15L, 7L);
        }
        assertThat(result.gradeRule()).contains("가 ≤ 0.1", "HALF_UP", "항목별 등급");
    }

    @Test
    void itemGradesWorkWhenAnItemIsScoredByAPanel() {
        List<Long> ids = groups.defineStandard("TEST-CIVIL-PANEL", LocalDate.parse("2024-08-31"));
        var bands = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("가", new BigDecimal("0.1")),
                new GradeRuleSpec.Band("나", new BigDecimal("0.3")), new GradeRuleSpec.Band("다", new BigDecimal("0.7")),
                new GradeRuleSpec.Band("라", new BigDecimal("0.9")), new GradeRuleSpec.Band("마", BigDecimal.ONE)),
                RoundingMode.HALF_UP, true, true);
        long program = evaluations.createProgram("TEST-CIVIL-PANEL", "민원서비스 종합평가 (평가단)", null, "YEARLY");
        long cycle = evaluations.createCycle(program, new NewCycle("평가단 포함", 2024, 2024, null,
                LocalDate.parse("2023-09-01"), LocalDate.parse("2024-08-31"), bands,
                List.of(new NewCycle.TargetGroup("시", ids.get(1)))));
        evaluations.defineFramework(cycle, List.of(
                new IndicatorSpec("Q", "관리기반", ITEMS[0], "처리율", "QUANTITATIVE", BigDecimal.valueOf(50), "HIGHER_IS_BETTER",
                        "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("P", "활동·성과", ITEMS[4], "만족도 심사", "QUALITATIVE", BigDecimal.valueOf(50),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100))));
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(5);
        var targets = evaluations.targets(cycle);
        for (CycleTarget target : targets) {
            evaluations.enterValues(cycle, target.institutionId(), Map.of("Q", BigDecimal.valueOf(random.nextInt(10_000), 2)));
        }
        for (int e = 1; e <= 4; e++) {
            Map<Long, BigDecimal> scores = new HashMap<>();
            for (CycleTarget target : targets) {
                scores.put(target.institutionId(), BigDecimal.valueOf(random.nextInt(1_000), 1));
            }
            evaluations.enterPanelScores(cycle, "P", "평가위원 " + e, scores);
        }
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, null));
        assertThat(result.panels()).hasSize(1);
        assertThat(result.rows()).allSatisfy(row -> assertThat(row.itemGrades()).containsOnlyKeys(ITEMS[0], ITEMS[4]));
        assertThat(List.of("가", "나", "다", "라", "마")).extracting(g -> result.group("시").stream()
                .filter(r -> g.equals(r.itemGrades().get(ITEMS[4]))).count()).containsExactly(8L, 15L, 30L, 15L, 7L);
    }

    @Test
    void anInstitutionsPageShowsItsItemGradesAndTotalGradeAsTheNoticeDoes() {
        List<Long> ids = groups.defineStandard("TEST-CIVIL-PAGE", LocalDate.parse("2024-08-31"));
        long program = evaluations.createProgram("TEST-CIVIL-PAGE", "민원서비스 종합평가 (화면)", null, "YEARLY");
        long cycle = evaluations.createCycle(program, new NewCycle("2024년 민원서비스 종합평가 (화면)", 2024, 2024, null,
                LocalDate.parse("2023-09-01"), LocalDate.parse("2024-08-31"), civilBands(),
                List.of(new NewCycle.TargetGroup("시", ids.get(1)))));
        List<IndicatorSpec> framework = new ArrayList<>();
        for (int item = 0; item < ITEMS.length; item++) {
            framework.add(new IndicatorSpec("I" + item, "분야", ITEMS[item], ITEMS[item] + " 지표", "QUANTITATIVE",
                    BigDecimal.valueOf(20), "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)));
        }
        evaluations.defineFramework(cycle, framework);
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(75);
        long boryeong = -1;
        for (CycleTarget target : evaluations.targets(cycle)) {
            Map<String, BigDecimal> values = new HashMap<>();
            framework.forEach(f -> values.put(f.code(), BigDecimal.valueOf(random.nextInt(10_000), 2)));
            evaluations.enterValues(cycle, target.institutionId(), values);
            if (target.name().equals("충청남도 보령시")) {
                boryeong = target.institutionId();
            }
        }
        assertThat(boryeong).isPositive();
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, null));
        long id = boryeong;
        var row = result.rows().stream().filter(r -> r.institutionId() == id).findFirst().orElseThrow();

        var page = Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN))
                .getPage("/admin/evaluations/{c}/results/{i}", cycle, boryeong);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        var table = Jsoup.parse(page.getBody()).selectFirst("main .pg-item-grades table");
        assertThat(table).isNotNull();
        assertThat(table.selectFirst("caption").text()).isEqualTo("충청남도 보령시: 항목별 등급과 종합 등급");
        assertThat(table.select("thead th[scope=col]").eachText()).containsExactly("평가 항목", "등급");
        assertThat(table.select("tbody th[scope=row]").eachText()).containsExactly(ITEMS);
        assertThat(table.select("tbody td strong").eachText()).containsExactlyElementsOf(
                List.of(ITEMS).stream().map(i -> row.itemGrades().get(i)).toList());
        assertThat(table.select("tfoot th[scope=row]").text()).isEqualTo("종합 등급");
        assertThat(table.select("tfoot td strong").text()).isEqualTo(row.grade());
        assertThat(table.select("tfoot td").text()).matches(".[ ]\\((최우수|우수|보통|미흡|아주미흡)\\)");
        assertThat(Jsoup.parse(page.getBody()).select("main p.pg-muted").text()).contains("등급 규칙", "HALF_UP");

        // the English page: same table, English texts
        var english = Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN))
                .getPage("/admin/evaluations/{c}/results/{i}?lang=en", cycle, boryeong);
        var en = Jsoup.parse(english.getBody()).selectFirst("main .pg-item-grades table");
        assertThat(en.select("thead th").eachText()).containsExactly("Item", "Grade");
        assertThat(en.select("tfoot th").text()).isEqualTo("Total grade");
        Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN)).getPage("/admin/evaluations?lang=ko");
    }

    static GradeRuleSpec civilBands() {
        return GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("가", new BigDecimal("0.1")),
                new GradeRuleSpec.Band("나", new BigDecimal("0.3")), new GradeRuleSpec.Band("다", new BigDecimal("0.7")),
                new GradeRuleSpec.Band("라", new BigDecimal("0.9")), new GradeRuleSpec.Band("마", BigDecimal.ONE)),
                RoundingMode.HALF_UP, true, true);
    }
}
