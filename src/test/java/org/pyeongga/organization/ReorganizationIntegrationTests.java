package org.pyeongga.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Recorded changes (merger, split, rename) and hand-added institutions, without code changes. */
@IntegrationTest
@DirtiesContext
@RecordApplicationEvents
class ReorganizationIntegrationTests {

    static final LocalDate LAUNCH = LocalDate.of(2026, 7, 1);

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Autowired
    org.pyeongga.account.Accounts accounts;

    Http adminApi() {
        return Http.api(port, org.pyeongga.support.TestUsers.admin(accounts));
    }

    @Test
    void mergesGwangjuAndJeonnamIntoOneIntegratedCityAndCarriesTheirBasicGovernments(ApplicationEvents events) {
        LocalDate before = LAUNCH.minusDays(1);
        long gwangju = only("광주광역시", before).id();
        long jeonnam = only("전라남도", before).id();
        var merged = new NewInstitution("전남광주통합특별시", "Jeonnam-Gwangju", InstitutionKind.INTEGRATED_SPECIAL_CITY,
                null, "46", null, null, "전남광주통합특별시 설치 특별법 (2026-03-01 국회 통과)");

        List<Long> ids = registry.reorganize(new Reorganization(ChangeType.MERGED, LAUNCH, List.of(gwangju, jeonnam),
                List.of(merged), List.of(), true, "전남광주통합특별시 설치 특별법"));

        var after = InstitutionQuery.asOf(LAUNCH);
        assertThat(registry.counts(after)).contains(new ClassCount("METROPOLITAN", 16));
        assertThat(localGovernments(after)).isEqualTo(243); // 16 + 227, as the domain brief predicts
        assertThat(localGovernments(InstitutionQuery.asOf(before))).isEqualTo(243); // 17 + 226
        var mokpo = registry.search(new InstitutionQuery(LAUNCH, null, null, null, "목포시", false), 0, 5).items();
        assertThat(mokpo).singleElement().extracting(InstitutionSummary::displayName).isEqualTo("전남광주통합특별시 목포시");
        var mokpoBefore = registry.search(new InstitutionQuery(before, null, null, null, "목포시", false), 0, 5).items();
        assertThat(mokpoBefore).singleElement().extracting(InstitutionSummary::displayName).isEqualTo("전라남도 목포시");

        InstitutionDetail city = registry.detail(ids.getFirst(), LAUNCH);
        assertThat(city.predecessors()).extracting(l -> l.other().name())
                .containsExactlyInAnyOrder("광주광역시", "전라남도");
        assertThat(city.members()).hasSize(5 + 22);
        assertThat(events.stream(InstitutionsReorganized.class)).singleElement()
                .satisfies(e -> assertThat(e.predecessorIds()).containsExactlyInAnyOrder(gwangju, jeonnam));
    }

