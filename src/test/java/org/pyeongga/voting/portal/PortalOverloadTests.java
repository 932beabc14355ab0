package org.pyeongga.voting.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballot.Eligibility;
import org.pyeongga.voting.Ballot.Visibility;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.VoteCasting;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * When casting is overloaded the citizen gets the "try again in N seconds" page — 503 with Retry-After, their choices
 * carried along to retry, no error page and no stack trace — and in Chromium it counts down accessibly and can be
 * stopped. (Casting is made to answer "overloaded" here; the real queue is exercised by the benchmark.)
 */
@IntegrationTest
class PortalOverloadTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @Autowired
    Ballots ballots;

    @Autowired
    InstitutionRegistry registry;

    @MockitoSpyBean
    VoteCasting casting;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(PortalOverloadTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void overloadShowsTheRetryPageWithTheChoiceKeptAndACountdownThatCanBeStopped() {
        long id = PortalFixture.open(ballots, PortalFixture.single(PortalFixture.institution(registry, "보령시"),
                "포털 시험: 과부하", Eligibility.VERIFIED, null, Visibility.HIDDEN_UNTIL_PUBLISHED));
        Ballot ballot = ballots.ballot(id);
        long option = ballot.options().get(1).id();
        doThrow(new Overloaded(7)).when(casting).cast(anyLong(), any(), any(), any(), any());

        var citizen = PortalFixture.verified(port, "overload-" + id, "");
        var answer = PortalFixture.post(citizen, "/participate/verify", "/participate/ballots/" + id, "option=" + option);
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("7");
        assertThat(answer.getBody()).contains("잠시 후 다시 시도해 주세요").contains("7초 후 자동으로 다시 시도합니다")
                .contains("<input type=\"hidden\" name=\"option\" value=\"" + option + "\">")
                .contains("action=\"/participate/ballots/" + id + "\"")
                .doesNotContain("Exception").doesNotContain("at org.");

        browser.at(port);
        browser.open("/participate/verify?next=/participate/ballots/" + id);
        browser.setValue(By.id("name"), "김민지");
        browser.setValue(By.id("birthDate"), "1990-03-01");
        browser.setValue(By.id("testPerson"), "overload-browser-" + id);
        var consent = browser.find(By.cssSelector("label[for='consent']"));
        browser.scrollIntoView(consent);
        consent.click();
        browser.submitAndWait(By.cssSelector("form.pt-form button[type='submit']"));
        var label = browser.find(By.cssSelector("label[for='option-" + option + "']"));
        browser.scrollIntoView(label);
        label.click();
        browser.submitAndWait(By.cssSelector("form.pt-ballot button[type='submit']"));
        browser.check("overload");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("잠시 후 다시 시도해 주세요");
        assertThat(browser.find(By.id("pt-countdown")).getDomAttribute("role")).isEqualTo("timer");
        browser.waiting().until(d -> browser.text(By.id("pt-countdown")).matches("[1-6]초 후 자동으로 다시 시도합니다\\."));
        browser.find(By.id("pt-retry-stop")).click();
        assertThat(browser.text(By.id("pt-retry-status"))).startsWith("자동 재시도를 멈췄습니다");
        assertThat(browser.find(By.id("pt-countdown")).isDisplayed()).isFalse();
        assertThat(browser.find(By.cssSelector("#pt-retry input[name='option']")).getDomProperty("value"))
                .isEqualTo(String.valueOf(option));
    }
}
