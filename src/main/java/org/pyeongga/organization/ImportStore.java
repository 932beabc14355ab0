package org.pyeongga.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for staged imports and their preview lines. */
@Repository
class ImportStore {

    private static final String STATUS = """
            select id, file_name, file_sha256, file_format, effective_on, status, total_rows, processed_rows,
                   count_new, count_changed, count_ended, count_unchanged, count_skipped, count_errors,
                   created_at, applied_at, failure_key
              from organization_import
            """;

    private static final int BATCH = 5_000;
    /** Unit separator: joins a line's message arguments into one array element (removed from the arguments first). */
    private static final String ARG_SEPARATOR = "\u001f";

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void create(UUID id, String fileName, String sha256, byte[] content, LocalDate effectiveOn) {
        jdbc.sql("""
                        insert into organization_import (id, file_name, file_sha256, content, effective_on, status)
                        values (:id, :name, :sha, :content, :eff, 'ANALYZING')
                        """)
                .param("id", id)
                .param("name", fileName)
                .param("sha", sha256)
                .param("content", content)
                .param("eff", effectiveOn)
                .update();
    }

    Optional<ImportStatus> find(UUID id) {
        return jdbc.sql(STATUS + " where id = :id").param("id", id).query(ImportStore::status).optional();
    }

    List<ImportStatus> recent(int limit) {
        return jdbc.sql(STATUS + " order by created_at desc limit :n").param("n", limit).query(ImportStore::status).list();
    }

    byte[] content(UUID id) {
        return jdbc.sql("select content from organization_import where id = :id").param("id", id).query(byte[].class).single();
    }

    void progress(UUID id, int total, int processed) {
        jdbc.sql("update organization_import set total_rows = :t, processed_rows = :p where id = :id")
                .param("t", total)
                .param("p", processed)
                .param("id", id)
                .update();
    }

    /** Moves PREVIEW → APPLYING once; false if someone else confirmed first or the import is not a preview. */
    boolean startApplying(UUID id) {
        return jdbc.sql("""
                        update organization_import set status = 'APPLYING', processed_rows = 0, failure_key = null
                         where id = :id and status = 'PREVIEW' and count_errors = 0
                        """)
                .param("id", id)
                .update() == 1;
    }

    void saveResult(UUID id, ImportStatus.State state, @Nullable String format, ImportPlanner.Plan plan, int totalRows,
            @Nullable String failureKey) {
        jdbc.sql("delete from organization_import_line where import_id = :id").param("id", id).update();
        // Batched: the national code list has tens of thousands of rows.
        List<ImportLine> lines = plan.lines();
        for (int from = 0; from < lines.size(); from += BATCH) {
            List<ImportLine> batch = lines.subList(from, Math.min(lines.size(), from + BATCH));
            int first = from;
            jdbc.sql("""
                            insert into organization_import_line
                                (import_id, line_no, row_number, outcome, org_code, name, institution_id, message_key, message_args)
                            select :id, t.line_no, t.row_number, t.outcome, t.org_code, t.name, t.institution_id, t.message_key,
                                   coalesce(string_to_array(t.args, chr(31)), '{}')
                              from unnest(cast(:line_no as int[]), cast(:row_number as int[]), cast(:outcome as text[]),
                                          cast(:org_code as text[]), cast(:name as text[]), cast(:institution_id as bigint[]),
                                          cast(:message_key as text[]), cast(:args as text[]))
                                   as t(line_no, row_number, outcome, org_code, name, institution_id, message_key, args)
                            """)
                    .param("id", id)
                    .param("line_no", java.util.stream.IntStream.range(0, batch.size()).map(i -> first + i + 1).boxed()
                            .toArray(Integer[]::new))
                    .param("row_number", batch.stream().map(ImportLine::rowNumber).toArray(Integer[]::new))
                    .param("outcome", batch.stream().map(l -> l.outcome().name()).toArray(String[]::new))
                    .param("org_code", batch.stream().map(ImportLine::orgCode).toArray(String[]::new))
                    .param("name", batch.stream().map(ImportLine::name).toArray(String[]::new))
                    .param("institution_id", batch.stream().map(ImportLine::institutionId).toArray(Long[]::new))
                    .param("message_key", batch.stream().map(ImportLine::messageKey).toArray(String[]::new))
                    .param("args", batch.stream().map(l -> l.messageArgs().isEmpty() ? null
                            : String.join(ARG_SEPARATOR, l.messageArgs().stream().map(a -> a.replace(ARG_SEPARATOR, " ")).toList()))
                            .toArray(String[]::new))
                    .update();
        }
        jdbc.sql("""
                        update organization_import set status = :status, file_format = :format, total_rows = :total,
                               processed_rows = :total, count_new = :n, count_changed = :c, count_ended = :e,
                               count_unchanged = :u, count_skipped = :s, count_errors = :err, failure_key = :failure,
                               applied_at = case when :status = 'APPLIED' then now() else applied_at end
                         where id = :id
                        """)
                .param("status", state.name())
                .param("format", format)
                .param("total", totalRows)
                .param("n", plan.count(ImportOutcome.NEW))
                .param("c", plan.count(ImportOutcome.CHANGED))
                .param("e", plan.count(ImportOutcome.ENDED))
                .param("u", plan.count(ImportOutcome.UNCHANGED))
                .param("s", plan.count(ImportOutcome.SKIPPED))
                .param("err", plan.count(ImportOutcome.ERROR))
                .param("failure", failureKey)
                .param("id", id)
                .update();
    }

