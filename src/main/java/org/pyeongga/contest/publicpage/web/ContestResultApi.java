package org.pyeongga.contest.publicpage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pyeongga.contest.PublicResults;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A published contest's results over REST, for everyone; anything not published is 404. */
@RestController
@RequestMapping(path = "/api/v1/contests")
@Tag(name = "경진대회 결과 공개 (Published contest results)", description = "공개된 경진대회의 등급별 수상 사례, 심사 방법과 최종 산식, 위원회 의결일")
class ContestResultApi {

    private final PublicResults results;

    ContestResultApi(PublicResults results) {
        this.results = results;
    }

    @GetMapping(path = "/{contestId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "공개된 결과: 등급별 수상 사례(제목·부서·요약), 단계·기준·통과 규칙, 공개된 최종 산식")
    @ApiResponse(responseCode = "404", description = "없거나 아직 결과를 공개하지 않은 경진대회")
    PublicResults.PublicResult result(@PathVariable long contestId) {
        return results.result(contestId);
    }
}
