package org.pyeongga.voting.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pyeongga.voting.proposal.ProposalFixture.GUNSAN_EVALUATOR;
import static org.pyeongga.voting.proposal.ProposalFixture.GUNSAN_REGION;
import static org.pyeongga.voting.proposal.ProposalFixture.GUNSAN_STAFF;
import static org.pyeongga.voting.proposal.ProposalFixture.NONSAN_STAFF;
import static org.pyeongga.voting.proposal.ProposalFixture.citizen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.NewProposal;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 정책장터 on the real database: one support per voter key (also under concurrency), the threshold and its answer
 * deadline, the official answer, moderation, staff of another institution refused, hidden proposals absent from every
 * public list and API answer, eligibility by residence, closed boards, bad input in Korean and English.
 */
@IntegrationTest
class ProposalIntegrationTests {

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
    long nonsan;

    @BeforeEach
    void people() {
        gunsan = ProposalFixture.institution(registry, "군산시");
        nonsan = ProposalFixture.institution(registry, "논산시");
        ProposalFixture.staff(accounts, GUNSAN_STAFF, gunsan, Role.INSTITUTION_COORDINATOR);
        ProposalFixture.staff(accounts, NONSAN_STAFF, nonsan, Role.INSTITUTION_COORDINATOR);
        ProposalFixture.staff(accounts, GUNSAN_EVALUATOR, gunsan, Role.EVALUATOR);
    }

    private long propose(long board, String who, String title) {
        return proposals.submit(board, citizen(who), new NewProposal(title, "내용: " + title, Category.TRANSPORT));
    }

