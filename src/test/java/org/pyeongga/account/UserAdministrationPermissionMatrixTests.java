package org.pyeongga.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * User administration's permission matrix: callers (roles, institution-scoped) × actions on a 군산시 staff member, over
 * the API (JSON) and the pages (HTML). Requests are built so that an allowed caller passes the policy and is then
 * refused for its input (400/409), so the matrix changes nothing, and a 403/404 can only come from the policy.
 * Another institution's staff are 404, not 403: a 논산시 coordinator does not even learn that they exist.
 */
@IntegrationTest
class UserAdministrationPermissionMatrixTests {

    enum Caller {
        SYSTEM_ADMIN,
        /** 평가 주관 at 충청남도: manages external evaluators and 충남's own staff, not 군산시 (전북). */
        PROGRAM_ADMIN_CHUNGNAM,
        NONSAN_COORDINATOR,
        GUNSAN_COORDINATOR,
        GUNSAN_INDICATOR_OWNER,
        EVALUATOR,
        AUDIT_OFFICER,
        ANONYMOUS
    }

    enum Action {
        OPEN_USER_LIST_PAGE,
        LIST_USERS_API,
        OPEN_GUNSAN_STAFF_PAGE,
        VIEW_GUNSAN_STAFF_API,
        GRANT_IN_GUNSAN_API,
        GRANT_IN_GUNSAN_PAGE,
        INVITE_INTO_GUNSAN_API,
        DISABLE_SELF_PAGE
    }

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    static long gunsanStaff;

