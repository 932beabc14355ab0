package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The 429 page as a person meets it: the login form sent too often for one user name, in Chromium, with the axe-core
 * scan and screenshots ({@code target/screenshots/RateLimitBrowserTests-*.png}). Shared context with the default
 * limits; the user name (nobody's account) is this class's own, so no other test is slowed down.
 */
@IntegrationTest
class RateLimitBrowserTests {

    static final String GUESSED = "ratelimit.browser@test.pyeongga.kr";

    private static BrowserSession browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(RateLimitBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void pointBrowserAtApp() {
        browser.at(port);
    }

    @Test
    void tooManySignInAttemptsShowTheKoreanPageWithTheWaitAndAWayHome() {
        browser.open("/login");
        for (int i = 0; i < 10; i++) {
            attempt("wrong-password-" + i);
            assertThat(browser.currentPath()).isEqualTo("/login?error=bad");
        }
        attempt("wrong-password-10");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("요청이 너무 많습니다");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).matches("요청이 너무 많습니다\\. \\d+초 뒤에 다시 시도해 주세요\\..*");
        browser.check("too-many");
        browser.assertKoreanRenders("h1");

        // In English once the person has switched (the choice is kept in a cookie).
        browser.open("/login?lang=en");
        attempt("wrong-password-11");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Too many requests");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).matches("Too many requests\\. Please try again in \\d+ seconds\\..*");
        browser.check("too-many-en");

        browser.clickAndWait(By.cssSelector("main a[href='/']"));
        assertThat(browser.currentPath()).isEqualTo("/");
    }

    private void attempt(String password) {
        browser.setValue(By.id("username"), GUESSED);
        browser.setValue(By.id("password"), password);
        browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
    }
}
