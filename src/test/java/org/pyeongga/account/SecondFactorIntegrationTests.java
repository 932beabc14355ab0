package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pyeongga.audit.AuditTrail;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The second factor: administrators register an authenticator at their first sign-in and need its code every time
 * after; nobody is signed in until the code is right; codes cannot be replayed; wrong codes count toward the lockout;
 * the API asks administrators for the code too. Other roles sign in with the password alone.
 */
@IntegrationTest
class SecondFactorIntegrationTests {

    static final Pattern SECRET = Pattern.compile("id=\"otp-secret\"[^>]*>([A-Z2-7 ]+)<");

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @LocalServerPort
    int port;

    @Test
    void anAdministratorRegistersAnAuthenticatorAtFirstSignInAndNeedsItAfterwards() {
        String email = "first.admin@otp.test.pyeongga.kr";
        long id = accounts.create(email, "처음 관리자", TestUsers.PASSWORD, Set.of(new Membership(null, Role.SYSTEM_ADMIN)));
        Http browser = Http.browser(port);
        var password = browser.postLogin(email, TestUsers.PASSWORD);
        assertThat(String.valueOf(password.getHeaders().getLocation())).endsWith("/login/otp");
        // Between the steps nothing that needs a sign-in opens.
        assertThat(browser.getPage("/admin/users").getStatusCode().value()).isEqualTo(302);

        var setup = browser.getPage("/login/otp");
        assertThat(setup.getBody()).contains("2단계 인증 등록", "data:image/svg+xml;base64,", "인증 앱");
        var secret = SECRET.matcher(setup.getBody());
        assertThat(secret.find()).isTrue();
        TestUsers.remember(email, secret.group(1).replace(" ", ""));

        var wrong = code(browser, setup.getBody(), "000000".equals(TestUsers.apiCode(email)) ? "111111" : "000000");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("인증 번호가 맞지 않거나");
        assertThat(browser.getPage("/admin/users").getStatusCode().value()).isEqualTo(302);

        var right = code(browser, wrong.getBody(), TestUsers.nextCode(email));
        assertThat(right.getStatusCode().value()).isEqualTo(302);
        assertThat(String.valueOf(right.getHeaders().getLocation())).doesNotContain("/login");
        assertThat(browser.getPage("/admin/users").getStatusCode().value()).isEqualTo(200);
        assertThat(audit.recent(200)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("StaffSecondFactorEnrolled");
            assertThat(e.payload()).contains("\"userId\":" + id);
        });
        assertThat(audit.recent(200)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("StaffSignedIn");
            assertThat(e.payload()).contains("\"userId\":" + id, "password+totp");
        });

        // Next time: the code, not the registration; the same code twice is refused.
        Http second = Http.browser(port);
        second.postLogin(email, TestUsers.PASSWORD);
        var ask = second.getPage("/login/otp");
        assertThat(ask.getBody()).contains("2단계 인증").doesNotContain("otp-secret");
        String code = TestUsers.nextCode(email);
        assertThat(code(second, ask.getBody(), code).getStatusCode().value()).isEqualTo(302);
        Http third = Http.browser(port);
        third.postLogin(email, TestUsers.PASSWORD);
        var replay = code(third, third.getPage("/login/otp").getBody(), code);
        assertThat(replay.getStatusCode().value()).isEqualTo(400);
        assertThat(third.getPage("/admin/users").getStatusCode().value()).isEqualTo(302);
    }

    @Test
    void fiveWrongCodesLockTheAccount() {
        String email = "guessed.admin@otp.test.pyeongga.kr";
        long id = accounts.create(email, "추측당한 관리자", TestUsers.PASSWORD, Set.of(new Membership(null, Role.PROGRAM_ADMIN)));
        TestUsers.enroll(accounts, id, email);
        Http attacker = Http.browser(port);
        attacker.postLogin(email, TestUsers.PASSWORD);
        String page = attacker.getPage("/login/otp").getBody();
        ResponseEntity<String> last = null;
        for (int i = 0; i < Accounts.LOCK_AFTER; i++) {
            String guess = String.format("%06d", 123450 + i);
            if (guess.equals(TestUsers.apiCode(email))) {
                guess = "999999";
            }
            last = code(attacker, page, guess);
            if (last.getStatusCode().is2xxSuccessful() || last.getStatusCode().value() == 400) {
                page = last.getBody();
            }
        }
        assertThat(String.valueOf(last.getHeaders().getLocation())).endsWith("/login?error=locked");
        // Even the right password and code are refused now.
        var locked = Http.browser(port).postLogin(email, TestUsers.PASSWORD);
        assertThat(String.valueOf(locked.getHeaders().getLocation())).endsWith("/login?error=locked");
        assertThat(audit.recent(100)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("StaffSecondFactorFailed");
            assertThat(e.payload()).contains("\"locked\":true");
        });
    }

    @Test
    void otherRolesSignInWithThePasswordAlone() {
        String email = TestUsers.withRole(accounts, Role.HR_OFFICER);
        var login = Http.browser(port).postLogin(email, TestUsers.PASSWORD);
        assertThat(String.valueOf(login.getHeaders().getLocation())).doesNotContain("/login");
    }

    @Test
    void theApiAsksAdministratorsForTheCodeInKorean() {
        String email = TestUsers.withRole(accounts, Role.PROGRAM_ADMIN);
        var withoutCode = new Http(port).raw().post().uri("/api/v1/groups").contentType(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(email, TestUsers.PASSWORD)).body(Map.of())
                .retrieve().toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(withoutCode.getStatusCode().value()).isEqualTo(401);
        assertThat(withoutCode.getBody()).containsEntry("code", "login.otp.api.missing");
        assertThat((String) withoutCode.getBody().get("detail")).contains("X-Pyeongga-OTP");
        // With the code the request reaches the registry (and fails there for its empty body).
        assertThat(Http.api(port, email).postJson("/api/v1/groups", Map.of()).getStatusCode().value()).isEqualTo(400);
    }

    private static ResponseEntity<String> code(Http http, String page, String code) {
        var m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page);
        assertThat(m.find()).isTrue();
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        return http.raw().post().uri("/login/otp").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("code=" + code + "&_csrf=" + token).retrieve().toEntity(String.class);
    }
}
