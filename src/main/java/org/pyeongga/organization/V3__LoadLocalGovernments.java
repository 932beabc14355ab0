package org.pyeongga.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads Korea's local governments (17 광역, 226 기초 and their dated changes) and the lineage between them. This is
 * reference data every deployment needs, so it is a migration: it runs once, on the embedded and on an external
 * database alike, and later changes go through imports and recorded reorganisations.
 */
@Component
class V3__LoadLocalGovernments extends BaseJavaMigration {

    static final String SEED = "registry/local-governments.csv";
    static final String LINEAGE = "registry/lineage.csv";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement insert = connection.prepareStatement(
                """
                insert into organization_institution
                    (org_code, sgis_code, region_code, name, name_en, kind, level, valid_from, valid_to, note, source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SEED')
                """,
                Statement.RETURN_GENERATED_KEYS)) {
            for (Map<String, String> row : read(SEED)) {
                InstitutionKind kind = InstitutionKind.fromKorean(row.get("kind"))
                        .orElseThrow(() -> new IllegalStateException("Unknown kind in seed: " + row));
                boolean upper = "광역".equals(row.get("level"));
                String region = upper ? row.get("sgis_code") : row.get("parent_sgis_code");
                insert.setString(1, blankToNull(row.get("org_code")));
                insert.setString(2, blankToNull(row.get("sgis_code")));
                insert.setString(3, region);
                insert.setString(4, row.get("name"));
                insert.setString(5, blankToNull(row.get("name_en")));
                insert.setString(6, kind.name());
                insert.setString(7, kind.level().name());
                setDate(insert, 8, row.get("valid_from"));
                setDate(insert, 9, row.get("valid_to"));
                insert.setString(10, blankToNull(row.get("note")));
                insert.executeUpdate();
                try (var keys = insert.getGeneratedKeys()) {
                    keys.next();
                    String key = row.get("name") + "@" + region + "@" + row.get("valid_from");
                    if (ids.put(key, keys.getLong(1)) != null) {
                        throw new IllegalStateException("Two seed rows share the key " + key);
                    }
                }
            }
        }
        try (PreparedStatement link = connection.prepareStatement(
                """
                insert into organization_succession (predecessor_id, successor_id, change_type, effective_on, note)
                values (?, ?, ?, ?, ?)
                """)) {
            for (Map<String, String> row : read(LINEAGE)) {
                link.setLong(1, idOf(ids, row.get("predecessor")));
                link.setLong(2, idOf(ids, row.get("successor")));
                link.setString(3, ChangeType.valueOf(row.get("change_type")).name());
                link.setDate(4, Date.valueOf(LocalDate.parse(row.get("effective_on"))));
                link.setString(5, row.get("note"));
                link.executeUpdate();
            }
        }
    }

    private static long idOf(Map<String, Long> ids, String key) {
        return Objects.requireNonNull(ids.get(key), () -> "Lineage names an unknown seed row: " + key);
    }

    /** The seed files are plain comma-separated UTF-8 without quoted fields (checked by a test). */
    static List<Map<String, String>> read(String resource) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var reader = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",", -1);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static void setDate(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null || value.isBlank()) {
            statement.setNull(index, Types.DATE);
        } else {
            statement.setDate(index, Date.valueOf(LocalDate.parse(value)));
        }
    }
}
