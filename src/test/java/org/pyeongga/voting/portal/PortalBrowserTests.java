package org.pyeongga.voting.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Visibility;
import org.pyeongga.voting.Ballots;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participation portal in Chromium, axe-clean, on a desktop and a 390-px phone: a citizen verifies, votes on a
 * single-choice ballot, gets a receipt and checks it; a citizen answers 보령시's top-10 news survey (the "n/N 선택"
 * count, a missing answer brought to their attention with the choices kept, the character counter); the ranked and
 * up-to-N pages.
 */
@IntegrationTest
class PortalBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    org.pyeongga.voting.Tallies tallies;

    @Autowired
    Ballots ballots;

    @Autowired
    InstitutionRegistry registry;

    long boryeong;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(PortalBrowserTests.class);
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
        boryeong = PortalFixture.institution(registry, "보령시");
    }

    @AfterEach
    void desktop() {
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void aCitizenVerifiesVotesGetsAReceiptAndChecksIt() {
        long id = PortalFixture.open(ballots, PortalFixture.single(boryeong, "보령 시민 광장 활용안", Eligibility.VERIFIED, null,
                Visibility.HIDDEN_UNTIL_PUBLISHED));
        Ballot ballot = ballots.ballot(id);

        browser.open("/participate");
        browser.check("home");
        browser.assertKoreanRenders("main h1");
        assertThat(browser.text(By.cssSelector("nav.pg-gnb a[aria-current='page']"))).isEqualTo("참여");
        browser.clickAndWait(By.cssSelector("a[href='/participate/ballots/" + id + "']"));

        assertThat(browser.currentPath()).startsWith("/participate/verify?next=");
        browser.check("verify");
        assertThat(browser.text(By.cssSelector(".pt-consent"))).contains("가명 키").contains("주민등록번호는 받지 않습니다");
        verify("voter-" + id, "");

        assertThat(browser.currentPath()).isEqualTo("/participate/ballots/" + id);
        browser.check("ballot-single");
        assertThat(browser.text(By.cssSelector("fieldset legend"))).isEqualTo("하나를 고르세요 (필수)");
        click(By.cssSelector("label[for='option-" + ballot.options().get(1).id() + "']"));
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));

        browser.check("receipt");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("투표가 접수되었습니다");
        String code = browser.text(By.id("pt-code"));
        assertThat(code).matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){3}");
        assertThat(browser.text(By.cssSelector(".pt-receipt"))).contains("무엇을 골랐는지가 담겨 있지 않아")
                .doesNotContain("나안");
        assertThat(browser.find(By.id("pt-copy")).isDisplayed()).as("copy button (clipboard on localhost)").isTrue();

        browser.clickAndWait(By.cssSelector("a[href^='/participate/receipts?code=']"));
        browser.check("receipt-check");
        assertThat(browser.text(By.cssSelector(".pt-check"))).contains("집계에 반영되었습니다").contains("보령 시민 광장 활용안")
                .doesNotContain("나안");
        assertThat(browser.js("return document.activeElement.classList.contains('pt-check')")).isEqualTo(true);

        // Voting again is refused on the page, the choice still selected.
        browser.open("/participate/ballots/" + id);
        click(By.cssSelector("label[for='option']"));
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));
        browser.check("ballot-duplicate");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).contains("이미 참여하셨습니다");
        assertThat(browser.find(By.id("option")).isSelected()).isTrue();
        assertThat(browser.js("return document.activeElement.getAttribute('role')")).isEqualTo("alert");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/participate/ballots/" + id);
        browser.check("ballot-single-390");
        assertThat(browser.js("return document.documentElement.scrollWidth > window.innerWidth"))
                .as("the ballot fits a 390-px phone without sideways scrolling").isEqualTo(false);
    }

    @Test
    void aCitizenAnswersTheTopTenNewsSurvey() {
        long id = PortalFixture.open(ballots, PortalFixture.news(boryeong, PortalFixture.NEWS_TITLE));
        Ballot survey = ballots.ballot(id);
        var news = survey.questions().get(0);
        var scale = survey.questions().get(1);
        var comment = survey.questions().get(2);

        browser.open("/participate/verify?next=/participate/ballots/" + id);
        verify("news-" + id, "4418000000");
        browser.check("survey");
        assertThat(browser.text(By.id("pt-count-" + news.id()))).isEqualTo("3개 중 0개 선택");
        for (int i = 0; i < 4; i++) {
            click(By.cssSelector("label[for='" + field(news.id(), news.options().get(i).id(), i) + "']"));
        }
        assertThat(browser.text(By.id("pt-count-" + news.id()))).isEqualTo("3개까지 고를 수 있는데 4개를 골랐습니다");
        click(By.cssSelector("label[for='" + field(news.id(), news.options().get(3).id(), 3) + "']"));
        assertThat(browser.text(By.id("pt-count-" + news.id()))).isEqualTo("3개 중 3개 선택");
        browser.find(By.id("q-" + comment.id())).sendKeys("대천항 수산시장 현대화도 넣어 주세요");
        assertThat(browser.text(By.id("pt-counter-" + comment.id()))).isEqualTo("20/500자");

        // The scale question is left out: the summary says so, takes the focus, and nothing chosen is lost.
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));
        browser.check("survey-missing");
        assertThat(browser.js("return document.activeElement.getAttribute('role')")).isEqualTo("alert");
        assertThat(browser.text(By.cssSelector(".pt-error-summary"))).contains("2번 문항에 답해 주세요");
        assertThat(browser.findAll(By.cssSelector("input[name='q_" + news.id() + "']:checked"))).hasSize(3);
        assertThat(browser.find(By.id("q-" + comment.id())).getDomProperty("value")).isEqualTo("대천항 수산시장 현대화도 넣어 주세요");
        browser.find(By.cssSelector(".pt-error-summary a")).sendKeys(Keys.ENTER);
        assertThat(browser.js("return document.activeElement.id")).isEqualTo("q-" + scale.id());

        click(By.cssSelector("label[for='q-" + scale.id() + "-4']"));
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));
        browser.check("survey-receipt");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("응답이 접수되었습니다");

        browser.open("/participate/ballots/" + id + "/results");
        browser.check("results-hidden");
        assertThat(browser.text(By.cssSelector(".pt-hidden"))).startsWith("결과는 공개 후 확인할 수 있습니다");
        assertThat(browser.findAll(By.cssSelector("table, .pt-chart, .pt-counted"))).isEmpty();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/participate/ballots/" + id + "?lang=en");
        browser.check("survey-390-en");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo(PortalFixture.NEWS_TITLE + " (en)");
        browser.open("/participate?lang=ko");
    }

    @Test
    void theRankedAndUpToNPagesExplainThemselves() {
        long ranked = PortalFixture.open(ballots, PortalFixture.ranked(boryeong, "적극행정 우수사례 순위"));
        long multiple = PortalFixture.open(ballots, PortalFixture.multiple(boryeong, "주민참여예산 사업 고르기", 2));
        browser.open("/participate/verify?next=/participate/ballots/" + ranked);
        verify("ranked-" + ranked, "");
        browser.check("ballot-ranked");
        assertThat(browser.text(By.cssSelector("fieldset legend"))).isEqualTo("선호하는 순서대로 순위를 정하세요 (필수)");
        Ballot ballot = ballots.ballot(ranked);
        browser.setValue(By.id("rank-" + ballot.options().get(0).id()), "2");
        browser.setValue(By.id("rank-" + ballot.options().get(2).id()), "2");
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));
        browser.check("ballot-ranked-error");
        assertThat(browser.text(By.cssSelector(".pt-error-summary"))).contains("2위를 두 번 정했습니다");
        browser.setValue(By.id("rank-" + ballot.options().get(2).id()), "1");
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("투표가 접수되었습니다");

        // A LIVE ballot shows its results while open: bars for the eye, the same numbers in a table for everyone.
        // Tallies are counted in the background (every 30 s, never per vote); count now, as that job would, so the page
        // does not show a tally the job happened to take just before the vote.
        tallies.recount(ranked);
        browser.open("/participate/ballots/" + ranked + "/results");
        browser.check("results-ranked");
        assertThat(browser.text(By.cssSelector(".pt-counted"))).isEqualTo("1");
        assertThat(browser.find(By.cssSelector(".pt-bars")).getDomAttribute("aria-hidden")).isEqualTo("true");
        assertThat(browser.text(By.cssSelector(".pt-chart table tbody"))).contains("병 2 66.7%");
        assertThat(browser.find(By.id("pt-results")).getDomAttribute("hx-trigger")).isEqualTo("every 30s");
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/participate/ballots/" + ranked + "/results");
        browser.check("results-ranked-390");
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));

        browser.open("/participate/ballots/" + multiple);
        browser.check("ballot-multiple");
        assertThat(browser.text(By.cssSelector("fieldset legend"))).isEqualTo("최대 2개까지 고르세요 (필수)");
        assertThat(browser.find(By.id("pt-count-option")).getDomAttribute("aria-live")).isEqualTo("polite");
    }

    private void verify(String testPerson, String residence) {
        browser.setValue(By.id("name"), "김민지");
        browser.setValue(By.id("birthDate"), "1990-03-01");
        browser.setValue(By.id("testPerson"), testPerson);
        browser.setValue(By.id("residenceCode"), residence);
        click(By.cssSelector("label[for='consent']"));
        browser.submitAndWait(By.cssSelector("form.pt-form button[type='submit']"));
    }

    /** Clicks like a person: scrolled into view first (KRDS scrolls smoothly, so a plain click can miss). */
    private static void click(By by) {
        var element = browser.find(by);
        browser.scrollIntoView(element);
        element.click();
    }

    private static String field(long question, long option, int index) {
        return index == 0 ? "q-" + question : "q-" + question + "-" + option;
    }
}
