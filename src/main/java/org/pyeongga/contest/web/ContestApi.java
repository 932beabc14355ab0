package org.pyeongga.contest.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.contest.ContestSummary;
import org.pyeongga.contest.ContestTemplate;
import org.pyeongga.contest.ContestTemplates;
import org.pyeongga.contest.ContestView;
import org.pyeongga.contest.Contests;
import org.pyeongga.contest.DuplicateHint;
import org.pyeongga.contest.Entries;
import org.pyeongga.contest.EntryChannel;
import org.pyeongga.contest.EntryRevision;
import org.pyeongga.contest.EntryView;
import org.pyeongga.contest.ExclusionReason;
import org.pyeongga.contest.NewContest;
import org.pyeongga.contest.NewEntry;
import org.pyeongga.contest.NewNomination;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.Department;
import org.pyeongga.organization.Departments;
import org.pyeongga.voting.VoterTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contests over REST: the public list and a contest's setup (from OPEN on), citizens' nominations with a voter token
 * ({@code X-Pyeongga-Voter}, from the portal's identity check), staff submissions, and under {@code /admin} the owners'
 * setup, entries, the fact and exclusion check and duplicates.
 */
@RestController
@RequestMapping(path = "/api/v1/contests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "경진대회·선발 (Contests)", description = "적극행정 우수사례 경진대회·우수공무원 선발: 설정, 접수(부서추천·직원신청·국민추천), 사실 및 제외대상 검증, 중복")
class ContestApi {

    private final Contests contests;
    private final Entries entries;
    private final Departments departments;
    private final VoterTokens tokens;
    private final Clock clock;

    ContestApi(Contests contests, Entries entries, Departments departments, VoterTokens tokens, Clock clock) {
        this.contests = contests;
        this.entries = entries;
        this.departments = departments;
        this.tokens = tokens;
        this.clock = clock;
    }

    record Created(long id) {}

    record FromTemplate(String template, long ownerInstitutionId) {}

    record Window(Instant opensAt, Instant closesAt) {}

    record CheckRequest(boolean accept, @Nullable ExclusionReason reason, String note) {}

    record DuplicateRequest(long duplicateOf) {}

    record Nominated(long id, String stored) {}

    @GetMapping
    @Operation(summary = "경진대회 목록 (접수 이후 공개; 관리자는 준비 중인 것도)")
    List<ContestSummary> list() {
        return contests.contests();
    }

    @GetMapping("/templates")
    @Operation(summary = "실제 사례의 틀: 분야, 시상 등급과 인원, 의도한 심사 단계와 최종 산식")
    List<ContestTemplate> templates() {
        return ContestTemplates.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "경진대회 (분야, 시상 등급, 단계, 주관 기관)")
    ContestView get(@PathVariable long id) {
        return contests.contest(id);
    }

    @GetMapping("/{id}/departments")
    @Operation(summary = "주관 기관의 부서 (국민추천 대상자의 부서를 고를 때)")
    List<Department> departments(@PathVariable long id) {
        return departments.of(contests.contest(id).ownerInstitutionId(), LocalDate.now(clock));
    }

    @PostMapping("/{id}/nominations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "국민추천: 본인확인 토큰(X-Pyeongga-Voter)이 있어야 하며, 가명 키와 추천 대상자 정보만 저장")
    Nominated nominate(@PathVariable long id,
            @Parameter(description = "본인확인 후 받은 투표자 토큰") @RequestHeader(name = VoterTokens.HEADER, required = false)
                    @Nullable String token,
            @RequestBody NewNomination nomination) {
        long entry = entries.nominate(id, tokens.read(token, clock.instant()).orElse(null), nomination);
        return new Nominated(entry, "nominee name, department, job title, title, reason, pseudonymous voter key");
    }

    @PostMapping("/{id}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "부서추천(DEPARTMENT) 또는 직원신청(STAFF): 주관 기관 직원, 소속 부서 필요, 기여도 합 100")
    Created submit(@PathVariable long id, @RequestParam(defaultValue = "DEPARTMENT") EntryChannel channel,
            @RequestBody NewEntry entry) {
        return new Created(entries.submit(id, channel, entry));
    }

    record Revised(int revision) {}

    @PutMapping("/{id}/entries/{entryId}")
    @Operation(summary = "사례 수정: 제출한 직원만, 접수 기간 안·검증 전 (409), 국민추천은 수정 불가; 제출과 같은 검증, "
            + "removeFile로 증빙 파일(순번) 삭제; 수정 전 내용은 수정 이력으로 남음")
    Revised edit(@PathVariable long id, @PathVariable long entryId,
            @RequestParam(name = "removeFile", required = false) @Nullable List<Integer> removeFile, @RequestBody NewEntry entry) {
        if (entries.entry(entryId).contestId() != id) {
            throw UserFacingException.notFound("contest.error.entryNotFound");
        }
        return new Revised(entries.edit(entryId, entry, removeFile == null ? Set.of() : Set.copyOf(removeFile)));
    }

    @GetMapping("/admin")
    @Operation(summary = "관리하는 경진대회 (모든 단계)")
    List<ContestSummary> managed() {
        return contests.managed();
    }

    @PostMapping("/admin")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "경진대회 직접 만들기 (준비 단계)")
    Created create(@RequestBody NewContest contest) {
        return new Created(contests.create(contest));
    }

    @PostMapping("/admin/from-template")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "틀로 만들기: BORYEONG_2024_H1, NAMHAE_2025, NATIONAL_2024, OUTSTANDING_OFFICIAL_HALF")
    Created fromTemplate(@RequestBody FromTemplate request) {
        return new Created(contests.createFromTemplate(request.template(), request.ownerInstitutionId()));
    }

    @PutMapping("/admin/{id}/window")
    @Operation(summary = "접수 기간 (시작 ≤ 접수 < 마감, 초 단위)")
    void window(@PathVariable long id, @RequestBody Window window) {
        contests.setWindow(id, window.opensAt(), window.closesAt());
    }

    @PostMapping("/admin/{id}/open")
    @Operation(summary = "접수 시작 (준비 → 접수)")
    void open(@PathVariable long id) {
        contests.open(id);
    }

    @GetMapping("/admin/{id}/entries")
    @Operation(summary = "접수된 사례·추천 (국민추천인은 가명 키도 보이지 않음)")
    List<EntryView> entries(@PathVariable long id) {
        return entries.entries(id);
    }

    @GetMapping("/admin/entries/{entryId}/revisions")
    @Operation(summary = "사례 수정 이력 (최근 것부터): 몇 번째, 누가, 언제, 바뀐 항목, 고치기 전 제목")
    List<EntryRevision> revisions(@PathVariable long entryId) {
        return entries.revisions(entryId);
    }

    @GetMapping("/admin/{id}/duplicates")
    @Operation(summary = "중복 의심 (같은 대상자, 비슷한 제목)")
    List<DuplicateHint> duplicates(@PathVariable long id) {
        return entries.duplicates(id);
    }

    @PostMapping("/admin/entries/{entryId}/check")
    @Operation(summary = "사실 및 제외대상 검증: 인정, 또는 제외 사유와 함께 제외")
    void check(@PathVariable long entryId, @RequestBody CheckRequest request) {
        entries.check(entryId, request.accept(), request.reason(), request.note());
    }

    @PostMapping("/admin/entries/{entryId}/duplicate")
    @Operation(summary = "중복 확정: 앞서 접수된 사례의 중복으로 제외")
    void duplicate(@PathVariable long entryId, @RequestBody DuplicateRequest request) {
        entries.markDuplicate(entryId, request.duplicateOf());
    }
}
