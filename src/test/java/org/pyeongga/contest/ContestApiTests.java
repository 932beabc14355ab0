package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The contest API: the public list hides drafts; a citizen's nomination needs an intact, unexpired voter token and
 * stores the nominee and the pseudonymous key only; the owners' endpoints refuse another institution's coordinator.
 */
@IntegrationTest
class ContestApiTests {

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
    void theListShowsOpenContestsAndHidesDrafts() {
        long open = ContestFixture.openBoryeong(contests, registry);
        long draft = contests.createFromTemplate(ContestTemplates.NAMHAE_2025, ContestFixture.institution(registry, "남해군"));
        ResponseEntity<List<Map<String, Object>>> list = new Http(port).getJsonList("/api/v1/contests");
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        assertThat(list.getBody()).extracting(m -> ((Number) m.get("id")).longValue()).contains(open).doesNotContain(draft);
        assertThat(new Http(port).getJson("/api/v1/contests/{id}", draft).getStatusCode().value()).isEqualTo(404);
        Map<String, Object> view = new Http(port).getJson("/api/v1/contests/{id}", open).getBody();
        assertThat(view).containsEntry("phase", "OPEN");
        assertThat((List<?>) view.get("tiers")).hasSize(3);
        assertThat(new Http(port).getJsonList("/api/v1/contests/{id}/departments", open).getBody())
                .extracting(m -> m.get("nameKo")).contains("세무과", "신산업전략과");
    }

    @Test
    void aNominationNeedsAnIntactUnexpiredVoterToken() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        Map<String, Object> body = Map.of("nomineeName", "홍길순", "nomineeDepartmentId", tax, "nomineeJobTitle", "주무관",
                "fieldCode", "CIVIL_CONFLICT", "title", "폭설 때 제설 현장 안내", "reason", "새벽에 직접 현장을 안내해 주셨습니다.");
        Voter voter = ContestFixture.citizen();
        String valid = tokens.issue(voter, Instant.now());
        String expired = tokens.issue(voter, Instant.now().minus(VoterTokens.VALIDITY).minusSeconds(1));
        String forged = valid.substring(0, valid.length() - 2) + (valid.endsWith("AA") ? "BB" : "AA");

        assertThat(nominate(contest, null, body).getStatusCode().value()).isEqualTo(401);
        for (String bad : List.of(expired, forged, "not-a-token")) {
            ResponseEntity<Map<String, Object>> refused = nominate(contest, bad, body);
            assertThat(refused.getStatusCode().value()).isEqualTo(401);
            assertThat(refused.getBody()).containsEntry("code", "contest.error.verify").containsKey("detailEn");
        }
        assertThat(count(contest)).isZero();

        ResponseEntity<Map<String, Object>> stored = nominate(contest, valid, body);
        assertThat(stored.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) stored.getBody().get("id")).longValue();
        Map<String, Object> row = jdbc.sql("""
                select channel, nominator_voter_key, submitted_by_user_id, department_id, title, nomination_reason
                from contest_entry where id = :id""").param("id", id).query().singleRow();
        assertThat(row).containsEntry("channel", "CITIZEN").containsEntry("nominator_voter_key", voter.key().value())
                .containsEntry("submitted_by_user_id", null).containsEntry("department_id", tax)
                .containsEntry("nomination_reason", "새벽에 직접 현장을 안내해 주셨습니다.");
        assertThat(jdbc.sql("select name from contest_entry_person where entry_id = :id").param("id", id).query(String.class)
                .list()).containsExactly("홍길순");
        // nothing about the citizen anywhere else: not in the audit trail, not in the managers' view
        assertThat(jdbc.sql("select count(*) from audit_entry where payload like :k").param("k", "%" + voter.key().value() + "%")
                .query(Long.class).single()).isZero();
        String entriesJson = Http.api(port, ContestFixture.BORYEONG_COORDINATOR).raw().get()
                .uri("/api/v1/contests/admin/{id}/entries", contest).retrieve().body(String.class);
        assertThat(entriesJson).contains("홍길순").doesNotContain(voter.key().value()).doesNotContain("nominatorVoterKey");
        // the window closed: refused even with a good token
        ContestFixture.closeNow(jdbc, contest);
        assertThat(nominate(contest, tokens.issue(ContestFixture.citizen(), Instant.now()), body).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    void anotherInstitutionsCoordinatorCannotManage() {
        long contest = ContestFixture.openBoryeong(contests, registry);
        Http gunsan = Http.api(port, ContestFixture.GUNSAN_COORDINATOR);
        assertThat(gunsan.getJson("/api/v1/contests/admin/{id}/entries", contest).getStatusCode().value()).isEqualTo(403);
        assertThat(gunsan.postJson("/api/v1/contests/admin/{id}/open", Map.of(), contest).getStatusCode().value())
                .isIn(403, 409);
        assertThat(gunsan.postJson("/api/v1/contests/admin/from-template",
                Map.of("template", "BORYEONG_2024_H1", "ownerInstitutionId", boryeong)).getStatusCode().value()).isEqualTo(403);
        assertThat(gunsan.getJsonList("/api/v1/contests/admin").getBody()).extracting(m -> ((Number) m.get("id")).longValue())
                .doesNotContain(contest);
        assertThat(new Http(port).getJson("/api/v1/contests/admin/{id}/entries", contest).getStatusCode().value())
                .isEqualTo(401);
        Http mine = Http.api(port, ContestFixture.BORYEONG_COORDINATOR);
        ResponseEntity<Map<String, Object>> created = mine.postJson("/api/v1/contests/admin/from-template",
                Map.of("template", "OUTSTANDING_OFFICIAL_HALF", "ownerInstitutionId", boryeong));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
    }

    private ResponseEntity<Map<String, Object>> nominate(long contest, String token, Map<String, Object> body) {
        var request = new Http(port).raw().post().uri("/api/v1/contests/{id}/nominations", contest)
                .contentType(MediaType.APPLICATION_JSON).body(body);
        if (token != null) {
            request = request.header(VoterTokens.HEADER, token);
        }
        return request.retrieve().toEntity(new ParameterizedTypeReference<>() {});
    }

    private long count(long contest) {
        return jdbc.sql("select count(*) from contest_entry where contest_id = :c").param("c", contest).query(Long.class).single();
    }
}
