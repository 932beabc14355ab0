package org.pyeongga.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** The seeded registry answered "as of a date", through the module API and over REST. Reads only. */
@IntegrationTest
class RegistryIntegrationTests {

    @Autowired
    InstitutionRegistry registry;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void countsTheLocalGovernmentsEveryMoisEvaluationOf2024CoversAndTheOtherCivilServiceTypes() {
        var query = InstitutionQuery.asOf(LocalDate.of(2024, 12, 31));
        // 243 local governments + 47 central agencies + 17 education offices (V15): the 307 of 민원서비스 종합평가
        assertThat(registry.search(query, 0, 10).total()).isEqualTo(307);
        assertThat(registry.counts(query)).containsExactly(
                new ClassCount("METROPOLITAN", 17), new ClassCount("CITY", 75),
                new ClassCount("COUNTY", 82), new ClassCount("DISTRICT", 69),
                new ClassCount("CENTRAL", 47), new ClassCount("EDUCATION", 17));
    }

    @Test
    void countsIncheonsReorganisationFromJuly2026() {
        var query = InstitutionQuery.asOf(LocalDate.of(2026, 11, 23));
        assertThat(registry.search(query, 0, 10).total()).isEqualTo(244 + 64);
        assertThat(registry.counts(query)).contains(new ClassCount("DISTRICT", 70), new ClassCount("METROPOLITAN", 17));
        var dayBefore = InstitutionQuery.asOf(LocalDate.of(2026, 6, 30));
        assertThat(registry.search(dayBefore, 0, 10).total()).isEqualTo(243 + 64);
    }

    @Test
    void apiReturnsInstitutionsAsOfADateWithGroupedCounts() {
        var page = http.getJson("/api/v1/institutions?asOf=2024-12-31").getBody();
        assertThat(page).containsEntry("total", 307);
        assertThat(page.get("countsByClass")).isEqualTo(Map.of("METROPOLITAN", 17, "CITY", 75, "COUNTY", 82,
                "DISTRICT", 69, "CENTRAL", 47, "EDUCATION", 17));
        assertThat((List<?>) page.get("items")).hasSize(307);

        var today = http.getJson("/api/v1/institutions?asOf=2026-11-23&size=1").getBody();
        assertThat(today).containsEntry("total", 244 + 64);
        assertThat(today.get("countsByClass")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("DISTRICT", 70);
    }

    @Test
    void showsABasicGovernmentUnderTheProvinceNameOfTheDate() {
        var before = registry.search(new InstitutionQuery(LocalDate.of(2022, 1, 1), null, null, null, "춘천시", false), 0, 5);
        var after = registry.search(new InstitutionQuery(LocalDate.of(2024, 1, 1), null, null, null, "춘천시", false), 0, 5);
        assertThat(before.items()).singleElement().extracting(InstitutionSummary::displayName).isEqualTo("강원도 춘천시");
        assertThat(after.items()).singleElement().extracting(InstitutionSummary::displayName).isEqualTo("강원특별자치도 춘천시");
    }

    @Test
    void filtersByKindAndProvince() {
        var counties = registry.search(new InstitutionQuery(LocalDate.of(2024, 12, 31), null, InstitutionKind.COUNTY,
                "34", null, false), 0, 50);
        assertThat(counties.items()).extracting(InstitutionSummary::name)
                .containsExactlyInAnyOrder("금산군", "부여군", "서천군", "청양군", "홍성군", "예산군", "태안군");
        var gunwiBefore = registry.search(new InstitutionQuery(LocalDate.of(2023, 6, 30), null, null, "22", "군위군", false), 0, 5);
        var gunwiAfter = registry.search(new InstitutionQuery(LocalDate.of(2023, 7, 1), null, null, "22", "군위군", false), 0, 5);
        assertThat(gunwiBefore.total()).isZero();
        assertThat(gunwiAfter.items()).singleElement().extracting(InstitutionSummary::displayName).isEqualTo("대구광역시 군위군");
    }

    @Test
    void keepsTheLineageOfRenamesMovesAndTheIncheonReorganisation() {
        long jemulpo = only("제물포구", LocalDate.of(2026, 11, 23)).id();
        InstitutionDetail detail = registry.detail(jemulpo, LocalDate.of(2026, 11, 23));
        assertThat(detail.predecessors()).extracting(l -> l.other().name(), LineageLink::type)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("중구", ChangeType.REORGANIZED),
                        org.assertj.core.groups.Tuple.tuple("동구", ChangeType.REORGANIZED));
        assertThat(detail.lineage()).extracting(InstitutionSummary::name).contains("중구", "동구", "제물포구", "영종구");

        long gangwon = only("강원특별자치도", LocalDate.of(2024, 1, 1)).id();
        var history = registry.detail(gangwon, LocalDate.of(2024, 1, 1));
        assertThat(history.lineage()).extracting(InstitutionSummary::name).containsExactly("강원도", "강원특별자치도");
        assertThat(history.predecessors()).singleElement()
                .satisfies(l -> assertThat(l.effectiveOn()).isEqualTo(LocalDate.of(2023, 6, 11)));
        assertThat(history.members()).hasSize(18);

        long geomdan = only("검단구", LocalDate.of(2026, 11, 23)).id();
        assertThat(registry.detail(geomdan, LocalDate.of(2026, 11, 23)).predecessors()).singleElement()
                .satisfies(l -> {
                    assertThat(l.type()).isEqualTo(ChangeType.SPLIT_OFF);
                    assertThat(l.other().name()).isEqualTo("서구");
                    assertThat(l.other().validTo()).isNull(); // 서구 continues
                });
    }