    @Test
    void oneSupportPerVoterKeyEvenUnderConcurrency() throws Exception {
        long board = ProposalFixture.board(proposals, gunsan, "동시 공감 시험", 1000, null);
        long id = propose(board, "concurrency-author", "버스 노선을 늘려 주세요");
        Voter same = citizen("concurrency-same-person");
        int threads = 24;
        List<Callable<Boolean>> attempts = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            attempts.add(() -> {
                start.await();
                try {
                    proposals.support(id, same);
                    return true;
                } catch (UserFacingException e) {
                    assertThat(e.messageKey()).isEqualTo("proposal.support.duplicate");
                    return false;
                }
            });
        }
        // Another 24 different people at the same moment: every one of them counts.
        for (int i = 0; i < threads; i++) {
            Voter other = citizen("concurrency-other-" + i);
            attempts.add(() -> {
                start.await();
                proposals.support(id, other);
                return true;
            });
        }
        List<Boolean> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Boolean>> futures = attempts.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Boolean> f : futures) {
                results.add(f.get());
            }
        }
        assertThat(results.subList(0, threads)).filteredOn(ok -> ok).hasSize(1);
        int rows = jdbc.sql("select count(*) from voting_proposal_support where proposal_id = :p").param("p", id)
                .query(Integer.class).single();
        assertThat(rows).isEqualTo(1 + 1 + threads); // the author, the one person once, the 24 others
        assertThat(proposals.view(id, null).proposal().supportCount()).isEqualTo(rows);
        // The author's own support counts once: supporting again is a duplicate.
        assertThatThrownBy(() -> proposals.support(id, citizen("concurrency-author")))
                .hasMessage("proposal.support.duplicate");
    }

    @Test
    void reachingTheThresholdAwaitsAnAnswerByTheDeadline() {
        long board = ProposalFixture.board(proposals, gunsan, "기준 시험", 3, null);
        long id = propose(board, "threshold-author", "공원에 그늘막을");
        assertThat(proposals.view(id, null).proposal().status()).isEqualTo(Status.OPEN);
        assertThat(proposals.support(id, citizen("threshold-1")).status()).isEqualTo(Status.OPEN);
        var reached = proposals.support(id, citizen("threshold-2"));
        assertThat(reached.status()).isEqualTo(Status.AWAITING_ANSWER);
        assertThat(reached.supportCount()).isEqualTo(3);
        var proposal = proposals.view(id, null).proposal();
        assertThat(proposal.percent()).isEqualTo(100);
        assertThat(proposal.thresholdReachedAt()).isNotNull();
        assertThat(Duration.between(proposal.thresholdReachedAt(), proposal.answerDue())).isEqualTo(Duration.ofDays(30));
        // A withdrawal lowers the count but does not undo the obligation to answer.
        var withdrawn = proposals.withdraw(id, citizen("threshold-2"));
        assertThat(withdrawn.supportCount()).isEqualTo(2);
        assertThat(withdrawn.status()).isEqualTo(Status.AWAITING_ANSWER);
        assertThatThrownBy(() -> proposals.withdraw(id, citizen("threshold-2"))).hasMessage("proposal.support.none");
        assertThat(audited("ProposalThresholdReached", id)).isEqualTo(1);
        // Past the deadline without an answer, the public list marks it overdue.
        assertThat(new Http(port).getPage("/participate/proposals/boards/{b}", board).getBody()).doesNotContain("기한 경과");
        jdbc.sql("update voting_proposal set answer_due = now() - interval '1 day' where id = :id").param("id", id).update();
        assertThat(new Http(port).getPage("/participate/proposals/boards/{b}", board).getBody()).contains("기한 경과");
    }

    @Test
    void staffAnswerIsPublishedAndEndsSupporting() {
        long board = ProposalFixture.board(proposals, gunsan, "답변 시험", 2, null);
        long id = propose(board, "answer-author", "야간 도서관 운영");
        proposals.support(id, citizen("answer-1"));
        Http staff = Http.api(port, GUNSAN_STAFF);
        var answered = staff.postJson("/api/v1/voting/admin/proposals/{id}/answer",
                Map.of("kind", "PARTLY_ACCEPTED", "text", "시립도서관 한 곳에서 시범 운영합니다."), id);
        assertThat(answered.getStatusCode().value()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        var page = (Map<String, Object>) new Http(port).getJson("/api/v1/voting/proposals/{id}", id).getBody().get("proposal");
        assertThat(page).containsEntry("status", "ANSWERED").containsEntry("answerKind", "PARTLY_ACCEPTED")
                .containsEntry("answerText", "시립도서관 한 곳에서 시범 운영합니다.");
        assertThat(page.toString()).doesNotContain(citizen("answer-author").key().value());
        var again = staff.postJson("/api/v1/voting/admin/proposals/{id}/answer", Map.of("kind", "ACCEPTED", "text", "또"), id);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThatThrownBy(() -> proposals.support(id, citizen("answer-2"))).hasMessage("proposal.answered");
        assertThat(audited("ProposalAnswered", id)).isEqualTo(1);
    }

    @Test
    void anotherInstitutionsStaffCannotModerateOrAnswer() {
        long board = ProposalFixture.board(proposals, gunsan, "권한 시험", 50, null);
        long id = propose(board, "permission-author", "주차장 확충");
        Http nonsanStaff = Http.api(port, NONSAN_STAFF);
        assertThat(nonsanStaff.postJson("/api/v1/voting/admin/proposals/{id}/hide", Map.of("reason", "광고"), id)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(nonsanStaff.postJson("/api/v1/voting/admin/proposals/{id}/answer",
                Map.of("kind", "ACCEPTED", "text", "수용"), id).getStatusCode().value()).isEqualTo(404);
        assertThat(nonsanStaff.getJson("/api/v1/voting/admin/proposals/boards/{b}/proposals", board).getStatusCode().value())
                .isEqualTo(404);
        assertThat(nonsanStaff.getJsonList("/api/v1/voting/admin/proposals/boards").getBody())
                .noneSatisfy(b -> assertThat(((Number) b.get("id")).longValue()).isEqualTo(board));
        // Staff of 군산시 without a managing role, and nobody signed in.
        assertThat(Http.api(port, GUNSAN_EVALUATOR).postJson("/api/v1/voting/admin/proposals/{id}/hide",
                Map.of("reason", "광고"), id).getStatusCode().value()).isEqualTo(403);
        assertThat(new Http(port).postJson("/api/v1/voting/admin/proposals/{id}/hide", Map.of("reason", "광고"), id)
                .getStatusCode().value()).isEqualTo(401);
        var proposal = proposals.view(id, null).proposal();
        assertThat(proposal.hidden()).isFalse();
        assertThat(proposal.status()).isEqualTo(Status.OPEN);
        // 군산시's coordinator may.
        assertThat(Http.api(port, GUNSAN_STAFF).getJsonList("/api/v1/voting/admin/proposals/boards").getBody())
                .anySatisfy(b -> assertThat(((Number) b.get("id")).longValue()).isEqualTo(board));
    }

    @Test
    void staffPagesShowOnlyTheirOwnInstitutionsBoards() {
        long board = ProposalFixture.board(proposals, gunsan, "관리 화면 권한 시험", 50, null);
        long id = propose(board, "pages-author", "하천 산책로 정비");
        Http nonsanStaff = Http.signedIn(port, NONSAN_STAFF);
        assertThat(nonsanStaff.getPage("/admin/voting/proposals").getBody()).doesNotContain("관리 화면 권한 시험");
        assertThat(nonsanStaff.getPage("/admin/voting/proposals/boards/{b}", board).getStatusCode().value()).isEqualTo(404);
        assertThat(nonsanStaff.getPage("/admin/voting/proposals/{id}", id).getStatusCode().value()).isEqualTo(404);
        assertThat(nonsanStaff.postForm("/admin/voting/proposals/" + id + "/hide", "reason=x").getStatusCode().value())
                .isEqualTo(404);
        assertThat(nonsanStaff.postForm("/admin/voting/proposals/boards/" + board + "/open", "open=false").getStatusCode()
                .value()).isEqualTo(404);
        assertThat(Http.signedIn(port, GUNSAN_EVALUATOR).getPage("/admin/voting/proposals").getStatusCode().value())
                .isEqualTo(403);
        assertThat(new Http(port).getPage("/admin/voting/proposals").getStatusCode().is3xxRedirection()).isTrue();
        assertThat(proposals.view(id, null).proposal().hidden()).isFalse();
        assertThat(proposals.board(board).open()).isTrue();

        Http gunsanStaff = Http.signedIn(port, GUNSAN_STAFF);
        assertThat(gunsanStaff.getPage("/admin/voting/proposals/{id}", id).getBody()).contains("하천 산책로 정비")
                .doesNotContain(citizen("pages-author").key().value());
        var refused = gunsanStaff.postForm("/admin/voting/proposals/" + id + "/answer", "text=" + java.net.URLEncoder.encode("내용", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("답변 결과(수용, 일부 수용, 불수용, 이미 추진 중)를 고르세요.");
        assertThat(gunsanStaff.postForm("/admin/voting/proposals/" + id + "/hide", "reason=" + java.net.URLEncoder.encode("광고", java.nio.charset.StandardCharsets.UTF_8)).getStatusCode()
                .is3xxRedirection()).isTrue();
        assertThat(proposals.view(id, citizen("pages-author")).proposal().hiddenReason()).isEqualTo("광고");
    }

    @Test
    void hiddenProposalIsInNoPublicListOrApiAnswerButItsAuthorSeesWhy() {
        long board = ProposalFixture.board(proposals, gunsan, "숨김 시험", 50, null);
        long shown = propose(board, "hidden-other", "가로등 교체");
        long hidden = propose(board, "hidden-author", "광고성 글");
        Http staff = Http.api(port, GUNSAN_STAFF);
        assertThat(staff.postJson("/api/v1/voting/admin/proposals/{id}/hide", Map.of("reason", "상업 광고라 숨깁니다."), hidden)
                .getStatusCode().value()).isEqualTo(200);
        Http anyone = new Http(port);
        var list = anyone.getJson("/api/v1/voting/proposals?board={b}&size=50", board).getBody();
        assertThat(list.toString()).contains("가로등 교체").doesNotContain("광고성 글");
        assertThat(list).containsEntry("total", 1);
        assertThat(anyone.getJson("/api/v1/voting/proposals/{id}", hidden).getStatusCode().value()).isEqualTo(404);
        assertThat(anyone.getJson("/api/v1/voting/proposals/boards/{b}", board).getBody().toString()).contains("proposals=1");
        assertThat(anyone.getPage("/participate/proposals/{id}", hidden).getStatusCode().value()).isEqualTo(404);
        // Nobody can support it; its author sees it hidden, with the reason.
        assertThatThrownBy(() -> proposals.support(hidden, citizen("hidden-supporter"))).hasMessage("proposal.notFound");
        var own = proposals.view(hidden, citizen("hidden-author"));
        assertThat(own.mine()).isTrue();
        assertThat(own.proposal().hidden()).isTrue();
        assertThat(own.proposal().hiddenReason()).isEqualTo("상업 광고라 숨깁니다.");
        assertThat(proposals.mine(board, citizen("hidden-author"))).extracting(ProposalModel.Proposal::id).containsExactly(hidden);
        // Staff see it in moderation, restore it, and it is public again.
        assertThat(proposals.moderation(board, null, true)).extracting(ProposalModel.Proposal::id).containsExactly(hidden);
        staff.postJson("/api/v1/voting/admin/proposals/{id}/restore", Map.of(), hidden);
        assertThat(anyone.getJson("/api/v1/voting/proposals/{id}", hidden).getStatusCode().value()).isEqualTo(200);
        assertThat(proposals.view(shown, null).proposal().hiddenReason()).isNull();
    }

    @Test
    void regionBoardsAdmitOnlyResidentsAndClosedBoardsTakeNothing() {
        long board = ProposalFixture.board(proposals, gunsan, "거주지 시험", 50, GUNSAN_REGION);
        var outsider = citizen("region-outsider", "4423000000");
        var unknown = citizen("region-unknown", null);
        assertThatThrownBy(() -> proposals.submit(board, outsider, new NewProposal("제목", "내용", Category.OTHER)))
                .hasMessage("proposal.ineligible");
        assertThatThrownBy(() -> proposals.submit(board, unknown, new NewProposal("제목", "내용", Category.OTHER)))
                .hasMessage("proposal.ineligible");
        long id = propose(board, "region-resident", "군산 해변 정비");
        assertThatThrownBy(() -> proposals.support(id, outsider)).hasMessage("proposal.ineligible");
        proposals.support(id, citizen("region-neighbour"));

        proposals.setBoardOpen(board, false);
        assertThatThrownBy(() -> propose(board, "region-late", "늦은 제안")).hasMessage("proposal.board.closed");
        assertThatThrownBy(() -> proposals.support(id, citizen("region-late"))).hasMessage("proposal.board.closed");
        assertThatThrownBy(() -> proposals.withdraw(id, citizen("region-neighbour"))).hasMessage("proposal.board.closed");
        assertThat(proposals.view(id, null).proposal().supportCount()).isEqualTo(2);
    }

    @Test
    void badInputIsRefusedInKoreanAndEnglishAndChangesNothing() {
        long board = ProposalFixture.board(proposals, gunsan, "입력 시험", 50, null);
        var who = citizen("bad-input");
        assertThatThrownBy(() -> proposals.submit(board, who, new NewProposal(" ", "내용", Category.OTHER)))
                .hasMessage("proposal.title.invalid");
        assertThatThrownBy(() -> proposals.submit(board, who, new NewProposal("가".repeat(101), "내용", Category.OTHER)))
                .hasMessage("proposal.title.invalid");
        assertThatThrownBy(() -> proposals.submit(board, who, new NewProposal("제목", "가".repeat(4001), Category.OTHER)))
                .hasMessage("proposal.body.invalid");
        assertThatThrownBy(() -> proposals.submit(board, who, new NewProposal("제목", "내용", null)))
                .hasMessage("proposal.category.invalid");
        assertThat(proposals.mine(board, who)).isEmpty();

        long id = propose(board, "bad-input-author", "정상 제안");
        Http staff = Http.api(port, GUNSAN_STAFF);
        var problem = staff.postJson("/api/v1/voting/admin/proposals/{id}/hide", Map.of("reason", " "), id);
        assertThat(problem.getStatusCode().value()).isEqualTo(400);
        assertThat(problem.getBody()).containsEntry("code", "proposal.reason.invalid")
                .containsEntry("detail", "숨기는 이유를 1자 이상 500자 이하로 쓰세요. 제안자에게 보입니다.")
                .containsEntry("detailEn", "Give the reason for hiding in 1 to 500 characters; the author sees it.");
        var noKind = staff.postJson("/api/v1/voting/admin/proposals/{id}/answer", Map.of("text", "내용"), id);
        assertThat(noKind.getBody()).containsEntry("code", "proposal.answer.kind");
        assertThat(proposals.view(id, null).proposal().hidden()).isFalse();
        assertThat(proposals.view(id, null).proposal().status()).isEqualTo(Status.OPEN);

        for (int i = 0; i < Proposals.MAX_PROPOSALS_PER_DAY - 1; i++) {
            propose(board, "bad-input-author", "제안 " + i);
        }
        assertThatThrownBy(() -> propose(board, "bad-input-author", "하나 더")).hasMessage("proposal.tooMany");
    }

    @Test
    void nicknamesAreStablePerBoardAndNeverTheKey() {
        long board = ProposalFixture.board(proposals, gunsan, "별칭 시험", 50, null);
        long a = propose(board, "nickname-author", "첫 제안");
        long b = propose(board, "nickname-author", "둘째 제안");
        var first = proposals.view(a, null).proposal();
        assertThat(first.nickname()).matches("[0-9A-F]{4}").isEqualTo(proposals.view(b, null).proposal().nickname());
        assertThat(citizen("nickname-author").key().value().toUpperCase()).doesNotStartWith(first.nickname());
    }

    private long audited(String action, long proposalId) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and payload like :p")
                .param("a", action).param("p", "%\"proposalId\":" + proposalId + ",%").query(Long.class).single();
    }
}
