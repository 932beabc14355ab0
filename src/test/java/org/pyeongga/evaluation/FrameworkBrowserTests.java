package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A program administrator builds part of a framework in Chromium: indicators in a new area and item (one refused
 * with its reason, then fixed), formula inputs and a computed ratio, an item graded on its own, the grade rule with
 * 최우수 = rank 1 per group, publication, and the version history. Every page is axe-clean and photographed.
 */
@IntegrationTest
class FrameworkBrowserTests {

    private static BrowserSession browser;

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
        browser = BrowserSession.start(FrameworkBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private void fill(String id, String value) {
        var input = browser.find(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** Ticks a checkbox as a click on its label would (KRDS draws the box over the native input). */
    private void tick(String id) {
        var label = browser.find(By.cssSelector("label[for='" + id + "']"));
        browser.scrollIntoView(label);
        browser.js("arguments[0].click()", label);
        assertThat(browser.find(By.id(id)).isSelected()).as(id).isTrue();
    }

    private void choose(String id, String value) {
        new Select(browser.find(By.id(id))).selectByValue(value);
    }

    private void addIndicator(String code, String area, String item, String name, String kind, String points) {
        browser.clickAndWait(By.linkText("지표 추가"));
        fill("code", code);
        fill("area", area);
        fill("item", item);
        fill("name", name);
        choose("kind", kind);
        fill("points", points);
    }

    private void save() {
        browser.clickAndWait(By.cssSelector("main form.fw-form button[type=submit]"));
    }

    @Test
    void anAdministratorBuildsPartOfAFrameworkPublishesItAndSeesItsVersions() {
        browser.at(port);
        List<Long> ids = groups.defineStandard("TEST-FRAMEWORK-BROWSER", LocalDate.parse("2024-12-31"));
        long program = evaluations.createProgram("TEST-FRAMEWORK-BROWSER", "지방자치단체 적극행정 종합평가 (화면)", null, "YEARLY");
        var rule = GradeRuleSpec.bands(List.of(new GradeRuleSpec.Band("우수", new BigDecimal("0.3")),
                new GradeRuleSpec.Band("보통", BigDecimal.ONE)), RoundingMode.HALF_UP, true, false);
        long cycle = evaluations.createCycle(program, new NewCycle("2025년(2024년 실적)", 2025, 2024, null,
                LocalDate.parse("2024-01-01"), LocalDate.parse("2024-12-31"), rule,
                List.of(new NewCycle.TargetGroup("광역", ids.get(0)), new NewCycle.TargetGroup("시", ids.get(1)))));

        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/evaluations/programs']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("평가 사업과 지표 체계");
        assertThat(browser.text(By.cssSelector("main"))).contains("지방자치단체 적극행정 종합평가 (화면)", "2025년(2024년 실적)", "초안");
        browser.check("programs");
        browser.clickAndWait(By.linkText("2025년(2024년 실적)"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2025년(2024년 실적) 지표 체계");
        browser.check("framework-empty");

        addIndicator("P1", "정량", "추진계획 수립", "적극행정 실행계획 수립", "QUANTITATIVE", "20");
        choose("normalization", "FRACTION_OF");
        fill("high", "100");
        fill("evidence", "실행계획 문서 (PDF 또는 HWP)");
        tick("evidenceRequired");
        browser.check("indicator-new");
        save();
        assertThat(browser.text(By.cssSelector("main [role=status]"))).contains("지표를 추가했습니다");

        addIndicator("IN.HELD", "입력값", "산식 입력", "위원회 상정 안건 수", "INPUT", "0");
        save();
        addIndicator("IN.DONE", "입력값", "산식 입력", "위원회 의결 안건 수", "INPUT", "0");
        save();
        addIndicator("P2", "정량", "제도 활성화 노력", "적극행정위원회 의결률", "QUANTITATIVE", "20");
        choose("normalization", "FRACTION_OF");
        fill("high", "100");
        choose("formula", "RATIO");
        choose("inputA", "IN.DONE");
        choose("inputB", "IN.HELD");
        fill("multiplier", "100");
        save();

        // a qualitative indicator without its panel is refused with the reason, and nothing is added
        addIndicator("Q1", "정성", "우수사례", "대표 우수사례", "QUALITATIVE", "30");
        choose("normalization", "FRACTION_OF");
        fill("high", "100");
        fill("rubric", "탁월 90~100, 우수 80~89, 보통 70~79");
        save();
        assertThat(browser.text(By.cssSelector("main [role=alert]"))).contains("정성 지표는 채점할 평가단");
        browser.check("indicator-refused");
        choose("panelKind", "EXPERT");
        save();

        String tree = browser.text(By.cssSelector("main"));
        assertThat(tree).contains("정량 (40점)", "추진계획 수립 (20점)", "적극행정위원회 의결률", "비율: IN.DONE ÷ IN.HELD × 100",
                "대표 우수사례", "민간전문가", "필수", "배점 합계 (감점 제외)");
        // the item 우수사례 is graded on its own
        var summary = browser.find(By.xpath("//summary[contains(., '항목 “우수사례” 고치기')]"));
        browser.scrollIntoView(summary);
        summary.click();
        browser.clickAndWait(By.xpath("//summary[contains(., '항목 “우수사례” 고치기')]/following-sibling::form[.//button[contains(., '항목별 등급 매기기')]]//button"));
        assertThat(browser.text(By.cssSelector("main"))).contains("항목별 등급");
        browser.check("framework");

        browser.clickAndWait(By.linkText("등급 규칙"));
        browser.check("grade-rule");
        fill("bands", "우수:0.3, 보통:1.2");
        save();
        assertThat(browser.text(By.cssSelector("main [role=alert]"))).contains("누적 비율");
        fill("bands", "우수:0.3, 보통:1");
        choose("rounding", "FLOOR");
        tick("topPerGroup");
        save();
        assertThat(browser.text(By.cssSelector("main dl"))).contains("최우수", "우수 ≤ 0.3", "FLOOR");

        browser.clickAndWait(By.cssSelector("main form[action$='/publish'] button"));
        assertThat(browser.text(By.cssSelector("main [role=status]"))).contains("확정했습니다");
        assertThat(browser.findAll(By.linkText("지표 추가"))).isEmpty();
        browser.check("published");
        browser.clickAndWait(By.linkText("판 이력"));
        assertThat(browser.text(By.cssSelector("main"))).contains("제1판", "확정", "첫 확정입니다", "시험 PROGRAM_ADMIN");
        browser.check("versions");
        assertThat(evaluations.framework(cycle)).extracting(IndicatorSpec::code)
                .containsExactly("P1", "IN.HELD", "IN.DONE", "P2", "Q1");

        // next year's cycle starts from a copy of this one, changes an indicator, is published, reopened and published
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/evaluations/programs']"));
        browser.clickAndWait(By.cssSelector("main a[href='/admin/evaluations/programs/" + program + "/cycles/new']"));
        fill("label", "2026년(2025년 실적)");
        fill("evaluationYear", "2026");
        fill("performanceYear", "2025");
        browser.setValue(By.id("periodFrom"), "2025-01-01");
        browser.setValue(By.id("periodTo"), "2025-12-31");
        tick("group-" + ids.get(0));
        assertThat(browser.find(By.id("name-" + ids.get(0))).getDomProperty("value")).isEqualTo("광역");
        choose("fromCycleId", String.valueOf(cycle));
        browser.check("new-cycle");
        save();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2026년(2025년 실적) 지표 체계");
        assertThat(browser.text(By.cssSelector("main [role=status]"))).contains("복사해 왔습니다");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("초안", "최우수", "FLOOR");
        browser.clickAndWait(By.cssSelector("main a[href$='/indicators/P1']"));
        fill("points", "25");
        save();
        browser.clickAndWait(By.cssSelector("main form[action$='/publish'] button"));
        fill("reason", "P1 배점 조정 반영");
        browser.clickAndWait(By.cssSelector("main form[action$='/reopen'] button"));
        assertThat(browser.text(By.cssSelector("main dl"))).contains("제2판", "초안");
        browser.clickAndWait(By.linkText("지표 추가"));
        fill("code", "P3");
        fill("area", "정량");
        fill("item", "이행 성과");
        fill("name", "소극행정 신고 처리");
        choose("kind", "PENALTY");
        fill("points", "5");
        save();
        browser.clickAndWait(By.cssSelector("main form[action$='/publish'] button"));
        browser.clickAndWait(By.linkText("판 이력"));
        assertThat(browser.text(By.cssSelector("main"))).contains("제2판", "다시 열림", "P1 배점 조정 반영",
                "추가된 지표: P3", "첫 확정입니다");
        browser.check("versions-2");
    }
}
