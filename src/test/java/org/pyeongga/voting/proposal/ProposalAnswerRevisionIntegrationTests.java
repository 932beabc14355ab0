package org.pyeongga.voting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pyeongga.voting.proposal.ProposalFixture.GUNSAN_EVALUATOR;
import static org.pyeongga.voting.proposal.ProposalFixture.GUNSAN_STAFF;
import static org.pyeongga.voting.proposal.ProposalFixture.NONSAN_STAFF;
import static org.pyeongga.voting.proposal.ProposalFixture.citizen;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.VoterTokens;
import org.pyeongga.voting.proposal.ProposalModel.AnswerKind;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.NewProposal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revising a published official answer: every version kept and public with its reason, never with the staff member
 * (who appears on the staff page only); the deadline still counts from the first answer; refusals (no reason, no
 * change, a hidden or unanswered proposal, another institution's staff, a citizen) change nothing.
 */
@IntegrationTest
class ProposalAnswerRevisionIntegrationTests {

    private static final String FIRST = "내년 예산에 반영할 수 있는지 검토하고 있습니다.";
    private static final String SECOND = "내년 상반기에 수송동 두 곳부터 설치합니다.";
    private static final String REASON = "예산이 확정되어 추진 중에서 수용으로 바꿉니다.";

    @Autowired
    Proposals proposals;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    long gunsan;
    long staffId;

    @BeforeEach
    void people() {
        gunsan = ProposalFixture.institution(registry, "군산시");
        long nonsan = ProposalFixture.institution(registry, "논산시");
        staffId = ProposalFixture.staff(accounts, GUNSAN_STAFF, gunsan, Role.INSTITUTION_COORDINATOR);
        ProposalFixture.staff(accounts, NONSAN_STAFF, nonsan, Role.INSTITUTION_COORDINATOR);
        ProposalFixture.staff(accounts, GUNSAN_EVALUATOR, gunsan, Role.EVALUATOR);
    }

    /** A proposal of 군산시 that reached its threshold of 2 and was answered "이미 추진 중" by 군산시's coordinator. */
    private long answered(String title) {
        long board = ProposalFixture.board(proposals, gunsan, "답변 수정 시험 " + title, 2, null);
        long id = proposals.submit(board, citizen(title + "-author"), new NewProposal(title, "내용: " + title, Category.WELFARE));
        proposals.support(id, citizen(title + "-supporter"));
        var answer = Http.api(port, GUNSAN_STAFF).postJson("/api/v1/voting/admin/proposals/{id}/answer",
                Map.of("kind", "IN_PROGRESS", "text", FIRST), id);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return id;
    }

    private ResponseEntity<Map<String, Object>> revise(Http who, long id, Map<String, ?> body) {
        return who.postJson("/api/v1/voting/admin/proposals/{id}/answer/revisions", body, id);
    }

    private long versions(long id) {
        return jdbc.sql("select count(*) from voting_proposal_answer_version where proposal_id = :p").param("p", id)
                .query(Long.class).single();
    }

    private long audited(String action, long proposalId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and payload like :p")
                .param("a", action).param("p", "%\"proposalId\":" + proposalId + ",%").query(Long.class).single();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRevisionWithAReasonKeepsBothVersionsPublicWithoutTheStaffMember() {
        long id = answered("그늘막 설치");
        var first = proposals.view(id, null).proposal();
        Http staff = Http.api(port, GUNSAN_STAFF);

        var revised = revise(staff, id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON));
        assertThat(revised.getStatusCode().value()).isEqualTo(201);
        assertThat(revised.getBody()).containsEntry("version", 2);
        assertThat(versions(id)).isEqualTo(2);

        // The public API: the current answer, when the first answer came (the deadline's measure), revised once, history.
        var body = new Http(port).getJson("/api/v1/voting/proposals/{id}", id).getBody();
        var proposal = (Map<String, Object>) body.get("proposal");
        assertThat(proposal).containsEntry("answerKind", "ACCEPTED").containsEntry("answerText", SECOND)
                .containsEntry("status", "ANSWERED");
        assertThat(proposals.view(id, null).proposal().answeredAt()).isEqualTo(first.answeredAt());
        assertThat(body).containsEntry("answerRevisions", 1).containsKey("answerUpdatedAt");
        var history = (List<Map<String, Object>>) body.get("answerVersions");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("version", 2).containsEntry("kind", "ACCEPTED")
                .containsEntry("reason", REASON).doesNotContainKey("answeredBy");
        assertThat(history.get(1)).containsEntry("version", 1).containsEntry("kind", "IN_PROGRESS")
                .containsEntry("text", FIRST).containsEntry("reason", null);
        String staffName = "정책장터 시험 " + Role.INSTITUTION_COORDINATOR.name();
        assertThat(body.toString()).doesNotContain("user:" + staffId).doesNotContain(staffName).doesNotContain(GUNSAN_STAFF);

        // The public page: 수정됨 (1회) and the earlier answer in a disclosure, nobody's name.
        String page = new Http(port).getPage("/participate/proposals/{id}", id).getBody();
        assertThat(page).contains("수정됨 (1회)").contains("이전 답변 보기 (1건)").contains(FIRST).contains(SECOND)
                .contains("수정 사유: " + REASON).doesNotContain(staffName).doesNotContain("user:" + staffId);
        assertThat(new Http(port).getPage("/participate/proposals/{id}?lang=en", id).getBody()).contains("Revised (1×)")
                .contains("Show earlier answers (1)");

        // Staff see who wrote each version.
        var staffVersions = staff.getJsonList("/api/v1/voting/admin/proposals/{id}/answer/versions", id).getBody();
        assertThat(staffVersions).hasSize(2).allSatisfy(v -> assertThat(v).containsEntry("answeredBy", staffName));
        assertThat(Http.signedIn(port, GUNSAN_STAFF).getPage("/admin/voting/proposals/{id}", id).getBody())
                .contains(staffName).contains(REASON).contains("공식 답변 수정");

        // The audit trail records the answer and its revision.
        assertThat(audited("ProposalAnswerRevised", id)).isEqualTo(1);
        assertThat(audited("ProposalAnswered", id)).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListsAndTheListApiMarkARevisedAnswer() {
        long board = ProposalFixture.board(proposals, gunsan, "답변 수정 시험 목록", 2, null);
        // A citizen with a voter token proposes (for 내 제안), a second proposal is answered but never revised.
        var identity = new Http(port).postJson("/api/v1/voting/identity", Map.of("name", "이서연", "birthDate", "1988-07-12",
                "testPerson", "revision-list-author", "residenceCode", "5213000000"));
        String token = (String) identity.getBody().get("voterToken");
        var created = new Http(port).raw().post().uri("/api/v1/voting/proposals").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).header(VoterTokens.HEADER, token)
                .body(Map.of("boardId", board, "title", "수정된 답변의 제안", "body", "내용", "category", "SAFETY"))
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        long revisedId = ((Number) created.getBody().get("id")).longValue();
        proposals.support(revisedId, citizen("list-supporter-1"));
        long plainId = proposals.submit(board, citizen("list-author-2"), new NewProposal("그대로인 답변의 제안", "내용",
                Category.SAFETY));
        proposals.support(plainId, citizen("list-supporter-2"));
        Http staff = Http.api(port, GUNSAN_STAFF);
        for (long id : List.of(revisedId, plainId)) {
            staff.postJson("/api/v1/voting/admin/proposals/{id}/answer", Map.of("kind", "IN_PROGRESS", "text", FIRST), id);
        }
        String marker = "class=\"pg-badge pp-revised\"";
        // Answered but not revised: no marker anywhere.
        assertThat(new Http(port).getPage("/participate/proposals/boards/{b}", board).getBody()).doesNotContain(marker);
        assertThat(revise(staff, revisedId, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON))
                .getStatusCode().value()).isEqualTo(201);

        // The public list: the marker once, next to the revised answer only; in English too.
        String page = new Http(port).getPage("/participate/proposals/boards/{b}", board).getBody();
        assertThat(page.split(marker, -1)).hasSize(2);
        assertThat(page).containsPattern("답변: 수용 \\([^)]*\\)</span>\\s*<span class=\"pg-badge pp-revised\">수정됨</span>");
        assertThat(new Http(port).getPage("/participate/proposals/boards/{b}?lang=en", board).getBody())
                .contains(marker + ">Revised</span>");

        // 내 제안 (the portal's voter cookie): the author's revised answer is marked.
        String mine = new Http(port).raw().get().uri("/participate/proposals/boards/{b}/mine", board)
                .header("Cookie", "PYEONGGA_VOTER=" + token).retrieve().toEntity(String.class).getBody();
        assertThat(mine).contains("수정된 답변의 제안").contains(marker + ">수정됨</span>");

        // The staff list: the marker in the state column, once.
        String admin = Http.signedIn(port, GUNSAN_STAFF).getPage("/admin/voting/proposals/boards/{b}", board).getBody();
        assertThat(admin.split(marker, -1)).hasSize(2);

        // The list APIs: answerRevisions per proposal, as on the single-proposal API.
        var items = (List<Map<String, Object>>) new Http(port).getJson("/api/v1/voting/proposals?board={b}", board).getBody()
                .get("items");
        assertThat(items).hasSize(2);
        assertThat(items).filteredOn(i -> ((Number) i.get("id")).longValue() == revisedId).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("answerRevisions", 1).containsEntry("answerKind", "ACCEPTED"));
        assertThat(items).filteredOn(i -> ((Number) i.get("id")).longValue() == plainId).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("answerRevisions", 0));
        assertThat(new Http(port).getJson("/api/v1/voting/proposals/{id}", revisedId).getBody())
                .containsEntry("answerRevisions", 1);
        var myList = new Http(port).raw().get().uri("/api/v1/voting/proposals/mine?board={b}", board)
                .accept(MediaType.APPLICATION_JSON).header(VoterTokens.HEADER, token).retrieve()
                .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).getBody();
        assertThat(myList).singleElement().satisfies(i -> assertThat(i).containsEntry("answerRevisions", 1));
        assertThat(staff.getJsonList("/api/v1/voting/admin/proposals/boards/{b}/proposals", board).getBody())
                .extracting(i -> i.get("answerRevisions")).containsExactlyInAnyOrder(1, 0);
    }

    /** Demo data (off in tests, loaded here): its answered proposal was revised once, and a second start adds nothing. */
    @Test
    void theDemoHasOneRevisedAnswerAndASecondStartAddsNothing() {
        var demo = new ProposalDemoData(proposals, registry);
        demo.load();
        demo.load();
        var board = proposals.boards().stream().filter(b -> b.title().equals(ProposalDemoData.BOARD)).findFirst().orElseThrow();
        var answered = proposals.moderation(board.id(), ProposalModel.Status.ANSWERED, false);
        assertThat(answered).singleElement().satisfies(p -> {
            assertThat(p.title()).isEqualTo(ProposalDemoData.BIKES);
            assertThat(p.answerKind()).isEqualTo(AnswerKind.ACCEPTED);
            assertThat(p.answerRevisions()).isEqualTo(1);
        });
        var versions = proposals.view(answered.getFirst().id(), null).answerVersions();
        assertThat(versions).hasSize(2);
        assertThat(versions.getFirst().reason()).isEqualTo(ProposalDemoData.REVISION_REASON);
        assertThat(versions.getLast().kind()).isEqualTo(AnswerKind.PARTLY_ACCEPTED);
        assertThat(proposals.boards().stream().filter(b -> b.title().equals(ProposalDemoData.BOARD))).hasSize(1);
    }

    @Test
    void aRevisionOnTheStaffPageIsPublishedAndABadOneShowsItsMessage() {
        long id = answered("야간 도서관");
        Http staff = Http.signedIn(port, GUNSAN_STAFF);
        var noReason = staff.postForm("/admin/voting/proposals/" + id + "/answer/revise",
                "kind=ACCEPTED&text=" + enc(SECOND) + "&reason=");
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).contains("수정 사유를 1자 이상 500자 이하로 쓰세요.").contains(SECOND);
        var done = staff.postForm("/admin/voting/proposals/" + id + "/answer/revise",
                "kind=ACCEPTED&text=" + enc(SECOND) + "&reason=" + enc(REASON));
        assertThat(done.getStatusCode().is3xxRedirection()).isTrue();
        assertThat(proposals.view(id, null).answerVersions()).hasSize(2);
    }

    @Test
    void refusalsChangeNothing() {
        long id = answered("주차장 공유");
        Http staff = Http.api(port, GUNSAN_STAFF);

        var noReason = revise(staff, id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", "  "));
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(noReason.getBody()).containsEntry("code", "proposal.revision.reason");
        var noReasonAtAll = revise(staff, id, Map.of("kind", "ACCEPTED", "text", SECOND));
        assertThat(noReasonAtAll.getBody()).containsEntry("code", "proposal.revision.reason");
        var tooLong = revise(staff, id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", "가".repeat(501)));
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);

        var unchanged = revise(staff, id, Map.of("kind", "IN_PROGRESS", "text", "  " + FIRST + "\n", "reason", REASON));
        assertThat(unchanged.getStatusCode().value()).isEqualTo(400);
        assertThat(unchanged.getBody()).containsEntry("code", "proposal.revision.unchanged")
                .containsEntry("detail", "답변 결과와 내용이 지금과 같습니다. 고칠 내용을 바꾼 뒤 다시 게시하세요.")
                .containsEntry("detailEn", "The verdict and text are the same as now. Change what needs correcting, then publish again.");

        // Another institution's staff: as if it did not exist; staff without a managing role: 403; nobody: 401.
        assertThat(revise(Http.api(port, NONSAN_STAFF), id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(Http.api(port, NONSAN_STAFF).getJson("/api/v1/voting/admin/proposals/{id}/answer/versions", id)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(revise(Http.api(port, GUNSAN_EVALUATOR), id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON))
                .getStatusCode().value()).isEqualTo(403);

        // A verified citizen with a voter token is not staff.
        var identity = new Http(port).postJson("/api/v1/voting/identity", Map.of("name", "이서연", "birthDate", "1988-07-12",
                "testPerson", "revision-citizen", "residenceCode", "5213000000"));
        String token = (String) identity.getBody().get("voterToken");
        var asCitizen = new Http(port).raw().post().uri("/api/v1/voting/admin/proposals/{id}/answer/revisions", id)
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .header(VoterTokens.HEADER, token).body(Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON))
                .retrieve().toEntity(new ParameterizedTypeReference<Map<String, Object>>() { });
        assertThat(asCitizen.getStatusCode().value()).isEqualTo(401);

        // A hidden proposal cannot be revised (its answer stays as it was once restored).
        proposals.hide(id, "개인정보 포함");
        var hidden = revise(staff, id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON));
        assertThat(hidden.getStatusCode().value()).isEqualTo(409);
        assertThat(hidden.getBody()).containsEntry("code", "proposal.revision.hidden");
        proposals.restore(id);

        var proposal = proposals.view(id, null);
        assertThat(proposal.proposal().answerKind()).isEqualTo(AnswerKind.IN_PROGRESS);
        assertThat(proposal.proposal().answerText()).isEqualTo(FIRST);
        assertThat(proposal.answerVersions()).hasSize(1);
        assertThat(proposal.answerRevisions()).isZero();
        assertThat(versions(id)).isEqualTo(1);
        assertThat(audited("ProposalAnswerRevised", id)).isZero();
    }

    @Test
    void anUnansweredProposalHasNothingToRevise() {
        long board = ProposalFixture.board(proposals, gunsan, "답변 수정 시험 답변 전", 50, null);
        long id = proposals.submit(board, citizen("unanswered-author"), new NewProposal("가로등", "내용", Category.SAFETY));
        var refused = revise(Http.api(port, GUNSAN_STAFF), id, Map.of("kind", "ACCEPTED", "text", SECOND, "reason", REASON));
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(refused.getBody()).containsEntry("code", "proposal.revision.notAnswered");
        assertThat(versions(id)).isZero();
        assertThatThrownBy(() -> proposals.reviseAnswer(id, null, SECOND, REASON)).hasMessage("proposal.answer.kind");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