    @Test
    void answersBadInputWithAKoreanProblemDetailAndChangesNothing() {
        var bad = http.getJson("/api/v1/institutions?asOf=2024-13-45");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) bad.getBody().get("detail")).contains("asOf", "올바르지 않습니다");
        assertThat((String) bad.getBody().get("detailEn")).contains("not valid");

        var unknown = http.getJson("/api/v1/institutions/999999");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) unknown.getBody().get("detail")).contains("찾을 수 없습니다");

        var paging = http.getJson("/api/v1/institutions?size=100000");
        assertThat(paging.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        var kind = http.getJson("/api/v1/institutions?kind=CASTLE");
        assertThat(kind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) kind.getBody().get("detail")).contains("kind");
    }

    @Test
    void pagesShowFriendlyKoreanErrorsWithoutInternals() {
        var missing = http.getPage("/institutions/999999");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains("기관을 찾을 수 없습니다", "lang=\"ko\"").doesNotContain("Exception", "at org.");

        var unknownPage = http.getPage("/no/such/page");
        assertThat(unknownPage.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownPage.getBody()).contains("페이지를 찾을 수 없습니다").doesNotContain("Whitelabel", "Exception");

        var badDate = http.getPage("/institutions?asOf=yesterday");
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).contains("asOf").doesNotContain("Exception");
    }

    @Test
    void servesEveryPageInKoreanAndInEnglish() {
        for (String path : List.of("/", "/institutions", "/groups", "/login")) {
            var korean = http.getPage(path);
            assertThat(korean.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(korean.getBody()).as(path).contains("lang=\"ko\"");
            var english = http.getPage(path + "?lang=en");
            assertThat(english.getBody()).as(path).contains("lang=\"en\"").contains("Pyeongga");
        }
    }

    @Test
    void administrationPagesAskToSignInFirst() {
        for (String path : List.of("/admin/imports", "/institutions/new", "/institutions/1/reorganize")) {
            var page = http.getPage(path);
            assertThat(page.getStatusCode()).as(path).isEqualTo(HttpStatus.FOUND);
            assertThat(page.getHeaders().getLocation().getPath()).as(path).isEqualTo("/login");
        }
        var write = http.postJson("/api/v1/institutions", Map.of("name", "무단 기관", "kind", "CENTRAL_AGENCY"));
        assertThat(write.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat((String) write.getBody().get("detail")).contains("로그인이 필요합니다");
    }

    @Test
    void sendsSecurityHeadersWithAStrictContentSecurityPolicy() {
        var page = http.getPage("/institutions");
        String csp = page.getHeaders().getFirst("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(csp).doesNotContainPattern("script-src[^;]*unsafe-inline");
        assertThat(page.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void publishesTheOpenApiDescription() {
        var docs = http.getJson("/api-docs");
        assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(docs.getBody().get("paths")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKeys(
                "/api/v1/institutions", "/api/v1/institutions/{id}", "/api/v1/imports", "/api/v1/imports/{id}/confirm",
                "/api/v1/reorganizations", "/api/v1/groups");
    }

    private InstitutionSummary only(String name, LocalDate asOf) {
        return registry.search(new InstitutionQuery(asOf, null, null, null, name, false), 0, 5).items().stream()
                .filter(i -> i.name().equals(name))
                .reduce((a, b) -> { throw new AssertionError("more than one " + name); })
                .orElseThrow();
    }
}
