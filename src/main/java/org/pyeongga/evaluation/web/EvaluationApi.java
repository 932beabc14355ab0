package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.pyeongga.evaluation.CycleResult;
import org.pyeongga.evaluation.Evaluations;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Evaluation cycles and their result runs over REST, for program administrators (results are not public before publication). */
@RestController
@RequestMapping(path = "/api/v1/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "평가 (Evaluations)", description = "평가 회차와 결과 산출: 평가군별 순위·등급, 순위 구간, 평가위원 신뢰도, 설명 트리")
class EvaluationApi {

    private final Evaluations evaluations;

    EvaluationApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/cycles")
    @Operation(summary = "평가 회차 목록 (평가 주관)")
    List<Evaluations.CycleSummary> cycles() {
        return evaluations.cycles();
    }

    @GetMapping("/cycles/{cycleId}/results")
    @Operation(summary = "결과 산출 (기본: 최근 산출). 기관별 총점·순위·등급·순위 구간·설명 트리, 평가위원 신뢰도")
    CycleResult results(@PathVariable long cycleId, @RequestParam(required = false) @Nullable Integer run) {
        return evaluations.resultForReview(cycleId, run);
    }
}
