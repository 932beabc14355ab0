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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A program administrator reviews a result run in Chromium: each group's ranking with rank intervals and grade-line
 * flags, the panel's reliability, and one institution's explanation; other roles are refused.
 */
@IntegrationTest
class EvaluationBrowserTests {

    private static BrowserSession browser;
    private static Long cycle;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(EvaluationBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        browser.at(port);
        synchronized (EvaluationBrowserTests.class) {
            if (cycle == null) {
                cycle = createCycle();
            }
        }
    }

    private long createCycle() {
        List<Long> ids = groups.defineStandard("TEST-BROWSER-EVAL", LocalDate.parse("2024-12-31"));
        String[] names = {"광역", "시", "군", "구"};
        List<NewCycle.TargetGroup> targets = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            targets.add(new NewCycle.TargetGroup(names[g], ids.get(g)));
        }
        long program = evaluations.createProgram("TEST-BROWSER-EVAL", "지방자치단체 적극행정 종합평가", null, "YEARLY");
        var rule = GradeRuleSpec.layers(List.of(GradeRuleSpec.quotas(Map.of("광역", 1, "시", 1, "군", 1, "구", 1), "최우수", null, true),
                GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                        new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.FLOOR, true, false)));
        long id = evaluations.createCycle(program, new NewCycle("2024년(2023년 실적)", 2024, 2023, null,
                LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), rule, targets));
        List<IndicatorSpec> framework = List.of(
                new IndicatorSpec("P1", "정량", "추진계획 수립", "실행계획 수립 여부", "QUANTITATIVE", new BigDecimal("20"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)),
                new IndicatorSpec("P2", "정량", "제도 활성화 노력", "사전컨설팅 건수", "QUANTITATIVE", new BigDecimal("20"),
                        "HIGHER_IS_BETTER", "MIN_MAX", null, null),
                new IndicatorSpec("P3", "정량", "이행 성과", "적극행정위원회 개최", "QUANTITATIVE", new BigDecimal("20"),
                        "HIGHER_IS_BETTER", "TARGET", BigDecimal.valueOf(4), BigDecimal.ONE),
                new IndicatorSpec("Q1", "정성", "우수사례", "대표 우수사례", "QUALITATIVE", new BigDecimal("40"),
                        "HIGHER_IS_BETTER", "FRACTION_OF", null, BigDecimal.valueOf(100)));
        evaluations.defineFramework(id, framework);
        evaluations.publishFramework(id);
        var random = new SplittableRandom(2024);
        var targetList = evaluations.targets(id);
        for (CycleTarget target : targetList) {
            evaluations.enterValues(id, target.institutionId(), Map.of("P1", BigDecimal.valueOf(random.nextInt(101)),
                    "P2", BigDecimal.valueOf(random.nextInt(40)), "P3", BigDecimal.valueOf(random.nextInt(7))));
        }
        Map<Long, Double> quality = new HashMap<>();
        targetList.forEach(t -> quality.put(t.institutionId(), 40 + 50 * random.nextDouble()));
        for (int e = 1; e <= 10; e++) {
            double leniency = random.nextDouble() * 10 - 5;
            Map<Long, BigDecimal> scores = new HashMap<>();
            for (CycleTarget target : targetList) {
                if (random.nextInt(3) > 0) {
                    scores.put(target.institutionId(), BigDecimal.valueOf(Math.min(100, Math.max(0,
                            quality.get(target.institutionId()) + leniency + random.nextGaussian() * 5))).setScale(1, RoundingMode.HALF_UP));
                }
            }
            evaluations.enterPanelScores(id, "Q1", "평가위원 " + e, scores);
        }
        evaluations.computeResults(id, "첫 산출");
        return id;
    }

    @Test
    void aProgramAdministratorReviewsRanksIntervalsReliabilityAndAnExplanation() {
        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/evaluations']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("평가 회차");
        browser.check("cycles");
        browser.clickAndWait(By.cssSelector("main a[href='/admin/evaluations/" + cycle + "/results']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2024년(2023년 실적) 결과");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("최우수", "우수 ≤ 0.3", "FLOOR", "몬테카를로 2,000회", "시드 " + (cycle * 1_000_003L));
        assertThat(browser.text(By.cssSelector("main table"))).contains("대표 우수사례", "10");
        assertThat(browser.findAll(By.cssSelector("main h2"))).extracting(e -> e.getText())
                .contains("광역 (17개 기관)", "시 (75개 기관)", "군 (82개 기관)", "구 (69개 기관)");
        assertThat(browser.findAll(By.cssSelector("main .pg-badge"))).isNotEmpty();
        browser.check("results");
        var first = browser.find(By.cssSelector("main table:nth-of-type(1)"));
        browser.clickAndWait(By.xpath("(//main//h2[starts-with(normalize-space(), '광역')]/following::table[1]//tbody//a)[1]"));
        assertThat(browser.text(By.cssSelector("main h2"))).isEqualTo("점수 구성");
        assertThat(browser.text(By.cssSelector("main .pg-tree"))).contains("총점", "정량", "추진계획 수립", "대표 우수사례",
                "평가위원", "y = x/100");
        browser.check("explanation");
        assertThat(first).isNotNull();
    }

    @Test
    void theApiAndTheCsvGiveTheSameRunToAdministratorsOnly() {
        String admin = TestUsers.withRole(accounts, Role.PROGRAM_ADMIN);
        var json = Http.api(port, admin).getJson("/api/v1/evaluations/cycles/{id}/results", cycle);
        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat((java.util.List<?>) json.getBody().get("rows")).hasSize(243);
        assertThat((java.util.List<?>) json.getBody().get("panels")).hasSize(1);
        assertThat(new Http(port).getJson("/api/v1/evaluations/cycles/{id}/results", cycle).getStatusCode().value()).isEqualTo(401);
        var refused = Http.api(port, TestUsers.withRole(accounts, Role.EVALUATOR)).getJson("/api/v1/evaluations/cycles");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat((String) refused.getBody().get("detail")).contains("권한이 없습니다");

        var csv = Http.signedIn(port, admin).raw().get().uri("/admin/evaluations/{id}/results.csv", cycle).retrieve()
                .toEntity(byte[].class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        String text = new String(csv.getBody(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF\"평가군\",\"순위\",\"기관\",\"총점\"");
        assertThat(text.lines().count()).isEqualTo(244);
        assertThat(text).contains("\"광역\",\"1\",");
    }

    @Test
    void otherRolesCannotSeeResultsBeforePublication() {
        for (Role role : List.of(Role.EVALUATOR, Role.INSTITUTION_COORDINATOR, Role.AUDIT_OFFICER)) {
            var page = Http.signedIn(port, TestUsers.withRole(accounts, role)).getPage("/admin/evaluations/" + cycle + "/results");
            assertThat(page.getStatusCode().value()).as("%s", role).isEqualTo(403);
            assertThat(page.getBody()).contains("권한이 없습니다");
        }
        assertThat(new Http(port).getPage("/admin/evaluations").getStatusCode().value()).isEqualTo(302);
    }
}
