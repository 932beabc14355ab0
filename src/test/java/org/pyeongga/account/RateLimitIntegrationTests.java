package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Rate limits over real HTTP (docs/decisions/0011-rate-limiting.md). Its own context: the API and invitation limits
 * are lowered here so they can be reached in a few requests, which in the shared context would refuse other test
 * classes (they all come from the same address). The sign-in limits keep their defaults; the user names are this
 * class's own.
 */
@IntegrationTest
@TestPropertySource(properties = {
    "pyeongga.rate-limit.rules.api-write.limit=3",
    "pyeongga.rate-limit.rules.invitation-get.limit=2",
    "pyeongga.rate-limit.rules.portal-write.limit=2"
})
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class RateLimitIntegrationTests {

    static final String LIMITED = "ratelimit.limited@test.pyeongga.kr";
    static final String NEIGHBOUR = "ratelimit.neighbour@test.pyeongga.kr";
    /** Not ASCII: proves the filter reads the login form only after the body's encoding is set to UTF-8. */
    static final String KOREAN_PASSWORD = "요청제한-시험용-비밀번호-2026";
    static final Pattern SECONDS = Pattern.compile("(\\d+)초 뒤에 다시 시도해 주세요");

    @Autowired
    Accounts accounts;

    @Autowired
    AccountStore store;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void theEleventhSignInForOneUserNameIsRefusedBeforeItCouldCountTowardTheLockout(CapturedOutput output) {
        accounts.create(LIMITED, "요청 제한 시험", TestUsers.PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
        // Ten attempts in five minutes are fine, right or wrong (and signing in still works with the filter reading
        // the form): six good ones, then four wrong passwords, one short of the lockout.
        for (int i = 0; i < 6; i++) {
            ResponseEntity<String> good = login(Http.browser(port), LIMITED, TestUsers.PASSWORD);
            assertThat(good.getStatusCode()).isEqualTo(HttpStatus.FOUND);
            assertThat(String.valueOf(good.getHeaders().getLocation())).doesNotContain("error").doesNotContain("login");
        }
        for (int i = 0; i < 4; i++) {
            assertThat(String.valueOf(login(Http.browser(port), LIMITED, "wrong-password-" + i).getHeaders().getLocation()))
                    .endsWith("/login?error=bad");
        }
        assertThat(store.byEmail(LIMITED).orElseThrow().failedAttempts()).isEqualTo(4);

        // The eleventh (a fifth wrong password, which would lock the account) never reaches the sign-in. The user
        // name is counted in lower case, whatever was typed.
        ResponseEntity<String> refused = login(Http.browser(port), LIMITED.toUpperCase(), "wrong-password-4");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst("Retry-After"));
        // Ten in this 5-minute window: one more fits 30 s into the next (10 × 270/300 + 1 ≤ 10), so at most 330 s.
        assertThat(retryAfter).isBetween(1L, 330L);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(refused.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
        String page = refused.getBody();
        assertThat(page).contains("<html lang=\"ko\"", "요청이 너무 많습니다", "오류 코드 429", "href=\"/\"")
                .doesNotContain("Exception", "at org.", LIMITED);
        Matcher seconds = SECONDS.matcher(page);
        assertThat(seconds.find()).isTrue();
        assertThat(Long.parseLong(seconds.group(1))).isBetween(retryAfter - 1, retryAfter);
        var row = store.byEmail(LIMITED).orElseThrow();
        assertThat(row.failedAttempts()).as("the refused attempt was not counted").isEqualTo(4);
        assertThat(row.lockedUntil()).as("so the account is not locked").isNull();

        // A client that asks for JSON gets the problem detail instead.
        Http json = Http.browser(port);
        String token = csrf(json);
        var problem = json.raw().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON).body(form(LIMITED, "wrong-password-5", token)).retrieve()
                .toEntity(Map.class);
        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(problem.getBody()).containsEntry("code", "rate.limited").containsEntry("status", 429);

        // Someone else at the same address (a shared office NAT) still signs in.
        accounts.create(NEIGHBOUR, "이웃 시험", KOREAN_PASSWORD, Set.of(new Membership(null, Role.EVALUATOR)));
        ResponseEntity<String> neighbour = login(Http.browser(port), NEIGHBOUR, KOREAN_PASSWORD);
        assertThat(String.valueOf(neighbour.getHeaders().getLocation())).doesNotContain("error").doesNotContain("login");

        // In English for someone who chose it.
        Http english = Http.browser(port);
        assertThat(english.getPage("/login?lang=en").getBody()).contains("lang=\"en\"");
        ResponseEntity<String> inEnglish = login(english, LIMITED, "wrong-password-6");
        assertThat(inEnglish.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(inEnglish.getBody()).contains("<html lang=\"en\"", "Too many requests. Please try again in")
                .doesNotContain("요청이 너무 많습니다");

        assertThat(store.byEmail(LIMITED).orElseThrow().failedAttempts()).isEqualTo(4);
        // The log names the rule and the network, never the user name.
        assertThat(output.getOut()).containsPattern("Rate limit login-user refused a request from \\S+/(24|48)")
                .doesNotContain("Rate limit login-user refused a request from 127.0.0.1");
        assertThat(output.getOut().lines().filter(l -> l.contains("Rate limit"))).noneMatch(l -> l.contains("ratelimit."));
    }

    @Test
    void theApiAnswersAProblemDetailInKoreanOverItsLimit() {
        Http api = new Http(port);
        for (int i = 0; i < 3; i++) {
            assertThat(api.postJson("/api/v1/groups", Map.of()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        var refused = api.postJson("/api/v1/groups", Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst("Retry-After"));
        // Three in this minute: one more fits 20 s into the next one (3 × 40/60 + 1 ≤ 3), so at most 80 s from now.
        assertThat(retryAfter).isBetween(1L, 80L);
        assertThat(refused.getBody())
                .containsEntry("code", "rate.limited")
                .containsEntry("status", 429)
                .containsEntry("title", "요청이 너무 많습니다")
                .containsEntry("detail", "요청이 너무 많습니다. " + retryAfter + "초 뒤에 다시 시도해 주세요. 아무것도 바뀌지 않았습니다.")
                .containsEntry("detailEn", "Too many requests. Please try again in " + retryAfter + " seconds. Nothing was changed.");
        // Reading is counted apart, with its own (higher) limit.
        assertThat(api.getJsonList("/api/v1/groups").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void guessingInvitationLinksIsSlowedDown() {
        Http http = new Http(port);
        for (int i = 0; i < 2; i++) {
            assertThat(http.getPage("/invitation/guess-" + i).getStatusCode()).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }
        ResponseEntity<String> refused = http.getPage("/invitation/guess-2");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(refused.getBody()).contains("요청이 너무 많습니다", "초 뒤에 다시 시도해 주세요").doesNotContain("Exception");
    }

    @Test
    void floodingTheCitizensPortalIsSlowedDownWithAPageNotAnError() {
        Http http = new Http(port);
        assertThat(http.getPage("/participate").getStatusCode()).isEqualTo(HttpStatus.OK);
        for (int i = 0; i < 2; i++) { // without a CSRF token: refused by Spring Security, but counted before it
            assertThat(http.postForm("/participate/verify", "name=x").getStatusCode())
                    .isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        }
        ResponseEntity<String> refused = http.postForm("/participate/ballots/1", "option=1");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(refused.getBody()).contains("요청이 너무 많습니다", "초 뒤에 다시 시도해 주세요").doesNotContain("Exception");
        // reading the portal is not limited by it
        assertThat(http.getPage("/participate").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void theFilterIsRegisteredExactlyOnce() {
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values().stream()
                .filter(r -> r.getFilter().getClass().getSimpleName().equals("RateLimitFilter"))).hasSize(1);
        assertThat(context.getBeansOfType(jakarta.servlet.Filter.class).values())
                .noneMatch(f -> f.getClass().getSimpleName().equals("RateLimitFilter"));
    }

    /** Posts the login form as a browser would (with the CSRF token of the login page) and returns the answer. */
    private static ResponseEntity<String> login(Http http, String email, String password) {
        String token = csrf(http);
        return http.raw().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).body(form(email, password, token)).retrieve().toEntity(String.class);
    }

    private static String csrf(Http http) {
        Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(http.getPage("/login").getBody());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String form(String email, String password, String token) {
        return "username=" + enc(email) + "&password=" + enc(password) + "&_csrf=" + enc(token);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
