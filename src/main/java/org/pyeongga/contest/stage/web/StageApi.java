package org.pyeongga.contest.stage.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestResults;
import org.pyeongga.contest.FinalFormulas;
import org.pyeongga.contest.FormulaVersion;
import org.pyeongga.contest.RankedEntry;
import org.pyeongga.contest.StageModel;
import org.pyeongga.contest.Stages;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A contest's stages, final formula and ranking over REST, for its managers (another institution's: 404). Running
 * results are never served: progress is counts only; results and the ranking come once stages are closed. The
 * published formula is public.
 */
@RestController
@Tag(name = "경진대회 심사 (Contest stages)", description = "심사 단계, 심사위원 배정과 이해충돌, 진행 현황, 마감과 통과, 최종 산식(버전·공개·잠금), 최종 순위")
class StageApi {

    private final Stages stages;
    private final FinalFormulas formulas;
    private final ContestResults results;

    StageApi(Stages stages, FinalFormulas formulas, ContestResults results) {
        this.stages = stages;
        this.formulas = formulas;
        this.results = results;
    }

    record Created(long id) {}

    record OpenRequest(List<String> judges, StageModel.@Nullable VotePeriod vote) {}

    private static final String BASE = "/api/v1/contests/admin/{contestId}";

    @GetMapping(path = BASE + "/stages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "단계 목록 (대회 관리자)")
    List<StageModel.StageView> list(@PathVariable long contestId) {
        return stages.stages(contestId);
    }

    @PostMapping(path = BASE + "/stages", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "단계 추가: 종류, 기준과 배점(합 100), 통과 규칙, 심사·투표 비중, 시민투표 설정")
    Created add(@PathVariable long contestId, @RequestBody StageModel.NewStage stage) {
        return new Created(stages.addStage(contestId, stage));
    }

    record TemplateRequest(@Nullable String residentsRegion) {}

    @PostMapping(path = BASE + "/stages/from-template", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "대회 틀이 정한 단계와 최종 산식 초안 만들기 (단계가 없을 때만; 주민투표 지역 코드 선택)")
    List<StageModel.StageView> fromTemplate(@PathVariable long contestId, @RequestBody(required = false) @Nullable TemplateRequest request) {
        stages.setUpFromTemplate(contestId, request == null ? null : request.residentsRegion());
        return stages.stages(contestId);
    }

    @GetMapping(path = BASE + "/stages/{stageId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "단계 하나")
    StageModel.StageView stage(@PathVariable long contestId, @PathVariable long stageId) {
        return inContest(contestId, stages.stage(stageId));
    }

    @PostMapping(path = BASE + "/stages/{stageId}/open", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "단계 열기: 심사위원(이메일) 배정(이해충돌 제외), 시민투표 기간 (산식 공개 후에만)")
    StageModel.StageView open(@PathVariable long contestId, @PathVariable long stageId, @RequestBody OpenRequest request) {
        inContest(contestId, stages.stage(stageId));
        stages.open(stageId, request.judges() == null ? List.of() : request.judges(), request.vote());
        return stages.stage(stageId);
    }

    @GetMapping(path = BASE + "/stages/{stageId}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "진행 현황: 제출한 채점표 수만 (점수는 마감 전 비공개)")
    StageModel.Progress progress(@PathVariable long contestId, @PathVariable long stageId) {
        inContest(contestId, stages.stage(stageId));
        return stages.progress(stageId);
    }

    @GetMapping(path = BASE + "/stages/{stageId}/assignments", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "배정: 심사위원 × 사례 (점수 없음)")
    List<StageModel.AssignmentView> assignments(@PathVariable long contestId, @PathVariable long stageId) {
        inContest(contestId, stages.stage(stageId));
        return stages.assignments(stageId);
    }

    @GetMapping(path = BASE + "/stages/{stageId}/conflicts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "이해충돌: 자기 부서 사례, 사례 참여자 (사유 한국어·영어)")
    List<StageModel.ConflictView> conflicts(@PathVariable long contestId, @PathVariable long stageId) {
        inContest(contestId, stages.stage(stageId));
        return stages.conflicts(stageId);
    }

    @PostMapping(path = BASE + "/stages/{stageId}/close", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "단계 마감: 점수 계산(심사위원 가중합의 평균, 투표 환산), 순위, 통과 목록")
    List<StageModel.Result> close(@PathVariable long contestId, @PathVariable long stageId) {
        inContest(contestId, stages.stage(stageId));
        return stages.close(stageId);
    }

    @GetMapping(path = BASE + "/stages/{stageId}/results", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "마감한 단계의 결과 (마감 전에는 409)")
    List<StageModel.Result> results(@PathVariable long contestId, @PathVariable long stageId) {
        inContest(contestId, stages.stage(stageId));
        return stages.results(stageId);
    }

    @GetMapping(path = BASE + "/formulas", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "최종 산식 버전 목록")
    List<FormulaVersion> formulas(@PathVariable long contestId) {
        return formulas.versions(contestId);
    }

    @PostMapping(path = BASE + "/formulas", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "최종 산식 새 버전 (시민투표가 열린 뒤에는 409)")
    FormulaVersion saveFormula(@PathVariable long contestId, @RequestBody FormulaVersion.NewFormula formula) {
        return formulas.save(contestId, formula);
    }

    @PostMapping(path = BASE + "/formulas/{version}/publish", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "최종 산식 공개 (참가자에게; 시민투표가 열린 뒤에는 409)")
    Optional<FormulaVersion> publish(@PathVariable long contestId, @PathVariable int version) {
        formulas.publish(contestId, version);
        return formulas.published(contestId);
    }

    @GetMapping(path = BASE + "/ranking", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "최종 순위와 제안 시상 등급, 구성 요소별 원점수·환산 점수·비중 (모든 단계 마감 후)")
    List<RankedEntry> ranking(@PathVariable long contestId) {
        return results.ranking(contestId);
    }

    @GetMapping(path = "/api/v1/contests/{contestId}/formula", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "공개한 최종 산식 (누구나; 없으면 빈 응답)")
    Optional<FormulaVersion> published(@PathVariable long contestId) {
        return formulas.published(contestId);
    }

    private static StageModel.StageView inContest(long contestId, StageModel.StageView stage) {
        if (stage.contestId() != contestId) {
            throw org.pyeongga.core.UserFacingException.notFound("contestjudging.stage.notFound");
        }
        return stage;
    }
}
