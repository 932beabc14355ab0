package org.pyeongga.judging.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.JudgingModel;
import org.pyeongga.judging.PanelKind;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Judging over REST: administrators run rounds, panels, conflicts, assignments, progress and reminders; an evaluator
 * reads and scores their own assignments (another evaluator's answers 404).
 */
@RestController
@RequestMapping(path = "/api/v1/judging", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "심사 (Judging)", description = "평가단, 이해충돌, 자동 배정(최소비용흐름), 채점표, 진행 현황과 독촉")
class JudgingApi {

    private final Judging judging;

    JudgingApi(Judging judging) {
        this.judging = judging;
    }

    record PanelRequest(PanelKind kind, String name, int requiredPerSubject) {}

    record MemberRequest(String email, @Nullable Integer maxLoad) {}

    record ConflictRequest(long userId, long institutionId, String reason) {}

    record FormerEmployerRequest(long institutionId, LocalDate until) {}

    record ExpertiseRequest(Set<String> tags) {}

    record SettingsRequest(BigDecimal commentBelow, int formerEmployerYears, @Nullable Instant closesAt) {}

    record OverrideRequest(long subjectId, long userId, String reason) {}

    record ReasonRequest(String reason) {}

    record SheetRequest(@Nullable Integer level, @Nullable String comment) {}

    record PreferenceRequest(int level) {}

    record Created(long id) {}

    @GetMapping("/rounds")
    @Operation(summary = "심사 회차 목록 (평가 주관)")
    List<JudgingModel.RoundSummary> rounds() {
        return judging.rounds();
    }

    @GetMapping("/rounds/{roundId}")
    @Operation(summary = "심사 회차 (평가 주관)")
    JudgingModel.RoundSummary round(@PathVariable long roundId) {
        return judging.round(roundId);
    }

    @PutMapping("/rounds/{roundId}/settings")
    @Operation(summary = "의견 필수 기준(만점 대비 비율), 전 직장 이해충돌 기간(년), 채점 마감 일시")
    void settings(@PathVariable long roundId, @RequestBody SettingsRequest request) {
        judging.configureRound(roundId, request.commentBelow(), request.formerEmployerYears(), request.closesAt());
    }

    @GetMapping("/rounds/{roundId}/panels")
    @Operation(summary = "평가단과 위원, 채점하는 지표")
    List<JudgingModel.Panel> panels(@PathVariable long roundId) {
        return judging.panels(roundId);
    }

    @PostMapping("/rounds/{roundId}/panels")
    @Operation(summary = "평가단 만들기: EXPERT 민간전문가, CITIZEN 국민평가단, CROSS 교차평가")
    Created createPanel(@PathVariable long roundId, @RequestBody PanelRequest request) {
        return new Created(judging.createPanel(roundId, request.kind(), request.name(), request.requiredPerSubject()));
    }

    @PostMapping("/panels/{panelId}/criteria/{criterion}")
    @Operation(summary = "지표 하나의 심사 대상을 이 평가단으로 옮기기 (배정 전에만)")
    void moveCriterion(@PathVariable long panelId, @PathVariable String criterion) {
        judging.moveCriterion(panelId, criterion);
    }

    @PostMapping("/panels/{panelId}/members")
    @Operation(summary = "평가위원 추가 (평가위원 역할의 계정, 전자우편으로)")
    Created addMember(@PathVariable long panelId, @RequestBody MemberRequest request) {
        return new Created(judging.addMember(panelId, request.email(), request.maxLoad() == null ? 0 : request.maxLoad()));
    }

    @PutMapping("/evaluators/{userId}/expertise")
    @Operation(summary = "평가위원의 전문 분야 꼬리표 (관리자 또는 본인)")
    void expertise(@PathVariable long userId, @RequestBody ExpertiseRequest request) {
        judging.setExpertise(userId, request.tags());
    }

    @PostMapping("/evaluators/{userId}/former-employers")
    @Operation(summary = "평가위원의 전 직장과 근무 종료일 (N년 이내면 이해충돌)")
    void formerEmployer(@PathVariable long userId, @RequestBody FormerEmployerRequest request) {
        judging.recordFormerEmployer(userId, request.institutionId(), request.until());
    }

    @GetMapping("/rounds/{roundId}/conflicts")
    @Operation(summary = "위원과 대상 기관 사이의 이해충돌 (소속, 같은 광역·상위 기관, 전 직장, 신고)")
    List<JudgingModel.Conflict> conflicts(@PathVariable long roundId) {
        return judging.conflicts(roundId);
    }

    @PostMapping("/rounds/{roundId}/conflicts")
    @Operation(summary = "이해충돌 신고 (사유 필수; 관리자 또는 본인). 그 기관의 배정은 바로 빠진다")
    Map<String, Integer> declare(@PathVariable long roundId, @RequestBody ConflictRequest request) {
        return Map.of("removedAssignments", judging.declareConflict(roundId, request.userId(), request.institutionId(), request.reason()));
    }

    @PostMapping("/panels/{panelId}/assignments/automatic")
    @Operation(summary = "자동 배정 (최소비용흐름: 이해충돌 제외, 지표별 부담 균형, 전문 분야·선호 반영; 기존 배정 유지)")
    JudgingModel.AssignmentRun assign(@PathVariable long panelId) {
        return judging.assignAutomatically(panelId);
    }

    @GetMapping("/panels/{panelId}/assignments")
    @Operation(summary = "평가단의 배정과 채점 상태")
    List<JudgingModel.Assignment> assignments(@PathVariable long panelId) {
        return judging.assignments(panelId);
    }

    @PostMapping("/assignments")
    @Operation(summary = "수동 배정 (사유 필수; 이해충돌이면 거절)")
    Created addAssignment(@RequestBody OverrideRequest request) {
        return new Created(judging.addAssignment(request.subjectId(), request.userId(), request.reason()));
    }

    @DeleteMapping("/assignments/{assignmentId}")
    @Operation(summary = "배정 해제 (사유 필수; 자동 배정이 다시 만들지 않음)")
    void removeAssignment(@PathVariable long assignmentId, @RequestParam String reason) {
        judging.removeAssignment(assignmentId, reason);
    }

    @PostMapping("/assignments/{assignmentId}/reopen")
    @Operation(summary = "제출된 채점표 다시 열기 (사유 필수)")
    void reopen(@PathVariable long assignmentId, @RequestBody ReasonRequest request) {
        judging.reopen(assignmentId, request.reason());
    }

    @GetMapping("/rounds/{roundId}/progress")
    @Operation(summary = "평가단·위원별 진행 현황: 배정, 임시 저장, 제출")
    List<JudgingModel.Progress> progress(@PathVariable long roundId) {
        return judging.progress(roundId);
    }

    @PostMapping("/rounds/{roundId}/reminders")
    @Operation(summary = "미제출 채점표가 있는 위원에게 독촉 메일 (보내지 못한 것도 기록하고 알려 줌)")
    JudgingModel.ReminderReport remind(@PathVariable long roundId, HttpServletRequest request) {
        return judging.remind(roundId, baseUrl(request));
    }

    @GetMapping("/my/assignments")
    @Operation(summary = "내 배정 (평가위원 본인)")
    List<JudgingModel.Assignment> mine() {
        return judging.myAssignments();
    }

    @GetMapping("/my/assignments/{assignmentId}")
    @Operation(summary = "내 채점표: 기준표, 점수, 의견, 대상의 성과요약서")
    JudgingModel.Sheet sheet(@PathVariable long assignmentId) {
        return judging.sheet(assignmentId);
    }

    @PutMapping("/my/assignments/{assignmentId}")
    @Operation(summary = "채점표 임시 저장")
    JudgingModel.Sheet save(@PathVariable long assignmentId, @RequestBody SheetRequest request) {
        judging.saveSheet(assignmentId, request.level(), request.comment(), false);
        return judging.sheet(assignmentId);
    }

    @PostMapping("/my/assignments/{assignmentId}/submit")
    @Operation(summary = "채점표 제출 (수준 필수; 기준 미만 점수는 의견 필수)")
    JudgingModel.Sheet submit(@PathVariable long assignmentId, @RequestBody SheetRequest request) {
        judging.saveSheet(assignmentId, request.level(), request.comment(), true);
        return judging.sheet(assignmentId);
    }

    @PutMapping("/my/subjects/{subjectId}/preference")
    @Operation(summary = "심사 대상에 대한 선호 (−2…+2; 자동 배정에 반영)")
    void preference(@PathVariable long subjectId, @RequestBody PreferenceRequest request) {
        judging.setPreference(subjectId, request.level());
    }

    static String baseUrl(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
    }
}
