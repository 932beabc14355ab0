package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.StaffCards;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contest pages over HTTP: the owner's list, setup and review (another institution's coordinator refused), a
 * department's submission with shares, and the citizen's nomination page (no identity check: sent to verify, a post
 * refused with nothing stored; with it: stored with the key only, and a confirmation saying so).
 */
@IntegrationTest
class ContestPageTests {

    @Autowired
    Contests contests;

    @Autowired
    Accounts accounts;

    @Autowired
    StaffCards cards;

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    VoterTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long boryeong;
    long tax;

    @BeforeEach
    void people() {
        ContestFixture.people(accounts, cards, departments, registry);
        boryeong = ContestFixture.institution(registry, "보령시");
        tax = departments.byName(boryeong, "세무과").orElseThrow().id();
    }

    @Test
    void theOwnerSetsUpOpensAndReviews() {
        Http owner = Http.signedIn(port, ContestFixture.BORYEONG_COORDINATOR);
        assertThat(owner.getPage("/admin/contests").getBody()).contains("보령시 2024 상반기 우수사례 경진대회");
        ResponseEntity<String> created = owner.postForm("/admin/contests/from-template",
                "template=NAMHAE_2025&ownerInstitutionId=" + boryeong);
        assertThat(created.getStatusCode().value()).isEqualTo(302);
        String setup = created.getHeaders().getLocation().getPath();
        long id = Long.parseLong(setup.substring(setup.lastIndexOf('/') + 1));
        String page = owner.getPage(setup).getBody();
        assertThat(page).contains("군민체감도", "최우수", "장려", "서면심사");
        assertThat(owner.postForm(setup + "/open", "").getStatusCode().value()).isEqualTo(409); // no window yet
        assertThat(owner.postForm(setup + "/window", "opensAt=2026-01-05T09:00:00&closesAt=2099-01-05T18:00:00")
                .getStatusCode().value()).isEqualTo(302);
        assertThat(owner.postForm(setup + "/open", "").getStatusCode().value()).isEqualTo(302);
        assertThat(contests.contest(id).phase()).isEqualTo(Phase.OPEN);
        assertThat(contests.contest(id).entriesOpenAt()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));

        Http gunsan = Http.signedIn(port, ContestFixture.GUNSAN_COORDINATOR);
        assertThat(gunsan.getPage(setup).getStatusCode().value()).isEqualTo(403);
        assertThat(gunsan.getPage(setup + "/entries").getStatusCode().value()).isEqualTo(403);
        assertThat(gunsan.getPage("/admin/contests").getBody()).doesNotContain("/admin/contests/" + id + "\"");

