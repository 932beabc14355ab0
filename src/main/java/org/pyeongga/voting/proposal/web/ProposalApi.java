package org.pyeongga.voting.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ResultPage;
import org.pyeongga.voting.proposal.ProposalModel;
import org.pyeongga.voting.proposal.ProposalModel.Category;
import org.pyeongga.voting.proposal.ProposalModel.Sort;
import org.pyeongga.voting.proposal.ProposalModel.Status;
import org.pyeongga.voting.proposal.Proposals;
import org.springframework.http.MediaType;
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

    ProposalApi(Proposals proposals) {
        this.proposals = proposals;
    }

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
    @Operation(summary = "제안 목록: 상태·분야로 거르고 공감순(SUPPORTS) 또는 최신순(NEWEST)으로")
    ResultPage<ProposalModel.Proposal> list(@RequestParam long board, @RequestParam(required = false) @Nullable Status status,
            @RequestParam(required = false) @Nullable Category category, @RequestParam(defaultValue = "SUPPORTS") Sort sort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return proposals.list(new ProposalModel.Query(board, status, category, sort, page, size));
    }

    @GetMapping("/{proposalId}")
    @Operation(summary = "제안 하나 (공감 수, 답변 기한, 공식 답변)")
    ProposalModel.Proposal proposal(@PathVariable long proposalId) {
        return proposals.view(proposalId, null).proposal();
    }
}
