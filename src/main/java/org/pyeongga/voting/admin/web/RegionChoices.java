package org.pyeongga.voting.admin.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pyeongga.organization.InstitutionLevel;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.organization.InstitutionSummary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The regions a REGION ballot can be limited to: the registry's 시·도 and 시·군·구 (as of today), each with the prefix
 * of the 행정구역 code an identity check reports as residence (보령시 → 44180). The registry keys places by SGIS code,
 * so {@code voting/region-codes.csv} maps one to the other: every 시·도 (current codes: 강원 51, 전북 52) and every
 * current 시·군·구 with an SGIS code (195), except those whose current 법정동 code is not confirmed: 광주광역시 and
 * 전라남도 (reported merged into 전남광주통합특별시 with new 12xxx codes on 2026-07-01, not yet in the registry) and
 * 인천 서구 (검단구 split off, rest reported renamed 서해구). Places without an SGIS code (대구 군위군 since 2023, the new
 * 인천 구) cannot have a line. A 시 with 일반구 has its 4-digit prefix (천안시 4413 matches 44131 and 44133). A place
 * without a line is not offered (add the line to offer it); {@code RegionCodesTests} checks the file.
 */
@Component
class RegionChoices {

    /** A region as the form offers it: the residence-code prefix and the registry's name. */
    public record Region(String prefix, String label, boolean province) {}

    private final InstitutionRegistry registry;
    private final Map<String, String> prefixBySgis;

    RegionChoices(InstitutionRegistry registry) {
        this.registry = registry;
        this.prefixBySgis = load();
    }

    List<Region> regions() {
        var today = registry.today();
        List<Region> regions = new ArrayList<>();
        for (InstitutionLevel level : List.of(InstitutionLevel.METROPOLITAN, InstitutionLevel.BASIC)) {
            var query = new InstitutionQuery(today, level, null, null, null, false);
            for (InstitutionSummary i : registry.search(query, 0, 500).items()) {
                String prefix = i.sgisCode() == null ? null : prefixBySgis.get(i.sgisCode());
                if (prefix != null) {
                    regions.add(new Region(prefix, i.displayName(), level == InstitutionLevel.METROPOLITAN));
                }
            }
        }
        regions.sort(Comparator.comparing(Region::prefix));
        return regions;
    }

    /** The registry's name for a prefix, or the prefix itself when no place has it. */
    String label(String prefix) {
        return regions().stream().filter(r -> r.prefix().equals(prefix)).map(Region::label).findFirst().orElse(prefix);
    }

    private static Map<String, String> load() {
        Map<String, String> map = new LinkedHashMap<>();
        try (var reader = new java.io.BufferedReader(new InputStreamReader(
                new ClassPathResource("voting/region-codes.csv").getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
                String[] cells = line.split(",");
                map.put(cells[0], cells[1]);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
