package org.pyeongga.voting.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ResultPage;
import org.pyeongga.voting.proposal.ProposalModel;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.Sort;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.pyeongga.voting.proposal.Proposals;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 정책장터 for everyone: boards, proposals with their public support counts and official answers. Hidden proposals never
 * appear; who supported is never part of any answer.
 */
@RestController
@RequestMapping(path = "/api/v1/voting/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "정책장터 (Policy proposals)", description = "시민 정책 제안, 공감 수, 답변 기준과 공식 답변")
class ProposalApi {

    private final Proposals proposals;
    private final VoterCredentials voters;

    ProposalApi(Proposals proposals, VoterCredentials voters) {
        this.proposals = proposals;
        this.voters = voters;
    }

    record NewProposalRequest(long boardId, @Nullable String title, @Nullable String body, @Nullable Category category) {}

    record Created(long id) {}

    /**
     * A proposal with what the asking citizen did: theirs, supported (both false without a voter token); how often its
     * official answer was revised, when the current version was published, and every version newest first.
     */
    record ProposalView(ProposalModel.Proposal proposal, boolean mine, boolean supported, int answerRevisions,
            @Nullable Instant answerUpdatedAt, List<AnswerVersionView> answerVersions) {}

    /** One version of the official answer as anyone sees it (never who wrote it); {@code reason} from version 2 on. */
    record AnswerVersionView(int version, ProposalModel.AnswerKind kind, String text, @Nullable String reason,
            Instant answeredAt) {}

    record BoardView(ProposalModel.Board board, ProposalModel.StatusCounts counts) {}

    @GetMapping("/boards")
    @Operation(summary = "정책장터 목록")
    List<ProposalModel.Board> boards() {
        return proposals.boards();
    }

    @GetMapping("/boards/{boardId}")
    @Operation(summary = "정책장터 하나와 상태별 제안 수")
    BoardView board(@PathVariable long boardId) {
        return new BoardView(proposals.board(boardId), proposals.statusCounts(boardId));
    }

    @GetMapping
    @Operation(summary = "제안 목록: 상태·분야로 거르고 공감순(SUPPORTS) 또는 최신순(NEWEST)으로", description = "제안마다 answerRevisions: 공식 답변이 처음 게시된 뒤 수정된 횟수 (답변 전이나 수정이 없으면 0, 제안 하나 API의 answerRevisions와 같음)")
    ResultPage<ProposalModel.Proposal> list(@RequestParam long board, @RequestParam(required = false) @Nullable Status status,
            @RequestParam(required = false) @Nullable Category category, @RequestParam(defaultValue = "SUPPORTS") Sort sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return proposals.list(new ProposalModel.Query(board, status, category, sort, page, size));
    }

    @GetMapping("/{proposalId}")
    @Operation(summary = "제안 하나 (공감 수, 답변 기한, 현재 공식 답변과 수정 횟수·모든 판과 수정 사유); X-Pyeongga-Voter가 있으면 내 제안·공감 여부도. 숨긴 제안은 제안자에게만")
    ProposalView proposal(@PathVariable long proposalId,
            @RequestHeader(name = VoterCredentials.HEADER, required = false) @Nullable String voter) {
        var viewing = proposals.view(proposalId, voters.read(voter).orElse(null));
        return new ProposalView(viewing.proposal(), viewing.mine(), viewing.supported(), viewing.answerRevisions(),
                viewing.answerUpdatedAt(), viewing.answerVersions().stream()
                        .map(v -> new AnswerVersionView(v.version(), v.kind(), v.text(), v.reason(), v.answeredAt())).toList());
    }

    @GetMapping("/mine")
    @Operation(summary = "내 제안 (숨긴 것과 그 이유 포함; X-Pyeongga-Voter 필요)", description = "제안마다 answerRevisions: 공식 답변이 수정된 횟수")
    List<ProposalModel.Proposal> mine(@RequestParam long board,
            @RequestHeader(name = VoterCredentials.HEADER, required = false) @Nullable String voter) {
        return proposals.mine(board, voters.require(voter));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "정책 제안 (X-Pyeongga-Voter 필요): 제목 100자, 내용 4000자 이내, 분야. 제안자의 공감 1이 더해짐")
    Created submit(@RequestBody NewProposalRequest request,
            @RequestHeader(name = VoterCredentials.HEADER, required = false) @Nullable String voter) {
        var citizen = voters.require(voter);
        return new Created(proposals.submit(request.boardId(), citizen,
                new ProposalModel.NewProposal(request.title(), request.body(), request.category())));
    }

    @PostMapping("/{proposalId}/supports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "공감 (X-Pyeongga-Voter 필요; 한 사람이 한 번, 두 번째는 409)")
    ProposalModel.SupportState support(@PathVariable long proposalId,
            @RequestHeader(name = VoterCredentials.HEADER, required = false) @Nullable String voter) {
        return proposals.support(proposalId, voters.require(voter));
    }

    @DeleteMapping("/{proposalId}/supports")
    @Operation(summary = "공감 취소 (X-Pyeongga-Voter 필요; 정책장터가 열려 있는 동안)")
    ProposalModel.SupportState withdraw(@PathVariable long proposalId,
            @RequestHeader(name = VoterCredentials.HEADER, required = false) @Nullable String voter) {
        return proposals.withdraw(proposalId, voters.require(voter));
    }
}
