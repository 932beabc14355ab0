package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.pyeongga.audit.AuditTrail;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.OpenIdProvider;
import org.pyeongga.support.OpenIdProvider.Person;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through an institution's own SSO against a real OpenID Provider (Spring Authorization Server, started
 * here on {@code localhost}; the app runs on {@code 127.0.0.1}). The full authorization-code flow runs every time: in
 * headless Chromium for the staff member who gets in, and with a cookie-keeping HTTP client, hop by hop, for everyone
 * who is turned away. Nothing about the provider is mocked.
 */
@IntegrationTest
@DirtiesContext
class OidcLoginTests {

    static final String REGISTRATION = "test-idp";
    static final String PROVIDER_NAME = "시험 기관 통합인증";

    static final String AUDITOR = "sso.auditor@test.pyeongga.kr";
    static final String STRANGER = "sso.stranger@test.pyeongga.kr";
    static final String LEAVER = "sso.leaver@test.pyeongga.kr";
    static final String LOCKED = "sso.locked@test.pyeongga.kr";
    static final String UNVERIFIED = "sso.unverified@test.pyeongga.kr";

    private static OpenIdProvider provider;
    private static BrowserSession browser;

    @Autowired
    Accounts accounts;

    @Autowired
    AccountStore store;

    @Autowired
    AuditTrail audit;

    @LocalServerPort
    int port;

    /** The provider starts when the app's context asks for its issuer (the app reads its discovery document on start). */
    @DynamicPropertySource
    static void institutionSso(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration." + REGISTRATION + ".client-id", () -> OpenIdProvider.CLIENT_ID);
        registry.add(prefix + "registration." + REGISTRATION + ".client-secret", () -> OpenIdProvider.CLIENT_SECRET);
        registry.add(prefix + "registration." + REGISTRATION + ".client-name", () -> PROVIDER_NAME);
        registry.add(prefix + "registration." + REGISTRATION + ".scope", () -> "openid,email,profile");
        registry.add(prefix + "provider." + REGISTRATION + ".issuer-uri", () -> provider().issuer());
    }

    private static synchronized OpenIdProvider provider() {
        if (provider == null) {
            provider = OpenIdProvider.start(REGISTRATION, List.of(
                    // Institutions usually make the e-mail address the username: the subject then looks like one.
                    new Person(AUDITOR, AUDITOR, true),
                    new Person(STRANGER, STRANGER, true),
                    new Person(LEAVER, LEAVER, true),
                    new Person(LOCKED, LOCKED, true),
                    new Person("unverified", UNVERIFIED, false),
                    new Person("no-verified-claim", UNVERIFIED, null),
                    new Person("no-email", null, null)));
        }
        return provider;
    }

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(OidcLoginTests.class);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    @BeforeEach
    void pointBrowserAtApp() {
        browser.at(port);
    }

    private String app() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void aStaffMemberSignsInThroughTheInstitutionsSsoAndActsAsTheirAccount() {
        long id = accounts.create(AUDITOR, "통합인증 감사 담당", TestUsers.PASSWORD, Set.of(new Membership(null, Role.AUDIT_OFFICER)));

        // A page that needs sign-in sends the browser to our login page, which offers the institution's SSO.
        browser.driver().get(app() + "/audit");
        browser.waitForPage();
        assertThat(browser.currentPath()).isEqualTo("/login");
        var sso = browser.find(By.cssSelector("section.pg-sso a.krds-btn"));
        assertThat(sso.getText()).isEqualTo("기관 통합인증(SSO)으로 로그인: " + PROVIDER_NAME);
        assertThat(sso.getDomAttribute("href")).isEqualTo("/oauth2/authorization/" + REGISTRATION);
        assertThat(browser.text(By.cssSelector("section.pg-sso h2"))).isEqualTo("기관 통합인증(SSO)");
        browser.check("login-with-sso");
        String sessionBefore = appSession();

        // A plain link (GET), so the CSP's form-action 'self' has nothing to block: on to the provider's login page.
        browser.clickAndWait(sso);
        assertThat(browser.driver().getCurrentUrl()).startsWith(provider().issuer() + "/login");
        browser.setValue(By.id("username"), AUDITOR);
        browser.setValue(By.id("password"), OpenIdProvider.PASSWORD);
        browser.clickAndWait(By.cssSelector("form.login-form button[type='submit']"));

        // Back at the page first asked for, signed in as the staff account, in a new session.
        assertThat(browser.currentPath()).matches("/audit(\\?continue)?"); // Spring Security's saved-request marker
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("감사 기록");
        assertThat(browser.text(By.cssSelector(".pg-user"))).isEqualTo(AUDITOR);
        assertThat(browser.findAll(By.cssSelector("nav.pg-gnb a[href='/audit']"))).as("AUDIT_OFFICER menu").hasSize(1);
        assertThat(appSession()).isNotBlank().isNotEqualTo(sessionBefore);
        browser.check("audit-after-sso");

        // The sign-in is on the audit trail under the account (StaffSignedIn), as a password sign-in would be.
        assertThat(audit.recent(20)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("StaffSignedIn");
            assertThat(e.payload()).contains("\"userId\":" + id);
        });

