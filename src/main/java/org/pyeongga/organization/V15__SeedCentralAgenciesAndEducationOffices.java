package org.pyeongga.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the other institutions 민원서비스 종합평가 ranks: the 47 central administrative agencies (중앙행정기관) of the
 * 2024 evaluation and the 17 시·도 교육청 (with the dated renames of 강원 and 전북), from
 * {@code registry/civil-service-institutions.tsv}. Their 행정표준코드 could not be verified from the project's data, so
 * they are seeded without a code and say so in their note; importing the official code file fills the codes in by
 * name (ImportPlanner). See docs/decisions/0021-civil-service-evaluation.md.
 */
@Component
class V15__SeedCentralAgenciesAndEducationOffices extends BaseJavaMigration {

    static final String SEED = "registry/civil-service-institutions.tsv";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, Long> openedBy = new HashMap<>();
        Map<String, Long> endedIn = new HashMap<>();
        List<Object[]> renames = new ArrayList<>();
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into organization_institution
                    (org_code, region_code, name, name_en, kind, level, valid_from, valid_to, note, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SEED')
                """,
                Statement.RETURN_GENERATED_KEYS)) {
            for (Map<String, String> row : read(SEED)) {
                InstitutionKind kind = InstitutionKind.fromKorean(row.get("kind"))
                        .filter(k -> k == InstitutionKind.CENTRAL_AGENCY || k == InstitutionKind.EDUCATION_OFFICE)
                        .orElseThrow(() -> new IllegalStateException("Unexpected kind in seed: " + row));
                insert.setString(1, V3__LoadLocalGovernments.blankToNull(row.get("org_code")));
                insert.setString(2, V3__LoadLocalGovernments.blankToNull(row.get("region_code")));
                insert.setString(3, row.get("name"));
                insert.setString(4, V3__LoadLocalGovernments.blankToNull(row.get("name_en")));
                insert.setString(5, kind.name());
                insert.setString(6, kind.level().name());
                V3__LoadLocalGovernments.setDate(insert, 7, row.get("valid_from"));
                V3__LoadLocalGovernments.setDate(insert, 8, row.get("valid_to"));
                insert.setString(9, V3__LoadLocalGovernments.blankToNull(row.get("note")));
                insert.executeUpdate();
                long id;
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                String region = row.get("region_code");
                if (!row.get("valid_to").isBlank()) {
                    endedIn.put(region, id);
                }
                if (!row.get("valid_from").isBlank()) {
                    openedBy.put(region, id);
                    renames.add(new Object[] {region, LocalDate.parse(row.get("valid_from"))});
                }
            }
        }
        // an education office renamed with its 광역 (강원 2023, 전북 2024): the old row hands on to the new one
        try (PreparedStatement link = connection.prepareStatement(
                """
                insert into organization_succession (predecessor_id, successor_id, change_type, effective_on, note)
                values (?, ?, 'RENAMED', ?, ?)
                """)) {
            for (Object[] rename : renames) {
                String region = (String) rename[0];
                Long predecessor = endedIn.get(region);
                if (predecessor == null) {
                    throw new IllegalStateException(SEED + ": a dated row without its predecessor in region " + region);
                }
                link.setLong(1, predecessor);
                link.setLong(2, openedBy.get(region));
                link.setDate(3, Date.valueOf((LocalDate) rename[1]));
                link.setString(4, "광역 명칭 변경에 따른 교육청 명칭 변경");
                link.executeUpdate();
            }
        }
    }

    /** Tab-separated UTF-8 (English names hold commas), a header line, no quoting. */
    static List<Map<String, String>> read(String resource) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split("\t", -1);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != header.length) {
                    throw new IllegalStateException(resource + ": wrong number of columns in " + line);
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], cells[i].strip());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
