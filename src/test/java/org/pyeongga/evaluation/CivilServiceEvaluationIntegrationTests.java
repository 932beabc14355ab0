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
import org.pyeongga.organization.EvaluationGroup;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionLevel;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * 민원서비스 종합평가 as data: 307 institutions in six types (중앙행정기관 47, 시·도 17, 시 75, 군 82, 구 69, 교육청 17),
 * five items, each graded 가–마 within the institution's type as well as the total, by the percentile bands 가 ≤ 10 %,
 * 나 ≤ 30 %, 다 ≤ 70 %, 라 ≤ 90 %, 마 with counts rounded half up; and the page that shows one institution's grades.
 */
@IntegrationTest
// counts the registry's central agencies and education offices: a context of its own, not one other tests added to
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
class CivilServiceEvaluationIntegrationTests {

    static final String[] ITEMS = {"민원행정 전략 및 체계", "민원제도 운영", "국민신문고 민원 처리", "고충민원 처리", "민원만족도"};

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @Autowired
    InstitutionRegistry registry;

    @LocalServerPort
    int port;

    /** Per type, the institutions per grade 가/나/다/라/마: round-half-up of 10/30/70/90 % of n, differenced. */
    static final Map<String, List<Long>> EXPECTED = Map.of(
            "중앙행정기관", List.of(5L, 9L, 19L, 9L, 5L), // 47: 4.7→5, 14.1→14, 32.9→33, 42.3→42
            "시·도", List.of(2L, 3L, 7L, 3L, 2L), // 17: 1.7→2, 5.1→5, 11.9→12, 15.3→15
            "시", List.of(8L, 15L, 30L, 15L, 7L), // 75: 7.5→8, 22.5→23, 52.5→53, 67.5→68
            "군", List.of(8L, 17L, 32L, 17L, 8L), // 82: 8.2→8, 24.6→25, 57.4→57, 73.8→74
            "구", List.of(7L, 14L, 27L, 14L, 7L), // 69: 6.9→7, 20.7→21, 48.3→48, 62.1→62
            "교육청", List.of(2L, 3L, 7L, 3L, 2L));

    @Test
    void theRegistryHoldsTheCentralAgenciesAndEducationOfficesWithoutInventedCodes() {
        LocalDate asOf = LocalDate.parse("2024-08-31");
        var central = registry.search(new InstitutionQuery(asOf, InstitutionLevel.CENTRAL, null, null, null, false), 0, 100);
        var education = registry.search(new InstitutionQuery(asOf, InstitutionLevel.EDUCATION, null, null, null, false), 0, 100);
        assertThat(central.items()).hasSize(47).extracting(InstitutionSummary::name)
                .contains("행정안전부", "국민권익위원회", "농촌진흥청", "국가유산청", "재외동포청").doesNotContain("우주항공청");
        assertThat(education.items()).hasSize(17).extracting(InstitutionSummary::name)
                .contains("서울특별시교육청", "강원특별자치도교육청", "전북특별자치도교육청", "광주광역시교육청")
                .doesNotContain("강원도교육청", "전라북도교육청");
        // no 행정표준코드 could be verified: none is invented, and each row says so
        assertThat(central.items()).allSatisfy(i -> {
            assertThat(i.orgCode()).isNull();
            assertThat(i.note()).startsWith("기관코드 미확인");
        });
        assertThat(education.items()).allSatisfy(i -> {
            assertThat(i.orgCode()).isNull();
            assertThat(i.note()).startsWith("기관코드 미확인");
            assertThat(i.regionCode()).matches("[0-9]{2}");
        });
        // before 2023-06-11 the 강원 office had its old name; the rename is recorded as lineage
        var before = registry.search(new InstitutionQuery(LocalDate.parse("2023-01-01"), InstitutionLevel.EDUCATION, null, null,
                null, false), 0, 100);
        assertThat(before.items()).hasSize(17).extracting(InstitutionSummary::name).contains("강원도교육청", "전라북도교육청");
        long gangwon = education.items().stream().filter(i -> i.name().equals("강원특별자치도교육청")).findFirst().orElseThrow().id();
        assertThat(registry.detail(gangwon, asOf).predecessors()).singleElement()
                .satisfies(l -> assertThat(l.type()).isEqualTo(org.pyeongga.organization.ChangeType.RENAMED));
    }