        // Signing out works as for a password sign-in.
        browser.submitAndWait(By.cssSelector("form.pg-logout button[type='submit']"));
        browser.driver().get(app() + "/audit");
        browser.waitForPage();
        assertThat(browser.currentPath()).isEqualTo("/login");
    }

    @Test
    void anEmailWithNoStaffAccountIsTurnedAwayAndNoAccountIsCreated() throws Exception {
        Flow flow = signInAtProvider(STRANGER);
        assertThat(flow.landedOn()).isEqualTo("/login?error=sso-unknown");
        assertThat(flow.body()).contains("기관 통합인증(SSO)이 알려 준 전자우편 주소로 등록된 계정이 없습니다");
        assertThat(flow.signedIn()).isFalse();
        assertThat(accounts.exists(STRANGER)).isFalse();
        // The same refusal in the browser, where the message is what a person reads first.
        browser.driver().get(app() + "/login?error=sso-unknown");
        browser.waitForPage();
        assertThat(browser.text(By.cssSelector(".pg-main [role='alert']"))).contains("계정은 자동으로 만들어지지 않으니");
        assertThat(browser.js("return document.activeElement.getAttribute('role')")).isEqualTo("alert");
        browser.check("login-sso-unknown");
    }

    @Test
    void aDisabledAccountIsTurnedAway() throws Exception {
        long id = accounts.create(LEAVER, "통합인증 퇴직자", TestUsers.PASSWORD, Set.of(new Membership(null, Role.SYSTEM_ADMIN)));
        accounts.disable(id);
        Flow flow = signInAtProvider(LEAVER);
        assertThat(flow.landedOn()).isEqualTo("/login?error=disabled");
        assertThat(flow.body()).contains("사용이 중지된 계정입니다");
        assertThat(flow.signedIn()).isFalse();
    }

    @Test
    void aLockedAccountIsTurnedAwayAndStaysLocked() throws Exception {
        accounts.create(LOCKED, "통합인증 잠금", TestUsers.PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
        for (int i = 0; i < Accounts.LOCK_AFTER; i++) {
            accounts.loginFailed(LOCKED);
        }
        long signedInBefore = signIns();
        Flow flow = signInAtProvider(LOCKED); // the provider's subject is this very e-mail address
        assertThat(flow.landedOn()).isEqualTo("/login?error=locked");
        assertThat(flow.body()).contains("15분 동안 잠겼습니다");
        assertThat(flow.signedIn()).isFalse();
        var row = store.byEmail(LOCKED).orElseThrow();
        assertThat(row.lockedUntil()).as("still locked").isNotNull();
        assertThat(row.failedAttempts()).isEqualTo(Accounts.LOCK_AFTER);
        assertThat(signIns()).isEqualTo(signedInBefore);
    }

    @Test
    void anEmailTheProviderDoesNotVouchForIsTurnedAway() throws Exception {
        accounts.create(UNVERIFIED, "통합인증 미확인", TestUsers.PASSWORD, Set.of(new Membership(null, Role.AUDIT_OFFICER)));
        for (String who : List.of("unverified", "no-verified-claim", "no-email")) {
            Flow flow = signInAtProvider(who);
            assertThat(flow.landedOn()).as(who).isEqualTo("/login?error=sso-unverified");
            assertThat(flow.body()).as(who).contains("확인된 전자우편 주소를 알려 주지 않아");
            assertThat(flow.signedIn()).as(who).isFalse();
        }
    }

    @Test
    void aCallbackTheAppDidNotAskForIsRefused() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> forged = http.send(get(URI.create(app() + "/login/oauth2/code/" + REGISTRATION
                    + "?code=forged&state=forged")), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isEqualTo(302);
            assertThat(forged.headers().firstValue("Location").orElseThrow()).endsWith("/login?error=sso");
            HttpResponse<String> page = http.send(get(URI.create(app() + "/login?error=sso")), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("기관 통합인증(SSO)으로 로그인하지 못했습니다");
        }
    }

    @Test
    void theLoginPageSpeaksEnglishToo() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(app() + "/login?error=sso-unknown&lang=en"))
                    .header("Accept-Language", "en").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("Sign in with institution SSO: " + PROVIDER_NAME)
                    .contains("No account is registered for the e-mail address");
        }
    }

    /** How many StaffSignedIn entries the audit trail has (among its latest). */
    private long signIns() {
        return audit.recent(200).stream().filter(e -> e.action().equals("StaffSignedIn")).count();
    }

    /** The app's session cookie in the browser (the provider's, on another host, is a different cookie). */
    @SuppressWarnings("unchecked")
    private String appSession() {
        var cookies = (List<Map<String, Object>>) ((ChromeDriver) browser.driver())
                .executeCdpCommand("Network.getAllCookies", Map.of()).get("cookies");
        return cookies.stream().filter(c -> "JSESSIONID".equals(c.get("name")) && "127.0.0.1".equals(c.get("domain")))
                .map(c -> String.valueOf(c.get("value"))).findFirst().orElse("");
    }

    /** Where the app finally sent the person, that page's text, and whether the session then reaches a signed-in page. */
    record Flow(String landedOn, String body, boolean signedIn) {}

    /**
     * The authorization-code flow as a browser runs it, with a client that keeps cookies per host and follows each
     * redirect itself: the app's SSO link, the provider's login form, the provider's redirect back with the code, and
     * the app's answer to it.
     */
    private Flow signInAtProvider(String username) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            List<URI> hops = new ArrayList<>();
            HttpResponse<String> loginForm = follow(http, get(URI.create(app() + "/oauth2/authorization/" + REGISTRATION)), hops);
            assertThat(loginForm.uri().toString()).startsWith(provider().issuer() + "/login");
            Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(loginForm.body());
            assertThat(csrf.find()).as("CSRF token on the provider's login page").isTrue();
            String form = "username=" + enc(username) + "&password=" + enc(OpenIdProvider.PASSWORD) + "&_csrf=" + enc(csrf.group(1));
            HttpResponse<String> landed = follow(http, HttpRequest.newBuilder(loginForm.uri().resolve("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), hops);
            assertThat(hops).as("the provider sent the code back to the app")
                    .anySatisfy(uri -> assertThat(uri.toString()).startsWith(app() + "/login/oauth2/code/" + REGISTRATION + "?code="));
            assertThat(landed.uri().getAuthority()).isEqualTo("127.0.0.1:" + port);
            String landedOn = landed.uri().getRawPath() + (landed.uri().getRawQuery() == null ? "" : "?" + landed.uri().getRawQuery());
            // Not signed in = a page that needs sign-in sends this session to the login page.
            HttpResponse<String> audit = http.send(get(URI.create(app() + "/audit")), HttpResponse.BodyHandlers.ofString());
            boolean toLogin = audit.statusCode() == 302
                    && audit.headers().firstValue("Location").orElse("").endsWith("/login");
            return new Flow(landedOn, landed.body(), !toLogin);
        }
    }

    private static HttpResponse<String> follow(HttpClient http, HttpRequest first, List<URI> hops)
            throws IOException, InterruptedException {
        HttpRequest request = first;
        for (int i = 0; i < 10; i++) {
            hops.add(request.uri());
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                assertThat(response.statusCode()).as("%s", request.uri()).isEqualTo(200);
                return response;
            }
            request = get(request.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
        }
        throw new AssertionError("Too many redirects: " + hops);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).header("Accept", "text/html").header("Accept-Language", "ko").GET().build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
