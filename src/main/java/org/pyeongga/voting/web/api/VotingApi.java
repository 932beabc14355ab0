package org.pyeongga.voting.web.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.VerifiedPerson;
import org.pyeongga.core.ProblemResponses;
import org.pyeongga.core.Texts;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.Overloaded;
import org.pyeongga.voting.ReceiptCheck;
import org.pyeongga.voting.Tallies;
import org.pyeongga.voting.Tally;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.VotingPermissions;
import org.pyeongga.voting.Voter;
import org.pyeongga.voting.VoterTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Citizens' voting over REST: an identity check gives a voter token (30 minutes, header {@code X-Pyeongga-Voter});
 * with it a voter casts a vote and gets a receipt. Ballots are public once announced; results never appear here
 * (see the tallies API), so a hidden tally cannot leak through a ballot.
 */
@RestController
@RequestMapping(path = "/api/v1/voting", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "투표·참여 (Voting)", description = "본인확인(투표자 토큰), 투표·설문, 투표, 접수증 확인")
class VotingApi {

    private final Ballots ballots;
    private final VoteCasting casting;
    private final VoterTokens tokens;
    private final Tallies tallies;
    private final VotingPermissions permissions;
    private final VoteEndpoint endpoint;
    private final Texts texts;
    private final Clock clock;

    VotingApi(Ballots ballots, VoteCasting casting, VoterTokens tokens, Tallies tallies, VotingPermissions permissions,
            VoteEndpoint endpoint, Texts texts, Clock clock) {
        this.ballots = ballots;
        this.casting = casting;
        this.tokens = tokens;
        this.tallies = tallies;
        this.permissions = permissions;
        this.endpoint = endpoint;
        this.texts = texts;
        this.clock = clock;
    }

    record VoterToken(String voterToken, Instant expiresAt) {}

    record VoteRequest(@Nullable List<Long> options, @Nullable Map<Long, Object> answers) {}

    record ReceiptAnswer(String receipt) {}

    record BallotSummary(long id, Ballot.Kind kind, String titleKo, String titleEn, Instant opensAt, Instant closesAt,
            Ballot.Eligibility eligibility, @Nullable String regionPrefix, Ballot.Visibility visibility, Ballot.State state) {}

    record BallotView(long id, long ownerInstitutionId, Ballot.Kind kind, Ballot.@Nullable CountingRule countingRule,
            int maxChoices, String titleKo, String titleEn, String descriptionKo, String descriptionEn, Instant opensAt,
            Instant closesAt, Ballot.Eligibility eligibility, @Nullable String regionPrefix,
            @Nullable Long staffInstitutionId, Ballot.Visibility visibility, Ballot.State state,
            List<Ballot.Option> options, List<Ballot.Question> questions) {}

    record ReceiptView(long ballotId, String titleKo, String titleEn, ReceiptCheck.Status status) {}

    @PostMapping(path = "/identity", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "본인확인 후 투표자 토큰 받기 (JSON: 본인확인 제공자의 값; 개발용은 name, birthDate, testPerson, residenceCode)")
    VoterToken identityJson(@RequestBody Map<String, Object> parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
        return identity(values);
    }

    @PostMapping(path = "/identity", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "본인확인 후 투표자 토큰 받기 (폼)")
    VoterToken identityForm(@RequestParam MultiValueMap<String, String> parameters) {
        return identity(parameters.toSingleValueMap());
    }

    private VoterToken identity(Map<String, String> parameters) {
        VerifiedPerson person = casting.verifier(parameters.get("provider")).complete(parameters);
        Instant now = clock.instant();
        Voter voter = casting.voterFor(person);
        return new VoterToken(tokens.issue(voter, now), tokens.expiresAt(now));
    }

