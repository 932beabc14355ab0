package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.judging.PanelKind;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Opens a cycle's judging round over REST (the judging module then takes over under /api/v1/judging). */
@RestController
@Tag(name = "평가 (Evaluations)")
class JudgingRoundOpening {

    private final Evaluations evaluations;

    JudgingRoundOpening(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    record OpenRequest(PanelKind kind, String panelName, int requiredPerSubject) {}

    record Opened(long roundId) {}

    @PostMapping(path = "/api/v1/evaluations/cycles/{cycleId}/judging-round", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "정성평가 심사 회차 열기: 대상 기관 × 정성 지표마다 심사 대상, 첫 평가단")
    Opened open(@PathVariable long cycleId, @RequestBody OpenRequest request) {
        return new Opened(evaluations.openJudgingRound(cycleId, request.kind(), request.panelName(), request.requiredPerSubject()));
    }
}
