package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.evaluation.CrossReviews;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cross-review over REST: mutual viewing, objections, answers, rulings and evidence verification of a cycle. Every
 * answer is what the caller may see in the current stage (docs/decisions/0018-cross-review.md).
 */
@RestController
@RequestMapping(path = "/api/v1/evaluations/{cycleId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "상호열람·이의신청 (Cross-review)", description = "같은 평가군의 정성 실적 상호열람, 이의신청, 검토의견, 판정, 집합검증."
        + " 단계 기간 밖이면 409 (단계 이름과 기간), 볼 수 없는 것은 403/404.")
class ObjectionApi {

    private final CrossReviews reviews;

    ObjectionApi(CrossReviews reviews) {
        this.reviews = reviews;
    }

    record ObjectionRequest(long targetInstitutionId, String indicatorCode, String reason,
            @Nullable Long objectorInstitutionId) {}

    record AnswerRequest(String answer) {}

    record RulingRequest(CrossReviews.@Nullable Ruling ruling, String reason, @Nullable BigDecimal newValue) {}

    record VerificationRequest(CrossReviews.@Nullable EvidenceMark mark, @Nullable String note,
            @Nullable BigDecimal correctedValue) {}

    @GetMapping("/review/submissions")
    @Operation(summary = "상호열람: 같은 평가군 다른 기관의 성과요약서와 증빙 목록 (상호열람·이의신청 기간)")
    List<CrossReviews.SubmissionView> groupSubmissions(@PathVariable long cycleId) {
        return reviews.groupSubmissions(cycleId);
    }

    @GetMapping("/review/submissions/{institutionId}")
    @Operation(summary = "한 기관의 정성 실적 (자기 기관, 열람 기간의 같은 평가군, 평가 주관)")
    CrossReviews.SubmissionView submission(@PathVariable long cycleId, @PathVariable long institutionId) {
        return reviews.submission(cycleId, institutionId);
    }

    @GetMapping(path = "/review/evidence/{evidenceId}/file", produces = MediaType.ALL_VALUE)
    @Operation(summary = "증빙 파일 내려받기 (그 증빙의 실적을 볼 수 있는 사람)")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long cycleId, @PathVariable long evidenceId) {
        var file = reviews.evidenceFile(cycleId, evidenceId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .contentType(MediaType.APPLICATION_OCTET_STREAM).body(file.content());
    }

    @GetMapping("/objections")
    @Operation(summary = "이의신청 목록: 평가 주관은 전부, 기관은 신청한 것과 (검토의견 단계부터) 받은 것. 숨김 규칙이면 신청 기관은 비어 있음")
    List<CrossReviews.ObjectionView> objections(@PathVariable long cycleId) {
        return reviews.objections(cycleId);
    }

    @PostMapping(path = "/objections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "이의신청 (이의신청 기간, 같은 평가군의 다른 기관 지표에 대해, 사유 2 000자 이내)")
    ResponseEntity<Map<String, Long>> file(@PathVariable long cycleId, @RequestBody ObjectionRequest request) {
        long id = reviews.file(cycleId, new CrossReviews.NewObjection(request.targetInstitutionId(), request.indicatorCode(),
                request.reason(), request.objectorInstitutionId()));
        return ResponseEntity.created(URI.create("/api/v1/evaluations/" + cycleId + "/objections/" + id))
                .body(Map.of("id", id));
    }

    @GetMapping("/objections/{objectionId}")
    @Operation(summary = "이의신청 한 건 (볼 수 있는 사람에게만; 아니면 404)")
    CrossReviews.ObjectionView objection(@PathVariable long cycleId, @PathVariable long objectionId) {
        return reviews.objection(cycleId, objectionId);
    }

    @PostMapping(path = "/objections/{objectionId}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "검토의견 (피신청 기관, 검토의견 기간)")
    CrossReviews.ObjectionView answer(@PathVariable long cycleId, @PathVariable long objectionId,
            @RequestBody AnswerRequest request) {
        reviews.answer(cycleId, objectionId, request.answer());
        return reviews.objection(cycleId, objectionId);
    }

    @PostMapping(path = "/objections/{objectionId}/ruling", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "판정 (평가 주관, 판정 기간): UPHELD 인용 / PARTLY_UPHELD 일부 인용 / DISMISSED 기각, 사유;"
            + " 인용이면 newValue로 실적 값 정정 가능")
    CrossReviews.ObjectionView rule(@PathVariable long cycleId, @PathVariable long objectionId,
            @RequestBody RulingRequest request) {
        reviews.rule(cycleId, objectionId, request.ruling(), request.reason(), request.newValue());
        return reviews.objection(cycleId, objectionId);
    }

    @GetMapping("/review/evidence")
    @Operation(summary = "집합검증: 회차의 모든 증빙과 검증 결과 (평가 주관)")
    List<CrossReviews.EvidenceView> evidence(@PathVariable long cycleId) {
        return reviews.evidenceForVerification(cycleId);
    }

    @PostMapping(path = "/review/evidence/{evidenceId}/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "집합검증 (평가 주관, 집합검증 기간): VERIFIED 확인 / CORRECTED 정정 (의견, 정정 값) / REJECTED 불인정 (사유)")
    ResponseEntity<Void> verify(@PathVariable long cycleId, @PathVariable long evidenceId,
            @RequestBody VerificationRequest request) {
        reviews.verify(cycleId, evidenceId, request.mark(), request.note(), request.correctedValue());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/review/corrections")
    @Operation(summary = "판정·집합검증으로 바뀐 실적 값 (이전 값, 새 값, 사유; 평가 주관)")
    List<CrossReviews.CorrectionView> corrections(@PathVariable long cycleId) {
        return reviews.corrections(cycleId);
    }

    @GetMapping("/review/rule")
    @Operation(summary = "회차의 이의신청 규칙 (신청 기관 숨김, 증빙 불인정 처리; 평가 주관)")
    CrossReviews.ReviewRule rule(@PathVariable long cycleId) {
        return reviews.rule(cycleId);
    }

    @PutMapping(path = "/review/rule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "이의신청 규칙 설정 (이의신청 기간이 열리기 전까지; 평가 주관)")
    CrossReviews.ReviewRule setRule(@PathVariable long cycleId,
            @Parameter(description = "objectorHidden, rejectedEvidence (ZERO 또는 FLAG)") @RequestBody CrossReviews.ReviewRule rule) {
        reviews.setRule(cycleId, rule);
        return reviews.rule(cycleId);
    }
}
