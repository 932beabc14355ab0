package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sessions end everywhere at once: by their owner, by an administrator, and when the account is disabled. */
@IntegrationTest
class SessionIntegrationTests {

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void loggingOutEverywhereEndsEverySessionOfThatPersonOnly() {
        String email = person("two.devices@session.test.pyeongga.kr");
        String other = person("bystander@session.test.pyeongga.kr");
        Http laptop = Http.newSession(port, email);
        Http phone = Http.newSession(port, email);
        Http bystander = Http.signedIn(port, other);
        assertThat(phone.getPage("/account").getStatusCode().value()).isEqualTo(200);

        var end = laptop.postForm("/account/sessions/end", "");
        assertThat(String.valueOf(end.getHeaders().getLocation())).endsWith("/login?error=ended");
        var after = phone.getPage("/account");
        assertThat(String.valueOf(after.getHeaders().getLocation())).endsWith("/login?error=ended");
        assertThat(laptop.getPage("/account").getStatusCode().value()).isEqualTo(302);
        assertThat(bystander.getPage("/account").getStatusCode().value()).isEqualTo(200);
        assertThat(new Http(port).getPage("/login?error=ended").getBody()).contains("모든 기기에서 로그아웃했거나");
        // Signing in again works.
        assertThat(Http.newSession(port, email).getPage("/account").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void disablingAnAccountEndsItsOpenSessions() {
        String email = person("disabled.midway@session.test.pyeongga.kr");
        Http session = Http.signedIn(port, email);
        assertThat(session.getPage("/account").getStatusCode().value()).isEqualTo(200);
        accounts.disable(accounts.idOf(email).orElseThrow());
        assertThat(String.valueOf(session.getPage("/account").getHeaders().getLocation())).endsWith("/login?error=ended");
        // The ended session's form token is void too: nothing can be changed with it.
        assertThat(session.postForm("/account/password", "current=x&password=y&confirmation=y").getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void anAdministratorEndsSomeoneElsesSessions() {
        String email = person("stolen.laptop@session.test.pyeongga.kr");
        Http session = Http.signedIn(port, email);
        long id = accounts.idOf(email).orElseThrow();
        Http.signedIn(port, TestUsers.admin(accounts)).postForm("/admin/users/" + id + "/sessions/end", "");
        assertThat(String.valueOf(session.getPage("/account").getHeaders().getLocation())).endsWith("/login?error=ended");
    }

    @Test
    void pageSessionsLastTheConfiguredTimeAndCanBeExtended() {
        Http session = Http.signedIn(port, person("extends@session.test.pyeongga.kr"));
        var page = session.getPage("/account").getBody();
        assertThat(page).contains("data-timeout=\"1800\"", "data-warning=\"120\"", "곧 자동으로 로그아웃됩니다");
        var extended = session.raw().post().uri("/session/extend").header("X-CSRF-TOKEN", csrf(page))
                .retrieve().toEntity(String.class);
        assertThat(extended.getStatusCode().value()).isEqualTo(200);
        assertThat(extended.getBody()).contains("\"remainingSeconds\":1800");
        // Without the CSRF header a forged extension is refused.
        assertThat(session.raw().post().uri("/session/extend").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        var login = Http.browser(port).getPage("/login");
        assertThat(login.getHeaders().get("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly", "SameSite=Lax"));
    }

    @Test
    void changingMyPasswordNeedsTheCurrentOne() {
        String email = person("changes.password@session.test.pyeongga.kr");
        Http session = Http.signedIn(port, email);
        var wrong = session.postForm("/account/password", "current=not-it-at-all&password=another-password-2026&confirmation=another-password-2026");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("현재 비밀번호가 맞지 않습니다");
        var ok = session.postForm("/account/password", "current=" + TestUsers.PASSWORD
                + "&password=another-password-2026&confirmation=another-password-2026");
        assertThat(String.valueOf(ok.getHeaders().getLocation())).endsWith("/account?passwordChanged");
        assertThat(String.valueOf(Http.browser(port).postLogin(email, "another-password-2026").getHeaders().getLocation()))
                .doesNotContain("error");
    }

    private String person(String email) {
        if (accounts.idOf(email).isEmpty()) {
            accounts.create(email, "세션 시험", TestUsers.PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
        }
        return email;
    }

    private static String csrf(String page) {
        var m = java.util.regex.Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
