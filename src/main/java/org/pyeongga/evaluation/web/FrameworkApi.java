package org.pyeongga.evaluation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.pyeongga.evaluation.Evaluations;
import org.pyeongga.evaluation.FrameworkEditor;
import org.pyeongga.evaluation.FrameworkIndicator;
import org.pyeongga.evaluation.GradeRuleSpec;
import org.pyeongga.evaluation.NewCycle;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Programs, cycles and their frameworks over REST: the framework editor's operations (분야 → 항목 → 지표, grade rule,
 * copy, publish, reopen, versions). Reading and changing both need a program or system administrator.
 */
@RestController
@RequestMapping(path = "/api/v1/evaluations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "지표 체계 (Evaluation frameworks)",
        description = "평가 사업·회차와 지표 체계 편집: 분야→항목→지표, 산출 지표, 등급 규칙, 복사, 확정(판 스냅숏), 다시 열기, 판 비교")
class FrameworkApi {

    private final FrameworkEditor editor;
    private final Evaluations evaluations;

    FrameworkApi(FrameworkEditor editor, Evaluations evaluations) {
        this.editor = editor;
        this.evaluations = evaluations;
    }

    record NewProgram(String code, String name, @Nullable String nameEn, String cadence) {}

    record Created(long id) {}

    record Rename(String name) {}

    record ItemGrading(boolean graded) {}

    record Copy(long fromCycleId) {}

    record Reopen(@Nullable String reason) {}

    record Published(int version) {}

    record Copied(int indicators) {}

    @GetMapping("/programs")
    @Operation(summary = "평가 사업과 회차 목록 (지표 체계 판·확정 여부)")
    List<FrameworkEditor.ProgramView> programs() {
        return editor.programs();
    }

