package org.pyeongga.voting.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code voting/region-codes.csv} (SGIS code → residence-code prefix) against the local-government list the app ships
 * ({@code registry/local-governments.csv}, loaded by {@code V3__LoadLocalGovernments}). Reads both files from the
 * classpath the way {@link RegionChoices} does; no Spring context.
 */
class RegionCodesTests {

    /**
     * Current 시·군·구 with an SGIS code that deliberately have no line: their current 법정동 code could not be
     * confirmed. 광주광역시 and 전라남도 (reported merged into 전남광주통합특별시 on 2026-07-01, new 12xxx codes; the
     * registry does not carry the merger yet) and 인천 서구 (검단구 split off and the rest reported renamed 서해구 on
     * 2026-07-01). Add their lines once the registry and the official code table agree.
     */
    static final Set<String> UNCONFIRMED = Set.of("23080", "24010", "24020", "24030", "24040", "24050",
            "36010", "36020", "36030", "36040", "36060", "36310", "36320", "36330", "36350", "36360", "36370",
            "36380", "36390", "36400", "36410", "36420", "36430", "36440", "36450", "36460", "36470", "36480");

    record Place(String name, String level, String parentSgis, String sgis, String validFrom, String validTo) {
        boolean validOn(LocalDate day) {
            return (validFrom.isEmpty() || !LocalDate.parse(validFrom).isAfter(day))
                    && (validTo.isEmpty() || !LocalDate.parse(validTo).isBefore(day));
        }
    }

    static String header;
    static List<String[]> lines;
    static Map<String, String> prefixBySgis;
    static List<Place> places;

    @BeforeAll
    static void read() throws IOException {
        List<String> csv = read("voting/region-codes.csv");
        header = csv.getFirst();
        lines = new ArrayList<>();
        for (String line : csv.subList(1, csv.size())) {
            if (!line.isBlank()) {
                lines.add(line.strip().split(",", -1));
            }
        }
        prefixBySgis = new LinkedHashMap<>();
        lines.forEach(cells -> prefixBySgis.put(cells[0], cells[1]));

        List<String> seed = read("registry/local-governments.csv");
        List<String> columns = List.of(seed.getFirst().split(",", -1));
        places = new ArrayList<>();
        for (String line : seed.subList(1, seed.size())) {
            String[] c = line.split(",", -1);
            places.add(new Place(c[columns.indexOf("name")], c[columns.indexOf("level")],
                    c[columns.indexOf("parent_sgis_code")], c[columns.indexOf("sgis_code")],
                    c[columns.indexOf("valid_from")], c[columns.indexOf("valid_to")]));
        }
    }

    static List<String> read(String resource) throws IOException {
        var in = RegionCodesTests.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        }
    }

    @Test
    void everyLineIsAnSgisCodeAndANumericPrefixOfTheRightLength() {
        assertThat(header).isEqualTo("sgis_code,residence_prefix");
        assertThat(lines).hasSizeGreaterThan(200);
        for (String[] cells : lines) {
            assertThat(cells).as(String.join(",", cells)).hasSize(2);
            String sgis = cells[0];
            String prefix = cells[1];
            if (sgis.matches("\\d{2}")) {
                assertThat(prefix).as("시·도 %s", sgis).matches("\\d{2}");
            } else {
                assertThat(sgis).matches("\\d{5}");
                assertThat(prefix).as("시·군·구 %s", sgis).matches("\\d{4,5}");
            }
        }
    }

    @Test
    void noSgisCodeTwiceAndNoPrefixInsideAnother() {
        assertThat(lines.stream().map(c -> c[0])).doesNotHaveDuplicates();
        List<String> local = lines.stream().filter(c -> c[0].length() == 5).map(c -> c[1]).toList();
        assertThat(local).doesNotHaveDuplicates();
        for (String a : local) {
            for (String b : local) {
                assertThat(a.equals(b) || !b.startsWith(a)).as("%s covers %s", a, b).isTrue();
            }
        }
    }

    @Test
    void everyCodeIsAPlaceOfTheRegistryAndEveryPrefixSitsInItsProvince() {
        Map<String, Place> bySgis = new HashMap<>();
        places.stream().filter(p -> !p.sgis().isEmpty()).forEach(p -> bySgis.merge(p.sgis(), p,
                (a, b) -> a.validTo().isEmpty() ? a : b));
        for (var e : prefixBySgis.entrySet()) {
            Place place = bySgis.get(e.getKey());
            assertThat(place).as("SGIS %s in registry/local-governments.csv", e.getKey()).isNotNull();
            if (e.getKey().length() == 2) {
                assertThat(place.level()).isEqualTo("광역");
            } else {
                assertThat(place.level()).isEqualTo("기초");
                String provincePrefix = prefixBySgis.get(place.parentSgis());
                assertThat(provincePrefix).as("시·도 line for %s", place.parentSgis()).isNotNull();
                assertThat(e.getValue()).as("%s %s", e.getKey(), place.name()).startsWith(provincePrefix);
            }
        }
    }

    @Test
    void everyCurrentPlaceWithAnSgisCodeHasALineUnlessUnconfirmed() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Seoul"));
        Set<String> missing = new TreeSet<>();
        for (Place p : places) {
            if (!p.sgis().isEmpty() && p.validOn(today) && !prefixBySgis.containsKey(p.sgis())
                    && !UNCONFIRMED.contains(p.sgis())) {
                missing.add(p.sgis() + " " + p.name());
            }
        }
        assertThat(missing).isEmpty();
        assertThat(prefixBySgis.keySet()).doesNotContainAnyElementsOf(UNCONFIRMED);
    }

    @Test
    void knownPlacesResolve() {
        assertThat(prefixBySgis).containsEntry("11010", "11110") // 서울 종로구
                .containsEntry("21010", "26110") // 부산 중구
                .containsEntry("22010", "27110") // 대구 중구 (not 서울 or 부산 중구)
                .containsEntry("34030", "44180") // 보령시
                .containsEntry("32010", "51110") // 춘천시: 강원특별자치도 51, not 42
                .containsEntry("32400", "51820") // 강원 고성군 (경남 고성군 is 48820)
                .containsEntry("38340", "48820")
                .containsEntry("35010", "5211") // 전주시 with 완산구 52111 and 덕진구 52113
                .containsEntry("35020", "52130") // 군산시: 전북특별자치도 52, not 45
                .containsEntry("34010", "4413") // 천안시 with 동남구 44131 and 서북구 44133
                .containsEntry("31240", "4159") // 화성시 with its 일반구 (41591…)
                .containsEntry("31050", "4119") // 부천시 with 원미구 41192 …
                .containsEntry("29", "36") // 세종특별자치시
                .containsEntry("39", "50"); // 제주특별자치도 (제주시 50110 is a 행정시, not in the registry)
        // 군위군 moved to 대구 (27720) in 2023; its current row has no SGIS code and the old 경북 code is not current.
        assertThat(prefixBySgis).doesNotContainKey("37310");
        assertThat(prefixBySgis.values()).doesNotContain("47720", "42110", "45110");
        assertThat("4418000000").startsWith(prefixBySgis.get("34030")).startsWith(prefixBySgis.get("34"));
        assertThat("4413100000").startsWith(prefixBySgis.get("34010"));
        assertThat("4415000000").doesNotStartWith(prefixBySgis.get("34010"));
    }
}
