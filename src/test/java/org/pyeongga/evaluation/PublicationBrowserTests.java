package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In Chromium, axe-clean: an administrator re-runs with another normalization, compares, chooses and publishes; a
 * citizen (not signed in) finds the published results, the winners and one institution's explanation with its
 * evaluators anonymized, in Korean and in English.
 */
@IntegrationTest
class PublicationBrowserTests {

    private static BrowserSession browser;
    private static Long toPublish;
    private static Long published;

    @Autowired
    Evaluations evaluations;

    @Autowired
    Publications publications;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    CycleStages stages;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(PublicationBrowserTests.class);
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
        synchronized (PublicationBrowserTests.class) {
            if (toPublish == null) {
                var fixture = new ResultsFixture(evaluations, groups, stages, "TEST-PUB-BROWSER");
                long program = evaluations.createProgram("TEST-PUB-BROWSER", "지방자치단체 적극행정 종합평가 (발표 시험)",
                        "Proactive administration evaluation (publication test)", "YEARLY");
                // a citizen's cycle: 2023 and 2024 published, so history phrases show
                long earlier = fixture.cycle(program, "2023년(2022년 실적)", 2023, ResultsFixture.spread(18));
                published = fixture.cycle(program, "2024년(2023년 실적)", 2024, ResultsFixture.spread(18));
                fixture.panel(published, 17);
                for (long c : List.of(earlier, published)) {
                    publications.choose(c, evaluations.computeResults(c, "자동 선택"));
                    fixture.closeScoring(c);
                    publications.publish(c, ResultsFixture.request());
                }
                // the administrator's cycle: one run, scoring closed, not published
                long other = evaluations.createProgram("TEST-PUB-BROWSER-ADMIN", "상반기 적극행정 성과평가 (발표 시험)", null, "YEARLY");
                toPublish = fixture.cycle(other, "2025년(2024년 실적)", 2025, ResultsFixture.spread(18));
                fixture.panel(toPublish, 23);
                evaluations.computeResults(toPublish, "첫 산출");
                fixture.closeScoring(toPublish);
            }
        }
    }

    @Test
    void anAdministratorReRunsComparesChoosesAndPublishes() {
        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.open("/admin/evaluations");
        browser.clickAndWait(By.cssSelector("main a[href='/admin/evaluations/" + toPublish + "/runs']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2025년(2024년 실적) 산출 관리와 발표");
        assertThat(browser.text(By.cssSelector("main .pg-alert[role='status']"))).contains("발표할 산출을 먼저 고르세요");
        browser.check("runs");

        browser.setValue(By.id("method"), "RAW_MEAN");
        browser.setValue(By.id("note"), "원점수 평균으로 비교");
        browser.submitAndWait(By.xpath("//button[normalize-space()='재산출']"));
        assertThat(browser.text(By.cssSelector("main .pg-alert.pg-success"))).contains("산출 2을(를) 계산해 보관했습니다");
        assertThat(browser.text(By.cssSelector("main table"))).contains("원점수 평균", "원점수 평균으로 비교", "자동 선택");

        browser.setValue(By.id("a"), "1");
        browser.setValue(By.id("b"), "2");
        browser.submitAndWait(By.xpath("//button[normalize-space()='비교']"));
        assertThat(browser.text(By.id("comparison-summary"))).contains("18개 기관 중");
        browser.check("compare");

        browser.submitAndWait(By.xpath("//button[normalize-space()='산출 2 고르기']"));
        assertThat(browser.text(By.cssSelector("main .pg-alert.pg-success"))).contains("산출 2을(를) 발표용으로 골랐습니다");
        browser.setValue(By.id("postingFrom"), "2025-03-01");
        browser.setValue(By.id("postingTo"), "2025-02-01");
        browser.setValue(By.id("legalBasis"), "「지방자치단체 적극행정 운영규정」 제18조");
        browser.setValue(By.id("methodText"), "정량 60점, 정성 40점. 정성 지표는 평가위원 점수를 원점수 평균으로 반영.");
        browser.submitAndWait(By.xpath("//button[normalize-space()='고른 산출 발표']"));
        assertThat(browser.text(By.cssSelector("main .pg-alert.pg-danger"))).contains("게시 기간의 끝이 시작보다 빠릅니다");
        assertThat(browser.find(By.id("legalBasis")).getDomProperty("value")).contains("제18조"); // nothing typed is lost
        browser.check("publish-refused");
        browser.setValue(By.id("postingTo"), "2025-03-31");
        browser.submitAndWait(By.xpath("//button[normalize-space()='고른 산출 발표']"));
        assertThat(browser.text(By.cssSelector("main .pg-alert.pg-success"))).contains("산출 2을(를) 발표했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("2025-03-01 ~ 2025-03-31");
        assertThat(browser.findAll(By.id("method"))).as("no re-run after publication").isEmpty();
        assertThat(browser.findAll(By.xpath("//button[contains(., '고르기')]"))).isEmpty();
        browser.check("published");

        browser.clickAndWait(By.linkText("공개 결과 페이지 보기"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2025년(2024년 실적) 결과");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("원점수 평균으로 반영", "제18조");
        browser.open("/admin/evaluations");
        assertThat(browser.text(By.xpath("//a[@href='/admin/evaluations/" + toPublish + "/runs']/ancestor::tr"))).contains("발표됨");
        browser.check("cycles");
        // each cycle links to its objection handling and evidence verification
        assertThat(browser.findAll(By.cssSelector("main a[href='/admin/evaluations/" + toPublish + "/verification']"))).hasSize(1);
        browser.clickAndWait(By.cssSelector("main a[href='/admin/evaluations/" + toPublish + "/review']"));
        assertThat(browser.text(By.tagName("h1"))).endsWith("이의신청 관리");
    }

    @Test
    void aCitizenViewsThePublicResultsPage() {
        browser.open("/");
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/results']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("평가 결과 공개");
        assertThat(browser.text(By.cssSelector("main table"))).contains("지방자치단체 적극행정 종합평가 (발표 시험)",
                "2024년(2023년 실적)", "2023년(2022년 실적)", "2024-03-01 ~ 2024-03-31");
        browser.check("public-cycles");

        browser.clickAndWait(By.cssSelector("main a[href='/results/cycles/" + published + "']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2024년(2023년 실적) 결과");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("「지방자치단체 적극행정 운영규정」 제18조",
                "2024-03-01 ~ 2024-03-31", "내림 (FLOOR)", "정량 60점");
        assertThat(browser.findAll(By.cssSelector(".rs-winner-group"))).hasSize(2);
        assertThat(browser.text(By.cssSelector(".rs-winners"))).contains("최우수", "우수");
        assertThat(browser.findAll(By.cssSelector(".rs-history"))).extracting(e -> e.getText())
                .anyMatch(t -> t.matches("2년 연속 (최우수|우수)"));
        browser.check("public-cycle");

        browser.clickAndWait(By.cssSelector(".rs-winner-group a"));
        assertThat(browser.text(By.cssSelector("main"))).contains("점수 = 배점 × 정규화 값(y)", "대표 우수사례", "평가위원 A",
                "사전컨설팅 건수").doesNotContain("김평가", "위원.kr");
        browser.check("public-institution");

        browser.open("/results/cycles/" + published + "?lang=en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Results of 2024년(2023년 실적)");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("Round down (FLOOR)", "Posting period");
        assertThat(browser.findAll(By.cssSelector(".rs-history"))).extracting(e -> e.getText())
                .anyMatch(t -> t.contains("years in a row"));
        browser.check("public-cycle-en");

        long hidden = unpublishedCycle();
        browser.open("/results/cycles/" + hidden + "?lang=ko");
        assertThat(browser.text(By.cssSelector("main"))).contains("발표된 평가 결과가 없습니다");
        browser.open("/results");
        assertThat(browser.findAll(By.cssSelector("main a[href='/results/cycles/" + hidden + "']"))).isEmpty();
    }

    /** A cycle the public must not see: a fresh, unpublished one. */
    private long unpublishedCycle() {
        long program = evaluations.createProgram("TEST-PUB-BROWSER-HIDDEN-" + Instant.now().truncatedTo(ChronoUnit.MILLIS).toEpochMilli(),
                "비공개 시험", null, "YEARLY");
        return new ResultsFixture(evaluations, groups, stages, "TEST-PUB-BROWSER").cycle(program, "비공개", 2026, ResultsFixture.spread(18));
    }
}