    @GetMapping("/ballots")
    @Operation(summary = "지금 투표할 수 있는 투표·설문 목록 (결과 없음)")
    List<BallotSummary> openBallots() {
        Instant now = clock.instant();
        return ballots.openBallots().stream().map(b -> new BallotSummary(b.id(), b.kind(), b.titleKo(), b.titleEn(),
                b.opensAt(), b.closesAt(), b.eligibility(), b.regionPrefix(), b.visibility(), b.state(now))).toList();
    }

    @GetMapping("/ballots/{id}")
    @Operation(summary = "투표·설문 하나: 선택지와 문항 (결과는 포함하지 않음)")
    BallotView ballot(@PathVariable long id) {
        Ballot b = ballots.ballot(id);
        return new BallotView(b.id(), b.ownerInstitutionId(), b.kind(), b.countingRule(), b.maxChoices(), b.titleKo(),
                b.titleEn(), b.descriptionKo(), b.descriptionEn(), b.opensAt(), b.closesAt(), b.eligibility(),
                b.regionPrefix(), b.staffInstitutionId(), b.visibility(), ballots.state(b), b.options(), b.questions());
    }

    @PostMapping(path = "/ballots/{id}/votes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "투표하기: {\"options\":[선택지 id, …]} (순위 투표는 선호 순) 또는 {\"answers\":{문항 id: 값}}",
            description = "헤더 X-Pyeongga-Voter 에 투표자 토큰 (직원 투표는 토큰 대신 직원 로그인). 201 접수증; 409 voting.duplicate(이미 투표), voting.closed(마감);"
                    + " 403 voting.ineligible; 503 voting.overloaded(Retry-After 초 뒤 다시)")
    @ApiResponse(responseCode = "201", description = "접수증 (한 번만 보여 줌)")
    ReceiptAnswer vote(@PathVariable long id, @RequestBody VoteRequest request,
            @Parameter(description = "투표자 토큰") @RequestHeader(name = VoterTokens.HEADER, required = false) @Nullable String token,
            HttpServletRequest http) {
        // Votes with a token are served by VoteFastPath before reaching here; both use VoteEndpoint.
        return endpoint.cast(id, request, token, http);
    }

    record ResultsView(long ballotId, boolean visible, @Nullable String hiddenReason, @Nullable String hiddenReasonKo,
            @Nullable String hiddenReasonEn, @Nullable Tally tally) {}

    @GetMapping("/ballots/{id}/results")
    @Operation(summary = "결과: 공표 전 비공개 투표는 누구에게도(주관 기관 포함) 보이지 않음 — visible=false 와 그 이유",
            description = "자유 응답은 결과 공표 후 주관 기관의 관리자에게만 포함")
    ResultsView results(@PathVariable long id) {
        Tally.View view = tallies.visibleTally(id, permissions.current());
        return new ResultsView(id, view.visible(), view.hiddenReason(),
                view.hiddenReason() == null ? null : texts.korean(view.hiddenReason()),
                view.hiddenReason() == null ? null : texts.english(view.hiddenReason()), view.tally());
    }

    @GetMapping("/receipts/{code}")
    @Operation(summary = "접수증 확인: 반영됨(COUNTED) 또는 무효(VOIDED)와 투표 제목만 (무엇을 골랐는지는 절대 없음)")
    ReceiptView receipt(@PathVariable String code) {
        ReceiptCheck check = casting.check(code).orElseThrow(() -> UserFacingException.notFound("voting.receipt.unknown"));
        return new ReceiptView(check.ballotId(), check.titleKo(), check.titleEn(), check.status());
    }

    /** 503 with Retry-After: the queue is full, nothing was stored. */
    @ExceptionHandler(Overloaded.class)
    ResponseEntity<ProblemDetail> overloaded(Overloaded e) {
        ProblemDetail problem = ProblemResponses.detail(texts, HttpStatus.SERVICE_UNAVAILABLE, e.messageKey(), e.args());
        problem.setTitle(texts.korean("voting.overloaded.title"));
        problem.setProperty("retryAfterSeconds", e.retryAfterSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }
}
