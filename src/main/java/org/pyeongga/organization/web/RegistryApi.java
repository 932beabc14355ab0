package org.pyeongga.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.ResultPage;
import org.pyeongga.core.Texts;
import org.pyeongga.organization.ClassCount;
import org.pyeongga.organization.EvaluationGroup;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.ImportLine;
import org.pyeongga.organization.ImportOutcome;
import org.pyeongga.organization.ImportStatus;
import org.pyeongga.organization.InstitutionDetail;
import org.pyeongga.organization.InstitutionKind;
import org.pyeongga.organization.InstitutionLevel;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.pyeongga.organization.LineageLink;
import org.pyeongga.organization.NewInstitution;
import org.pyeongga.organization.Reorganization;
import org.pyeongga.organization.RegistryImports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The registry over REST: institutions as of a date, their history, groups, and file imports. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "기관 (Institutions)", description = "기관 등록부: 기준일 조회, 이력, 평가군, 행정표준코드 가져오기")
class RegistryApi {

    private final InstitutionRegistry registry;
    private final EvaluationGroups groups;
    private final RegistryImports imports;
    private final Texts texts;

    RegistryApi(InstitutionRegistry registry, EvaluationGroups groups, RegistryImports imports, Texts texts) {
        this.registry = registry;
        this.groups = groups;
        this.imports = imports;
        this.texts = texts;
    }

    /** An institution as the API shows it, with Korean labels beside the codes. */
    record InstitutionResource(long id, @Nullable String orgCode, @Nullable String sgisCode, @Nullable String regionCode,
            String name, String displayName, @Nullable String nameEn, @Nullable String fullName, InstitutionKind kind,
            String kindLabel, InstitutionLevel level, String levelLabel, String evaluationClass,
            @Nullable String provinceName, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
            @Nullable String note) {}

    record CountResource(String evaluationClass, String label, long count) {}

    record InstitutionPage(LocalDate asOf, long total, Map<String, Long> countsByClass, List<CountResource> counts,
            int page, int size, int totalPages, List<InstitutionResource> items) {}

    record LinkResource(InstitutionResource institution, String type, String typeLabel, LocalDate effectiveOn) {}

    record DetailResource(LocalDate asOf, InstitutionResource institution, @Nullable InstitutionResource parent,
            List<LinkResource> predecessors, List<LinkResource> successors, List<InstitutionResource> lineage,
            List<InstitutionResource> members, List<EvaluationGroup> groups) {}

