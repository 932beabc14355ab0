package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestMail;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Judging on the real database: the four kinds of conflict found and never assigned (nor shown), manual overrides
 * with reasons, rubric sheets (draft, submit, comment below the threshold, reopen, closed round), an evaluator seeing
 * only their own assignments, progress and e-mailed reminders, and submitted sheets counting as panel scores.
 */
@IntegrationTest
class JudgingIntegrationTests {

    @Autowired
    Judging judging;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long nonsan;
    long boryeong;
    long chungnam;
    long gunsan;
    long jeonju;
    long jongno;
    long haeundae;
    long outsider;
    long crossOfficial;
    long lapsed;
    long plain;

    @BeforeEach
    void people() {
        nonsan = JudgingFixture.institution(registry, "충청남도 논산시");
        boryeong = JudgingFixture.institution(registry, "충청남도 보령시");
        chungnam = JudgingFixture.institution(registry, "충청남도");
        gunsan = JudgingFixture.institution(registry, "전북특별자치도 군산시");
        jeonju = JudgingFixture.institution(registry, "전북특별자치도 전주시");
        jongno = JudgingFixture.institution(registry, "서울특별시 종로구");
        haeundae = JudgingFixture.institution(registry, "부산광역시 해운대구");
        outsider = JudgingFixture.evaluator(accounts, "outsider@judging.test.pyeongga.kr", "외부 위원", null);
        crossOfficial = JudgingFixture.evaluator(accounts, "cross@judging.test.pyeongga.kr", "논산시 교차 위원", nonsan);
        lapsed = JudgingFixture.evaluator(accounts, "lapsed@judging.test.pyeongga.kr", "오래전 종로구 근무 위원", null);
        plain = JudgingFixture.evaluator(accounts, "plain@judging.test.pyeongga.kr", "일반 위원", null);
    }

    private long round(String code, int required) {
        long cycle = JudgingFixture.cycle(evaluations, groups, code,
                List.of(nonsan, boryeong, chungnam, gunsan, jeonju, jongno, haeundae), 2);
        return evaluations.openJudgingRound(cycle, PanelKind.EXPERT, "민간전문가", required);
    }

    private long panelOf(long round) {
        return judging.panels(round).getFirst().id();
    }

