package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.audit.AuditEntry;
import org.pyeongga.audit.AuditTrail;
import org.pyeongga.core.Actor;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;

/** Signing in: lockout after repeated failures, disabled accounts, and the audit trail naming who acted. */
@IntegrationTest
@DirtiesContext
class SignInIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @LocalServerPort
    int port;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        accounts.create("lockme@test.pyeongga.kr", "잠금 시험", TestUsers.PASSWORD,
                Set.of(new Membership(null, Role.EVALUATOR)));
        for (int i = 0; i < Accounts.LOCK_AFTER; i++) {
            assertThat(login("lockme@test.pyeongga.kr", "wrong-password-" + i)).endsWith("/login?error=bad");
        }
        assertThat(login("lockme@test.pyeongga.kr", TestUsers.PASSWORD)).endsWith("/login?error=locked");
        // The audit trail saw every failure and the lock.
        var failures = audit.recent(20).stream().filter(e -> e.action().equals("StaffSignInFailed")).toList();
        assertThat(failures).hasSizeGreaterThanOrEqualTo(Accounts.LOCK_AFTER);
        assertThat(failures).anySatisfy(e -> assertThat(e.payload()).contains("\"locked\":true"));
        assertThat(new Http(port).getPage("/login?error=locked").getBody()).contains("15분 동안 잠겼습니다");
        // The API door counts and refuses the same way.
        var api = Http.api(port, "lockme@test.pyeongga.kr").postJson("/api/v1/groups", Map.of());
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aDisabledAccountCannotSignIn() {
        long id = accounts.create("leaver@test.pyeongga.kr", "퇴직 시험", TestUsers.PASSWORD,
                Set.of(new Membership(null, Role.SYSTEM_ADMIN)));
        assertThat(login("leaver@test.pyeongga.kr", TestUsers.PASSWORD)).doesNotContain("error");
        accounts.disable(id);
        assertThat(login("leaver@test.pyeongga.kr", TestUsers.PASSWORD)).endsWith("/login?error=disabled");
        assertThat(new Http(port).getPage("/login?error=disabled").getBody()).contains("사용이 중지된 계정");
        assertThat(Http.api(port, "leaver@test.pyeongga.kr").postJson("/api/v1/groups", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theAuditTrailNamesTheSignedInPersonWhoChangedSomething() {
        String admin = TestUsers.admin(accounts);
        var created = Http.api(port, admin).postJson("/api/v1/institutions",
                Map.of("name", "감사 추적 시험 기관", "kind", "PUBLIC_INSTITUTION"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();
        AuditEntry entry = audit.aboutInstitution(id, 1).getFirst();
        assertThat(entry.action()).isEqualTo("InstitutionAdded");
        assertThat(entry.actor().kind()).isEqualTo(Actor.Kind.USER);
        assertThat(entry.actor().name()).isEqualTo("시험 SYSTEM_ADMIN");
        // A wrong guess at an e-mail nobody has changes nothing and records nothing.
        long before = audit.recent(1).getFirst().seq();
        assertThat(login("nobody@test.pyeongga.kr", "whatever-password")).endsWith("/login?error=bad");
        assertThat(audit.recent(1).getFirst().seq()).isEqualTo(before);
    }

    @Test
    void withoutAnSsoConfiguredTheLoginPageOffersOnlyThePasswordForm() {
        var page = new Http(port).getPage("/login");
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("name=\"password\"").doesNotContain("/oauth2/authorization").doesNotContain("pg-sso");
        // No OpenID Connect endpoints either: the path is just a page that does not exist.
        assertThat(new Http(port).getPage("/oauth2/authorization/any").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Posts the login form as a browser would and returns where it redirects. */
    private String login(String email, String password) {
        Http http = Http.browser(port);
        String page = http.getPage("/login").getBody();
        var m = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).isTrue();
        ResponseEntity<String> response = http.raw().post().uri("/login").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + email + "&password=" + password + "&_csrf=" + java.net.URLEncoder.encode(m.group(1),
                        java.nio.charset.StandardCharsets.UTF_8))
                .retrieve().toEntity(String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        return String.valueOf(response.getHeaders().getLocation());
    }
}
