package org.pyeongga.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The registry's permission matrix: every role (and nobody signed in) × every action, over the API (JSON) and the
 * pages (HTML). Requests are built so that an allowed caller passes the permission check and is then refused for its
 * input (400/404): the matrix writes nothing, and a 403 can only come from the policy.
 */
@IntegrationTest
class RegistryPermissionMatrixTests {

    /** Who: null = not signed in. */
    static final List<Role> MANAGERS = List.of(Role.SYSTEM_ADMIN, Role.PROGRAM_ADMIN);

    enum Action {
        VIEW_INSTITUTIONS,
        ADD_INSTITUTION,
        RECORD_REORGANISATION,
        DEFINE_GROUP,
        UPLOAD_IMPORT,
        CONFIRM_IMPORT,
        OPEN_IMPORT_PAGE,
        OPEN_REORGANISATION_PAGE
    }

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        List<Role> callers = new ArrayList<>(List.of(Role.values()));
        callers.add(null);
        for (Role role : callers) {
            for (Action action : Action.values()) {
                cases.add(Arguments.of(role == null ? "ANONYMOUS" : role.name(), action));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void eachRoleMayDoExactlyWhatThePolicySays(String caller, Action action) {
        Role role = caller.equals("ANONYMOUS") ? null : Role.valueOf(caller);
        boolean manager = role != null && MANAGERS.contains(role);
        String email = role == null ? null : TestUsers.withRole(accounts, role);
        Http api = email == null ? new Http(port) : Http.api(port, email);

        int status = switch (action) {
            case VIEW_INSTITUTIONS -> api.getJson("/api/v1/institutions?asOf=2024-12-31&size=1").getStatusCode().value();
            case ADD_INSTITUTION -> api.postJson("/api/v1/institutions", Map.of("name", " ", "kind", "CENTRAL_AGENCY"))
                    .getStatusCode().value();
            case RECORD_REORGANISATION -> api.postJson("/api/v1/reorganizations", Map.of("type", "SPLIT",
                    "effectiveOn", "2030-01-01", "predecessorIds", List.of(), "newSuccessors", List.of(),
                    "existingSuccessorIds", List.of(), "carryMembers", false)).getStatusCode().value();
            case DEFINE_GROUP -> api.postJson("/api/v1/groups", Map.of("code", "not a code!", "name", "x",
                    "memberIds", List.of())).getStatusCode().value();
            case UPLOAD_IMPORT -> upload(api).getStatusCode().value();
            case CONFIRM_IMPORT -> api.raw().post().uri("/api/v1/imports/{id}/confirm", UUID.randomUUID()).retrieve()
                    .toEntity(Map.class).getStatusCode().value();
            case OPEN_IMPORT_PAGE -> page(email, "/admin/imports");
            case OPEN_REORGANISATION_PAGE -> page(email, "/institutions/1/reorganize");
        };

        int expected = switch (action) {
            case VIEW_INSTITUTIONS -> 200;
            case OPEN_IMPORT_PAGE, OPEN_REORGANISATION_PAGE -> role == null ? 302 : manager ? 200 : 403;
            case CONFIRM_IMPORT -> role == null ? 401 : manager ? 404 : 403;
            default -> role == null ? 401 : manager ? 400 : 403;
        };
        assertThat(status).as("%s × %s", caller, action).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is refused in Korean, as a page and as JSON")
    @MethodSource("nonManagers")
    void refusalsAreKoreanInBothHtmlAndJson(Role role) {
        String email = TestUsers.withRole(accounts, role);
        ResponseEntity<Map<String, Object>> json = Http.api(port, email)
                .postJson("/api/v1/institutions", Map.of("name", "무단", "kind", "CENTRAL_AGENCY"));
        assertThat(json.getStatusCode().value()).isEqualTo(403);
        assertThat((String) json.getBody().get("detail")).contains("권한이 없습니다");
        var html = Http.signedIn(port, email).getPage("/admin/imports");
        assertThat(html.getStatusCode().value()).isEqualTo(403);
        assertThat(html.getBody()).contains("접근 권한이 없습니다", "권한이 없습니다").doesNotContain("Exception");
    }

    static Stream<Role> nonManagers() {
        return Stream.of(Role.values()).filter(r -> !MANAGERS.contains(r));
    }

    private int page(String email, String path) {
        Http http = email == null ? new Http(port) : Http.signedIn(port, email);
        return http.getPage(path).getStatusCode().value();
    }

    private static ResponseEntity<Map> upload(Http api) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(new byte[0]) {
            @Override
            public String getFilename() {
                return "empty.csv";
            }
        });
        return api.raw().post().uri("/api/v1/imports?effectiveOn=2026-11-23").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body).retrieve().toEntity(Map.class);
    }

}