    @GetMapping("/institutions")
    @Operation(summary = "기준일 기관 목록 (Institutions as of a date)",
            description = "asOf 날짜에 존재한 기관을 광역·시·군·구 등 구분별 개수와 함께 돌려줍니다. 기본값은 오늘(한국 시간).")
    InstitutionPage institutions(
            @Parameter(description = "기준일 (YYYY-MM-DD)") @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable InstitutionLevel level,
            @RequestParam(required = false) @Nullable InstitutionKind kind,
            @Parameter(description = "광역 지역코드 (SGIS 2자리, 예: 44 충청남도)") @RequestParam(required = false) @Nullable String region,
            @Parameter(description = "기관명·기관코드 검색어") @RequestParam(required = false) @Nullable String q,
            @Parameter(description = "true면 기준일과 관계없이 모든 이력 행") @RequestParam(defaultValue = "false") boolean allDates,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "500") int size) {
        LocalDate date = asOf != null ? asOf : registry.today();
        var query = new InstitutionQuery(date, level, kind, InstitutionPages.blankToNull(region),
                InstitutionPages.blankToNull(q), allDates);
        ResultPage<InstitutionSummary> result = registry.search(query, page, size);
        List<ClassCount> counts = registry.counts(query);
        Map<String, Long> byClass = new LinkedHashMap<>();
        counts.forEach(c -> byClass.put(c.evaluationClass(), c.count()));
        return new InstitutionPage(date, result.total(), byClass,
                counts.stream().map(c -> new CountResource(c.evaluationClass(), texts.korean(c.labelKey()), c.count())).toList(),
                result.page(), result.size(), result.totalPages(), result.items().stream().map(this::resource).toList());
    }

    @GetMapping("/institutions/{id}")
    @Operation(summary = "기관 상세와 이력 (One institution with its history)")
    DetailResource institution(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        LocalDate date = asOf != null ? asOf : registry.today();
        InstitutionDetail d = registry.detail(id, date);
        return new DetailResource(date, resource(d.institution()), d.parent() == null ? null : resource(d.parent()),
                d.predecessors().stream().map(this::link).toList(), d.successors().stream().map(this::link).toList(),
                d.lineage().stream().map(this::resource).toList(), d.members().stream().map(this::resource).toList(),
                d.groups());
    }

    @PostMapping(path = "/institutions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "기관 추가 (Add an institution by hand: 중앙행정기관, 교육청, 공공기관)")
    ResponseEntity<InstitutionResource> add(@RequestBody NewInstitution institution) {
        long id = registry.add(institution);
        return ResponseEntity.created(URI.create("/api/v1/institutions/" + id)).body(resource(registry.get(id, registry.today())));
    }

    record ReorganizationResult(List<Long> successorIds) {}

    @PostMapping(path = "/reorganizations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "기관 변경 기록 (Record a rename, move, merger or split)",
            description = "이전 기관은 시행일 전날로 종료되고(분구 제외) 이후 기관은 시행일부터 유효합니다. 모두 적용되거나 하나도 적용되지 않습니다.")
    ResponseEntity<ReorganizationResult> reorganize(@RequestBody Reorganization change) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new ReorganizationResult(registry.reorganize(change)));
    }

    @GetMapping("/groups")
    @Operation(summary = "평가군 목록 (Evaluation groups)")
    List<EvaluationGroup> groups() {
        return groups.all();
    }

    record GroupResource(EvaluationGroup group, List<InstitutionResource> members) {}

    @GetMapping("/groups/{id}")
    @Operation(summary = "평가군과 구성 기관 (A group with its members)")
    GroupResource group(@PathVariable long id) {
        return new GroupResource(groups.get(id), groups.members(id).stream().map(this::resource).toList());
    }

    record GroupDefinition(String code, String name, @Nullable String nameEn, @Nullable String description,
            @Nullable LocalDate asOf, List<Long> memberIds) {}

    @PostMapping(path = "/groups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "평가군 정의 (Define a group with explicit members)")
    ResponseEntity<EvaluationGroup> defineGroup(@RequestBody GroupDefinition body) {
        long id = groups.define(body.code(), body.name(), body.nameEn(), body.description(), body.asOf(),
                body.memberIds() == null ? List.of() : body.memberIds());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + id)).body(groups.get(id));
    }

    @PostMapping("/groups/standard")
    @Operation(summary = "표준 평가군 정의 (광역·시·군·구 as of a date)")
    ResponseEntity<List<EvaluationGroup>> defineStandard(@RequestParam String prefix,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(groups.defineStandard(prefix, asOf).stream().map(groups::get).toList());
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "행정표준코드 파일 가져오기 (Upload a code file for preview)",
            description = "파일을 분석해 미리보기를 만듭니다. 확인(confirm) 전에는 기관 정보가 바뀌지 않습니다.")
    ResponseEntity<ImportStatus> upload(@RequestPart("file") MultipartFile file,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn) throws IOException {
        UUID id = imports.upload(file.getOriginalFilename(), file.getBytes(), effectiveOn);
        return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id)).body(imports.status(id));
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "가져오기 상태와 건수 (Import status and counts)")
    ImportStatus importStatus(@PathVariable UUID id) {
        return imports.status(id);
    }

    record LineResource(int rowNumber, ImportOutcome outcome, @Nullable String orgCode, @Nullable String name,
            @Nullable Long institutionId, String code, String message, String messageEn) {}

    @GetMapping("/imports/{id}/lines")
    @Operation(summary = "가져오기 미리보기 행 (Preview lines, errors by row number)")
    ResultPage<LineResource> importLines(@PathVariable UUID id, @RequestParam(required = false) @Nullable ImportOutcome outcome,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return imports.lines(id, outcome, page, size).map(this::line);
    }

    @PostMapping("/imports/{id}/confirm")
    @Operation(summary = "가져오기 적용 (Confirm: apply a preview without errors, all or nothing)")
    ResponseEntity<ImportStatus> confirm(@PathVariable UUID id) {
        imports.confirm(id);
        return ResponseEntity.accepted().body(imports.status(id));
    }

    private LineResource line(ImportLine l) {
        Object[] args = l.messageArgs().toArray();
        return new LineResource(l.rowNumber(), l.outcome(), l.orgCode(), l.name(), l.institutionId(), l.messageKey(),
                texts.korean(l.messageKey(), args), texts.english(l.messageKey(), args));
    }

    private LinkResource link(LineageLink link) {
        return new LinkResource(resource(link.other()), link.type().name(), texts.korean(link.type().labelKey()),
                link.effectiveOn());
    }

    private InstitutionResource resource(InstitutionSummary i) {
        return new InstitutionResource(i.id(), i.orgCode(), i.sgisCode(), i.regionCode(), i.name(), i.displayName(),
                i.nameEn(), i.fullName(), i.kind(), texts.korean(i.kind().labelKey()), i.level(),
                texts.korean(i.level().labelKey()), i.kind().evaluationClass(), i.provinceName(), i.validFrom(),
                i.validTo(), i.note());
    }
}