    @Test
    void everyKindOfConflictIsFoundAndNeverAssigned() {
        long round = round("TEST-JUDGING-COI", 2);
        long panel = panelOf(round);
        for (String email : List.of("outsider", "cross", "lapsed", "plain")) {
            judging.addMember(panel, email + "@judging.test.pyeongga.kr", 0);
        }
        LocalDate today = LocalDate.now();
        judging.recordFormerEmployer(outsider, gunsan, today.minusYears(1));
        judging.recordFormerEmployer(lapsed, jongno, today.minusYears(10));
        judging.declareConflict(round, outsider, jeonju, "배우자가 전주시 근무");

        Map<String, ConflictKind> found = judging.conflicts(round).stream()
                .collect(Collectors.toMap(c -> c.userId() + "/" + c.institutionId(), JudgingModel.Conflict::kind));
        assertThat(found).containsEntry(crossOfficial + "/" + nonsan, ConflictKind.OWN_INSTITUTION)
                .containsEntry(crossOfficial + "/" + boryeong, ConflictKind.OWN_PROVINCE_OR_PARENT)
                .containsEntry(crossOfficial + "/" + chungnam, ConflictKind.OWN_PROVINCE_OR_PARENT)
                .containsEntry(outsider + "/" + gunsan, ConflictKind.FORMER_EMPLOYER)
                .containsEntry(outsider + "/" + jeonju, ConflictKind.DECLARED)
                .doesNotContainKey(lapsed + "/" + jongno) // ten years ago: outside the three-year window
                .doesNotContainKey(crossOfficial + "/" + gunsan)
                .hasSize(5);
        assertThat(judging.conflicts(round)).filteredOn(c -> c.kind() == ConflictKind.DECLARED)
                .extracting(JudgingModel.Conflict::reason).containsExactly("배우자가 전주시 근무");

        var run = judging.assignAutomatically(panel);
        assertThat(run.unfilledSubjects()).isZero();
        assertThat(run.added()).isEqualTo(7 * 2 * 2);
        var assignments = judging.assignments(panel);
        assertThat(assignments).hasSize(28).noneMatch(a -> found.containsKey(a.userId() + "/" + a.institutionId()));
        assertThat(assignments.stream().collect(Collectors.groupingBy(JudgingModel.Assignment::subjectId, Collectors.counting())))
                .hasSize(14).allSatisfy((subject, count) -> assertThat(count).isEqualTo(2));

        // manual override: a conflicted pair is refused, a reason is required, a removal is not undone by a re-run
        var nonsanQ1 = assignments.stream().filter(a -> a.institutionId() == nonsan && a.criterion().equals("Q1")).findFirst().orElseThrow();
        assertThatThrownBy(() -> judging.addAssignment(nonsanQ1.subjectId(), crossOfficial, "인력 부족"))
                .isInstanceOf(UserFacingException.class).hasMessage("judging.assignment.conflict");
        var taken = assignments.stream().filter(a -> a.subjectId() == nonsanQ1.subjectId()).map(JudgingModel.Assignment::userId).toList();
        long free = List.of(outsider, lapsed, plain).stream().filter(u -> !taken.contains(u)).findFirst().orElseThrow();
        assertThatThrownBy(() -> judging.addAssignment(nonsanQ1.subjectId(), free, " "))
                .isInstanceOf(UserFacingException.class).hasMessage("judging.assignment.reason");
        judging.addAssignment(nonsanQ1.subjectId(), free, "전문성 보강");
        judging.removeAssignment(nonsanQ1.id(), "위원 요청으로 교체");
        assertThat(judging.assignAutomatically(panel).added()).isZero();
        var after = judging.assignments(panel).stream().filter(a -> a.subjectId() == nonsanQ1.subjectId()).toList();
        assertThat(after).extracting(JudgingModel.Assignment::userId).doesNotContain(nonsanQ1.userId()).contains(free);
        assertThat(after).filteredOn(a -> a.userId() == free).extracting(JudgingModel.Assignment::origin).containsExactly("MANUAL");

        // a conflict declared later removes the pairing outright: never shown to the evaluator
        var plainOnes = judging.assignments(panel).stream().filter(a -> a.userId() == plain).toList();
        long institution = plainOnes.getFirst().institutionId();
        var evaluator = Http.api(port, "plain@judging.test.pyeongga.kr");
        var declared = evaluator.postJson("/api/v1/judging/rounds/{r}/conflicts",
                Map.of("userId", plain, "institutionId", institution, "reason", "자문 위원으로 활동"), round);
        assertThat(declared.getStatusCode().value()).isEqualTo(200);
        assertThat(((Number) declared.getBody().get("removedAssignments")).intValue())
                .isEqualTo((int) plainOnes.stream().filter(a -> a.institutionId() == institution).count());
        var mine = evaluator.getJsonList("/api/v1/judging/my/assignments");
        assertThat(mine.getBody()).filteredOn(a -> ((Number) a.get("roundId")).longValue() == round).isNotEmpty()
                .noneMatch(a -> ((Number) a.get("institutionId")).longValue() == institution);
        // and someone else's conflict is not theirs to declare
        assertThat(evaluator.postJson("/api/v1/judging/rounds/{r}/conflicts",
                Map.of("userId", outsider, "institutionId", institution, "reason", "x"), round).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anEvaluatorDraftsSubmitsAndIsReopenedAndSeesOnlyTheirOwnSheets() {
        long round = round("TEST-JUDGING-SHEET", 2);
        long panel = panelOf(round);
        judging.addMember(panel, "outsider@judging.test.pyeongga.kr", 0);
        judging.addMember(panel, "plain@judging.test.pyeongga.kr", 0);
        judging.assignAutomatically(panel);
        String cycleRef = judging.round(round).sourceRef();
        jdbc.sql("""
                        insert into evaluation_case_summary (cycle_id, institution_id, indicator_id, title, body, written_by)
                        select :c, :i, id, '스마트 민원 창구', '민원 처리 기간을 40% 줄였습니다.', 'test' from evaluation_indicator
                         where cycle_id = :c and code = 'Q1'
                        """).param("c", Long.parseLong(cycleRef)).param("i", haeundae).update();

        var evaluator = Http.api(port, "plain@judging.test.pyeongga.kr");
        var other = Http.api(port, "outsider@judging.test.pyeongga.kr");
        var mine = evaluator.getJsonList("/api/v1/judging/my/assignments").getBody().stream()
                .filter(a -> ((Number) a.get("roundId")).longValue() == round).toList();
        assertThat(mine).hasSize(14).allMatch(a -> ((Number) a.get("userId")).longValue() == plain);
        long sheetId = mine.stream().filter(a -> ((Number) a.get("institutionId")).longValue() == haeundae && a.get("criterion").equals("Q1"))
                .map(a -> ((Number) a.get("id")).longValue()).findFirst().orElseThrow();

        var sheet = evaluator.getJson("/api/v1/judging/my/assignments/{id}", sheetId);
        assertThat(sheet.getStatusCode().value()).isEqualTo(200);
        assertThat(sheet.getBody()).containsEntry("status", "NONE").containsEntry("subject", "부산광역시 해운대구");
        assertThat(sheet.getBody().get("material").toString()).contains("스마트 민원 창구", "40%");
        assertThat((List<?>) sheet.getBody().get("rubric")).hasSize(5);

        // another evaluator, another role, nobody: 404, 403, 401
        assertThat(other.getJson("/api/v1/judging/my/assignments/{id}", sheetId).getStatusCode().value()).isEqualTo(404);
        assertThat(other.raw().put().uri("/api/v1/judging/my/assignments/{id}", sheetId).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("level", 0)).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
        String coordinator = TestUsers.withRole(accounts, Role.INSTITUTION_COORDINATOR);
        assertThat(Http.api(port, coordinator).getJson("/api/v1/judging/my/assignments").getStatusCode().value()).isEqualTo(403);
        assertThat(new Http(port).getJson("/api/v1/judging/my/assignments/{id}", sheetId).getStatusCode().value()).isEqualTo(401);
        assertThat(Http.api(port, "plain@judging.test.pyeongga.kr").getJson("/api/v1/judging/rounds/{r}/progress", round)
                .getStatusCode().value()).isEqualTo(403);

        // draft, then submit: a level is required, a low score needs a comment
        var draft = put(evaluator, sheetId, Map.of("comment", "검토 중"));
        assertThat(draft.getStatusCode().value()).isEqualTo(200);
        assertThat(draft.getBody()).containsEntry("status", "DRAFT").containsEntry("comment", "검토 중");
        var noLevel = evaluator.postJson("/api/v1/judging/my/assignments/{id}/submit", Map.of("comment", "x"), sheetId);
        assertThat(noLevel.getStatusCode().value()).isEqualTo(400);
        Map<String, Object> low = new HashMap<>();
        low.put("level", 4);
        low.put("comment", null);
        var uncommented = evaluator.postJson("/api/v1/judging/my/assignments/{id}/submit", low, sheetId);
        assertThat(uncommented.getStatusCode().value()).isEqualTo(400);
        assertThat((String) uncommented.getBody().get("detail")).contains("60점 미만", "의견");
        var submitted = evaluator.postJson("/api/v1/judging/my/assignments/{id}/submit",
                Map.of("level", 4, "comment", "성과 근거가 부족함"), sheetId);
        assertThat(submitted.getStatusCode().value()).isEqualTo(200);
        assertThat(submitted.getBody()).containsEntry("status", "SUBMITTED");
        assertThat(new BigDecimal(submitted.getBody().get("score").toString())).isEqualByComparingTo("20");
        assertThat(put(evaluator, sheetId, Map.of("level", 0)).getStatusCode().value()).isEqualTo(409);

        // the administrator reopens with a reason; the evaluator changes and submits again
        var admin = Http.api(port, TestUsers.admin(accounts));
        assertThat(admin.postJson("/api/v1/judging/assignments/{id}/reopen", Map.of("reason", ""), sheetId).getStatusCode().value())
                .isEqualTo(400);
        assertThat(admin.postJson("/api/v1/judging/assignments/{id}/reopen", Map.of("reason", "근거 자료 추가 제출"), sheetId)
                .getStatusCode().value()).isEqualTo(200);
        var reopened = evaluator.getJson("/api/v1/judging/my/assignments/{id}", sheetId).getBody();
        assertThat(reopened).containsEntry("status", "DRAFT").containsEntry("reopenReason", "근거 자료 추가 제출");
        assertThat(evaluator.postJson("/api/v1/judging/my/assignments/{id}/submit", Map.of("level", 1), sheetId)
                .getStatusCode().value()).isEqualTo(200);

        // progress counts it; submitted sheets become the indicator's panel scores
        var progress = judging.progress(round).stream().filter(p -> p.userId() == plain).findFirst().orElseThrow();
        assertThat(progress.assigned()).isEqualTo(14);
        assertThat(progress.submitted()).isEqualTo(1);
        assertThat(progress.drafted()).isZero();
        for (var a : judging.assignments(panel)) {
            if (a.userId() == plain && a.id() != sheetId) {
                assertThat(evaluator.postJson("/api/v1/judging/my/assignments/{id}/submit", Map.of("level", 1 + (int) (a.id() % 3),
                        "comment", "ok"), a.id()).getStatusCode().value()).isEqualTo(200);
            }
        }
        long cycle = Long.parseLong(cycleRef);
        int run = evaluations.computeResults(cycle, "심사 점수 반영");
        var figures = evaluations.result(cycle, run).panels();
        assertThat(figures).extracting(f -> f.indicatorCode()).contains("Q1", "Q2");

        // after the round closes nothing is saved
        judging.configureRound(round, new BigDecimal("0.6"), 3, Instant.now().minusSeconds(60));
        var otherSheet = judging.assignments(panel).stream().filter(a -> a.userId() == outsider).findFirst().orElseThrow();
        var closed = put(other, otherSheet.id(), Map.of("level", 0));
        assertThat(closed.getStatusCode().value()).isEqualTo(409);
        assertThat((String) closed.getBody().get("detail")).contains("마감");
    }

    @Test
    void administratorsSeeProgressAndRemindersAreMailedAndRecorded() {
        long round = round("TEST-JUDGING-REMIND", 1);
        long panel = panelOf(round);
        judging.addMember(panel, "lapsed@judging.test.pyeongga.kr", 0);
        judging.addMember(panel, "plain@judging.test.pyeongga.kr", 0);
        judging.assignAutomatically(panel);
        var lapsedOnes = judging.assignments(panel).stream().filter(a -> a.userId() == lapsed).toList();
        var evaluator = Http.api(port, "lapsed@judging.test.pyeongga.kr");
        for (var a : lapsedOnes) {
            evaluator.postJson("/api/v1/judging/my/assignments/{id}/submit", Map.of("level", 0), a.id());
        }
        int before = TestMail.to("plain@judging.test.pyeongga.kr").size();
        int lapsedBefore = TestMail.to("lapsed@judging.test.pyeongga.kr").size();

        var admin = Http.api(port, TestUsers.admin(accounts));
        var progress = admin.getJsonList("/api/v1/judging/rounds/{r}/progress", round).getBody();
        assertThat(progress).hasSize(2);
        var report = admin.postJson("/api/v1/judging/rounds/{r}/reminders", Map.of(), round);
        assertThat(report.getStatusCode().value()).isEqualTo(200);
        assertThat(report.getBody()).containsEntry("sent", 1).containsEntry("failed", 0);
        var mail = TestMail.awaitFor("plain@judging.test.pyeongga.kr", before + 1);
        assertThat(TestMail.body(mail)).contains("일반 위원님", "제출하지 않은 채점표가 7건", "/judging", "unsubmitted score sheets");
        assertThat(TestMail.to("lapsed@judging.test.pyeongga.kr")).hasSize(lapsedBefore); // all submitted: no reminder
        assertThat(judging.reminders(round)).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(plain);
            assertThat(r.status()).isEqualTo("SENT");
            assertThat(r.unsubmitted()).isEqualTo(7);
        });
        assertThat(Http.api(port, "plain@judging.test.pyeongga.kr").postJson("/api/v1/judging/rounds/{r}/reminders", Map.of(), round)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void panelsTakeOnlyEvaluatorsAndCrossPanelsOnlyOfficials() {
        long round = round("TEST-JUDGING-PANEL", 1);
        long cross = judging.createPanel(round, PanelKind.CROSS, "교차평가단", 1);
        assertThatThrownBy(() -> judging.addMember(cross, "outsider@judging.test.pyeongga.kr", 0))
                .hasMessage("judging.member.crossNeedsInstitution");
        judging.addMember(cross, "cross@judging.test.pyeongga.kr", 0);
        String hr = TestUsers.withRole(accounts, Role.HR_OFFICER);
        assertThatThrownBy(() -> judging.addMember(cross, hr, 0)).hasMessage("judging.member.notEvaluator");
        assertThatThrownBy(() -> judging.createPanel(round, PanelKind.CITIZEN, "교차평가단", 1)).hasMessage("judging.panel.nameTaken");
        judging.moveCriterion(cross, "Q2");
        assertThat(judging.panels(round)).extracting(JudgingModel.Panel::criteria)
                .containsExactly(List.of("Q1"), List.of("Q2"));
        var run = judging.assignAutomatically(cross);
        // the 논산시 official may score neither 논산시 nor the other 충청남도 institutions: those stay unfilled
        assertThat(run.unfilledSubjects()).isEqualTo(3);
        assertThat(judging.assignments(cross)).hasSize(4).allMatch(a -> Set.of(gunsan, jeonju, jongno, haeundae).contains(a.institutionId()));
        assertThatThrownBy(() -> judging.moveCriterion(panelOf(round), "Q2")).hasMessage("judging.criterion.assigned");
        assertThatThrownBy(() -> evaluations.openJudgingRound(Long.parseLong(judging.round(round).sourceRef()), PanelKind.EXPERT, "x", 1))
                .hasMessage("judging.round.exists");
    }

    private static org.springframework.http.ResponseEntity<Map<String, Object>> put(Http http, long id, Map<String, Object> body) {
        return http.raw().put().uri("/api/v1/judging/my/assignments/{id}", id).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .accept(org.springframework.http.MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { });
    }
}
