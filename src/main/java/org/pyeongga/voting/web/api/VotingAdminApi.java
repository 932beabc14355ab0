package org.pyeongga.voting.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.voting.AbuseReport;
import org.pyeongga.voting.AbuseReports;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.BallotSpec;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContexts;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.Receipt;
import org.pyeongga.voting.Tallies;
import org.pyeongga.voting.Tally;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.VotingPermissions;
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
 * Ballot owners over REST (signed in): system administrators, and program administrators or institution coordinators
 * of the owner institution; anyone else gets 404 for the ballot. Results go through the same gate as everywhere
 * (hidden until published means hidden here too); the abuse report and participations never show a voter key or a
 * choice.
 */
@RestController
@RequestMapping(path = "/api/v1/voting/admin", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "투표 관리 (Voting administration)", description = "투표·설문 만들기, 열기, 부정 투표 보고서, 무효 처리, 결과 공표, 직원 대리 입력")
class VotingAdminApi {

    private final Ballots ballots;
    private final Tallies tallies;
    private final AbuseReports abuse;
    private final VoteCasting casting;
    private final CastContexts contexts;
    private final VotingPermissions permissions;

    VotingAdminApi(Ballots ballots, Tallies tallies, AbuseReports abuse, VoteCasting casting, CastContexts contexts,
            VotingPermissions permissions) {
        this.ballots = ballots;
        this.tallies = tallies;
        this.abuse = abuse;
        this.casting = casting;
        this.contexts = contexts;
        this.permissions = permissions;
    }

    record Created(long id) {}

    record VoidRequest(String ref, String reason) {}

    record PaperVoteRequest(Map<String, String> identity, @Nullable List<Long> options, @Nullable Map<Long, Object> answers) {}

    record ReceiptAnswer(String receipt) {}

    @GetMapping("/ballots")
    @Operation(summary = "내가 관리하는 투표·설문 (결과 없음)")
    List<Ballot> ballots() {
        return ballots.managedBallots();
    }

    @PostMapping(path = "/ballots", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "투표·설문 만들기 (작성 중)")
    Created create(@RequestBody BallotSpec spec) {
        return new Created(ballots.create(spec));
    }

    @PutMapping(path = "/ballots/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "작성 중인 투표·설문 고치기")
    void update(@PathVariable long id, @RequestBody BallotSpec spec) {
        ballots.update(id, spec);
    }

    @PostMapping("/ballots/{id}/open")
    @Operation(summary = "열기: 이후 시작·마감 일시에 따라 진행되고 고칠 수 없음")
    void open(@PathVariable long id) {
        ballots.open(id);
    }

    @GetMapping("/ballots/{id}/results")
    @Operation(summary = "결과 (공개 API와 같은 관문: 공표 전 비공개면 관리자에게도 없음)")
    Tally.View results(@PathVariable long id) {
        ballots.managed(id);
        return tallies.visibleTally(id, permissions.current());
    }

    @PostMapping("/ballots/{id}/publish")
    @Operation(summary = "결과 공표 (마감 후에만, 한 번)")
    Tally.View publish(@PathVariable long id) {
        tallies.publish(id);
        return tallies.visibleTally(id, permissions.current());
    }

    @GetMapping("/ballots/{id}/abuse-report")
    @Operation(summary = "부정 투표 보고서: 분당 투표, 급증, 반복 기기·네트워크, 거부된 중복, 지역·국외")
    AbuseReport abuseReport(@PathVariable long id, @RequestParam(required = false) @Nullable String region) {
        return abuse.report(id, region);
    }

    @GetMapping("/ballots/{id}/participations")
    @Operation(summary = "참여 기록, 도착 순으로 한 쪽씩 (기기·네트워크 해시나 그 앞부분으로 거르기; 투표자 키와 선택은 없음)")
    org.pyeongga.core.ResultPage<AbuseReport.Participation> participations(@PathVariable long id,
            @RequestParam(required = false) @Nullable String device, @RequestParam(required = false) @Nullable String network,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size) {
        return abuse.participations(id, device, network, page, size);
    }

    @PostMapping(path = "/ballots/{id}/voids", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "참여 하나를 사유와 함께 무효 처리 (결과 공표 전에만)")
    void voidVote(@PathVariable long id, @RequestBody VoidRequest request) {
        abuse.voidVote(id, request.ref(), request.reason());
    }

    @PostMapping(path = "/ballots/{id}/paper-votes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "직원 대리 입력: 직접 본인확인한 사람의 종이·대면 투표 (경로 STAFF, 감사 기록에는 선택 없음)")
    ReceiptAnswer paperVote(@PathVariable long id, @RequestBody PaperVoteRequest request, HttpServletRequest http) {
        Choice choice = Choice.from(ballots.announced(id), request.options(), request.answers());
        Receipt receipt = casting.enterPaperVote(id, request.identity() == null ? Map.of() : request.identity(), choice,
                contexts.of(http));
        return new ReceiptAnswer(receipt.code());
    }
}
