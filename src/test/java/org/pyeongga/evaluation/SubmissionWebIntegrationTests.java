package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pyeongga.evaluation.SubmissionFixtures.OTHER;
import static org.pyeongga.evaluation.SubmissionFixtures.OWNER;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The submission pages over real HTTP: the form, its posts, evidence download scoped to the institution, and the upload
 * size errors: a file over our limit re-shows the form with the sizes, and a request over the multipart limit shows
 * "too large" (413) rather than a CSRF 403, because the upload form carries its token in the action's query.
 */
@IntegrationTest
class SubmissionWebIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Submissions submissions;

    @Autowired
    Evaluations evaluations;

    @Autowired
    CycleStages stages;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    SubmissionFixtures fixtures;
    long nonsan;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(evaluations, stages, groups, registry, accounts, users);
        fixtures.people();
        nonsan = fixtures.nonsan();
    }

    @Test
    void anOwnerUsesTheFormAndAnotherInstitutionIsRefused() {
        long cycle = fixtures.openCycle();
        Http owner = Http.signedIn(port, OWNER);
        var list = owner.getPage("/submissions");
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).contains("/submissions/" + cycle + "/" + nonsan);

        String path = "/submissions/" + cycle + "/" + nonsan;
        var form = owner.getPage(path);
        assertThat(form.getStatusCode().value()).isEqualTo(200);
        assertThat(form.getBody()).contains("논산시 실적 제출", "출처: " + TestKnownIndicatorValues.SOURCE, "value=\"7\"",
                "_csrf=");
        var saved = owner.postForm(path + "/values", "value.V1=12&value.V2=7&value.B1=");
        assertThat(saved.getStatusCode().value()).isEqualTo(302);
        assertThat(owner.getPage(path).getBody()).contains("값을 저장했습니다", "value=\"12\"");

        var wrong = owner.postForm(path + "/values", "value.V1=" + enc("열둘"));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("지표 V1의 값 열둘은(는) 숫자가 아닙니다", "role=\"alert\"");
        var summary = owner.postForm(path + "/summaries/Q1", "title=&body=" + enc("본문"));
        assertThat(summary.getStatusCode().value()).isEqualTo(400);
        assertThat(summary.getBody()).contains("성과요약서 제목은 1자 이상 200자 이내로");

        var upload = upload(owner, path + "/evidence", "V1", "목록.pdf", SubmissionFixtures.pdf(), true);
        assertThat(upload.getStatusCode().value()).isEqualTo(302);
        long evidence = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().evidence().getFirst().id();
        var download = owner.raw().get().uri(path + "/evidence/" + evidence).retrieve().toEntity(byte[].class);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(SubmissionFixtures.pdf());
        assertThat(download.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(download.getHeaders().getFirst("Content-Disposition")).contains("attachment", "UTF-8''");

        var mismatch = upload(owner, path + "/evidence", "V1", "목록.hwp", SubmissionFixtures.pdf(), true);
        assertThat(mismatch.getStatusCode().value()).isEqualTo(400);
        assertThat(mismatch.getBody()).contains("이름으로는 HWP이지만 내용은 PDF");

        Http other = Http.signedIn(port, OTHER);
        var refused = other.getPage(path);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("권한이 없습니다").doesNotContain(TestKnownIndicatorValues.SOURCE, "논산시 실적 제출");
        assertThat(other.raw().get().uri(path + "/evidence/" + evidence).retrieve().toEntity(byte[].class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(other.postForm(path + "/values", "value.V1=1").getStatusCode().value()).isEqualTo(403);
        assertThat(other.getPage("/submissions/" + cycle).getStatusCode().value()).isEqualTo(403); // progress: administrators
        assertThat(other.getPage("/submissions").getBody()).doesNotContain(path);
        var anonymous = Http.browser(port).getPage(path);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(302);
        assertThat(anonymous.getHeaders().getLocation().getPath()).isEqualTo("/login");
        assertThat(Http.browser(port).raw().get().uri(path + "/evidence/" + evidence).retrieve().toEntity(byte[].class)
                .getStatusCode().value()).isEqualTo(302);
        assertThat(fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().value()).isEqualByComparingTo("12");
    }

    @Test
    void uploadsOverALimitSayTooLargeInsteadOfForbidden() {
        long cycle = fixtures.openCycle();
        Http owner = Http.signedIn(port, OWNER);
        String path = "/submissions/" + cycle + "/" + nonsan;

        // over our own limit per file (20MB): the form again, with the sizes
        var overOurs = upload(owner, path + "/evidence", "V1", "큰 보고서.pdf", SubmissionIntegrationTests.pdfOf(21 * 1024 * 1024), true);
        assertThat(overOurs.getStatusCode().value()).isEqualTo(413);
        assertThat(overOurs.getBody()).contains("큰 보고서.pdf(21.0 MB)이(가) 너무 큽니다", "20.0 MB 이하", "논산시 실적 제출");

        // over the multipart limit (50MB): the body is never parsed, so a CSRF token in it cannot be read; the form
        // sends its token in the action's query, so the request passes the CSRF check and is told "too large"
        byte[] huge = new byte[52 * 1024 * 1024];
        var overSpring = upload(owner, path + "/evidence", "V1", "아주 큰.pdf", huge, true);
        assertThat(overSpring.getStatusCode().value()).isEqualTo(413);
        assertThat(overSpring.getBody()).contains("파일이 너무 큽니다", "50MB 이하");
        // why the form does so: with the token only in the (unread) body, the same request is refused as forbidden
        var tokenInBodyOnly = upload(owner, path + "/evidence", "V1", "아주 큰.pdf", huge, false);
        assertThat(tokenInBodyOnly.getStatusCode().value()).isEqualTo(403);
        assertThat(fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).totalBytes()).isZero();
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theRestApiFollowsTheSameRules() {
        long cycle = fixtures.openCycle();
        String base = "/api/v1/evaluations/" + cycle + "/submissions/" + nonsan;
        Http owner = Http.api(port, OWNER);
        var view = owner.getJson(base);
        assertThat(view.getStatusCode().value()).isEqualTo(200);
        assertThat(view.getBody()).containsEntry("institutionName", "충청남도 논산시").containsEntry("canEdit", true);
        assertThat((java.util.List<?>) view.getBody().get("missing")).hasSize(6);

        var put = owner.raw().put().uri(base + "/values").contentType(MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("V1", 12, "V2", 7)).retrieve().toBodilessEntity();
        assertThat(put.getStatusCode().value()).isEqualTo(204);
        var multipart = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        multipart.add("indicator", "V1");
        multipart.add("file", new org.springframework.core.io.ByteArrayResource(SubmissionFixtures.hwp()) {
            @Override
            public String getFilename() {
                return "목록.hwp";
            }
        });
        var created = owner.raw().post().uri(base + "/evidence").contentType(MediaType.MULTIPART_FORM_DATA).body(multipart)
                .retrieve().toEntity(new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() { });
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long evidence = ((Number) created.getBody().get("id")).longValue();
        assertThat(owner.raw().get().uri(base + "/evidence/" + evidence).retrieve().toEntity(byte[].class).getBody())
                .isEqualTo(SubmissionFixtures.hwp());
        var summary = owner.raw().put().uri(base + "/summaries/Q1").contentType(MediaType.APPLICATION_JSON)
                .body(java.util.Map.of("title", "가".repeat(201), "body", "본문")).retrieve()
                .toEntity(new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() { });
        assertThat(summary.getStatusCode().value()).isEqualTo(400);
        assertThat((String) summary.getBody().get("detail")).contains("200자 이내");

        var incomplete = Http.api(port, SubmissionFixtures.COORDINATOR).postJson(base + "/confirmation", java.util.Map.of());
        assertThat(incomplete.getStatusCode().value()).isEqualTo(409);
        assertThat((String) incomplete.getBody().get("detail")).contains("빠진 것이 3건", "V2 적극행정 우수공무원 선발 인원(증빙)",
                "Q1 대표 우수사례(성과요약서, 증빙)");
        assertThat((String) incomplete.getBody().get("detailEn")).contains("3 item(s) are missing");

        assertThat(new Http(port).getJson(base).getStatusCode().value()).isEqualTo(401);
        Http other = Http.api(port, OTHER);
        assertThat(other.getJson(base).getStatusCode().value()).isEqualTo(403);
        assertThat(other.raw().get().uri(base + "/evidence/" + evidence).retrieve().toEntity(byte[].class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(other.getJson("/api/v1/evaluations/" + cycle + "/submissions").getStatusCode().value()).isEqualTo(403);

        String admin = org.pyeongga.support.TestUsers.withRole(accounts, org.pyeongga.core.Role.PROGRAM_ADMIN);
        Http administrator = Http.api(port, admin);
        var progress = administrator.getJson("/api/v1/evaluations/" + cycle + "/submissions");
        assertThat(progress.getStatusCode().value()).isEqualTo(200);
        assertThat((java.util.List<?>) progress.getBody().get("institutions")).hasSize(2);
        var noReason = administrator.postJson(base + "/corrections", java.util.Map.of("values", java.util.Map.of("V1", 10)));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        var corrected = administrator.postJson(base + "/corrections",
                java.util.Map.of("values", java.util.Map.of("V1", 10), "reason", "증빙 대조 결과"));
        assertThat(corrected.getStatusCode().value()).isEqualTo(204);
        assertThat(fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().value()).isEqualByComparingTo("10");
    }

    /** Posts a multipart upload as the form does: the token in the action's query (or, to compare, only in the body). */
    static ResponseEntity<String> upload(Http http, String path, String indicator, String fileName, byte[] content,
            boolean tokenInQuery) {
        String page = http.getPage(path.substring(0, path.lastIndexOf('/'))).getBody();
        var m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|value=\"([^\"]+)\" name=\"_csrf\"|_csrf=([A-Za-z0-9_-]+)")
                .matcher(page == null ? "" : page);
        String token = m.find() ? Arrays.stream(new String[] {m.group(1), m.group(2), m.group(3)}).filter(g -> g != null)
                .findFirst().orElseThrow() : "";
        // built by hand so that it has a declared length (Content-Length), as a browser's form post has
        String boundary = "----pyeongga" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"indicator\"\r\n\r\n" + indicator + "\r\n");
        if (!tokenInQuery) {
            text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n");
        }
        text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        text.accept("\r\n--" + boundary + "--\r\n");
        return http.raw().post().uri(path + (tokenInQuery ? "?_csrf=" + enc(token) : ""))
                .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                .accept(MediaType.TEXT_HTML).body(body.toByteArray())
                .retrieve().toEntity(String.class);
    }
}