    void rememberPreview(UUID id, String fingerprint) {
        jdbc.sql("update organization_import set plan_sha256 = :f where id = :id").param("f", fingerprint).param("id", id)
                .update();
    }

    @Nullable String previewFingerprint(UUID id) {
        return jdbc.sql("select plan_sha256 from organization_import where id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
    }

    /** Imports left "working" by a stopped process never finish: mark them failed so nobody waits on them. */
    int failInterrupted() {
        return jdbc.sql("""
                        update organization_import set status = 'FAILED', failure_key = 'import.failed.interrupted'
                         where status in ('ANALYZING', 'APPLYING')
                        """).update();
    }

    void fail(UUID id, String failureKey) {
        jdbc.sql("update organization_import set status = 'FAILED', failure_key = :k where id = :id")
                .param("k", failureKey)
                .param("id", id)
                .update();
    }

    List<ImportLine> lines(UUID id, @Nullable ImportOutcome outcome, int offset, int limit) {
        return jdbc.sql("""
                        select row_number, outcome, org_code, name, institution_id, message_key, message_args
                          from organization_import_line
                         where import_id = :id and (cast(:outcome as text) is null or outcome = :outcome)
                         order by row_number, line_no offset :offset limit :limit
                        """)
                .param("id", id)
                .param("outcome", outcome == null ? null : outcome.name())
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> new ImportLine(
                        rs.getInt("row_number"),
                        ImportOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("org_code"),
                        rs.getString("name"),
                        (Long) rs.getObject("institution_id", Long.class),
                        rs.getString("message_key"),
                        Arrays.asList((String[]) rs.getArray("message_args").getArray())))
                .list();
    }

    long countLines(UUID id, @Nullable ImportOutcome outcome) {
        return jdbc.sql("""
                        select count(*) from organization_import_line
                         where import_id = :id and (cast(:outcome as text) is null or outcome = :outcome)
                        """)
                .param("id", id)
                .param("outcome", outcome == null ? null : outcome.name())
                .query(Long.class)
                .single();
    }

    private static ImportStatus status(ResultSet rs, int n) throws SQLException {
        return new ImportStatus(
                rs.getObject("id", UUID.class),
                rs.getString("file_name"),
                rs.getString("file_sha256"),
                rs.getString("file_format"),
                rs.getObject("effective_on", LocalDate.class),
                ImportStatus.State.valueOf(rs.getString("status")),
                rs.getInt("total_rows"),
                rs.getInt("processed_rows"),
                rs.getInt("count_new"),
                rs.getInt("count_changed"),
                rs.getInt("count_ended"),
                rs.getInt("count_unchanged"),
                rs.getInt("count_skipped"),
                rs.getInt("count_errors"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("applied_at", OffsetDateTime.class),
                rs.getString("failure_key"));
    }
}
