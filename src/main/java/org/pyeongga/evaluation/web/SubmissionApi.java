package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.evaluation.EvidenceType;
import org.pyeongga.evaluation.SubmissionWorkbooks;
import org.pyeongga.evaluation.Submissions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Institutions' submissions over REST: the same rules as the pages (who may, the lock after confirmation or the
 * deadline, evidence typed by content, the Excel workbook all or nothing). Errors are problem details in Korean with
 * English in {@code detailEn}.
 */
@RestController
@RequestMapping(path = "/api/v1/evaluations/{cycleId}/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "실적 제출 (Submissions)", description = "기관의 실적 값·증빙·성과요약서 입력, 기관 총괄의 제출 확정, 마감 후 잠금, 평가 주관의 정정, 엑셀 양식")
class SubmissionApi {

    private final Submissions submissions;
    private final SubmissionWorkbooks workbooks;

    SubmissionApi(Submissions submissions, SubmissionWorkbooks workbooks) {
        this.submissions = submissions;
        this.workbooks = workbooks;
    }

    @GetMapping
    @Operation(summary = "회차의 기관별 제출 현황 (평가 주관): 확정 / 작성 중 / 미제출")
    Submissions.Progress progress(@PathVariable long cycleId) {
        return submissions.progress(cycleId);
    }

    @GetMapping("/{institutionId}")
    @Operation(summary = "한 기관의 제출: 지표별 값(제안값과 출처), 증빙 목록, 성과요약서, 빠진 항목, 잠금 사유 (그 기관 사람과 평가 주관만)")
    Submissions.View view(@PathVariable long cycleId, @PathVariable long institutionId) {
        return submissions.view(cycleId, institutionId);
    }

    @PutMapping(path = "/{institutionId}/values", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "값 입력 (지표 코드 → 값, 전부 또는 전무). 제출 기간 안, 확정 전에만")
    void values(@PathVariable long cycleId, @PathVariable long institutionId, @RequestBody Map<String, BigDecimal> values) {
        submissions.enterValues(cycleId, institutionId, values);
    }

    @PostMapping(path = "/{institutionId}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "증빙 올리기 (PDF, HWP, HWPX, XLSX, PNG, JPEG, GIF: 내용으로 판별, 이름의 확장자와 맞아야 함)",
            responses = {@ApiResponse(responseCode = "201", description = "저장됨: 증빙 식별자"),
                @ApiResponse(responseCode = "400", description = "형식이 허용되지 않거나 이름과 내용이 다름"),
                @ApiResponse(responseCode = "409", description = "확정되었거나 마감됨"),
                @ApiResponse(responseCode = "413", description = "파일 또는 기관 합계 한도 초과")})
    Map<String, Long> addEvidence(@PathVariable long cycleId, @PathVariable long institutionId,
            @Parameter(description = "지표 코드") @RequestParam String indicator, @RequestParam("file") MultipartFile file) {
        return Map.of("id", submissions.addEvidence(cycleId, institutionId, indicator, SubmissionFiles.name(file, "file"),
                SubmissionFiles.bytes(file)));
    }

    @GetMapping(path = "/{institutionId}/evidence/{evidenceId}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "증빙 내려받기 (그 기관 사람과 평가 주관만)")
    ResponseEntity<byte[]> evidence(@PathVariable long cycleId, @PathVariable long institutionId, @PathVariable long evidenceId) {
        var file = submissions.evidenceFile(cycleId, institutionId, evidenceId);
        return SubmissionFiles.attachment(file.content(), file.fileName(), file.type());
    }

    @DeleteMapping("/{institutionId}/evidence/{evidenceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "증빙 지우기 (제출 기간 안, 확정 전에만)")
    void removeEvidence(@PathVariable long cycleId, @PathVariable long institutionId, @PathVariable long evidenceId) {
        submissions.removeEvidence(cycleId, institutionId, evidenceId);
    }

    /** A 성과요약서: title ≤ 200, body ≤ 4000 characters. */
    record CaseSummary(@Nullable String title, @Nullable String body) {}

    @PutMapping(path = "/{institutionId}/summaries/{indicatorCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "성과요약서 쓰기 (정성 지표, 제목 200자·본문 4,000자 이내)")
    void summary(@PathVariable long cycleId, @PathVariable long institutionId, @PathVariable String indicatorCode,
            @RequestBody CaseSummary summary) {
        submissions.writeCaseSummary(cycleId, institutionId, indicatorCode, summary.title(), summary.body());
    }

    @PostMapping("/{institutionId}/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "제출 확정 (기관 총괄). 빠진 것이 있으면 409와 그 목록")
    void confirm(@PathVariable long cycleId, @PathVariable long institutionId) {
        submissions.confirm(cycleId, institutionId);
    }

    @DeleteMapping("/{institutionId}/confirmation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "확정 취소 (기관 총괄, 마감 전에만)")
    void withdraw(@PathVariable long cycleId, @PathVariable long institutionId) {
        submissions.withdraw(cycleId, institutionId);
    }

    /** An administrator's correction: values by indicator code and the reason (kept in the audit trail). */
    record Correction(Map<String, BigDecimal> values, @Nullable String reason) {}

    @PostMapping(path = "/{institutionId}/corrections", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "평가 주관의 값 정정 (마감·확정 뒤에도, 사유 필수: 감사 기록에 남음)")
    void correct(@PathVariable long cycleId, @PathVariable long institutionId, @RequestBody Correction correction) {
        submissions.correct(cycleId, institutionId, correction.values() == null ? Map.of() : correction.values(),
                correction.reason());
    }

    @GetMapping(path = "/{institutionId}/workbook.xlsx", produces = MediaType.ALL_VALUE)
    @Operation(summary = "기관의 엑셀 양식 (기관이 입력하는 지표마다 한 행, 입력된 값·제안값 포함)")
    ResponseEntity<byte[]> institutionTemplate(@PathVariable long cycleId, @PathVariable long institutionId) {
        return SubmissionFiles.attachment(workbooks.institutionTemplate(cycleId, institutionId),
                "submission-" + cycleId + "-" + institutionId + ".xlsx", EvidenceType.XLSX);
    }

    @PostMapping(path = "/{institutionId}/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "채운 엑셀 올리기: 행별 결과. 한 행이라도 틀리면 아무것도 저장하지 않음 (applied=false, 422)")
    ResponseEntity<SubmissionWorkbooks.Report> uploadWorkbook(@PathVariable long cycleId, @PathVariable long institutionId,
            @RequestParam("file") MultipartFile file) {
        return reported(workbooks.uploadForInstitution(cycleId, institutionId, SubmissionFiles.name(file, "workbook.xlsx"),
                SubmissionFiles.bytes(file)));
    }

    @GetMapping(path = "/workbook.xlsx", produces = MediaType.ALL_VALUE)
    @Operation(summary = "회차 전체 엑셀 양식 (평가 주관: 대상 기관 × 지표)")
    ResponseEntity<byte[]> cycleTemplate(@PathVariable long cycleId) {
        return SubmissionFiles.attachment(workbooks.cycleTemplate(cycleId), "submission-" + cycleId + ".xlsx", EvidenceType.XLSX);
    }

    @PostMapping(path = "/workbook", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "회차 전체 엑셀 올리기 (평가 주관의 정정, 사유 필수): 행별 결과, 전부 또는 전무")
    ResponseEntity<SubmissionWorkbooks.Report> uploadCycleWorkbook(@PathVariable long cycleId,
            @RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable String reason) {
        return reported(workbooks.uploadForCycle(cycleId, SubmissionFiles.name(file, "workbook.xlsx"), SubmissionFiles.bytes(file),
                reason));
    }

    private static ResponseEntity<SubmissionWorkbooks.Report> reported(SubmissionWorkbooks.Report report) {
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
