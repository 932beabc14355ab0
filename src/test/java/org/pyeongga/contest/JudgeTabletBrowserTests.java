package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.StageModel.NewStage;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.core.Role;
import org.pyeongga.judging.PanelKind;
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
 * In Chromium at tablet size (820 × 1180), axe-clean: a judge of the 보령시 presentation round finds the stage from the
 * navigation, sees the finalists in presentation order, scores one entry per screen with large touch targets (a draft,
 * corrected, then submitted; a submission with a criterion missing is refused with the reason), never sees another
 * judge's score or a total, and after the stage closes can change nothing. A judge not on the panel gets 404.
 */
@IntegrationTest
class JudgeTabletBrowserTests {

    static final String OWNER = "coordinator@tablet-contest.test.pyeongga.kr";
    static final String JUDGE = "judge.tablet@tablet-contest.test.pyeongga.kr";
    static final String OTHER_JUDGE = "judge.other@tablet-contest.test.pyeongga.kr";
    static final String OUTSIDER = "judge.outsider@tablet-contest.test.pyeongga.kr";

    private static BrowserSession browser;

    @Autowired
    Stages stages;

    @Autowired
    FinalFormulas formulas;

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
        browser = BrowserSession.start(JudgeTabletBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aJudgeScoresThePresentationOnATablet() {
        var fixture = new StageFixture(jdbc, accounts, departments, registry, users);
        long boryeong = fixture.institution("보령시");
        fixture.person(OWNER, "보령시 기관 총괄 (시험)", boryeong, Role.INSTITUTION_COORDINATOR, null);
        fixture.person(JUDGE, "태블릿 심사위원 (시험)", null, Role.EVALUATOR, null);
        fixture.person(OTHER_JUDGE, "다른 심사위원 (시험)", null, Role.EVALUATOR, null);
        fixture.person(OUTSIDER, "패널 밖 심사위원 (시험)", null, Role.EVALUATOR, null);
        long contest = fixture.contest(boryeong, "BEST_PRACTICE", "2024년 상반기 적극행정 우수사례 경진대회 (태블릿 시험)",
                "2024 H1 best practice contest (tablet test)", 2024, 1, List.<Object[]>of(new Object[] {"GRAND", "최우수", "Grand prize", 1}));
        long clerk = fixture.person("clerk@tablet-contest.test.pyeongga.kr", "보령시 주무관 (시험)", boryeong, Role.INDICATOR_OWNER, null);
        List<Long> entries = new ArrayList<>();
        entries.add(fixture.entry(contest, "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴",
                fixture.department(boryeong, "세무과", "Tax Division"), clerk, List.of()));
        entries.add(fixture.entry(contest, "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발",
                fixture.department(boryeong, "신산업전략과", "New Industry Strategy Division"), clerk, List.of()));
        entries.add(fixture.entry(contest, "찾아가는 야간 민원실로 직장인 민원 불편 해소",
                fixture.department(boryeong, "민원봉사과", "Civil Service Division"), clerk, List.of()));
        long stage = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.PRESENTATION, "발표 심사", "Presentation",
                PanelKind.EXPERT, BoryeongContestTests.criteria(), PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        fixture.as(OWNER, () -> stages.open(stage, List.of(JUDGE, OTHER_JUDGE), null));
        // the other judge has already scored everything 탁월
        fixture.as(OTHER_JUDGE, () -> entries.forEach(e -> stages.score(stage, e, BoryeongContestTests.all(0), true)));

        browser.at(port);
        browser.driver().manage().window().setSize(new Dimension(820, 1180));
        browser.signIn(JUDGE);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/judge']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("경진대회 심사");
        assertThat(browser.text(By.cssSelector("main"))).contains("2024년 상반기 적극행정 우수사례 경진대회 (태블릿 시험)", "발표 심사",
                "사례 3건 중 0건 제출");
        browser.check("stages-820");

        browser.clickAndWait(By.cssSelector("main a[href='/judge/contests/stages/" + stage + "']"));
        assertThat(browser.findAll(By.cssSelector("main .cj-order-title"))).extracting(e -> e.getText()).containsExactly(
                "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴", "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발",
                "찾아가는 야간 민원실로 직장인 민원 불편 해소");
        browser.check("order-820");

        browser.clickAndWait(By.cssSelector("main .cj-order-link"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴");
        assertThat(browser.text(By.cssSelector("main"))).contains("3건 중 1번째 발표", "국민체감도 (40점)", "탁월", "40점", "36점");
        // one large target per level: at least 64 px high, five in a row on the tablet
        var target = browser.find(By.cssSelector("label[for='FELT-0']")).getRect();
        assertThat(target.getHeight()).isGreaterThanOrEqualTo(64);
        assertThat(browser.find(By.cssSelector("label[for='FELT-4']")).getRect().getY()).isEqualTo(target.getY());
        assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth")).isEqualTo(false);
        browser.check("entry-820");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/judge/contests/stages/" + stage + "/entries/" + entries.getFirst());
        assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth"))
                .as("the entry screen fits a 390-px phone without sideways scrolling").isEqualTo(false);
        browser.check("entry-390");
        browser.driver().manage().window().setSize(new Dimension(820, 1180));

        // a draft with a mistake, corrected, then submitted
        for (String code : List.of("FELT", "EXPERTISE", "DIFFICULTY", "SPREAD")) {
            browser.find(By.cssSelector("label[for='" + code + "-2']")).click();
        }
        browser.submitAndWait(By.cssSelector("button[name='action'][value='draft']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("임시 저장했습니다");
        assertThat(browser.find(By.id("FELT-2")).isSelected()).isTrue();
        browser.check("entry-draft-820");
        browser.find(By.cssSelector("label[for='FELT-0']")).click();
        browser.find(By.cssSelector("label[for='EXPERTISE-1']")).click();
        browser.submitAndWait(By.cssSelector("button[name='action'][value='submit']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발");
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("제출했습니다");
        // no other judge's score, no total anywhere
        assertThat(browser.text(By.cssSelector("main"))).doesNotContain("합계", "평균", "다른 심사위원 (시험)");

        // a submission with a criterion missing is refused with the reason, the choices kept
        browser.find(By.cssSelector("label[for='FELT-1']")).click();
        browser.find(By.cssSelector("label[for='EXPERTISE-1']")).click();
        browser.find(By.cssSelector("label[for='DIFFICULTY-1']")).click();
        browser.submitAndWait(By.cssSelector("button[name='action'][value='submit']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("모든 기준에 점수를 골라야", "확산가능성");
        assertThat(browser.find(By.id("FELT-1")).isSelected()).isTrue();
        browser.check("entry-missing-820");
        browser.find(By.cssSelector("label[for='SPREAD-1']")).click();
        browser.submitAndWait(By.cssSelector("button[name='action'][value='submit']"));
        for (String code : List.of("FELT", "EXPERTISE", "DIFFICULTY", "SPREAD")) {
            browser.find(By.cssSelector("label[for='" + code + "-3']")).click();
        }
        browser.submitAndWait(By.cssSelector("button[name='action'][value='submit']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("모든 사례의 점수를 제출했습니다");
        assertThat(browser.findAll(By.cssSelector("main .cj-order .pg-badge"))).extracting(e -> e.getText())
                .containsExactly("제출", "제출", "제출");
        browser.check("order-done-820");

        // the first entry, submitted: shown as chosen, locked
        browser.open("/judge/contests/stages/" + stage + "/entries/" + entries.getFirst());
        assertThat(browser.find(By.id("FELT-0")).isSelected()).isTrue();
        assertThat(browser.find(By.id("EXPERTISE-1")).isSelected()).isTrue();
        assertThat(browser.find(By.id("FELT-0")).isEnabled()).isFalse();
        assertThat(browser.text(By.cssSelector("main"))).contains("제출한 점수는 고칠 수 없습니다");
        browser.check("entry-submitted-820");

        // the owner closes the stage: the judge's screen says so and takes nothing
        fixture.as(OWNER, () -> stages.close(stage));
        browser.open("/judge/contests/stages/" + stage + "/entries/" + entries.get(2));
        assertThat(browser.text(By.cssSelector("main"))).contains("이 단계는 마감되었습니다");
        browser.check("entry-closed-820");

        var outsider = Http.signedIn(port, OUTSIDER);
        assertThat(outsider.getPage("/judge/contests/stages/" + stage).getStatusCode().value()).isEqualTo(404);
        assertThat(outsider.getPage("/judge/contests/stages/" + stage + "/entries/" + entries.getFirst()).getStatusCode().value())
                .isEqualTo(404);
        assertThat(Http.signedIn(port, OWNER).getPage("/judge").getStatusCode().value()).isEqualTo(403);
    }
}
