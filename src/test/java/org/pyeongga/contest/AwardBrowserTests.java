package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * In Chromium, axe-clean: a committee member records the 의결 on the decision page and publishes it; HR records an
 * awardee's wish, checks eligibility and applies the incentive, watching the half-substantial rule; the public result
 * page in Korean and English, on a desktop and on a 390 px phone; an unpublished contest is 404 for the public.
 */
@IntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwardBrowserTests {

    private static BrowserSession browser;
    private static AwardFixture.Boryeong contest;
    private static AwardFixture.Boryeong decided;

    @Autowired
    Decisions decisions;

    @Autowired
    Incentives incentives;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionRegistry registry;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(AwardBrowserTests.class);
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
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        synchronized (AwardBrowserTests.class) {
            if (contest == null) {
                var fixture = new AwardFixture(jdbc, accounts, users, registry);
                contest = fixture.boryeong2024("(브라우저) " + UUID.randomUUID().toString().substring(0, 4));
                decided = fixture.boryeong2024("(인센티브) " + UUID.randomUUID().toString().substring(0, 4));
                incentives.offerDefaults(decided.contest());
                decisions.record(decided.contest(), new NewDecision(LocalDate.parse("2024-06-20"), Outcome.DECIDED,
                        AwardFixture.committee(5), decided.awards(), null, null, null, null));
            }
        }
    }

    @Test
    @Order(1)
    void theCommitteeRecordsTheDecisionAndPublishes() {
        browser.signIn(AwardFixture.COMMITTEE);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/contests/awards']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("의결·인센티브");
        browser.check("list");
        browser.clickAndWait(By.cssSelector("main a[href='/admin/contests/" + contest.contest() + "/decision']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("적극행정위원회 심의·의결");
        browser.check("decision-empty");

        String[] members = {"부시장 김위원", "기획감사실장 이위원", "민간위원 최교수", "민간위원 정변호사", "민간위원 한회계사"};
        for (int i = 0; i < members.length; i++) {
            browser.setValue(By.name("attName" + i), members[i]);
            if (i >= 2) {
                browser.find(By.cssSelector("select[name='attAffiliation" + i + "'] option[value='CIVILIAN']")).click();
            }
        }
        // Only two of five present: refused with the quorum message, nothing recorded.
        for (int i = 2; i < members.length; i++) {
            tick(By.cssSelector("label[for='attPresent" + i + "']"));
        }
        selectTiers();
        browser.submitAndWait(By.xpath("//main//button[normalize-space()='의결 기록']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("의사정족수에 미달", "5명 중 2명");
        assertThat(browser.text(By.cssSelector("main"))).contains("아직 기록된 의결이 없습니다");
        browser.check("decision-no-quorum");

        for (int i = 0; i < members.length; i++) {
            browser.setValue(By.name("attName" + i), members[i]);
            if (i >= 2) {
                browser.find(By.cssSelector("select[name='attAffiliation" + i + "'] option[value='CIVILIAN']")).click();
            }
            if (i == 4) {
                tick(By.cssSelector("label[for='attPresent" + i + "']")); // 4 of 5 present
            }
        }
        selectTiers();
        browser.submitAndWait(By.xpath("//main//button[normalize-space()='의결 기록']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("의결을 기록했습니다");
        assertThat(browser.text(By.cssSelector("main"))).contains("재적 5명 중 4명 출석", "정족수 충족",
                "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴");
        browser.check("decision-recorded");

        browser.submitAndWait(By.xpath("//main//button[normalize-space()='결과 공개']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("결과를 공개했습니다");
        browser.check("decision-published");
    }

    /** Clicks a check box's or radio button's label (scrolled to the middle first: the page scrolls smoothly). */
    private void tick(By label) {
        var element = browser.find(label);
        browser.js("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
        element.click();
    }

    private void selectTiers() {
        browser.find(By.cssSelector("select[name='tier_" + contest.tax() + "'] option[value='1']")).click();
        browser.find(By.cssSelector("select[name='tier_" + contest.industry() + "'] option[value='2']")).click();
        browser.find(By.cssSelector("select[name='tier_" + contest.tourism() + "'] option[value='2']")).click();
        browser.find(By.cssSelector("select[name='tier_" + contest.welfare() + "'] option[value='3']")).click();
        browser.find(By.cssSelector("select[name='tier_" + contest.water() + "'] option[value='3']")).click();
    }

    @Test
    @Order(2)
    void hrAppliesAnIncentiveAndSeesTheHalfRule() {
        browser.signIn(AwardFixture.HR);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/contests/awards']"));
        browser.clickAndWait(By.cssSelector("main a[href='/admin/contests/" + decided.contest() + "/incentives']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("수상자 인센티브");
        assertThat(browser.text(By.id("half-rule"))).contains("미충족", "선발 7명 중 파격적 인센티브 적용 0명");
        browser.check("incentives");

        String key = decided.tax() + "-1";
        browser.find(By.cssSelector("#wish-" + key + " option[value='SPECIAL_PROMOTION']")).click();
        browser.submitAndWait(By.xpath("//article[@aria-labelledby='awardee-" + key + "']//button[normalize-space()='희망 저장']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("희망 인센티브를 저장했습니다");

        // The check without choosing eligible or not: refused, with the reason.
        browser.submitAndWait(By.xpath("//article[@aria-labelledby='awardee-" + key + "']//button[normalize-space()='요건 확인 저장']"));
        assertThat(browser.text(By.cssSelector("main .pg-danger"))).contains("적용 가능 또는 적용 불가를 고르세요");
        browser.check("incentives-check-refused");

        tick(By.cssSelector("label[for='eligible-yes-" + key + "']"));
        browser.setValue(By.id("basis-" + key), "「지방공무원 임용령」 제38조의4");
        browser.setValue(By.id("note-" + key), "승진 소요 최저연수 충족");
        browser.submitAndWait(By.xpath("//article[@aria-labelledby='awardee-" + key + "']//button[normalize-space()='요건 확인 저장']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("요건 확인을 저장했습니다");
        browser.setValue(By.id("applied-" + key), "2024-07-01");
        browser.submitAndWait(By.xpath("//article[@aria-labelledby='awardee-" + key + "']//button[normalize-space()='적용 완료로 기록']"));
        assertThat(browser.text(By.cssSelector("main .pg-success"))).contains("인센티브를 적용 완료로 기록했습니다");
        assertThat(browser.text(By.cssSelector("article[aria-labelledby='awardee-" + key + "']")))
                .contains("특별승진", "적용 가능 (근거: 「지방공무원 임용령」 제38조의4)", "2024-07-01");
        assertThat(browser.text(By.id("half-rule"))).contains("선발 7명 중 파격적 인센티브 적용 1명 (14.3%)");
        browser.check("incentives-applied");

        browser.open("/admin/contests/" + decided.contest() + "/incentives?lang=en");
        assertThat(browser.text(By.id("half-rule"))).contains("Not met", "1 of 7 selected people");
        browser.check("incentives-en");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/admin/contests/" + decided.contest() + "/incentives?lang=ko");
        browser.check("incentives-phone");

        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        browser.open("/admin/contests/statistics?from=2024-01-01&to=2024-12-31");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("경진대회·선발 통계");
        assertThat(browser.text(By.cssSelector("main"))).contains("2024 상반기", "특별승진");
        browser.check("statistics");
    }

    @Test
    @Order(3)
    void thePublicSeesThePublishedResultsOnAPhoneToo() {
        browser.driver().manage().deleteAllCookies();
        browser.open("/contests/" + contest.contest());
        assertThat(browser.text(By.tagName("h1"))).startsWith("2024년 상반기 적극행정 우수사례 경진대회");
        assertThat(browser.text(By.cssSelector("main"))).contains("등급별 수상 사례", "최우수", "세무과",
                "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴", "신산업전략과", "심사 방법", "최종 점수 산식")
                .doesNotContain("김세원");
        browser.check("public");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/contests/" + contest.contest());
        assertThat((Long) browser.js("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390L);
        browser.check("public-phone");
        browser.open("/contests/" + contest.contest() + "?lang=en");
        assertThat(browser.text(By.cssSelector("main"))).contains("Awarded cases by tier", "Grand prize", "Tax Division");
        browser.check("public-phone-en");

        // Not published: the public gets 404.
        browser.open("/contests/" + decided.contest());
        assertThat(browser.text(By.tagName("h1"))).doesNotContain("경진대회");
        assertThat(browser.text(By.cssSelector("main"))).contains("404");
    }
}