    @BeforeEach
    void people() {
        for (Caller caller : Caller.values()) {
            email(caller);
        }
        gunsanStaff = person("staff.gunsan@matrix.test.pyeongga.kr", "군산시", Role.INDICATOR_OWNER);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Action action : Action.values()) {
                cases.add(Arguments.of(caller, action));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void eachCallerMayDoExactlyWhatThePolicySays(Caller caller, Action action) {
        String email = email(caller);
        Http api = email == null ? new Http(port) : Http.api(port, email);
        int status = switch (action) {
            case OPEN_USER_LIST_PAGE -> page(email, "/admin/users");
            case LIST_USERS_API -> api.getJson("/api/v1/users").getStatusCode().value();
            case OPEN_GUNSAN_STAFF_PAGE -> page(email, "/admin/users/" + gunsanStaff);
            case VIEW_GUNSAN_STAFF_API -> api.getJson("/api/v1/users/{id}", gunsanStaff).getStatusCode().value();
            // the same membership again: allowed callers get 409 ("already has it"), nothing changes
            case GRANT_IN_GUNSAN_API -> api.postJson("/api/v1/users/{id}/memberships",
                    Map.of("institution", "군산시", "role", "INDICATOR_OWNER"), gunsanStaff).getStatusCode().value();
            case GRANT_IN_GUNSAN_PAGE -> email == null
                    ? new Http(port).postForm("/admin/users/" + gunsanStaff + "/memberships", "").getStatusCode().value()
                    : Http.signedIn(port, email).postForm("/admin/users/" + gunsanStaff + "/memberships",
                            "institution=%EA%B5%B0%EC%82%B0%EC%8B%9C&role=INDICATOR_OWNER").getStatusCode().value();
            // a malformed e-mail: allowed callers get 400 after the policy, nobody is invited
            case INVITE_INTO_GUNSAN_API -> api.postJson("/api/v1/users",
                    Map.of("email", "not an address", "name", "x", "institution", "군산시", "role", "HR_OFFICER"))
                    .getStatusCode().value();
            // administrators may disable people, but never themselves (409); anonymous posts lack a CSRF token
            case DISABLE_SELF_PAGE -> email == null
                    ? new Http(port).postForm("/admin/users/" + gunsanStaff + "/disable", "").getStatusCode().value()
                    : Http.signedIn(port, email).postForm("/admin/users/" + id(email) + "/disable", "")
                            .getStatusCode().value();
        };
        assertThat(status).as("%s × %s", caller, action).isEqualTo(expected(caller, action));
    }

    private static int expected(Caller caller, Action action) {
        boolean administers = Set.of(Caller.SYSTEM_ADMIN, Caller.PROGRAM_ADMIN_CHUNGNAM, Caller.NONSAN_COORDINATOR,
                Caller.GUNSAN_COORDINATOR).contains(caller);
        boolean seesGunsanStaff = caller == Caller.SYSTEM_ADMIN || caller == Caller.GUNSAN_COORDINATOR;
        if (caller == Caller.ANONYMOUS) {
            return switch (action) {
                case OPEN_USER_LIST_PAGE, OPEN_GUNSAN_STAFF_PAGE -> 302; // to the login page
                case GRANT_IN_GUNSAN_PAGE, DISABLE_SELF_PAGE -> 403; // no session, no CSRF token
                default -> 401;
            };
        }
        if (!administers) {
            return 403;
        }
        return switch (action) {
            case OPEN_USER_LIST_PAGE, LIST_USERS_API -> 200;
            case OPEN_GUNSAN_STAFF_PAGE, VIEW_GUNSAN_STAFF_API -> seesGunsanStaff ? 200 : 404;
            case GRANT_IN_GUNSAN_API, GRANT_IN_GUNSAN_PAGE -> seesGunsanStaff ? 409 : 404;
            case INVITE_INTO_GUNSAN_API -> seesGunsanStaff ? 400 : 403;
            case DISABLE_SELF_PAGE -> 409; // nobody may disable themselves
        };
    }

    @ParameterizedTest(name = "{0} is refused in Korean, as a page and as JSON")
    @org.junit.jupiter.params.provider.EnumSource(value = Caller.class, names = {"EVALUATOR", "AUDIT_OFFICER", "GUNSAN_INDICATOR_OWNER"})
    void refusalsAreKoreanInBothHtmlAndJson(Caller caller) {
        var json = Http.api(port, email(caller)).getJson("/api/v1/users");
        assertThat(json.getStatusCode().value()).isEqualTo(403);
        assertThat((String) json.getBody().get("detail")).contains("권한이 없습니다");
        assertThat((String) json.getBody().get("detailEn")).isNotBlank();
        var html = Http.signedIn(port, email(caller)).getPage("/admin/users/new");
        assertThat(html.getStatusCode().value()).isEqualTo(403);
        assertThat(html.getBody()).contains("접근 권한이 없습니다", "권한이 없습니다").doesNotContain("Exception", "at org.");
    }

    @Test
    void aCoordinatorSeesOnlyTheirOwnInstitutionsPeople() {
        long nonsanStaff = person("staff.nonsan@matrix.test.pyeongga.kr", "논산시", Role.INDICATOR_OWNER);
        long external = person("external@matrix.test.pyeongga.kr", null, Role.EVALUATOR);
        var nonsan = emails(Http.api(port, email(Caller.NONSAN_COORDINATOR)).getJson("/api/v1/users?size=200").getBody());
        assertThat(nonsan).contains("staff.nonsan@matrix.test.pyeongga.kr", email(Caller.NONSAN_COORDINATOR))
                .doesNotContain("staff.gunsan@matrix.test.pyeongga.kr", "external@matrix.test.pyeongga.kr",
                        email(Caller.GUNSAN_COORDINATOR), email(Caller.SYSTEM_ADMIN));
        var chungnam = emails(Http.api(port, email(Caller.PROGRAM_ADMIN_CHUNGNAM)).getJson("/api/v1/users?size=200").getBody());
        assertThat(chungnam).contains("external@matrix.test.pyeongga.kr")
                .doesNotContain("staff.gunsan@matrix.test.pyeongga.kr", "staff.nonsan@matrix.test.pyeongga.kr");
        var page = Http.signedIn(port, email(Caller.NONSAN_COORDINATOR)).getPage("/admin/users").getBody();
        assertThat(page).contains("staff.nonsan@matrix.test.pyeongga.kr").doesNotContain("staff.gunsan@matrix.test.pyeongga.kr");
        assertThat(nonsanStaff).isPositive();
        assertThat(external).isPositive();
    }

    @Test
    void aCoordinatorGrantsOnlyStaffRolesOfTheirOwnInstitution() {
        long nonsanStaff = person("grantee.nonsan@matrix.test.pyeongga.kr", "논산시", Role.INDICATOR_OWNER);
        Http coordinator = Http.api(port, email(Caller.NONSAN_COORDINATOR));
        var promotion = coordinator.postJson("/api/v1/users/{id}/memberships",
                Map.of("institution", "논산시", "role", "PROGRAM_ADMIN"), nonsanStaff);
        assertThat(promotion.getStatusCode().value()).isEqualTo(403);
        assertThat((String) promotion.getBody().get("detail")).contains("부여할 권한이 없습니다");
        var elsewhere = coordinator.postJson("/api/v1/users/{id}/memberships",
                Map.of("institution", "군산시", "role", "HR_OFFICER"), nonsanStaff);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
        var hr = coordinator.postJson("/api/v1/users/{id}/memberships",
                Map.of("institution", "논산시", "role", "HR_OFFICER"), nonsanStaff);
        assertThat(hr.getStatusCode().value()).isEqualTo(200);
        assertThat(accounts.get(nonsanStaff).memberships()).extracting(Accounts.MembershipView::role)
                .containsExactlyInAnyOrder(Role.INDICATOR_OWNER, Role.HR_OFFICER);
    }

    @Test
    void aCoordinatorCannotChangeAnAdministratorWhoAlsoWorksForThem() {
        long admin = accounts.idOf("dual@matrix.test.pyeongga.kr").orElseGet(() -> accounts.create(
                "dual@matrix.test.pyeongga.kr", "겸직 관리자", TestUsers.PASSWORD, Set.of(new Membership(null, Role.SYSTEM_ADMIN),
                        new Membership(accounts.institutionNamed("논산시").id(), Role.INDICATOR_OWNER))));
        Http coordinator = Http.signedIn(port, email(Caller.NONSAN_COORDINATOR));
        assertThat(coordinator.getPage("/admin/users/" + admin).getStatusCode().value()).isEqualTo(200);
        var disable = coordinator.postForm("/admin/users/" + admin + "/disable", "");
        assertThat(disable.getStatusCode().value()).isEqualTo(403);
        assertThat(disable.getBody()).contains("이 사용자를 바꿀 권한이 없습니다").doesNotContain("Exception");
        assertThat(accounts.get(admin).enabled()).isTrue();
    }

    @Test
    void anotherInstitutionsCoordinatorCannotDisableAndTheirOwnCan() {
        long target = person("leaving.gunsan@matrix.test.pyeongga.kr", "군산시", Role.HR_OFFICER);
        var refused = Http.signedIn(port, email(Caller.NONSAN_COORDINATOR)).postForm("/admin/users/" + target + "/disable", "");
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(accounts.get(target).enabled()).isTrue();
        var done = Http.signedIn(port, email(Caller.GUNSAN_COORDINATOR)).postForm("/admin/users/" + target + "/disable", "");
        assertThat(done.getStatusCode().value()).isEqualTo(302);
        assertThat(accounts.get(target).enabled()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static List<String> emails(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(u -> (String) u.get("email")).toList();
    }

    private int page(String email, String path) {
        Http http = email == null ? new Http(port) : Http.signedIn(port, email);
        return http.getPage(path).getStatusCode().value();
    }

    private long id(String email) {
        return accounts.idOf(email).orElseThrow();
    }

    private String email(Caller caller) {
        return switch (caller) {
            case SYSTEM_ADMIN -> TestUsers.admin(accounts);
            case EVALUATOR -> TestUsers.withRole(accounts, Role.EVALUATOR);
            case AUDIT_OFFICER -> TestUsers.withRole(accounts, Role.AUDIT_OFFICER);
            case ANONYMOUS -> null;
            case PROGRAM_ADMIN_CHUNGNAM -> email("program.chungnam", "충청남도", Role.PROGRAM_ADMIN);
            case NONSAN_COORDINATOR -> email("coordinator.nonsan", "논산시", Role.INSTITUTION_COORDINATOR);
            case GUNSAN_COORDINATOR -> email("coordinator.gunsan", "군산시", Role.INSTITUTION_COORDINATOR);
            case GUNSAN_INDICATOR_OWNER -> email("owner.gunsan", "군산시", Role.INDICATOR_OWNER);
        };
    }

    private String email(String local, String institution, Role role) {
        String email = local + "@matrix.test.pyeongga.kr";
        person(email, institution, role);
        return email;
    }

    private synchronized long person(String email, String institution, Role role) {
        var existing = accounts.idOf(email);
        if (existing.isPresent()) {
            return existing.get();
        }
        Long where = institution == null ? null : accounts.institutionNamed(institution).id();
        long id = accounts.create(email, "시험 " + email.split("@")[0], TestUsers.PASSWORD, Set.of(new Membership(where, role)));
        if (role == Role.PROGRAM_ADMIN || role == Role.SYSTEM_ADMIN) {
            TestUsers.enroll(accounts, id, email);
        }
        return id;
    }
}