    @PostMapping("/programs")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "평가 사업 만들기 (cadence: YEARLY 또는 HALF_YEARLY)")
    Created createProgram(@RequestBody NewProgram program) {
        return new Created(evaluations.createProgram(program.code(), program.name(), program.nameEn(), program.cadence()));
    }

    @PostMapping("/programs/{programId}/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "회차 만들기: 평가연도·실적연도, 실적 기간, 등급 규칙, 대상 평가군 (대상 기관은 이때 스냅숏)")
    Created createCycle(@PathVariable long programId, @RequestBody NewCycle cycle) {
        return new Created(evaluations.createCycle(programId, cycle));
    }

    @GetMapping("/cycles/{cycleId}/framework")
    @Operation(summary = "회차의 지표 체계: 분야→항목→지표 트리, 지표 목록, 등급 규칙, 판과 확정 여부")
    Map<String, Object> framework(@PathVariable long cycleId) {
        var framework = editor.framework(cycleId);
        return Map.of("cycle", framework.cycle(), "gradeRule", framework.gradeRule(), "indicators", framework.indicators(),
                "tree", framework.tree(), "totalPoints", framework.totalPoints());
    }

    @PostMapping(path = "/cycles/{cycleId}/framework/indicators", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "지표 추가 (확정 전만). 분야·항목은 이름으로 정하며 없으면 새로 생김",
            description = "kind: QUANTITATIVE, QUALITATIVE, BONUS, PENALTY, CITIZEN, INPUT(산식 입력값, 배점 0). "
                    + "formula: RATIO(inputA ÷ inputB × multiplier), ACHIEVEMENT(inputA ÷ 목표 inputB 또는 target, 상한 cap), "
                    + "COUNT(inputA, 상한 cap). panelKind: EXPERT, CITIZEN, CROSS. 확정 후에는 409.")
    FrameworkIndicator addIndicator(@PathVariable long cycleId, @RequestBody FrameworkIndicator indicator) {
        editor.addIndicator(cycleId, indicator);
        return editor.framework(cycleId).indicator(indicator.code().strip());
    }

    @PutMapping(path = "/cycles/{cycleId}/framework/indicators/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "지표 고치기 (확정 전만; 코드는 그대로)")
    FrameworkIndicator updateIndicator(@PathVariable long cycleId, @PathVariable String code,
            @RequestBody FrameworkIndicator indicator) {
        editor.updateIndicator(cycleId, code, indicator);
        return editor.framework(cycleId).indicator(code);
    }

    @DeleteMapping("/cycles/{cycleId}/framework/indicators/{code}")
    @Operation(summary = "지표 지우기 (확정 전만; 다른 지표의 산식 입력값이면 409)")
    ResponseEntity<Void> removeIndicator(@PathVariable long cycleId, @PathVariable String code) {
        editor.removeIndicator(cycleId, code);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/cycles/{cycleId}/framework/areas/{area}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "분야 이름 바꾸기")
    ResponseEntity<Void> renameArea(@PathVariable long cycleId, @PathVariable String area, @RequestBody Rename rename) {
        editor.renameArea(cycleId, area, rename.name());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/cycles/{cycleId}/framework/areas/{area}")
    @Operation(summary = "분야 지우기 (그 아래 항목과 지표 모두)")
    ResponseEntity<Void> removeArea(@PathVariable long cycleId, @PathVariable String area) {
        editor.removeArea(cycleId, area);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/cycles/{cycleId}/framework/areas/{area}/items/{item}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "항목 이름 바꾸기")
    ResponseEntity<Void> renameItem(@PathVariable long cycleId, @PathVariable String area, @PathVariable String item,
            @RequestBody Rename rename) {
        editor.renameItem(cycleId, area, item, rename.name());
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/cycles/{cycleId}/framework/areas/{area}/items/{item}/grading",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "항목별 등급 여부 (예: 민원서비스 종합평가는 항목마다 가~마)")
    ResponseEntity<Void> gradeItem(@PathVariable long cycleId, @PathVariable String area, @PathVariable String item,
            @RequestBody ItemGrading grading) {
        editor.gradeItem(cycleId, area, item, grading.graded());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/cycles/{cycleId}/framework/areas/{area}/items/{item}")
    @Operation(summary = "항목 지우기 (그 아래 지표 모두)")
    ResponseEntity<Void> removeItem(@PathVariable long cycleId, @PathVariable String area, @PathVariable String item) {
        editor.removeItem(cycleId, area, item);
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/cycles/{cycleId}/framework/grade-rule", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "등급 규칙 (확정 전만)",
            description = "kind: BANDS(평가군 내 백분위 구간, rounding FLOOR/HALF_UP/CEILING, tiesTakeBetterGrade), "
                    + "QUOTAS(평가군별 정원·포상 상한), CUTOFFS(점수 기준), LAYERS(앞 층이 우선: 예) 최우수 = 평가군 1위 → 우수 상위 30%)")
    GradeRuleSpec setGradeRule(@PathVariable long cycleId, @RequestBody GradeRuleSpec rule) {
        editor.setGradeRule(cycleId, rule);
        return editor.framework(cycleId).gradeRule();
    }

    @PostMapping(path = "/cycles/{cycleId}/framework/copy", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "다른 회차(예: 지난 회차)의 지표 체계와 등급 규칙을 이 초안에 복사 (초안 내용은 바뀜)")
    Copied copy(@PathVariable long cycleId, @RequestBody Copy copy) {
        return new Copied(editor.copyFrom(cycleId, copy.fromCycleId()));
    }

    @PostMapping("/cycles/{cycleId}/framework/publish")
    @Operation(summary = "지표 체계 확정: 이후 변경 불가(409), 판 번호와 스냅숏을 남김")
    Published publish(@PathVariable long cycleId) {
        return new Published(editor.publish(cycleId));
    }

    @PostMapping(path = "/cycles/{cycleId}/framework/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "확정된 지표 체계 다시 열기: 사유 필수, 실적·점수·증빙 입력 전만, 새 판이 됨")
    Published reopen(@PathVariable long cycleId, @RequestBody Reopen reopen) {
        return new Published(editor.reopen(cycleId, reopen.reason()));
    }

    @GetMapping("/cycles/{cycleId}/framework/versions")
    @Operation(summary = "판 이력: 확정(누가, 언제, 앞 판과 달라진 지표·등급 규칙)과 다시 열기(사유)")
    List<FrameworkEditor.Version> versions(@PathVariable long cycleId) {
        return editor.versions(cycleId);
    }

    @GetMapping("/cycles/{cycleId}/framework/versions/{version}")
    @Operation(summary = "확정된 판의 스냅숏 (지표와 등급 규칙)")
    FrameworkEditor.Snapshot snapshot(@PathVariable long cycleId,
            @Parameter(description = "판 번호") @PathVariable int version) {
        return editor.snapshot(cycleId, version);
    }
}
