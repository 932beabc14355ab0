package org.pyeongga.voting.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.proposal.ProposalModel;
import org.pyeongga.voting.proposal.ProposalModel.AnswerKind;
import org.pyeongga.voting.proposal.ProposalModel.Eligibility;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.pyeongga.voting.proposal.Proposals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 정책장터 for the staff of a board's institution (signed in): boards, moderation (hide with a reason, restore) and the
 * official answer with its revisions. Another institution's board or proposal answers 404; staff without a managing role 403.
 */
@RestController
@RequestMapping(path = "/api/v1/voting/admin/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "정책장터 관리 (Policy proposals, staff)", description = "정책장터 개설·닫기, 제안 숨김·복원, 공식 답변과 그 수정")
class ProposalAdminApi {

    private final Proposals proposals;

    ProposalAdminApi(Proposals proposals) {
        this.proposals = proposals;
    }

    record BoardRequest(long institutionId, String title, @Nullable String description, int supportThreshold,
            int answerDays, Eligibility eligibility, @Nullable String regionPrefix) {}

    record OpenRequest(boolean open) {}

    record HideRequest(@Nullable String reason) {}

    record AnswerRequest(@Nullable AnswerKind kind, @Nullable String text) {}

    record RevisionRequest(@Nullable AnswerKind kind, @Nullable String text, @Nullable String reason) {}

    record Created(long id) {}

    record Revised(int version) {}

    @GetMapping("/boards")
    @Operation(summary = "내가 관리하는 정책장터 (내 기관의 것만)")
    List<ProposalModel.Board> boards() {
        return proposals.managedBoards();
    }

    @PostMapping("/boards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "정책장터 개설: 답변 기준 공감 수, 기준 도달 후 답변 기한(일), 참여 자격 VERIFIED 또는 REGION(거주지 코드 접두어)")
    Created openBoard(@RequestBody BoardRequest request) {
        return new Created(proposals.openBoard(new ProposalModel.NewBoard(request.institutionId(), request.title(),
                request.description(), request.supportThreshold(), request.answerDays(), request.eligibility(),
                request.regionPrefix())));
    }

    @PutMapping("/boards/{boardId}/open")
    @Operation(summary = "정책장터 열기·닫기 (닫히면 제안·공감·공감 취소 불가)")
    void setOpen(@PathVariable long boardId, @RequestBody OpenRequest request) {
        proposals.setBoardOpen(boardId, request.open());
    }

    @GetMapping("/boards/{boardId}/proposals")
    @Operation(summary = "정책장터의 모든 제안 (숨긴 것 포함, 최신순)", description = "제안마다 answerRevisions: 공식 답변이 수정된 횟수")
    List<ProposalModel.Proposal> proposals(@PathVariable long boardId, @RequestParam(required = false) @Nullable Status status,
            @RequestParam(defaultValue = "false") boolean hiddenOnly) {
        return proposals.moderation(boardId, status, hiddenOnly);
    }

    @GetMapping("/{proposalId}")
    @Operation(summary = "제안 하나 (숨긴 것 포함)")
    ProposalModel.Proposal proposal(@PathVariable long proposalId) {
        return proposals.managedProposal(proposalId);
    }

    @PostMapping("/{proposalId}/hide")
    @Operation(summary = "제안 숨기기 (이유는 제안자에게 보임)")
    void hide(@PathVariable long proposalId, @RequestBody HideRequest request) {
        proposals.hide(proposalId, request.reason());
    }

    @PostMapping("/{proposalId}/restore")
    @Operation(summary = "숨긴 제안 다시 공개")
    void restore(@PathVariable long proposalId) {
        proposals.restore(proposalId);
    }

    @PostMapping("/{proposalId}/answer")
    @Operation(summary = "공식 답변 게시: ACCEPTED 수용, PARTLY_ACCEPTED 일부 수용, NOT_ACCEPTED 불수용, IN_PROGRESS 이미 추진 중")
    void answer(@PathVariable long proposalId, @RequestBody AnswerRequest request) {
        proposals.answer(proposalId, request.kind(), request.text());
    }

    @PostMapping("/{proposalId}/answer/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "공식 답변 수정: 새 결과·내용과 공개되는 수정 사유(500자 이내, 필수). 모든 판이 공개되어 남고 답변 기한은 첫 "
            + "답변 기준. 바뀐 것이 없거나 사유가 없으면 400, 숨긴 제안이나 답변 전이면 409. 새 판 번호를 돌려줌")
    Revised revise(@PathVariable long proposalId, @RequestBody RevisionRequest request) {
        return new Revised(proposals.reviseAnswer(proposalId, request.kind(), request.text(), request.reason()));
    }

    @GetMapping("/{proposalId}/answer/versions")
    @Operation(summary = "공식 답변의 모든 판 (최신순, 수정 사유와 쓴 담당자 포함)")
    List<ProposalModel.AnswerVersion> answerVersions(@PathVariable long proposalId) {
        return proposals.answerVersions(proposalId);
    }
}