        String byHand = form(pairs("ownerInstitutionId", String.valueOf(boryeong), "kind", "CUSTOM", "titleKo", "2026 친절 공무원 표창",
                "titleEn", "2026 award", "year", "2026", "half", "", "periodKo", "2026년", "periodEn", "2026", "eligible", "ALL_STAFF",
                "channels", "STAFF", "fields", "", "tiers", "BEST | 최우수 | Best | 1\nMERIT | 장려 | Encouragement | 2"));
        ResponseEntity<String> made = owner.postForm("/admin/contests", byHand);
        assertThat(made.getStatusCode().value()).isEqualTo(302);
        ResponseEntity<String> bad = owner.postForm("/admin/contests", byHand.substring(0, byHand.indexOf("&tiers=")) + "&tiers=oops");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("시상 등급 줄");
    }

    @Test
    void aDepartmentSubmitsACaseOnItsPage() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        Http clerk = Http.signedIn(port, ContestFixture.TAX_CLERK);
        String page = clerk.getPage("/contests/{id}/apply", contest).getBody();
        assertThat(page).contains("제출 부서: 세무과", "김세무");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel", "DEPARTMENT");
        fields.put("fieldCode", "FUNDING");
        fields.put("title", "체납 차량 번호판 영치 알림 자동화");
        fields.put("summary", "체납 차량을 단속 카메라 자료와 맞춰 자동으로 알리고 영치 시간을 줄였습니다.");
        fields.put("people[0].name", "김세무");
        fields.put("people[0].jobTitle", "지방세무주사");
        fields.put("people[0].departmentId", String.valueOf(tax));
        fields.put("people[0].share", "70");
        fields.put("people[1].name", "이조사");
        fields.put("people[1].departmentId", String.valueOf(tax));
        fields.put("people[1].share", "20");
        ResponseEntity<String> wrong = clerk.postForm("/contests/" + contest + "/apply", form(fields));
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody()).contains("기여도의 합이 100이어야 합니다 (지금 90)").contains("체납 차량 번호판 영치 알림 자동화");
        fields.put("people[1].share", "30");
        ResponseEntity<String> ok = clerk.postForm("/contests/" + contest + "/apply", form(fields));
        assertThat(ok.getStatusCode().value()).isEqualTo(302);
        assertThat(clerk.getPage(ok.getHeaders().getLocation().toString()).getBody()).contains("접수했습니다");
        assertThat(jdbc.sql("select count(*) from contest_entry where contest_id = :c and title = :t").param("c", contest)
                .param("t", "체납 차량 번호판 영치 알림 자동화").query(Long.class).single()).isEqualTo(1);

        long entry = jdbc.sql("select id from contest_entry where contest_id = :c").param("c", contest).query(Long.class).single();
        Http other = Http.signedIn(port, ContestFixture.INDUSTRY_CLERK);
        assertThat(other.postForm("/contests/" + contest + "/entries/" + entry + "/withdraw", "").getStatusCode().value())
                .isEqualTo(404);
        assertThat(clerk.getPage("/contests/{id}/apply", contest).getBody()).contains("/entries/" + entry + "/withdraw");
        assertThat(clerk.postForm("/contests/" + contest + "/entries/" + entry + "/withdraw", "").getStatusCode().value())
                .isEqualTo(302);
        assertThat(jdbc.sql("select status from contest_entry where id = :e").param("e", entry).query(String.class).single())
                .isEqualTo("WITHDRAWN");
        assertThat(clerk.postForm("/contests/" + contest + "/entries/" + entry + "/withdraw", "").getStatusCode().value())
                .isEqualTo(409);

        Http outsider = Http.signedIn(port, ContestFixture.GUNSAN_CLERK);
        assertThat(outsider.getPage("/contests/{id}/apply", contest).getBody()).contains("주관 기관의 직원만");
        assertThat(outsider.postForm("/contests/" + contest + "/apply", form(fields)).getStatusCode().value()).isEqualTo(403);
        assertThat(new Http(port).getPage("/contests/{id}/apply", contest).getStatusCode().value()).isEqualTo(302);
        assertThat(new Http(port).getPage("/contests").getBody()).contains("2024년 상반기 적극행정 우수사례 경진대회");
    }

    @Test
    void aCitizenNominatesOnlyAfterTheIdentityCheck() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        String path = "/participate/contests/" + contest + "/nominate";
        String unverified = new Http(port).getPage(path).getBody();
        assertThat(unverified).contains("/participate/verify?next=" + path).doesNotContain("id=\"nomineeName\"");
        String body = form(Map.of("nomineeName", "홍길순", "nomineeDepartmentId", String.valueOf(tax), "nomineeJobTitle", "주무관",
                "fieldCode", "CIVIL_CONFLICT", "title", "폭설 때 제설 현장 안내", "reason", "새벽에 직접 현장을 안내해 주셨습니다."));
        ResponseEntity<String> refused = post(path, null, body);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getBody()).contains("본인확인을 마쳐야");
        Voter voter = ContestFixture.citizen();
        String expired = tokens.issue(voter, Instant.now().minus(VoterTokens.VALIDITY).minusSeconds(5));
        assertThat(post(path, expired, body).getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from contest_entry where contest_id = :c").param("c", contest).query(Long.class)
                .single()).isZero();

        String token = tokens.issue(voter, Instant.now());
        assertThat(get(path, token).getBody()).contains("id=\"nomineeName\"", "세무과");
        ResponseEntity<String> done = post(path, token, body);
        assertThat(done.getStatusCode().value()).isEqualTo(200);
        assertThat(done.getBody()).contains("추천을 접수했습니다", "홍길순", "세무과", "가명 키만", "저장하지 않았습니다");
        List<Map<String, Object>> rows = jdbc.sql("select * from contest_entry where contest_id = :c").param("c", contest)
                .query().listOfRows();
        assertThat(rows).singleElement().satisfies(r -> assertThat(r).containsEntry("nominator_voter_key", voter.key().value())
                .containsEntry("submitted_by_user_id", null).containsEntry("channel", "CITIZEN"));
        // every text column of the entry and its person: the nominee's data, the reason and the key, nothing else
        assertThat(rows.getFirst().values().stream().filter(v -> v instanceof String).map(String::valueOf)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("CITIZEN", "CIVIL_CONFLICT", "폭설 때 제설 현장 안내", "",
                voter.key().value(), "새벽에 직접 현장을 안내해 주셨습니다.", "SUBMITTED");
        assertThat(jdbc.sql("select count(*) from audit_entry where payload like :k").param("k", "%" + voter.key().value() + "%")
                .query(Long.class).single()).isZero();
    }

    private ResponseEntity<String> get(String path, String token) {
        return new Http(port).raw().get().uri(path).header("Cookie", VoterTokens.COOKIE + "=" + token)
                .accept(MediaType.TEXT_HTML).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> post(String path, String token, String body) {
        var request = new Http(port).raw().post().uri(path).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML).body(body);
        if (token != null) {
            request = request.header("Cookie", VoterTokens.COOKIE + "=" + token);
        }
        return request.retrieve().toEntity(String.class);
    }

    private static Map<String, String> pairs(String... kv) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
