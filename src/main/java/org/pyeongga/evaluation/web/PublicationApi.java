package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.evaluation.Publications;
import org.pyeongga.scoring.EvaluatorMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Result runs (re-run with another normalization, choose, compare) and publication, for program administrators. */
@RestController
@RequestMapping(path = "/api/v1/evaluations/cycles/{cycleId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "결과 산출·발표 (Runs and publication)", description = "정규화 방법을 바꿔 재산출, 산출 선택·비교, 발표 (평가 주관·시스템 관리자)")
class PublicationApi {

    private final Publications publications;
    private final org.pyeongga.evaluation.Evaluations evaluations;
    private final org.pyeongga.evaluation.ResultTables tables;

    PublicationApi(Publications publications, org.pyeongga.evaluation.Evaluations evaluations,
            org.pyeongga.evaluation.ResultTables tables) {
        this.publications = publications;
        this.evaluations = evaluations;
        this.tables = tables;
    }

    /** A new run: the evaluator normalization for every panel (AUTOMATIC when omitted) and a note. */
    record RunRequest(@Nullable EvaluatorMethod method, @Nullable String note) {}

    @GetMapping("/runs")
    @Operation(summary = "산출 목록: 번호, 메모, 평가위원 점수 정규화 방법, 선택 여부, 발표 정보, 발표 가능 여부")
    @ApiResponse(responseCode = "403", description = "평가 주관·시스템 관리자가 아님")
    Publications.RunsOverview runs(@PathVariable long cycleId) {
        return publications.overview(cycleId);
    }

    @PostMapping(path = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "다른 정규화 방법으로 재산출 (이전 산출은 그대로 보관)")
    @ApiResponse(responseCode = "409", description = "이미 발표한 회차 (결과 동결)")
    Map<String, Object> rerun(@PathVariable long cycleId, @RequestBody RunRequest request) {
        int run = publications.rerun(cycleId, request.method() == null ? EvaluatorMethod.AUTOMATIC : request.method(),
                request.note());
        return Map.of("cycleId", cycleId, "runNo", run);
    }

    @PostMapping("/runs/{runNo}/choose")
    @Operation(summary = "발표할 산출로 선택")
    @ApiResponse(responseCode = "409", description = "이미 발표한 회차")
    Publications.RunsOverview choose(@PathVariable long cycleId, @PathVariable int runNo) {
        publications.choose(cycleId, runNo);
        return publications.overview(cycleId);
    }

    @GetMapping("/runs/compare")
    @Operation(summary = "두 산출 비교: 순위나 등급이 달라진 기관 (많이 움직인 기관 먼저)")
    Publications.RunComparison compare(@PathVariable long cycleId, @RequestParam int a, @RequestParam int b) {
        return publications.compare(cycleId, a, b);
    }

    @PostMapping(path = "/publication", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "선택한 산출 발표: 게시 기간, 법적 근거, 평가 방법 (정성평가 마감 후, 한 번만; 이후 결과 동결)")
    @ApiResponse(responseCode = "409", description = "선택한 산출이 없거나, 정성평가가 끝나지 않았거나, 이미 발표함")
    Publications.Publication publish(@PathVariable long cycleId, @RequestBody Publications.PublicationRequest request) {
        return publications.publish(cycleId, request);
    }

    @GetMapping(path = "/runs/{runNo}/results.csv", produces = "text/csv")
    @Operation(summary = "산출 하나를 CSV로 (순위 구간 포함, UTF-8 BOM, 수식 실행 방지)")
    org.springframework.http.ResponseEntity<byte[]> csv(@PathVariable long cycleId, @PathVariable int runNo,
            java.util.Locale locale) {
        var result = evaluations.resultForReview(cycleId, runNo);
        return Exports.csv(tables.csv(tables.table(result, true, locale)), "results-" + cycleId + "-" + runNo);
    }

    @GetMapping(path = "/runs/{runNo}/results.xlsx", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "산출 하나를 Excel(xlsx)로 (순위 구간 포함, 수식 실행 방지)")
    org.springframework.http.ResponseEntity<byte[]> xlsx(@PathVariable long cycleId, @PathVariable int runNo,
            java.util.Locale locale) {
        var result = evaluations.resultForReview(cycleId, runNo);
        return Exports.xlsx(tables.xlsx(tables.table(result, true, locale), "results-" + cycleId + "-" + runNo),
                "results-" + cycleId + "-" + runNo);
    }
}
