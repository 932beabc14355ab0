package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The session time limit (KWCAG 2.2.1) in a real browser, with a 24-second session and a 20-second warning so the
 * test runs in under a minute (its own application context): the dialog appears, takes focus, and "연장" really
 * extends the server's session; left alone, the page signs out and says why.
 */
@IntegrationTest
@TestPropertySource(properties = {"pyeongga.account.session-timeout=24s", "pyeongga.account.session-warning=20s"})
class SessionTimeoutBrowserTests {

    private static BrowserSession browser;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(SessionTimeoutBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void warnsBeforeTheSessionEndsAndExtendsItOnRequest() throws InterruptedException {
        String email = "timeout@session.test.pyeongga.kr";
        if (accounts.idOf(email).isEmpty()) {
            accounts.create(email, "시간 제한 시험", TestUsers.PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
        }
        browser.at(port);
        browser.signIn(email);
        browser.open("/account");
        long loaded = System.nanoTime();
        assertThat(browser.find(By.id("pg-session-dialog")).getDomProperty("open")).isEqualTo("false");

        var dialogOpen = new WebDriverWait(browser.driver(), Duration.ofSeconds(15));
        dialogOpen.until(d -> "true".equals(d.findElement(By.id("pg-session-dialog")).getDomProperty("open")));
        assertThat(browser.text(By.id("pg-session-text"))).contains("자동으로 로그아웃됩니다", "초");
        assertThat(browser.js("return document.activeElement.hasAttribute('data-session-extend')")).isEqualTo(true);
        browser.check("warning");

        browser.find(By.cssSelector("[data-session-extend]")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> "false".equals(d.findElement(By.id("pg-session-dialog")).getDomProperty("open")));

        // Past the first deadline: the extension (one request) kept the server's session alive.
        sleepUntil(loaded, Duration.ofSeconds(26));
        browser.open("/account");
        assertThat(browser.currentPath()).isEqualTo("/account");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("내 계정");

        // Left alone now: warned, then signed out with the reason.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
                .until(d -> d.getCurrentUrl().endsWith("/login?error=timeout"));
        browser.waitForPage();
        assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("자동으로 로그아웃되었습니다");
        browser.check("timed-out");
        Thread.sleep(1500);
        browser.open("/account");
        assertThat(browser.currentPath()).startsWith("/login");
    }

    private static void sleepUntil(long start, Duration after) throws InterruptedException {
        long left = start + after.toNanos() - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
