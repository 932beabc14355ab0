package org.pyeongga.contest.award.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.AwardModel;
import org.pyeongga.contest.Certificates;
import org.pyeongga.contest.ContestStatistics;
import org.pyeongga.contest.Decisions;
import org.pyeongga.contest.Incentives;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The committee decision, incentives, certificates and statistics over REST (sign-in required). */
@RestController
@RequestMapping(path = "/api/v1/contests/admin")
@Tag(name = "경진대회 의결·인센티브 (Contest decisions and incentives)",
        description = "적극행정위원회 심의·의결(출석·정족수·수상 등급), 인센티브(제시·희망·요건 확인·적용일, 절반 이상 파격적 인센티브 규칙), 상장 PDF, 선발 통계")
class AwardApi {

    private final Decisions decisions;
    private final Incentives incentives;
    private final Certificates certificates;
    private final ContestStatistics statistics;

    AwardApi(Decisions decisions, Incentives incentives, Certificates certificates, ContestStatistics statistics) {
        this.decisions = decisions;
        this.incentives = incentives;
        this.certificates = certificates;
        this.statistics = statistics;
    }

    record DecisionHistory(AwardModel.@Nullable DecisionView current, List<AwardModel.DecisionView> versions,
            Map<Long, Integer> proposal) {}

    @GetMapping(path = "/{contestId}/decision", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "현재 의결(최신 판)과 모든 판, 심사 결과가 제안한 등급")
    @ApiResponse(responseCode = "403", description = "주관 기관의 관리자·인사 담당이 아님")
    DecisionHistory decision(@PathVariable long contestId) {
        var versions = decisions.history(contestId);
        return new DecisionHistory(versions.isEmpty() ? null : versions.getLast(), versions,
                decisions.canManage(contestId) ? decisions.proposal(contestId) : Map.of());
    }

    @PostMapping(path = "/{contestId}/decision", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "의결 기록 (회의일, 위원과 출석, 의결·보류, 수상 목록). 고칠 때는 사유와 함께 새 판으로 기록")
    @ApiResponse(responseCode = "400", description = "정원 초과·제안과 다른 등급·정정에 사유 없음, 제외된 사례 등")
    @ApiResponse(responseCode = "409", description = "의사정족수 미달로 의결 불가, 심사 중이 아니거나 이미 공개된 경진대회")
    Map<String, Object> record(@PathVariable long contestId, @RequestBody AwardModel.NewDecision decision) {
        return Map.of("id", decisions.record(contestId, decision));
    }

    @PostMapping(path = "/{contestId}/publish")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "결과 공개 (의결된 경진대회만): 공개 결과 페이지가 열리고 수상 사례가 사례집으로 전달됨")
    @ApiResponse(responseCode = "409", description = "의결되지 않은 경진대회")
    void publish(@PathVariable long contestId) {
        decisions.publish(contestId);
    }

    record IncentivesOverview(List<AwardModel.Offer> offers, List<AwardModel.AwardeeIncentive> awardees,
            AwardModel.HalfRule halfRule) {}

    @GetMapping(path = "/{contestId}/incentives", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "등급별 제시 인센티브, 수상자별 희망·요건 확인·적용일, 절반 이상 파격적 인센티브 규칙(충족 여부와 인원)")
    @ApiResponse(responseCode = "403", description = "주관 기관의 관리자·인사 담당이 아님")
    IncentivesOverview incentives(@PathVariable long contestId) {
        return new IncentivesOverview(incentives.offers(contestId), incentives.awardees(contestId),
                incentives.halfRule(contestId));
    }

    @GetMapping(path = "/incentive-kinds", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "인센티브 목록 (파격적 인센티브 여부, 가점)")
    List<AwardModel.IncentiveKind> catalogue() {
        return incentives.catalogue();
    }

    record OfferRequest(List<String> codes, @Nullable BigDecimal ratingPoints) {}

    @PutMapping(path = "/{contestId}/incentives/offers/{tierRank}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "한 등급에 제시하는 인센티브를 정함 (근무성적평정 가점은 등급별 점수)")
    void offer(@PathVariable long contestId, @PathVariable int tierRank, @RequestBody OfferRequest request) {
        incentives.offer(contestId, tierRank, request.codes() == null ? List.of() : request.codes(), request.ratingPoints());
    }

    record WishRequest(String code) {}

    @PostMapping(path = "/{contestId}/awardees/{entryId}/{position}/wish", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "수상자의 희망 인센티브 기록 (인사 담당 또는 본인; 그 등급에 제시된 것 가운데 하나)")
    @ApiResponse(responseCode = "409", description = "의결 전이거나 이미 적용됨")
    void wish(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position,
            @RequestBody WishRequest request) {
        incentives.wish(contestId, entryId, position, request.code());
    }

    record EligibilityRequest(boolean eligible, String basis, @Nullable String note) {}

    @PostMapping(path = "/{contestId}/awardees/{entryId}/{position}/eligibility", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "법적 요건 확인 (적용 가능·불가, 근거, 메모): 주관 기관 인사 담당만")
    @ApiResponse(responseCode = "403", description = "주관 기관의 인사 담당이 아님")
    void eligibility(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position,
            @RequestBody EligibilityRequest request) {
        incentives.checkEligibility(contestId, entryId, position, request.eligible(), request.basis(), request.note());
    }

    record AppliedRequest(LocalDate appliedOn) {}

    @PostMapping(path = "/{contestId}/awardees/{entryId}/{position}/applied", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "인센티브 적용일 기록: 주관 기관 인사 담당만, 요건 확인에서 적용 가능한 것만")
    @ApiResponse(responseCode = "403", description = "주관 기관의 인사 담당이 아님")
    @ApiResponse(responseCode = "409", description = "의결 전, 희망·요건 확인 없음, 이미 적용됨")
    void applied(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position,
            @RequestBody AppliedRequest request) {
        incentives.apply(contestId, entryId, position, request.appliedOn());
    }

    @GetMapping(path = "/{contestId}/certificates/{entryId}/{position}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "상장 PDF (한글 글꼴 포함): 주관 기관의 관리자·인사 담당, 또는 수상자 본인")
    @ApiResponse(responseCode = "403", description = "내려받을 권한이 없음")
    ResponseEntity<byte[]> certificate(@PathVariable long contestId, @PathVariable long entryId, @PathVariable int position) {
        return pdf(certificates.certificate(contestId, entryId, position));
    }

    static ResponseEntity<byte[]> pdf(Certificates.Certificate certificate) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(certificate.fileName()).build().toString())
                .body(certificate.pdf());
    }

    @GetMapping(path = "/statistics/{institutionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "기관의 선발 통계: 반기별 선발 인원, 파격적 인센티브 비율, 종류별 적용 건수")
    @ApiResponse(responseCode = "403", description = "그 기관의 관리자·인사 담당이 아님")
    ContestStatistics.Statistics statistics(@PathVariable long institutionId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return statistics.forInstitution(institutionId, from, to);
    }
}
