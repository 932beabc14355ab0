package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Cross-review over the REST API on the real database: an objection through every stage (상호열람 → 이의신청 →
 * 검토의견 → 판정 → 집합검증), what each party sees before, during and after each stage, and the refusals when a stage
 * is closed.
 */
@IntegrationTest
class ObjectionIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    CycleStages stages;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private ObjectionFixtures fixtures() {
        return new ObjectionFixtures(evaluations, groups, registry, stages, accounts, jdbc);
    }

    private static Map<String, Object> objection(long target, String indicator, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("targetInstitutionId", target);
        body.put("indicatorCode", indicator);
        body.put("reason", reason);
        return body;
    }

    private BigDecimal total(long cycle, long institution) {
        var result = evaluations.result(cycle, evaluations.computeResults(cycle, "시험"));
        return result.rows().stream().filter(r -> r.institutionId() == institution).findFirst().orElseThrow().total();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anObjectionMovesThroughEveryStageHidingTheObjectorAndTheRulingChangesTheScoreWithAnAuditTrail() {
        var f = fixtures();
        Http admin = Http.api(port, TestUsers.admin(accounts));
        Http objector = Http.api(port, f.userA);
        Http objectedTo = Http.api(port, f.userB);
        Http third = Http.api(port, f.userC);
        String base = "/api/v1/evaluations/" + f.cycle;

        // the program hides objectors (set before objections open)
        var rule = admin.raw().put().uri(base + "/review/rule").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("objectorHidden", true, "rejectedEvidence", "ZERO")).retrieve().toEntity(String.class);
        assertThat(rule.getStatusCode().value()).isEqualTo(200);

        // 상호열람: A sees B's and C's case summaries and evidence, and can download B's file
        f.only(CycleStage.MUTUAL_VIEWING);
        var viewed = objector.getJsonList(base + "/review/submissions");
        assertThat(viewed.getStatusCode().value()).isEqualTo(200);
        assertThat(viewed.getBody()).extracting(s -> ((Number) s.get("institutionId")).longValue()).containsExactly(f.b, f.c)
                .doesNotContain(f.a, f.d);
        var ofB = viewed.getBody().stream().filter(s -> ((Number) s.get("institutionId")).longValue() == f.b).findFirst().orElseThrow();
        assertThat((List<?>) ofB.get("cases")).hasSize(1);
        assertThat((List<?>) ofB.get("evidence")).hasSize(3);
        assertThat(((Map<?, ?>) ((List<?>) ofB.get("evidence")).getFirst()).get("verification")).isNull(); // marks are B's own
        var file = objector.raw().get().uri(base + "/review/evidence/" + f.evidenceB1 + "/file").retrieve().toEntity(byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(file.getBody(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("%PDF");
        // filing is for the objection stage
        assertThat(objector.postJson(base + "/objections", objection(f.b, "Q1", "이수율 산정 오류")).getStatusCode().value())
                .isEqualTo(409);

        // 이의신청: A objects to B's Q1 with a reason; bad input changes nothing
        f.only(CycleStage.OBJECTION);
        assertThat(objector.postJson(base + "/objections", objection(f.b, "Q1", "  ")).getStatusCode().value()).isEqualTo(400);
        assertThat(objector.postJson(base + "/objections", objection(f.b, "Q1", "가".repeat(2001))).getStatusCode().value())
                .isEqualTo(400);
        assertThat(objector.postJson(base + "/objections", objection(f.a, "Q1", "자기 기관")).getStatusCode().value()).isEqualTo(400);
        assertThat(objector.postJson(base + "/objections", objection(f.d, "Q1", "다른 평가군")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(objector.postJson(base + "/objections", objection(f.b, "NOPE", "없는 지표")).getStatusCode().value())
                .isEqualTo(400);
        var filed = objector.postJson(base + "/objections", objection(f.b, "Q1", "교육 이수율 90%는 이수 명단(증빙)의 인원과 맞지 않습니다."));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) filed.getBody().get("id")).longValue();
        assertThat(objector.getJsonList(base + "/objections").getBody()).hasSize(1);
        // the objected-to institution does not see it before the answer stage
        assertThat(objectedTo.getJsonList(base + "/objections").getBody()).isEmpty();
        assertThat(objectedTo.getJson(base + "/objections/" + id).getStatusCode().value()).isEqualTo(404);

        // 검토의견: B sees the objection and the reason but not who filed it; answers
        f.only(CycleStage.OBJECTION_ANSWER);
        assertThat(objector.postJson(base + "/objections", objection(f.b, "Q2", "늦은 신청")).getStatusCode().value()).isEqualTo(409);
        var seen = objectedTo.getJson(base + "/objections/" + id);
        assertThat(seen.getStatusCode().value()).isEqualTo(200);
        assertThat(seen.getBody()).containsEntry("reason", "교육 이수율 90%는 이수 명단(증빙)의 인원과 맞지 않습니다.")
                .containsEntry("objectorInstitutionId", null).containsEntry("objectorName", null)
                .containsEntry("state", "FILED").containsEntry("canAnswer", true);
        assertThat(objectedTo.raw().get().uri(base + "/objections").retrieve().body(String.class))
                .contains("교육 이수율 90%").doesNotContain("\"objectorInstitutionId\":" + f.a, "논산");
        assertThat(third.getJson(base + "/objections/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(third.postJson(base + "/objections/" + id + "/answer", Map.of("answer", "남의 답")).getStatusCode().value())
                .isEqualTo(404);
        assertThat(objector.postJson(base + "/objections/" + id + "/answer", Map.of("answer", "자기 답")).getStatusCode().value())
                .isEqualTo(403);
        var answered = objectedTo.postJson(base + "/objections/" + id + "/answer",
                Map.of("answer", "이수 명단 2부 중 1부만 올렸습니다. 나머지 명단을 보완합니다."));
        assertThat(answered.getStatusCode().value()).isEqualTo(200);
        assertThat(answered.getBody()).containsEntry("state", "ANSWERED");
        // the objector reads the answer only once the answer stage has closed
        var own = objector.getJson(base + "/objections/" + id).getBody();
        assertThat(own).containsEntry("answer", null);
        assertThat(((Number) own.get("objectorInstitutionId")).longValue()).isEqualTo(f.a);
        // the administrator always sees who filed it
        assertThat(((Number) admin.getJson(base + "/objections/" + id).getBody().get("objectorInstitutionId")).longValue())
                .isEqualTo(f.a);
        // rulings wait for their stage
        assertThat(admin.postJson(base + "/objections/" + id + "/ruling", Map.of("ruling", "UPHELD", "reason", "일찍"))
                .getStatusCode().value()).isEqualTo(409);

        // 판정: upheld, the value corrected from 90 to 60; the next result run gives B a lower total
        f.only(CycleStage.RULING);
        assertThat(objector.getJson(base + "/objections/" + id).getBody().get("answer")).asString().contains("보완합니다");
        assertThat(objectedTo.postJson(base + "/objections/" + id + "/answer", Map.of("answer", "늦은 답")).getStatusCode().value())
                .isEqualTo(409);
        BigDecimal before = total(f.cycle, f.b);
        assertThat(objector.postJson(base + "/objections/" + id + "/ruling", Map.of("ruling", "UPHELD", "reason", "기관"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(admin.postJson(base + "/objections/" + id + "/ruling", Map.of("ruling", "UPHELD", "reason", " "))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(admin.postJson(base + "/objections/" + id + "/ruling",
                Map.of("ruling", "DISMISSED", "reason", "기각", "newValue", 10)).getStatusCode().value()).isEqualTo(400);
        var ruled = admin.postJson(base + "/objections/" + id + "/ruling",
                Map.of("ruling", "UPHELD", "reason", "확인된 이수 인원은 60%입니다.", "newValue", 60));
        assertThat(ruled.getStatusCode().value()).isEqualTo(200);
        assertThat(ruled.getBody()).containsEntry("state", "UPHELD");
        assertThat(new BigDecimal(ruled.getBody().get("oldValue").toString())).isEqualByComparingTo("90");
        assertThat(new BigDecimal(ruled.getBody().get("newValue").toString())).isEqualByComparingTo("60");
        assertThat(admin.postJson(base + "/objections/" + id + "/ruling", Map.of("ruling", "DISMISSED", "reason", "다시"))
                .getStatusCode().value()).isEqualTo(409);
        BigDecimal after = total(f.cycle, f.b);
        assertThat(after).isLessThan(before);
        assertThat(before.subtract(after)).isEqualByComparingTo("3"); // 10 points × (90 − 60) / 100
        // both parties see the ruling; B still not the objector
        assertThat(objectedTo.getJson(base + "/objections/" + id).getBody()).containsEntry("state", "UPHELD")
                .containsEntry("objectorName", null);
        assertThat(objector.getJson(base + "/objections/" + id).getBody()).containsEntry("rulingReason", "확인된 이수 인원은 60%입니다.");

        // the audit trail shows why the value changed, and its record about B names no objector
        var trail = jdbc.sql("""
                        select action, payload, institution_ids from audit_entry
                         where action in ('ObjectionRuled', 'EvaluationValueCorrected') and payload like :p order by seq
                        """)
                .param("p", "%\"cycleId\":" + f.cycle + ",%")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), java.util.Arrays.toString((Long[]) rs.getArray(3).getArray())))
                .list();
        assertThat(trail).extracting(r -> r.get(0)).containsExactly("EvaluationValueCorrected", "ObjectionRuled");
        assertThat(trail.get(0).get(1)).contains("\"oldValue\":90", "\"newValue\":60", "이의신청 " + id + " 인용",
                "확인된 이수 인원은 60%입니다.");
        assertThat(trail.get(1).get(1)).contains("\"ruling\":\"UPHELD\"").doesNotContain("objector");
        assertThat(trail.get(1).get(2)).isEqualTo("[" + f.b + "]");
        var corrections = admin.getJsonList(base + "/review/corrections").getBody();
        assertThat(corrections).hasSize(1);
        assertThat(corrections.getFirst()).containsEntry("source", "RULING").containsEntry("kind", "CORRECTED");

        // 집합검증: verified, corrected (with the value), rejected (the last accepted item: the rule zeroes the value)
        f.only(CycleStage.VERIFICATION);
        String ev = base + "/review/evidence/";
        assertThat(objectedTo.postJson(ev + f.evidenceB1 + "/verification", Map.of("mark", "VERIFIED")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(admin.postJson(ev + f.evidenceB1 + "/verification", Map.of("mark", "REJECTED")).getStatusCode().value())
                .isEqualTo(400); // a rejection needs its reason
        assertThat(admin.postJson(ev + f.evidenceBCase + "/verification", Map.of("mark", "VERIFIED")).getStatusCode().value())
                .isEqualTo(204);
        assertThat(admin.postJson(ev + f.evidenceBCase + "/verification", Map.of("mark", "REJECTED", "note", "다시"))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(admin.postJson(ev + f.evidenceA + "/verification",
                Map.of("mark", "CORRECTED", "note", "목록 중 2건은 2022년 실적", "correctedValue", 55)).getStatusCode().value())
                .isEqualTo(204);
        assertThat(admin.postJson(ev + f.evidenceB1 + "/verification", Map.of("mark", "REJECTED", "note", "명단에 서명 없음"))
                .getStatusCode().value()).isEqualTo(204);
        var values = new HashMap<String, BigDecimal>();
        jdbc.sql("""
                        select v.institution_id || ':' || i.code, v.value from evaluation_value v
                          join evaluation_indicator i on i.id = v.indicator_id where v.cycle_id = :c
                        """).param("c", f.cycle)
                .query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2))).list();
        assertThat(values.get(f.a + ":Q2")).isEqualByComparingTo("55");
        assertThat(values.get(f.b + ":Q1")).isEqualByComparingTo("60"); // B2 still backs Q1
        assertThat(admin.postJson(ev + f.evidenceB2 + "/verification", Map.of("mark", "REJECTED", "note", "결과 보고에 인원 없음"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(jdbc.sql("""
                        select v.value from evaluation_value v join evaluation_indicator i on i.id = v.indicator_id
                         where v.cycle_id = :c and v.institution_id = :b and i.code = 'Q1'
                        """).param("c", f.cycle).param("b", f.b).query(BigDecimal.class).single()).isEqualByComparingTo("0");
        assertThat(admin.getJsonList(base + "/review/corrections").getBody()).extracting(c -> c.get("kind"))
                .containsExactly("CORRECTED", "CORRECTED", "ZEROED");
        // B sees its own marks; A sees none of B's
        var mine = objectedTo.getJson(base + "/review/submissions/" + f.b).getBody();
        assertThat((List<Map<String, Object>>) mine.get("evidence")).extracting(e -> e.get("verification"))
                .containsExactly("REJECTED", "REJECTED", "VERIFIED");
        assertThat(objector.getJson(base + "/review/submissions/" + f.b).getStatusCode().value()).isEqualTo(409); // viewing closed
    }

    /** Where the stages stand, in order: none reached, viewing, objections, answers, ruling, verification, all closed. */
    enum Moment { BEFORE_ALL, VIEWING, OBJECTING, ANSWERING, RULING, VERIFYING, AFTER_ALL }

    private static void at(ObjectionFixtures f, Moment moment) {
        switch (moment) {
            case BEFORE_ALL -> {
                Map<CycleStage, ObjectionFixtures.At> where = new EnumMap<>(CycleStage.class);
                ReviewPermissions.REVIEW_STAGES.forEach(s -> where.put(s, ObjectionFixtures.At.BEFORE));
                f.set(where);
            }
            case VIEWING -> f.only(CycleStage.MUTUAL_VIEWING);
            case OBJECTING -> f.only(CycleStage.OBJECTION);
            case ANSWERING -> f.only(CycleStage.OBJECTION_ANSWER);
            case RULING -> f.only(CycleStage.RULING);
            case VERIFYING -> f.only(CycleStage.VERIFICATION);
            case AFTER_ALL -> {
                Map<CycleStage, ObjectionFixtures.At> where = new EnumMap<>(CycleStage.class);
                ReviewPermissions.REVIEW_STAGES.forEach(s -> where.put(s, ObjectionFixtures.At.CLOSED));
                f.set(where);
            }
        }
    }

    @Test
    void eachPartySeesWhatTheTableSaysBeforeDuringAndAfterEachStage() {
        var f = fixtures();
        // this cycle shows objectors to the objected-to institution
        jdbc.sql("insert into evaluation_review_rule (cycle_id, objector_hidden, rejected_evidence, updated_by) values (:c, false, 'FLAG', 'test')")
                .param("c", f.cycle).update();
        String base = "/api/v1/evaluations/" + f.cycle;
        Http admin = Http.api(port, TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        Map<String, Http> parties = new java.util.LinkedHashMap<>();
        parties.put("objector", Http.api(port, f.userA));
        parties.put("objectedTo", Http.api(port, f.userB));
        parties.put("third", Http.api(port, f.userC));
        parties.put("otherGroup", Http.api(port, f.userD));
        parties.put("admin", admin);
        parties.put("anonymous", new Http(port));

        at(f, Moment.OBJECTING);
        var filed = parties.get("objector").postJson(base + "/objections", objection(f.b, "C1", "사례의 성과 수치가 증빙과 다릅니다."));
        assertThat(filed.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) filed.getBody().get("id")).longValue();

        // party → expected status of: B's submission, the objection, and whether the objector is named (for 200s)
        Map<Moment, Map<String, String>> expected = new EnumMap<>(Moment.class);
        expected.put(Moment.BEFORE_ALL, Map.of("objector", "409 200 named", "objectedTo", "200 404 -", "third", "409 404 -",
                "otherGroup", "403 404 -", "admin", "200 200 named", "anonymous", "401 401 -"));
        expected.put(Moment.VIEWING, Map.of("objector", "200 200 named", "objectedTo", "200 404 -", "third", "200 404 -",
                "otherGroup", "403 404 -", "admin", "200 200 named", "anonymous", "401 401 -"));
        expected.put(Moment.OBJECTING, expected.get(Moment.VIEWING));
        expected.put(Moment.ANSWERING, Map.of("objector", "409 200 named", "objectedTo", "200 200 named", "third", "409 404 -",
                "otherGroup", "403 404 -", "admin", "200 200 named", "anonymous", "401 401 -"));
        expected.put(Moment.RULING, expected.get(Moment.ANSWERING));
        expected.put(Moment.VERIFYING, expected.get(Moment.ANSWERING));
        expected.put(Moment.AFTER_ALL, expected.get(Moment.ANSWERING));

        for (Moment moment : Moment.values()) {
            at(f, moment);
            for (var party : parties.entrySet()) {
                Http http = party.getValue();
                var submission = http.getJson(base + "/review/submissions/" + f.b);
                var objection = http.getJson(base + "/objections/" + id);
                String named = objection.getStatusCode().value() != 200 ? "-"
                        : objection.getBody().get("objectorInstitutionId") != null ? "named" : "hidden";
                assertThat(submission.getStatusCode().value() + " " + objection.getStatusCode().value() + " " + named)
                        .as("%s at %s", party.getKey(), moment)
                        .isEqualTo(expected.get(moment).get(party.getKey()));
            }
        }
        // listing agrees with reading one: the third institution and the other group never list it
        assertThat(parties.get("third").getJsonList(base + "/objections").getBody()).isEmpty();
        assertThat(parties.get("otherGroup").getJsonList(base + "/objections").getBody()).isEmpty();
        assertThat(parties.get("objectedTo").getJsonList(base + "/objections").getBody()).hasSize(1);
        // the rule cannot change once objections have opened
        var late = admin.raw().put().uri(base + "/review/rule").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("objectorHidden", true, "rejectedEvidence", "ZERO")).retrieve().toEntity(String.class);
        assertThat(late.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void closedStagesRefuseWithTheirDatesAndARejectedItemCountsOnlyWhereEvidenceIsRequired() {
        var f = fixtures();
        jdbc.sql("insert into evaluation_review_rule (cycle_id, objector_hidden, rejected_evidence, updated_by) values (:c, true, 'FLAG', 'test')")
                .param("c", f.cycle).update();
        String base = "/api/v1/evaluations/" + f.cycle;
        Http admin = Http.api(port, TestUsers.admin(accounts));
        Http objector = Http.api(port, f.userA);
        Http objectedTo = Http.api(port, f.userB);

        at(f, Moment.BEFORE_ALL);
        var problem = objector.getJson(base + "/review/submissions");
        assertThat(problem.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(problem.getBody().get("detail"))).contains("상호열람");
        assertThat(objector.postJson(base + "/objections", objection(f.b, "Q1", "이른 신청")).getStatusCode().value()).isEqualTo(409);

        f.only(CycleStage.OBJECTION);
        long id = ((Number) objector.postJson(base + "/objections", objection(f.b, "Q2", "규제 개선 건수 과다 산정"))
                .getBody().get("id")).longValue();
        long onCase = ((Number) objector.postJson(base + "/objections", objection(f.b, "C1", "사례가 2022년 실적"))
                .getBody().get("id")).longValue();
        at(f, Moment.AFTER_ALL);
        assertThat(objectedTo.postJson(base + "/objections/" + id + "/answer", Map.of("answer", "늦은 답")).getStatusCode().value())
                .isEqualTo(409);
        assertThat(admin.postJson(base + "/objections/" + id + "/ruling", Map.of("ruling", "DISMISSED", "reason", "늦음"))
                .getStatusCode().value()).isEqualTo(409);
        assertThat(admin.postJson(base + "/review/evidence/" + f.evidenceA + "/verification", Map.of("mark", "VERIFIED"))
                .getStatusCode().value()).isEqualTo(409);
        // the other cycle's objection is not this cycle's
        assertThat(admin.getJson("/api/v1/evaluations/" + (f.cycle + 100000) + "/objections/" + id).getStatusCode().value())
                .isEqualTo(404);

        // the framework says only C1 needs evidence: rejecting A's only Q2 item changes nothing but its mark
        jdbc.sql("update evaluation_indicator set evidence_required = (code = 'C1') where cycle_id = :c").param("c", f.cycle).update();
        f.only(CycleStage.VERIFICATION);
        assertThat(admin.postJson(base + "/review/evidence/" + f.evidenceA + "/verification",
                Map.of("mark", "REJECTED", "note", "증빙 불충분")).getStatusCode().value()).isEqualTo(204);
        assertThat(admin.getJsonList(base + "/review/corrections").getBody()).isEmpty();
        // FLAG: rejecting B's only C1 item (required) records a flag and keeps the value
        assertThat(admin.postJson(base + "/review/evidence/" + f.evidenceBCase + "/verification",
                Map.of("mark", "REJECTED", "note", "사례 증빙 날짜가 실적 기간 밖")).getStatusCode().value()).isEqualTo(204);
        assertThat(admin.getJsonList(base + "/review/corrections").getBody()).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("kind", "FLAGGED").containsEntry("indicatorCode", "C1")
                        .containsEntry("newValue", null));
        assertThat(jdbc.sql("""
                        select v.value from evaluation_value v join evaluation_indicator i on i.id = v.indicator_id
                         where v.cycle_id = :c and v.institution_id = :a and i.code = 'Q2'
                        """).param("c", f.cycle).param("a", f.a).query(BigDecimal.class).single()).isEqualByComparingTo("60");
        // a dismissed ruling changes nothing; a panel-scored indicator's value cannot be corrected
        f.only(CycleStage.RULING);
        assertThat(admin.postJson(base + "/objections/" + onCase + "/ruling",
                Map.of("ruling", "UPHELD", "reason", "2022년 실적", "newValue", 0)).getStatusCode().value()).isEqualTo(400);
        assertThat(admin.postJson(base + "/objections/" + onCase + "/ruling", Map.of("ruling", "UPHELD", "reason", "2022년 실적"))
                .getStatusCode().value()).isEqualTo(200);
        var dismissed = admin.postJson(base + "/objections/" + id + "/ruling", Map.of("ruling", "DISMISSED", "reason", "산정 기준에 맞음"));
        assertThat(dismissed.getStatusCode().value()).isEqualTo(200);
        assertThat(dismissed.getBody()).containsEntry("state", "DISMISSED").containsEntry("newValue", null);
        assertThat(admin.getJsonList(base + "/review/corrections").getBody()).hasSize(1);
    }

    @Test
    void thePagesShowEachInstitutionOnlyItsGroupAndRefuseAdministratorsPagesToOthers() {
        var f = fixtures();
        f.only(CycleStage.OBJECTION);
        String page = "/evaluations/review/" + f.cycle;
        assertThat(new Http(port).getPage("/evaluations/review").getStatusCode().value()).isEqualTo(302);
        String openApi = new Http(port).raw().get().uri("/api-docs").retrieve().body(String.class);
        assertThat(openApi).contains("/api/v1/evaluations/{cycleId}/objections/{objectionId}/ruling",
                "/api/v1/evaluations/{cycleId}/review/evidence/{evidenceId}/verification", "상호열람·이의신청 (Cross-review)");

        Http objector = Http.signedIn(port, f.userA);
        var mine = objector.getPage(page);
        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        assertThat(mine.getBody()).contains("우수사례 " + f.b, "우수사례 " + f.c, "교육 이수 명단.pdf").doesNotContain("우수사례 " + f.d);
        assertThat(objector.getPage(page + "/evidence/" + f.evidenceB1).getStatusCode().value()).isEqualTo(200);
        assertThat(objector.getPage(page + "?lang=en").getBody()).contains("Qualitative submissions of your group",
                "File the objection", "Objections against us");
        assertThat(objector.getPage("/admin/evaluations/" + f.cycle + "/review").getStatusCode().value()).isEqualTo(403);
        assertThat(objector.getPage("/admin/evaluations/" + f.cycle + "/verification").getStatusCode().value()).isEqualTo(403);
        assertThat(objector.postForm("/admin/evaluations/" + f.cycle + "/review/rule", "objectorHidden=false&rejectedEvidence=FLAG")
                .getStatusCode().value()).isEqualTo(403);

        Http otherGroup = Http.signedIn(port, f.userD);
        var alone = otherGroup.getPage(page);
        assertThat(alone.getStatusCode().value()).isEqualTo(200);
        assertThat(alone.getBody()).contains("같은 평가군에 다른 기관이 없습니다").doesNotContain("우수사례 " + f.b);
        assertThat(otherGroup.getPage(page + "/evidence/" + f.evidenceB1).getStatusCode().value()).isEqualTo(403);
        var refused = otherGroup.postForm(page + "/objections", "targetInstitutionId=" + f.b + "&indicatorCode=Q1&reason=다른+평가군");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("같은 평가군의 기관에만 이의를 신청할 수 있습니다");
        assertThat(jdbc.sql("select count(*) from evaluation_objection where cycle_id = :c").param("c", f.cycle)
                .query(Long.class).single()).isZero();

        // once the stages are over, the cycle is no longer on the institution's review page
        at(f, Moment.AFTER_ALL);
        assertThat(objector.getPage("/evaluations/review").getBody()).doesNotContain(page + "\"");
        assertThat(objector.getPage(page).getStatusCode().value()).isEqualTo(404);
    }
}
