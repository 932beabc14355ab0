package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium, axe-clean: an evaluator opens their assignments, reads the 성과요약서, is told that a low score needs a
 * comment, and submits; a program administrator manages the round (panels, conflicts, assignment, progress) and the
 * panel's assignments. Other people are refused.
 */
@IntegrationTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class JudgingBrowserTests {

    private static BrowserSession browser;
    private static Long round;

    @Autowired
    Judging judging;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(JudgingBrowserTests.class);
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
        synchronized (JudgingBrowserTests.class) {
            if (round == null) {
                long boryeong = JudgingFixture.institution(registry, "충청남도 보령시");
                long cycle = JudgingFixture.cycle(evaluations, groups, "TEST-JUDGING-BROWSER", List.of(boryeong,
                        JudgingFixture.institution(registry, "전북특별자치도 군산시"), JudgingFixture.institution(registry, "서울특별시 종로구")), 1);
                jdbc.sql("""
                                insert into evaluation_case_summary (cycle_id, institution_id, indicator_id, title, body, written_by)
                                select :c, :i, id, '찾아가는 인허가 상담', '사전컨설팅으로 인허가 기간을 평균 21일에서 9일로 줄였습니다.', 'test'
                                  from evaluation_indicator where cycle_id = :c and code = 'Q1'
                                """).param("c", cycle).param("i", boryeong).update();
                round = evaluations.openJudgingRound(cycle, PanelKind.EXPERT, "민간전문가 평가단", 1);
                JudgingFixture.evaluator(accounts, "browser@judging.test.pyeongga.kr", "브라우저 평가위원", null);
                long panel = judging.panels(round).getFirst().id();
                judging.addMember(panel, "browser@judging.test.pyeongga.kr", 0);
                judging.assignAutomatically(panel);
            }
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void anEvaluatorScores() {
        browser.signIn("browser@judging.test.pyeongga.kr");
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/judging']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("내 심사");
        assertThat(browser.text(By.cssSelector("main"))).contains("충청남도 보령시", "전북특별자치도 군산시", "미착수");
        browser.check("mine");

        browser.clickAndWait(By.xpath("//main//a[normalize-space()='충청남도 보령시']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("채점표: 충청남도 보령시");
        assertThat(browser.text(By.cssSelector("main .jd-material"))).contains("찾아가는 인허가 상담", "21일에서 9일");
        browser.check("sheet");

        // a low score without a comment is refused with the reason; nothing is saved
        browser.find(By.cssSelector("label[for='level-4']")).click();
        browser.submitAndWait(By.cssSelector("button[name='action'][value='submit']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("60점 미만", "의견");
        assertThat(browser.find(By.id("level-4")).isSelected()).isTrue();
        browser.check("sheet-comment-required");

        browser.setValue(By.id("comment"), "성과 근거 자료가 부족합니다.");
        browser.submitAndWait(By.cssSelector("button[name='action'][value='draft']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("임시 저장했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("임시 저장", "20점 / 100점");
        browser.find(By.cssSelector("label[for='level-3']")).click();
        browser.submitAndWait(By.cssSelector("button[name='action'][value='submit']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("제출했습니다");
        assertThat(browser.find(By.id("comment")).isEnabled()).isFalse();
        browser.check("sheet-submitted");

        browser.clickAndWait(By.cssSelector("main a[href='/judging']"));
        assertThat(browser.text(By.cssSelector("main"))).contains("배정 3건 중 1건 제출", "40");

        // a conflict found while reading: declared with a reason, the pairing is gone at once
        browser.clickAndWait(By.xpath("//main//a[normalize-space()='전북특별자치도 군산시']"));
        browser.setValue(By.id("conflict-reason"), "배우자가 군산시청 근무");
        browser.submitAndWait(By.xpath("//button[normalize-space()='이해충돌 신고']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("이해충돌을 신고했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("배정 2건 중 1건 제출").doesNotContain("군산시");
        browser.check("mine-after-conflict");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aProgramAdministratorManagesTheRound() {
        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/judging']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("심사 관리");
        browser.check("rounds");
        browser.clickAndWait(By.cssSelector("main a[href='/admin/judging/rounds/" + round + "']"));
        assertThat(browser.text(By.cssSelector("main"))).contains("진행 현황", "브라우저 평가위원", "민간전문가", "이해충돌");
        browser.check("round");

        browser.setValue(By.id("panel-name"), "국민평가단");
        browser.find(By.cssSelector("#panel-kind option[value='CITIZEN']")).click();
        browser.submitAndWait(By.xpath("//button[normalize-space()='평가단 만들기']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("평가단을 만들었습니다");
        browser.submitAndWait(By.xpath("(//button[normalize-space()='자동 배정 실행'])[1]"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("0건을 새로 배정");
        browser.check("round-assigned");

        browser.setValue(By.id("expertise-tags"), "시, 규제");
        browser.submitAndWait(By.xpath("//button[normalize-space()='전문 분야 저장']"));
        assertThat(browser.text(By.cssSelector("main .jd-members"))).contains("규제, 시");
        browser.find(By.xpath("//select[@id='former-institution']/option[normalize-space()='서울특별시 종로구']")).click();
        browser.setValue(By.id("former-until"), "2025-01-31");
        browser.submitAndWait(By.xpath("//button[normalize-space()='전 직장 기록']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("전 직장을 기록했습니다");
        assertThat(browser.text(By.xpath("//section[@aria-labelledby='conflicts-title']"))).contains("서울특별시 종로구", "전 직장",
                "전북특별자치도 군산시", "신고한 이해충돌", "배우자가 군산시청 근무");

        browser.clickAndWait(By.xpath("(//main//a[normalize-space()='배정 보기·수정'])[1]"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("민간전문가 평가단 배정");
        browser.check("panel");

        browser.open("/admin/evaluations/judging");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("정성평가 심사 열기");
        browser.check("open");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void othersAreRefused() {
        var evaluatorPages = Http.signedIn(port, TestUsers.withRole(accounts, Role.EVALUATOR));
        assertThat(evaluatorPages.getPage("/admin/judging").getStatusCode().value()).isEqualTo(403);
        assertThat(evaluatorPages.getPage("/admin/judging/rounds/" + round).getStatusCode().value()).isEqualTo(403);
        var mine = judging.assignments(judging.panels(round).getFirst().id()).getFirst().id();
        assertThat(evaluatorPages.getPage("/judging/assignments/" + mine).getStatusCode().value()).isEqualTo(404);
        var coordinator = Http.signedIn(port, TestUsers.withRole(accounts, Role.INSTITUTION_COORDINATOR));
        assertThat(coordinator.getPage("/judging").getStatusCode().value()).isEqualTo(403);
        assertThat(new Http(port).getPage("/judging").getStatusCode().value()).isEqualTo(302);
    }
}
