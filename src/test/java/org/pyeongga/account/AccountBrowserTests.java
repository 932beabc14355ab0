package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestMail;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accounts as people use them, in headless Chromium with axe-core on every page: an administrator's first sign-in
 * (registering the authenticator from the QR page), inviting a colleague who sets their own password from the e-mail
 * (GreenMail), my account and "log out everywhere", and the lockout message after five wrong passwords.
 */
@IntegrationTest
class AccountBrowserTests {

    private static BrowserSession browser;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(AccountBrowserTests.class);
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
    void anAdministratorRegistersAnAuthenticatorThenInvitesAColleagueWhoSetsTheirOwnPassword() {
        String admin = "browser.admin@account.test.pyeongga.kr";
        if (accounts.idOf(admin).isEmpty()) {
            accounts.create(admin, "브라우저 관리자", TestUsers.PASSWORD, Set.of(new Membership(null, Role.SYSTEM_ADMIN)));
        }
        // First sign-in: the password, then the registration page with the QR code (BrowserSession reads the secret).
        browser.open("/login");
        browser.setValue(By.id("username"), admin);
        browser.setValue(By.id("password"), TestUsers.PASSWORD);
        browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(browser.currentPath()).isEqualTo("/login/otp");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("2단계 인증 등록");
        assertThat(browser.find(By.cssSelector("main img.pg-qr")).getDomAttribute("alt")).contains("QR");
        browser.check("otp-setup");
        browser.setValue(By.id("code"), "000000".equals(TestUsers.apiCode(admin)) ? "111111" : "000000");
        // A wrong code: told so, still on the second step.
        String secret = browser.text(By.id("otp-secret")).replace(" ", "");
        browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("인증 번호가 맞지 않거나");
        browser.check("otp-wrong");
        TestUsers.remember(admin, secret);
        browser.setValue(By.id("code"), TestUsers.nextCode(admin));
        browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(browser.currentPath()).doesNotStartWith("/login");

        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/users']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("사용자 관리");
        browser.check("users");
        browser.clickAndWait(By.cssSelector("main a[href='/admin/users/new']"));
        browser.check("invite");
        // A mistake first: an institution that does not exist.
        String colleague = "colleague@account.test.pyeongga.kr";
        browser.setValue(By.id("email"), colleague);
        browser.setValue(By.id("name"), "논산 동료");
        browser.setValue(By.id("institution"), "없는시");
        browser.js("document.getElementById('role').value = 'INDICATOR_OWNER'");
        browser.submitAndWait(By.cssSelector("main form button[type='submit']"));
        assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("없는시");
        assertThat(browser.find(By.id("email")).getDomProperty("value")).isEqualTo(colleague);
        browser.check("invite-error");
        browser.setValue(By.id("institution"), "논산시");
        assertThat(browser.find(By.id("role")).getDomProperty("value")).isEqualTo("INDICATOR_OWNER");
        browser.submitAndWait(By.cssSelector("main form button[type='submit']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("논산 동료");
        assertThat(browser.text(By.id("user-status"))).isEqualTo("초대함 (비밀번호 미설정)");
        assertThat(browser.text(By.cssSelector("main table"))).contains("충청남도 논산시", "지표 담당자");
        browser.check("user-invited");

        // The colleague, in their own browser session, opens the link from the e-mail.
        var link = Pattern.compile("http://\\S+/invitation/[A-Za-z0-9_-]{43}").matcher(TestMail.body(TestMail.awaitFor(colleague, 1)));
        assertThat(link.find()).isTrue();
        browser.at(port);
        browser.driver().get(link.group());
        browser.waitForPage();
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("비밀번호 정하기");
        browser.check("invitation");
        browser.setValue(By.id("password"), "sunny-harbor-2026");
        browser.setValue(By.id("confirmation"), "sunny-harbor-2027");
        browser.submitAndWait(By.cssSelector("main form button[type='submit']"));
        assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("확인이 서로 다릅니다");
        browser.check("invitation-error");
        browser.setValue(By.id("password"), "sunny-harbor-2026");
        browser.setValue(By.id("confirmation"), "sunny-harbor-2026");
        browser.submitAndWait(By.cssSelector("main form button[type='submit']"));
        assertThat(browser.currentPath()).isEqualTo("/login?invited");
        assertThat(browser.text(By.cssSelector("main [role='status']"))).contains("비밀번호를 정했습니다");
        browser.check("login-invited");
        browser.setValue(By.id("username"), colleague);
        browser.setValue(By.id("password"), "sunny-harbor-2026");
        browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(browser.currentPath()).isEqualTo("/");

        // My account, then "log out everywhere".
        browser.clickAndWait(By.cssSelector("#krds-header a[href='/account']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("내 계정");
        assertThat(browser.text(By.cssSelector("main table"))).contains("충청남도 논산시", "지표 담당자");
        browser.check("me");
        browser.clickAndWait(By.xpath("//main//button[normalize-space()='모든 기기에서 로그아웃']"));
        assertThat(browser.currentPath()).isEqualTo("/login?error=ended");
        browser.check("login-ended");
    }

    @Test
    void fiveWrongPasswordsShowTheLockoutInKorean() {
        String email = "locked.in.browser@account.test.pyeongga.kr";
        if (accounts.idOf(email).isEmpty()) {
            accounts.create(email, "잠길 사람", TestUsers.PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
        }
        for (int i = 0; i < Accounts.LOCK_AFTER; i++) {
            browser.open("/login");
            browser.setValue(By.id("username"), email);
            browser.setValue(By.id("password"), "wrong-password-" + i);
            browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
            assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("맞지 않습니다");
        }
        browser.check("login-bad");
        browser.setValue(By.id("username"), email);
        browser.setValue(By.id("password"), TestUsers.PASSWORD);
        browser.submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(browser.currentPath()).isEqualTo("/login?error=locked");
        assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("15분 동안 잠겼습니다");
        // The message has focus, so a screen reader reads it first.
        assertThat(browser.js("return document.activeElement.getAttribute('role')")).isEqualTo("alert");
        browser.check("login-locked");
    }
}