    @Test
    void threeHundredSevenInstitutionsInSixTypesEveryItemAndTheTotalGradedByTheBands() {
        List<Long> ids = groups.defineCivilService("TEST-CIVIL-2024", LocalDate.parse("2024-08-31"));
        assertThat(ids.stream().map(groups::get).map(EvaluationGroup::memberCount).toList())
                .containsExactly(47L, 17L, 75L, 82L, 69L, 17L);
        long program = evaluations.createProgram("TEST-CIVIL", "민원서비스 종합평가", "Civil service evaluation", "YEARLY");
        long cycle = evaluations.createCycle(program, new NewCycle("2024년 민원서비스 종합평가", 2024, 2024, null,
                LocalDate.parse("2023-09-01"), LocalDate.parse("2024-08-31"), CivilServiceFramework.gradeRule(),
                CivilServiceFramework.targets(ids)));
        List<IndicatorSpec> framework = CivilServiceFramework.indicators();
        assertThat(framework).hasSize(20);
        assertThat(framework.stream().map(IndicatorSpec::item).distinct()).containsExactlyElementsOf(CivilServiceFramework.ITEMS);
        assertThat(framework.stream().map(IndicatorSpec::area).distinct()).hasSize(3);
        assertThat(framework.stream().map(IndicatorSpec::points).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        evaluations.defineFramework(cycle, framework);
        evaluations.publishFramework(cycle);
        var random = new SplittableRandom(307);
        var targets = evaluations.targets(cycle);
        assertThat(targets).hasSize(307);
        for (CycleTarget target : targets) {
            Map<String, BigDecimal> values = new HashMap<>();
            framework.forEach(f -> values.put(f.code(), BigDecimal.valueOf(random.nextInt(10_000), 2)));
            evaluations.enterValues(cycle, target.institutionId(), values);
        }
        CycleResult result = evaluations.result(cycle, evaluations.computeResults(cycle, null));
        assertThat(result.groups()).containsExactlyInAnyOrderElementsOf(CivilServiceFramework.TYPES);
        for (String type : CivilServiceFramework.TYPES) {
            assertThat(CivilServiceFramework.GRADES).as("total in %s", type)
                    .extracting(g -> result.count(type, g)).containsExactlyElementsOf(EXPECTED.get(type));
            for (String item : CivilServiceFramework.ITEMS) {
                assertThat(CivilServiceFramework.GRADES).as("%s in %s", item, type).extracting(g -> result.group(type).stream()
                        .filter(r -> g.equals(r.itemGrades().get(item))).count()).containsExactlyElementsOf(EXPECTED.get(type));
            }
        }
        // over all 307: 32/61/122/61/31 (the 2024 notice reports 나 61, 라 61, 마 31)
        assertThat(CivilServiceFramework.GRADES).extracting(g -> result.rows().stream().filter(r -> g.equals(r.grade())).count())
                .containsExactly(32L, 61L, 122L, 61L, 31L);
        for (var row : result.rows()) {
            assertThat(row.itemGrades().keySet()).containsExactlyElementsOf(CivilServiceFramework.ITEMS);
        }
        assertThat(result.gradeRule()).contains("가 ≤ 0.1", "라 ≤ 0.9", "HALF_UP", "항목별 등급");
        assertThat(result.rounding()).isEqualTo("HALF_UP");
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
                LocalDate.parse("2023-09-01"), LocalDate.parse("2024-08-31"), CivilServiceFramework.gradeRule(),
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
        // the grade bands as the notice prints them
        var bands = Jsoup.parse(page.getBody()).selectFirst("main .pg-grade-bands table");
        assertThat(bands.selectFirst("caption").text()).startsWith("등급 구간");
        assertThat(bands.select("tbody tr")).extracting(tr -> tr.text()).containsExactly("가 (최우수) 상위 10% 이내",
                "나 (우수) 10% 초과 ~ 30% 이하", "다 (보통) 30% 초과 ~ 70% 이하", "라 (미흡) 70% 초과 ~ 90% 이하",
                "마 (아주미흡) 90% 초과");

        // the English page: same table, English texts
        var english = Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN))
                .getPage("/admin/evaluations/{c}/results/{i}?lang=en", cycle, boryeong);
        var en = Jsoup.parse(english.getBody()).selectFirst("main .pg-item-grades table");
        assertThat(en.select("thead th").eachText()).containsExactly("Item", "Grade");
        assertThat(en.select("tfoot th").text()).isEqualTo("Total grade");
        Http.signedIn(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN)).getPage("/admin/evaluations?lang=ko");
    }
}
