package org.pyeongga.voting.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The participation portal in Chromium, axe-clean on a desktop and a 390-px phone: the home page, the identity check
 * with its consent notice, and what the citizen is told when something is missing.
 */
@IntegrationTest
class PortalBrowserTests {

    private static BrowserSession browser;

    @LocalServerPort
    int port;

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
    }

    @AfterEach
    void desktop() {
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void theHomeLeadsToTheIdentityCheckWhichExplainsWhatIsKeptOnAPhoneToo() {
        browser.open("/participate");
        browser.check("home");
        browser.assertKoreanRenders("main h1");
        assertThat(browser.text(By.cssSelector("nav.pg-gnb a[aria-current='page']"))).isEqualTo("참여");
        assertThat(browser.find(By.cssSelector("a[href='/participate/proposals']")).getText()).isEqualTo("정책장터");

        browser.clickAndWait(By.cssSelector("main a[href='/participate/verify']"));
        browser.check("verify");
        assertThat(browser.text(By.id("pt-consent-title"))).isEqualTo("개인정보 수집·이용 안내");
        assertThat(browser.text(By.cssSelector(".pt-consent"))).contains("가명 키").contains("주민등록번호는 받지 않습니다");
        assertThat(browser.text(By.cssSelector("fieldset legend"))).isEqualTo("본인 정보(개발용)");
        assertThat(browser.findAll(By.cssSelector("#residenceCode option"))).extracting(e -> e.getText())
                .contains("충청남도 보령시", "전북특별자치도 군산시");

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/participate/verify?next=/participate");
        browser.check("verify-390");
        Object overflow = browser.js("return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("the identity check fits a 390-px phone without sideways scrolling").isEqualTo(false);

        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        browser.open("/participate?lang=en");
        browser.check("home-en");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Citizen participation");
        browser.open("/participate?lang=ko");
    }
}
