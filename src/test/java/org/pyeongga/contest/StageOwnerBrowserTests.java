package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * In Chromium, axe-clean: the 보령시 coordinator sets up a presentation stage (criteria 40/30/20/10), saves and publishes
 * the final formula, opens the stage with three judges (the 세무과장 is not assigned 세무과's case, and the page says
 * why), sees only "n of m sheets submitted" while judging runs, closes the stage and reads the ranking with each
 * score's explanation. The REST API answers the same; another city's coordinator gets 404 on pages and API.
 */
@IntegrationTest
class StageOwnerBrowserTests {

    static final String OWNER = "coordinator@owner-pages.test.pyeongga.kr";
    static final String OTHER_CITY = "coordinator@owner-pages-gunsan.test.pyeongga.kr";

    private static BrowserSession browser;

    @Autowired
    Stages stages;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    UserDetailsService users;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(StageOwnerBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theOwnerRunsAStageFromSetupToRanking() {
        var fixture = new StageFixture(jdbc, accounts, departments, registry, users);
        long boryeong = fixture.institution("보령시");
        fixture.person(OWNER, "보령시 기관 총괄 (화면 시험)", boryeong, Role.INSTITUTION_COORDINATOR, null);
        fixture.person(OTHER_CITY, "군산시 기관 총괄 (화면 시험)", fixture.institution("군산시"), Role.INSTITUTION_COORDINATOR, null);
        long tax = fixture.department(boryeong, "세무과", "Tax Division");
        long contest = fixture.contest(boryeong, "BEST_PRACTICE", "2024년 상반기 적극행정 우수사례 경진대회 (화면 시험)",
                "2024 H1 best practice contest (page test)", 2024, 1,
                List.<Object[]>of(new Object[] {"GRAND", "최우수", "Grand prize", 1}, new Object[] {"EXCELLENCE", "우수", "Excellence", 1}));
        long clerk = fixture.person("clerk@owner-pages.test.pyeongga.kr", "보령시 주무관 (화면 시험)", boryeong, Role.INDICATOR_OWNER, null);
        List<Long> entries = new ArrayList<>();
        entries.add(fixture.entry(contest, "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴", tax, clerk, List.of()));
        entries.add(fixture.entry(contest, "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발",
                fixture.department(boryeong, "신산업전략과", "New Industry Strategy Division"), clerk, List.of()));
        List<String> judges = List.of("tax.head@owner-pages.test.pyeongga.kr", "prof.a@owner-pages.test.pyeongga.kr",
                "prof.b@owner-pages.test.pyeongga.kr");
        fixture.person(judges.get(0), "세무과장 (화면 시험)", boryeong, Role.EVALUATOR, tax);
        fixture.person(judges.get(1), "외부 심사위원 가 (화면 시험)", null, Role.EVALUATOR, null);
        fixture.person(judges.get(2), "외부 심사위원 나 (화면 시험)", null, Role.EVALUATOR, null);

        browser.at(port);
        browser.signIn(OWNER);
        browser.open("/admin/contests/" + contest + "/stages");
        assertThat(browser.text(By.tagName("h1"))).contains("심사 단계와 최종 산식");
        browser.check("stages-empty");

        browser.find(By.cssSelector("#kind option[value='PRESENTATION']")).click();
        browser.setValue(By.id("name-ko"), "발표 심사");
        browser.setValue(By.id("name-en"), "Presentation");
        browser.find(By.cssSelector("#pass-rule option[value='ALL']")).click();
        browser.submitAndWait(By.xpath("//button[normalize-space()='단계 추가']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("단계를 추가했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("국민체감도", "40", "확산가능성", "탁월 100%");
        browser.check("stage-setup");

        browser.open("/admin/contests/" + contest + "/stages");
        browser.setValue(By.id("formula-label"), "2024 상반기 v1");
        browser.setValue(By.id("components"), "PRESENTATION | 1 | STAGE_SCORE | 90 | SCORE_0_100 | 발표 심사 | Presentation");
        browser.submitAndWait(By.xpath("//button[normalize-space()='새 버전 저장']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("비중 합은 100", "90");
        browser.check("formula-refused");
        browser.setValue(By.id("formula-label"), "2024 상반기 v1");
        browser.setValue(By.id("components"), "PRESENTATION | 1 | STAGE_SCORE | 100 | SCORE_0_100 | 발표 심사 | Presentation");
        browser.submitAndWait(By.xpath("//button[normalize-space()='새 버전 저장']"));
        browser.submitAndWait(By.xpath("//button[normalize-space()='버전 1 공개']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("산식을 공개했습니다");
        assertThat(browser.text(By.cssSelector("#formula"))).contains("공개한 산식: 2024 상반기 v1", "0–100점 그대로");
        browser.check("formula-published");

        browser.clickAndWait(By.xpath("//main//a[normalize-space()='발표 심사']"));
        browser.setValue(By.id("judges"), String.join("\n", judges));
        browser.submitAndWait(By.xpath("//button[normalize-space()='단계 열기']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("단계를 열었습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("채점표 20장 중 0장 제출", "세무과장 (화면 시험)",
                "세무과 소속: 자기 부서 사례는 심사할 수 없습니다", "배정 5건");
        browser.check("stage-open");

        long stage = stages.stages(contest).getFirst().id();
        fixture.scoreAll(stages, stage, judges, (judge, entry) -> BoryeongContestTests.all(entry.equals(entries.getFirst()) ? 0 : judge));
        browser.open("/admin/contests/" + contest + "/stages/" + stage);
        assertThat(browser.text(By.cssSelector("main"))).contains("채점표 20장 중 20장 제출").doesNotContain("100점");
        var api = Http.api(port, OWNER);
        assertThat(api.getJson("/api/v1/contests/admin/{c}/stages/{s}/progress", contest, stage).getBody())
                .containsEntry("submitted", 20).containsEntry("assigned", 20);
        assertThat(api.getJson("/api/v1/contests/admin/{c}/stages/{s}/results", contest, stage).getStatusCode().value()).isEqualTo(409);
        browser.submitAndWait(By.xpath("//button[normalize-space()='단계 마감']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("단계를 마감했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("결과", "통과");
        browser.check("stage-closed");

        browser.open("/admin/contests/" + contest + "/ranking");
        assertThat(browser.text(By.tagName("h1"))).contains("최종 순위");
        assertThat(browser.text(By.cssSelector("main table"))).contains("농어촌민박을 가장한", "최우수", "우수",
                "발표 심사: 원점수 100 → 환산 100 × 비중 100% = 100점");
        browser.check("ranking");

        var ranking = api.getJsonList("/api/v1/contests/admin/{c}/ranking", contest);
        assertThat(ranking.getBody()).hasSize(2);
        assertThat(ranking.getBody().getFirst()).containsEntry("entryId", entries.getFirst().intValue()).containsEntry("rank", 1)
                .containsEntry("proposedTierRank", 1);
        assertThat(new Http(port).getJson("/api/v1/contests/{c}/formula", contest).getBody()).containsEntry("label", "2024 상반기 v1");
        assertThat(Http.api(port, OTHER_CITY).getJson("/api/v1/contests/admin/{c}/ranking", contest).getStatusCode().value()).isEqualTo(404);
        var other = Http.signedIn(port, OTHER_CITY);
        assertThat(other.getPage("/admin/contests/" + contest + "/stages").getStatusCode().value()).isEqualTo(404);
        assertThat(other.getPage("/admin/contests/" + contest + "/stages/" + stage).getStatusCode().value()).isEqualTo(404);
    }
}
