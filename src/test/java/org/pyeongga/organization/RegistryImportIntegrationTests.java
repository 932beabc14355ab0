package org.pyeongga.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.util.LinkedMultiValueMap;

/** 행정표준코드 imports: preview first, nothing written before confirmation, all or nothing, idempotent. */
@IntegrationTest
@DirtiesContext
class RegistryImportIntegrationTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static final String OFFICIAL_EXTRACT = """
            기관코드,기관명,기관전체명,최상위기관코드,차상위기관코드,폐지일자,이전기관코드
            6110000,서울특별시,서울특별시,6110000,,,
            3000000,종로구,서울특별시 종로구,6110000,6110000,,
            4490000,보령시,충청남도 보령시,6440000,6440000,,
            1741000,행정안전부,행정안전부,1741000,,,
            7010000,서울특별시교육청,서울특별시교육청,7010000,,,
            1741100,기획조정실,행정안전부 기획조정실,1741000,1741000,,
            6420000,강원도,강원도,6420000,,2023-06-11,
            6530000,강원특별자치도,강원특별자치도,6530000,,,6420000
            1999999,시험행정청,시험행정청,1999999,,,
            """;

    @Autowired
    RegistryImports imports;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;

    @LocalServerPort
    int port;

    @Autowired
    org.pyeongga.account.Accounts accounts;

    /** API client with an administrator's Basic credentials; {@code pages} is the same person in a browser session. */
    Http http;
    Http pages;

    @BeforeEach
    void client() {
        String admin = org.pyeongga.support.TestUsers.admin(accounts);
        http = Http.api(port, admin);
        pages = Http.signedIn(port, admin);
    }

    @Test
    void previewsWithoutWritingThenAppliesOnConfirmationAndReimportingChangesNothing() {
        // The import applies on its own worker thread, so listen for real (test event recording is per thread).
        var appliedEvents = new java.util.concurrent.CopyOnWriteArrayList<RegistryImportApplied>();
        context.addApplicationListener((org.springframework.context.ApplicationListener<
                org.springframework.context.PayloadApplicationEvent<RegistryImportApplied>>) e -> appliedEvents.add(e.getPayload()));
        long rowsBefore = institutionRows();
        UUID first = imports.upload("기관코드.csv", OFFICIAL_EXTRACT.getBytes(StandardCharsets.UTF_8), TODAY);
        ImportStatus preview = awaitState(first, ImportStatus.State.PREVIEW);

        assertThat(preview.fileFormat()).isEqualTo("CSV (UTF-8)");
        assertThat(preview.totalRows()).isEqualTo(9);
        assertThat(preview).extracting(ImportStatus::added, ImportStatus::changed, ImportStatus::ended,
                        ImportStatus::unchanged, ImportStatus::skipped, ImportStatus::errors)
                .containsExactly(1, 4, 0, 3, 1, 0);
        assertThat(preview.canConfirm()).isTrue();
        assertThat(imports.lines(first, ImportOutcome.CHANGED, 0, 10).items())
                .extracting(ImportLine::rowNumber, ImportLine::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "import.line.codeAssigned"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.line.codeAssigned"),
                        // seeded without a verified code (V15): the official file fills it in by name
                        org.assertj.core.groups.Tuple.tuple(5, "import.line.codeAssigned"),
                        org.assertj.core.groups.Tuple.tuple(6, "import.line.codeAssigned"));
        // Nothing is written before confirmation.
        assertThat(institutionRows()).isEqualTo(rowsBefore);
        assertThat(find("종로구", "11").orgCode()).isNull();
        assertThat(centralAgency("행정안전부").orgCode()).isNull();
        assertThat(search("시험행정청")).isZero();

        imports.confirm(first);
        ImportStatus applied = awaitState(first, ImportStatus.State.APPLIED);
        assertThat(applied.appliedAt()).isNotNull();
        assertThat(find("종로구", "11").orgCode()).isEqualTo("3000000");
        assertThat(find("보령시", "34").orgCode()).isEqualTo("4490000");
        assertThat(institutionRows()).isEqualTo(rowsBefore + 1);
        assertThat(centralAgency("행정안전부").orgCode()).isEqualTo("1741000");
        assertThat(centralAgency("행정안전부").validFrom()).isNull(); // the seeded row, not a second one
        assertThat(registry.search(new InstitutionQuery(TODAY, InstitutionLevel.EDUCATION, null, null, "서울특별시교육청", false), 0, 5)
                .items()).singleElement().extracting(InstitutionSummary::orgCode).isEqualTo("7010000");
        var agency = registry.search(new InstitutionQuery(TODAY, InstitutionLevel.CENTRAL, null, null, "시험행정청", false), 0, 5);
        assertThat(agency.items()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(InstitutionKind.CENTRAL_AGENCY);
            assertThat(m.validFrom()).isEqualTo(TODAY); // found by this import: not back-dated to "always"
        });
        assertThat(appliedEvents)
                .anySatisfy(e -> assertThat(e).extracting(RegistryImportApplied::importId, RegistryImportApplied::added)
                        .containsExactly(first, 1));

        // The same file again: nothing new, nothing changed, and applying it writes nothing.
        UUID again = imports.upload("기관코드.csv", OFFICIAL_EXTRACT.getBytes(StandardCharsets.UTF_8), TODAY);
        ImportStatus second = awaitState(again, ImportStatus.State.PREVIEW);
        assertThat(second).extracting(ImportStatus::added, ImportStatus::changed, ImportStatus::ended, ImportStatus::errors)
                .containsExactly(0, 0, 0, 0);
        assertThat(second.unchanged()).isEqualTo(8);
        imports.confirm(again);
        awaitState(again, ImportStatus.State.APPLIED);
        assertThat(institutionRows()).isEqualTo(rowsBefore + 1);
        assertThatThrownBy(() -> imports.confirm(again)).isInstanceOf(UserFacingException.class)
                .extracting("messageKey").isEqualTo("import.confirm.notPreview");
    }

    @Test
    void aFileWithAnyErrorCannotBeConfirmedAndErrorsNameTheirRows() {
        String csv = """
                기관코드,기관명,최상위기관코드,차상위기관코드
                6110000,서울특별시,6110000,
                12AB,어딘가,6110000,6110000
                3010000,,6110000,6110000
                """;
        UUID id = imports.upload("bad.csv", csv.getBytes(Charset.forName("x-windows-949")), TODAY);
        ImportStatus preview = awaitState(id, ImportStatus.State.PREVIEW);
        assertThat(preview.fileFormat()).isEqualTo("CSV (CP949)");
        assertThat(preview.errors()).isEqualTo(2);
        assertThat(preview.canConfirm()).isFalse();
        assertThat(imports.lines(id, ImportOutcome.ERROR, 0, 10).items())
                .extracting(ImportLine::rowNumber, ImportLine::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "import.row.orgCode.format"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.row.name.missing"));

        long before = institutionRows();
        assertThatThrownBy(() -> imports.confirm(id)).isInstanceOf(UserFacingException.class)
                .extracting("messageKey").isEqualTo("import.confirm.hasErrors");
        var overApi = http.raw().post().uri("/api/v1/imports/{id}/confirm", id).retrieve().toEntity(Map.class);
        assertThat(overApi.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) overApi.getBody().get("detail")).contains("오류가 있는 파일");
        assertThat(imports.status(id).state()).isEqualTo(ImportStatus.State.PREVIEW);
        assertThat(institutionRows()).isEqualTo(before);
    }

    @Test
    void renamesAndEndingsTakeTheirDatesAndKeepHistory() {
        String add = """
                기관코드,기관명,최상위기관코드
                1311000,국민권익위원회,1311000
                1320000,국세청,1320000
                """;
        UUID setup = imports.upload("setup.csv", add.getBytes(StandardCharsets.UTF_8), TODAY);
        awaitState(setup, ImportStatus.State.PREVIEW);
        imports.confirm(setup);
        awaitState(setup, ImportStatus.State.APPLIED);

        String change = """
                기관코드,기관명,최상위기관코드,폐지일자
                1311000,국민권익위원회 (개편),1311000,
                1320000,국세청,1320000,2027-03-01
                """;
        LocalDate renameDay = LocalDate.of(2026, 12, 1);
        UUID id = imports.upload("change.csv", change.getBytes(StandardCharsets.UTF_8), renameDay);
        ImportStatus preview = awaitState(id, ImportStatus.State.PREVIEW);
        assertThat(preview).extracting(ImportStatus::changed, ImportStatus::ended).containsExactly(1, 1);
        imports.confirm(id);
        awaitState(id, ImportStatus.State.APPLIED);

        var before = registry.search(new InstitutionQuery(renameDay.minusDays(1), null, null, null, "국민권익위원회", false), 0, 5);
        var after = registry.search(new InstitutionQuery(renameDay, null, null, null, "국민권익위원회", false), 0, 5);
        assertThat(before.items()).singleElement().extracting(InstitutionSummary::name).isEqualTo("국민권익위원회");
        assertThat(after.items()).singleElement().satisfies(i -> {
            assertThat(i.name()).isEqualTo("국민권익위원회 (개편)");
            assertThat(i.orgCode()).isEqualTo("1311000");
            assertThat(registry.detail(i.id(), renameDay).predecessors()).singleElement()
                    .extracting(LineageLink::type).isEqualTo(ChangeType.RENAMED);
        });
        var nts = registry.search(new InstitutionQuery(TODAY, null, null, null, "국세청", false), 0, 5);
        assertThat(nts.items()).singleElement().extracting(InstitutionSummary::validTo).isEqualTo(LocalDate.of(2027, 2, 28));

        // Next week's list still shows 국세청 (it ends only in March) and the renamed commission: nothing to do.
        String nextWeek = """
                기관코드,기관명,최상위기관코드,이전기관코드
                1311000,국민권익위원회 (개편),1311000,
                1320000,국세청,1320000,
                """;
        UUID later = imports.upload("next-week.csv", nextWeek.getBytes(StandardCharsets.UTF_8), renameDay.plusDays(7));
        ImportStatus again = awaitState(later, ImportStatus.State.PREVIEW);
        assertThat(again).extracting(ImportStatus::unchanged, ImportStatus::errors).containsExactly(2, 0);
    }

    @Test
    void aRenameThatNamesItsPreviousCodeIsLinkedOnceAndReimportsUnchanged() {
        String setup = """
                기관코드,기관명,최상위기관코드
                1381000,안전행정부,1381000
                1382000,소방방재청,1382000
                """;
        UUID first = imports.upload("setup2.csv", setup.getBytes(StandardCharsets.UTF_8), TODAY);
        awaitState(first, ImportStatus.State.PREVIEW);
        imports.confirm(first);
        awaitState(first, ImportStatus.State.APPLIED);

        String merged = """
                기관코드,기관명,최상위기관코드,이전기관코드
                1381000,행정자치부,1381000,1382000
                """;
        LocalDate day = LocalDate.of(2027, 7, 26);
        UUID rename = imports.upload("merged.csv", merged.getBytes(StandardCharsets.UTF_8), day);
        assertThat(awaitState(rename, ImportStatus.State.PREVIEW).changed()).isEqualTo(1);
        imports.confirm(rename);
        awaitState(rename, ImportStatus.State.APPLIED);
        InstitutionSummary renamed = registry.search(new InstitutionQuery(day, null, null, null, "행정자치부", false), 0, 5)
                .items().getFirst();
        assertThat(registry.detail(renamed.id(), day).predecessors()).extracting(l -> l.other().name())
                .containsExactlyInAnyOrder("안전행정부", "소방방재청");

        UUID again = imports.upload("merged.csv", merged.getBytes(StandardCharsets.UTF_8), day);
        assertThat(awaitState(again, ImportStatus.State.PREVIEW))
                .extracting(ImportStatus::changed, ImportStatus::unchanged).containsExactly(0, 1);
    }

    @Test
    void uploadsOverTheApiAndRefusesAnEmptyFile() {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(OFFICIAL_EXTRACT.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "codes.csv";
            }
        });
        var accepted = http.raw().post().uri("/api/v1/imports?effectiveOn=2026-11-23")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).retrieve().toEntity(Map.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        UUID id = UUID.fromString((String) accepted.getBody().get("id"));
        awaitState(id, ImportStatus.State.PREVIEW);
        var lines = http.getJson("/api/v1/imports/{id}/lines", id).getBody();
        assertThat(lines).containsEntry("total", 9);

        assertThatThrownBy(() -> imports.upload("empty.csv", new byte[0], TODAY))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("import.upload.empty");
        var page = pages.getPage("/admin/imports/{id}", id);
        assertThat(page.getBody()).contains("미리보기 요약", "codes.csv");
    }

    @Test
    void analysesALargeFileAndTheProgressBarTellsThePageWhenItIsDone() {
        StringBuilder csv = new StringBuilder("기관코드,기관명,최상위기관코드,차상위기관코드\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(String.format("%07d", 2_000_000 + i)).append(",서울특별시 부서").append(i).append(",6110000,6110000\n");
        }
        UUID id = imports.upload("departments.csv", csv.toString().getBytes(StandardCharsets.UTF_8), TODAY);
        ImportStatus preview = awaitState(id, ImportStatus.State.PREVIEW);
        assertThat(preview.totalRows()).isEqualTo(20_000);
        assertThat(preview.skipped()).isEqualTo(20_000);
        assertThat(imports.lines(id, ImportOutcome.SKIPPED, 399, 50).items()).hasSize(50)
                .allSatisfy(l -> assertThat(l.messageKey()).isEqualTo("import.line.notBasic"));

        var done = pages.getPage("/admin/imports/{id}/progress", id);
        assertThat(done.getHeaders().getFirst("HX-Refresh")).isEqualTo("true");

        // While an import works, the fragment is a labelled progress bar that polls itself.
        UUID working = UUID.randomUUID();
        jdbc.sql("""
                        insert into organization_import (id, file_name, file_sha256, content, effective_on, status,
                                                         total_rows, processed_rows)
                        values (:id, 'big.csv', 'x', '\\x00', current_date, 'ANALYZING', 1000, 250)
                        """)
                .param("id", working)
                .update();
        var polling = pages.getPage("/admin/imports/{id}/progress", working);
        assertThat(polling.getHeaders().getFirst("HX-Refresh")).isNull();
        assertThat(polling.getBody()).contains("<progress", "value=\"25\"", "hx-trigger=\"every 1s\"", "1,000행 중 250행 처리");
    }

    @Test
    void followsTheRealCodeListRulesPublicInstitutionCodesJejuCitiesAndNewProvinces() {
        long basicBefore = registry.counts(InstitutionQuery.asOf(TODAY)).stream()
                .filter(c -> List.of("CITY", "COUNTY", "DISTRICT").contains(c.evaluationClass()))
                .mapToLong(ClassCount::count).sum();
        String csv = """
                기관코드,기관명,기관전체명,최상위기관코드,차상위기관코드,폐지일자,기관유형
                B551011,한국관광공사,한국관광공사,B551011,,,공공기관
                6500000,제주특별자치도,제주특별자치도,6500000,,,
                6510000,제주시,제주특별자치도 제주시,6500000,6500000,,
                6999999,새통합특별시,새통합특별시,6999999,,,
                """;
        UUID id = imports.upload("rules.csv", csv.getBytes(StandardCharsets.UTF_8), TODAY);
        ImportStatus preview = awaitState(id, ImportStatus.State.PREVIEW);
        assertThat(imports.lines(id, null, 0, 10).items())
                .extracting(ImportLine::rowNumber, ImportLine::outcome, ImportLine::messageKey)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, ImportOutcome.NEW, "import.line.new"),
                        org.assertj.core.groups.Tuple.tuple(3, ImportOutcome.UNCHANGED, "import.line.unchanged"),
                        org.assertj.core.groups.Tuple.tuple(4, ImportOutcome.SKIPPED, "import.line.notBasic"),
                        org.assertj.core.groups.Tuple.tuple(5, ImportOutcome.ERROR, "import.row.localGovernmentManual"));
        assertThat(preview.canConfirm()).isFalse();
        assertThat(basicBefore).isEqualTo(registry.counts(InstitutionQuery.asOf(TODAY)).stream()
                .filter(c -> List.of("CITY", "COUNTY", "DISTRICT").contains(c.evaluationClass()))
                .mapToLong(ClassCount::count).sum());
    }

    @Test
    void confirmsOnlyThePlanThePreviewShowed() {
        String csv = """
                기관코드,기관명,최상위기관코드
                1790387,국가데이터처,1790387
                """;
        UUID id = imports.upload("one.csv", csv.getBytes(StandardCharsets.UTF_8), TODAY);
        assertThat(awaitState(id, ImportStatus.State.PREVIEW).added()).isEqualTo(1);
        // Someone adds the same institution by hand before the preview is confirmed: the plan is no longer "new".
        registry.add(new NewInstitution("국가데이터처", null, InstitutionKind.CENTRAL_AGENCY, "1790387", null, null, null, null));
        long rows = institutionRows();
        imports.confirm(id);
        ImportStatus back = awaitState(id, ImportStatus.State.PREVIEW);
        assertThat(back.failureKey()).isEqualTo("import.apply.changedSincePreview");
        assertThat(back).extracting(ImportStatus::added, ImportStatus::unchanged).containsExactly(0, 1);
        assertThat(institutionRows()).isEqualTo(rows);
        imports.confirm(id); // the fresh preview can be confirmed
        awaitState(id, ImportStatus.State.APPLIED);
        assertThat(institutionRows()).isEqualTo(rows);
    }

    @Autowired
    ImportWorker worker;

    @Test
    void anImportInterruptedByAStopIsMarkedFailedAtTheNextStart() {
        UUID stuck = UUID.randomUUID();
        jdbc.sql("""
                        insert into organization_import (id, file_name, file_sha256, content, effective_on, status)
                        values (:id, 'stuck.csv', 'x', '\\x00', current_date, 'APPLYING')
                        """).param("id", stuck).update();
        worker.recover();
        assertThat(imports.status(stuck)).extracting(ImportStatus::state, ImportStatus::failureKey)
                .containsExactly(ImportStatus.State.FAILED, "import.failed.interrupted");
    }

    private InstitutionSummary centralAgency(String name) {
        return registry.search(new InstitutionQuery(TODAY, InstitutionLevel.CENTRAL, null, null, name, false), 0, 5).items()
                .stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }

    private ImportStatus awaitState(UUID id, ImportStatus.State wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        ImportStatus status = imports.status(id);
        while (status.state() != wanted && Instant.now().isBefore(deadline)) {
            assertThat(status.state()).as("import %s", id).isNotEqualTo(ImportStatus.State.FAILED);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = imports.status(id);
        }
        assertThat(status.state()).isEqualTo(wanted);
        return status;
    }

    private long institutionRows() {
        return jdbc.sql("select count(*) from organization_institution").query(Long.class).single();
    }

    private long search(String text) {
        return registry.search(new InstitutionQuery(TODAY, null, null, null, text, false), 0, 5).total();
    }

    private InstitutionSummary find(String name, String region) {
        return registry.search(new InstitutionQuery(TODAY, null, null, region, name, false), 0, 5).items().stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
