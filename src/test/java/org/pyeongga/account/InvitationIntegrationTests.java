package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pyeongga.audit.AuditTrail;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestMail;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Invitations through a real SMTP server (GreenMail): the mail, the one-time link, choosing a password, and every way
 * a link stops working (used, replaced, expired, account disabled). The link never reaches the audit trail.
 */
@IntegrationTest
class InvitationIntegrationTests {

    static final Pattern LINK = Pattern.compile("http://\\S+/invitation/([A-Za-z0-9_-]{43})");

    @Autowired
    Accounts accounts;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void anInvitedPersonChoosesTheirOwnPasswordOnceAndSignsIn() throws Exception {
        String email = "new.person@invite.test.pyeongga.kr";
        Http admin = Http.signedIn(port, TestUsers.admin(accounts));
        var invited = admin.postForm("/admin/users",
                "email=" + email + "&name=%EC%8B%A0%EA%B7%9C+%EC%A7%81%EC%9B%90&institution=%EB%85%BC%EC%82%B0%EC%8B%9C&role=INDICATOR_OWNER");
        assertThat(invited.getStatusCode().value()).isEqualTo(302);
        long id = accounts.idOf(email).orElseThrow();
        assertThat(String.valueOf(invited.getHeaders().getLocation())).endsWith("/admin/users/" + id);

        MimeMessage mail = TestMail.awaitFor(email, 1);
        String body = TestMail.body(mail);
        assertThat(mail.getSubject()).contains("계정 초대", "invitation");
        assertThat(body).contains("신규 직원님", "비밀번호를 정하세요", "Choose your password");
        var link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(link.group()).startsWith("http://localhost:" + port + "/invitation/");

        // Not signed in yet: no password.
        assertThat(login(email, "my-own-password-2026")).contains("error");

        Http invitee = Http.browser(port);
        var page = invitee.getPage("/invitation/" + token);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("신규 직원", email);
        String csrf = csrf(page.getBody());
        var mismatch = invitee.raw().post().uri("/invitation/" + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("password=my-own-password-2026&confirmation=something-else-2026&_csrf=" + csrf)
                .retrieve().toEntity(String.class);
        assertThat(mismatch.getStatusCode().value()).isEqualTo(400);
        assertThat(mismatch.getBody()).contains("확인이 서로 다릅니다");
        var shortOne = invitee.raw().post().uri("/invitation/" + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("password=short&confirmation=short&_csrf=" + csrf).retrieve().toEntity(String.class);
        assertThat(shortOne.getBody()).contains("12자 이상");
        var accepted = invitee.raw().post().uri("/invitation/" + token)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body("password=my-own-password-2026&confirmation=my-own-password-2026&_csrf=" + csrf)
                .retrieve().toEntity(String.class);
        assertThat(String.valueOf(accepted.getHeaders().getLocation())).endsWith("/login?invited");

        assertThat(login(email, "my-own-password-2026")).doesNotContain("error");
        var again = Http.browser(port).getPage("/invitation/" + token);
        assertThat(again.getStatusCode().value()).isEqualTo(410);
        assertThat(again.getBody()).contains("이미 사용한 초대 링크");

        // The trail has the invitation and the acceptance, never the link.
        var trail = audit.recent(1000);
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("StaffInvited");
            assertThat(e.payload()).contains("\"userId\":" + id);
        });
        assertThat(trail).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("StaffInvitationAccepted");
            assertThat(e.payload()).contains("\"userId\":" + id);
        });
        assertThat(trail).noneSatisfy(e -> assertThat(e.payload()).contains(token));
        assertThat(jdbc.sql("select count(*) from account_invitation where token_sha256 = :t").param("t", token)
                .query(Long.class).single()).as("the link itself is not stored").isZero();
    }

    @Test
    void aNewLinkReplacesTheOldOneAndExpiredLinksAreRefused() {
        String email = "twice@invite.test.pyeongga.kr";
        Http admin = Http.api(port, TestUsers.admin(accounts));
        var created = admin.postJson("/api/v1/users", Map.of("email", email, "name", "두 번 초대",
                "institution", "군산시", "role", "HR_OFFICER"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("invited", true);
        String first = token(TestMail.awaitFor(email, 1));
        long id = ((Number) created.getBody().get("id")).longValue();

        Http.signedIn(port, TestUsers.admin(accounts)).postForm("/admin/users/" + id + "/reinvite", "");
        String second = token(TestMail.awaitFor(email, 2));
        assertThat(second).isNotEqualTo(first);
        var old = Http.browser(port).getPage("/invitation/" + first);
        assertThat(old.getStatusCode().value()).isEqualTo(410);
        assertThat(old.getBody()).contains("더 이상 쓸 수 없는 초대 링크");

        jdbc.sql("update account_invitation set expires_at = now() - interval '1 minute' where user_id = :u and used_at is null and revoked_at is null")
                .param("u", id).update();
        var expired = Http.browser(port).getPage("/invitation/" + second);
        assertThat(expired.getStatusCode().value()).isEqualTo(410);
        assertThat(expired.getBody()).contains("유효 기간이 지났습니다");
        assertThat(Http.browser(port).getPage("/invitation/" + "A".repeat(43)).getStatusCode().value()).isEqualTo(404);
        assertThat(Http.browser(port).getPage("/invitation/not-a-token").getBody()).contains("초대 링크를 찾을 수 없습니다");
    }

    @Test
    void invitingSomeoneWhoHasAnAccountAddsTheRoleAndTellsThem() {
        String email = TestUsers.withRole(accounts, org.pyeongga.core.Role.EVALUATOR);
        var before = TestMail.to(email).size();
        var added = Http.api(port, TestUsers.admin(accounts)).postJson("/api/v1/users",
                Map.of("email", email.toUpperCase(), "name", "무시되는 이름", "institution", "보령시", "role", "COMMITTEE_MEMBER"));
        assertThat(added.getStatusCode().value()).isEqualTo(201);
        assertThat(added.getBody()).containsEntry("invited", false);
        var mail = TestMail.awaitFor(email, before + 1);
        assertThat(TestMail.body(mail)).contains("새 역할을 부여했습니다").doesNotContain("/invitation/");
    }

    @Test
    void badInvitationsChangeNothingAndSayWhyInKorean() {
        Http admin = Http.api(port, TestUsers.admin(accounts));
        var badEmail = admin.postJson("/api/v1/users", Map.of("email", "no-at-sign", "name", "x", "institution", "논산시",
                "role", "HR_OFFICER"));
        assertThat(badEmail.getStatusCode().value()).isEqualTo(400);
        assertThat((String) badEmail.getBody().get("detail")).contains("전자우편 주소 형식");
        var unknown = admin.postJson("/api/v1/users", Map.of("email", "x@invite.test.pyeongga.kr", "name", "x",
                "institution", "없는시", "role", "HR_OFFICER"));
        assertThat((String) unknown.getBody().get("detail")).contains("없는시", "찾지 못했습니다");
        var ambiguous = admin.postJson("/api/v1/users", Map.of("email", "x@invite.test.pyeongga.kr", "name", "x",
                "institution", "중구", "role", "HR_OFFICER"));
        assertThat((String) ambiguous.getBody().get("detail")).contains("여럿", "서울특별시 중구");
        var noRole = admin.postJson("/api/v1/users", Map.of("email", "x@invite.test.pyeongga.kr", "name", "x"));
        assertThat((String) noRole.getBody().get("detail")).contains("역할을 고르세요");
        assertThat(accounts.idOf("x@invite.test.pyeongga.kr")).isEmpty();
        assertThat(TestMail.to("x@invite.test.pyeongga.kr")).isEmpty();
    }

    private String login(String email, String password) {
        return String.valueOf(Http.browser(port).postLogin(email, password).getHeaders().getLocation());
    }

    private static String token(MimeMessage mail) {
        var m = LINK.matcher(TestMail.body(mail));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String csrf(String page) {
        var m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page);
        assertThat(m.find()).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
