package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.pyeongga.evaluation.Publications;
import org.pyeongga.evaluation.ResultTables;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Published evaluation results over REST, for everyone (no credentials); unpublished cycles are 404. */
@RestController
@RequestMapping(path = "/api/v1/results")
@Tag(name = "평가 결과 공개 (Published results)", description = "발표된 평가 회차의 평가군별 등급·수상 기관, 기관별 점수 구성(평가위원 익명), 연속 수상 이력")
class PublicResultsApi {

    private final Publications publications;
    private final ResultTables tables;

    PublicResultsApi(Publications publications, ResultTables tables) {
        this.publications = publications;
        this.tables = tables;
    }

    @GetMapping(path = "/cycles", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "발표된 평가 회차 목록 (최근 평가연도 먼저)")
    List<Publications.PublishedCycle> cycles() {
        return publications.publishedCycles();
    }

    @GetMapping(path = "/cycles/{cycleId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "발표된 회차의 결과: 평가군별 순위·총점·등급·항목 점수, 수상 여부, 이력 문구, 방법·법적 근거·게시 기간·반올림 방식")
    @ApiResponse(responseCode = "404", description = "없거나 아직 발표하지 않은 회차")
    Publications.PublicResult cycle(@PathVariable long cycleId) {
        return publications.publicResult(cycleId);
    }

    @GetMapping(path = "/cycles/{cycleId}/institutions/{institutionId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "한 기관의 점수 구성: 지표마다 실적 값, 정규화 값, 배점, 점수, 규칙, 익명 평가위원 점수")
    @ApiResponse(responseCode = "404", description = "없거나 아직 발표하지 않은 회차, 또는 대상이 아닌 기관")
    Publications.PublicExplanation institution(@PathVariable long cycleId, @PathVariable long institutionId) {
        return publications.publicExplanation(cycleId, institutionId);
    }

    @GetMapping(path = "/cycles/{cycleId}/results.csv", produces = "text/csv")
    @Operation(summary = "발표된 결과를 CSV로 (UTF-8 BOM, 수식 실행 방지)")
    ResponseEntity<byte[]> csv(@PathVariable long cycleId, Locale locale) {
        return Exports.csv(tables.csv(tables.table(publications.publishedResult(cycleId), false, locale)), "results-" + cycleId);
    }

    @GetMapping(path = "/cycles/{cycleId}/results.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "발표된 결과를 Excel(xlsx)로 (수식 실행 방지)")
    ResponseEntity<byte[]> xlsx(@PathVariable long cycleId, Locale locale) {
        return Exports.xlsx(tables.xlsx(tables.table(publications.publishedResult(cycleId), false, locale),
                "results-" + cycleId), "results-" + cycleId);
    }
}