    @Test
    void refusesAnInvalidChangeWithAKoreanMessageAndChangesNothing() {
        long rows = rows();
        long boryeong = only("보령시", LocalDate.of(2025, 1, 1)).id();
        assertThatThrownBy(() -> registry.reorganize(new Reorganization(ChangeType.SPLIT, LocalDate.of(2027, 1, 1),
                        List.of(boryeong), List.of(basic("보령시", "34")), List.of(), false, null)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("reorg.count.SPLIT");

        long ended = only("강원도", LocalDate.of(2020, 1, 1)).id();
        assertThatThrownBy(() -> registry.reorganize(new Reorganization(ChangeType.RENAMED, LocalDate.of(2027, 1, 1),
                        List.of(ended), List.of(new NewInstitution("강원도2", null, InstitutionKind.PROVINCE, null, "32",
                                null, null, null)), List.of(), false, null)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("reorg.predecessor.notValid");

        // A bad successor (existing code) fails after the predecessor was ended in the same transaction: all undone.
        assertThatThrownBy(() -> registry.reorganize(new Reorganization(ChangeType.RENAMED, LocalDate.of(2027, 1, 1),
                        List.of(only("서울특별시", LocalDate.of(2025, 1, 1)).id()),
                        List.of(new NewInstitution("서울특별시", null, InstitutionKind.SPECIAL_CITY, "6260000", "11", null,
                                null, null)), List.of(), false, null)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("institution.orgCode.inUse");
        assertThat(only("서울특별시", LocalDate.of(2028, 1, 1)).validTo()).isNull();
        assertThat(rows()).isEqualTo(rows);
    }

    @Test
    void aChangeRecordedTwiceIsRefusedTheSecondTime() {
        LocalDate day = LocalDate.of(2027, 1, 1);
        long boryeong = only("보령시", day.minusDays(1)).id();
        var rename = new Reorganization(ChangeType.RENAMED, day, List.of(boryeong),
                List.of(new NewInstitution("보령특례시", null, InstitutionKind.CITY, null, "34", null, null, null)),
                List.of(), false, null);
        registry.reorganize(rename);
        assertThatThrownBy(() -> registry.reorganize(rename)).isInstanceOf(UserFacingException.class)
                .extracting("messageKey").isEqualTo("reorg.predecessor.notValid");
        var earlier = new Reorganization(ChangeType.RENAMED, day.minusMonths(1), List.of(boryeong),
                List.of(new NewInstitution("보령특례시", null, InstitutionKind.CITY, null, "34", null, null, null)),
                List.of(), false, null);
        assertThatThrownBy(() -> registry.reorganize(earlier)).isInstanceOf(UserFacingException.class);
        assertThat(registry.search(new InstitutionQuery(day, null, null, "34", "보령", false), 0, 5).total()).isEqualTo(1);
    }

    @Test
    void theApiAnswersMissingOrUnreadableFieldsWithKoreanProblemsNot500() {
        var http = adminApi();
        var noKind = http.postJson("/api/v1/institutions", Map.of("name", "어느 기관"));
        assertThat(noKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var localKind = http.postJson("/api/v1/institutions", Map.of("name", "서울특별시2", "kind", "SPECIAL_CITY"));
        assertThat(localKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) localKind.getBody().get("detail")).contains("중앙행정기관");
        var unreadable = http.raw().post().uri("/api/v1/reorganizations").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{\"type\": \"MERGED\", \"effectiveOn\": \"not a date\"").retrieve().toEntity(Map.class);
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unreadable.getBody().get("detail")).contains("JSON");
        var noType = http.postJson("/api/v1/reorganizations", Map.of("predecessorIds", List.of(1)));
        assertThat(noType.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        var deepPage = http.getJson("/api/v1/institutions?page=200000000&size=500");
        assertThat(deepPage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void splitsOffANewDistrictWhileTheOldOneContinues() {
        // 대전광역시 (region 25) 서구
        long seo = registry.search(new InstitutionQuery(LocalDate.of(2027, 1, 1), null, null, "25", "서구", false), 0, 5)
                .items().getFirst().id();
        LocalDate day = LocalDate.of(2028, 1, 1);
        InstitutionSummary parent = registry.get(seo, day);
        List<Long> ids = registry.reorganize(new Reorganization(ChangeType.SPLIT_OFF, day, List.of(seo),
                List.of(basic("새서구", parent.regionCode())), List.of(), false, null));
        assertThat(registry.get(seo, day).validTo()).isNull();
        assertThat(registry.detail(ids.getFirst(), day).predecessors()).singleElement()
                .extracting(LineageLink::type).isEqualTo(ChangeType.SPLIT_OFF);
    }

    @Test
    void anAdministratorAddsACentralAgencyAndDuplicatesAreRefused() {
        long id = registry.add(new NewInstitution("행정안전부", "Ministry of the Interior and Safety",
                InstitutionKind.CENTRAL_AGENCY, "1741000", null, null, null, null));
        assertThat(registry.get(id, LocalDate.of(2026, 11, 23)).level()).isEqualTo(InstitutionLevel.CENTRAL);
        assertThatThrownBy(() -> registry.add(new NewInstitution("행정안전부 사본", null, InstitutionKind.CENTRAL_AGENCY,
                        "1741000", null, null, null, null)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("institution.orgCode.inUse");

        var http = adminApi();
        var bad = http.postJson("/api/v1/institutions", Map.of("name", " ", "kind", "CENTRAL_AGENCY"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) bad.getBody().get("detail")).isEqualTo("기관명을 입력해 주세요.");

        var created = http.postJson("/api/v1/institutions",
                Map.of("name", "서울특별시교육청", "kind", "EDUCATION_OFFICE", "orgCode", "7010000"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("levelLabel", "교육청");
    }

    @Test
    void definesTheStandardGroupsAsOfADateAndFreezesTheirMembers() {
        List<Long> ids = groups.defineStandard("LG-2024", LocalDate.of(2024, 12, 31));
        assertThat(ids).hasSize(4);
        assertThat(ids.stream().map(groups::get).map(EvaluationGroup::memberCount).toList())
                .containsExactly(17L, 75L, 82L, 69L);
        assertThat(groups.get(ids.get(3)).code()).isEqualTo("LG-2024-DISTRICT");
        assertThatThrownBy(() -> groups.defineStandard("LG-2024", LocalDate.of(2024, 12, 31)))
                .isInstanceOf(UserFacingException.class).extracting("messageKey").isEqualTo("group.code.duplicate");
    }

    @Test
    void theFormKeepsWhatWasTypedOnBadInputAndRecordsAValidChange() {
        long seoul = only("서울특별시", LocalDate.of(2025, 1, 1)).id();
        var http = Http.signedIn(port, org.pyeongga.support.TestUsers.admin(accounts));
        var badDate = http.postForm("/institutions/" + seoul + "/reorganize",
                "type=RENAMED&effectiveOn=2027-02-30&successorNames=%EC%84%9C%EC%9A%B8%ED%8A%B9%EB%B3%84%EC%8B%9C%EB%AF%BC%EC%8B%9C"
                        + "&successorKinds=SPECIAL_CITY");
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(badDate.getBody()).contains("role=\"alert\"", "effectiveOn", "서울특별시민시");

        var noSuccessor = http.postForm("/institutions/" + seoul + "/reorganize", "type=RENAMED&effectiveOn=2027-03-01");
        assertThat(noSuccessor.getBody()).contains("명칭변경은 이전 기관 1곳과 새 기관 1곳이어야 합니다.");
        assertThat(only("서울특별시", LocalDate.of(2027, 3, 1)).validTo()).isNull();

        var recorded = http.postForm("/institutions/" + seoul + "/reorganize",
                "type=RENAMED&effectiveOn=2030-01-01&successorNames=%EC%84%9C%EC%9A%B8%EC%8B%9C&successorKinds=SPECIAL_CITY"
                        + "&successorRegions=11");
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(recorded.getHeaders().getLocation().toString()).contains("asOf=2030-01-01", "recorded");
        assertThat(only("서울특별시", LocalDate.of(2029, 12, 31)).validTo()).isEqualTo(LocalDate.of(2029, 12, 31));
        assertThat(only("서울시", LocalDate.of(2030, 1, 1)).regionCode()).isEqualTo("11");
    }

    private long localGovernments(InstitutionQuery query) {
        return registry.counts(query).stream()
                .filter(c -> EvaluationGroups.STANDARD_CLASSES.contains(c.evaluationClass()))
                .mapToLong(ClassCount::count).sum();
    }

    private long rows() {
        return jdbc.sql("select count(*) from organization_institution").query(Long.class).single();
    }

    private static NewInstitution basic(String name, String region) {
        return new NewInstitution(name, null, InstitutionKind.DISTRICT, null, region, null, null, null);
    }

    private InstitutionSummary only(String name, LocalDate asOf) {
        return registry.search(new InstitutionQuery(asOf, null, null, null, name, false), 0, 10).items().stream()
                .filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
