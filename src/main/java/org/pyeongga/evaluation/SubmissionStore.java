package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for institutions' submissions: confirmation, case summaries (성과요약서), evidence files and entered values. */
@Repository
class SubmissionStore {

    private final JdbcClient jdbc;

    SubmissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Status(boolean confirmed, @Nullable String confirmedBy, @Nullable Instant confirmedAt) {}

    record Value(BigDecimal value, String enteredBy, Instant enteredAt) {}

    record CaseSummary(String title, String body, String writtenBy, Instant writtenAt) {}

    record EvidenceRow(long id, String indicatorCode, String fileName, EvidenceType type, long sizeBytes, String sha256,
            String uploadedBy, Instant uploadedAt, String verification) {}

    record EvidenceFile(long id, String fileName, EvidenceType type, byte[] content) {}

    Optional<Status> status(long cycleId, long institutionId) {
        return jdbc.sql("""
                        select status, confirmed_by, confirmed_at from evaluation_submission
                         where cycle_id = :c and institution_id = :i
                        """)
                .param("c", cycleId).param("i", institutionId)
                .query((rs, n) -> new Status(rs.getString(1).equals("CONFIRMED"), rs.getString(2), instant(rs.getTimestamp(3))))
                .optional();
    }

    boolean isConfirmed(long cycleId, long institutionId) {
        return status(cycleId, institutionId).map(Status::confirmed).orElse(false);
    }

    /** Marks the submission confirmed; false when it already was (a concurrent confirmation). */
    boolean confirm(long cycleId, long institutionId, String by) {
        return jdbc.sql("""
                        insert into evaluation_submission (cycle_id, institution_id, status, confirmed_by, confirmed_at)
                        values (:c, :i, 'CONFIRMED', :by, now())
                        on conflict (cycle_id, institution_id) do update
                           set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = now(), updated_at = now()
                         where evaluation_submission.status = 'DRAFT'
                        """)
                .param("c", cycleId).param("i", institutionId).param("by", by).update() == 1;
    }

    boolean withdraw(long cycleId, long institutionId) {
        return jdbc.sql("""
                        update evaluation_submission set status = 'DRAFT', confirmed_by = null, confirmed_at = null,
                               updated_at = now()
                         where cycle_id = :c and institution_id = :i and status = 'CONFIRMED'
                        """)
                .param("c", cycleId).param("i", institutionId).update() == 1;
    }

    /** Notes a change to the submission (creating its draft row on the first change). */
    void touch(long cycleId, long institutionId) {
        jdbc.sql("""
                        insert into evaluation_submission (cycle_id, institution_id) values (:c, :i)
                        on conflict (cycle_id, institution_id) do update set updated_at = now()
                        """)
                .param("c", cycleId).param("i", institutionId).update();
    }

    Map<String, Value> values(long cycleId, long institutionId) {
        Map<String, Value> values = new HashMap<>();
        jdbc.sql("""
                        select i.code, v.value, v.entered_by, v.entered_at from evaluation_value v
                          join evaluation_indicator i on i.id = v.indicator_id
                         where v.cycle_id = :c and v.institution_id = :i
                        """)
                .param("c", cycleId).param("i", institutionId)
                .query(rs -> {
                    values.put(rs.getString(1), new Value(rs.getBigDecimal(2).stripTrailingZeros(), rs.getString(3), rs.getTimestamp(4).toInstant()));
                });
        return values;
    }

    Map<String, CaseSummary> caseSummaries(long cycleId, long institutionId) {
        Map<String, CaseSummary> summaries = new HashMap<>();
        jdbc.sql("""
                        select i.code, s.title, s.body, s.written_by, s.written_at from evaluation_case_summary s
                          join evaluation_indicator i on i.id = s.indicator_id
                         where s.cycle_id = :c and s.institution_id = :i
                        """)
                .param("c", cycleId).param("i", institutionId)
                .query(rs -> {
                    summaries.put(rs.getString(1), new CaseSummary(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                });
        return summaries;
    }

    boolean upsertCaseSummary(long cycleId, long institutionId, String indicatorCode, String title, String body, String by) {
        return jdbc.sql("""
                        insert into evaluation_case_summary (cycle_id, institution_id, indicator_id, title, body, written_by)
                        select :c, :i, id, :t, :b, :by from evaluation_indicator where cycle_id = :c and code = :code
                        on conflict (cycle_id, institution_id, indicator_id)
                        do update set title = excluded.title, body = excluded.body, written_by = excluded.written_by,
                                      written_at = now()
                        """)
                .param("c", cycleId).param("i", institutionId).param("code", indicatorCode).param("t", title)
                .param("b", body).param("by", by).update() == 1;
    }

    List<EvidenceRow> evidence(long cycleId, long institutionId) {
        return jdbc.sql("""
                        select e.id, i.code, e.file_name, e.content_type, e.size_bytes, e.sha256, e.uploaded_by, e.uploaded_at,
                               e.verification
                          from evaluation_evidence e join evaluation_indicator i on i.id = e.indicator_id
                         where e.cycle_id = :c and e.institution_id = :i
                         order by i.position, e.uploaded_at, e.id
                        """)
                .param("c", cycleId).param("i", institutionId)
                .query((rs, n) -> new EvidenceRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        EvidenceType.valueOf(rs.getString(4)), rs.getLong(5), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getString(9)))
                .list();
    }

    long totalBytes(long cycleId, long institutionId) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from evaluation_evidence where cycle_id = :c and institution_id = :i")
                .param("c", cycleId).param("i", institutionId).query(Long.class).single();
    }

    /** Serializes changes of one institution in one cycle (until the transaction ends): size limit, lock, confirmation. */
    void lockInstitution(long cycleId, long institutionId) {
        jdbc.sql("select pg_advisory_xact_lock(:c, :i)").param("c", (int) cycleId).param("i", (int) institutionId)
                .query(Object.class).single();
    }

    Optional<Long> insertEvidence(long cycleId, long institutionId, String indicatorCode, String fileName, EvidenceType type,
            byte[] content, String sha256, String by) {
        var keys = new GeneratedKeyHolder();
        int rows = jdbc.sql("""
                        insert into evaluation_evidence (cycle_id, institution_id, indicator_id, file_name, content_type,
                                                         size_bytes, sha256, content, uploaded_by)
                        select :c, :i, id, :name, :type, :size, :sha, :content, :by
                          from evaluation_indicator where cycle_id = :c and code = :code
                        """)
                .param("c", cycleId).param("i", institutionId).param("code", indicatorCode).param("name", fileName)
                .param("type", type.name()).param("size", (long) content.length).param("sha", sha256)
                .param("content", content).param("by", by)
                .update(keys, "id");
        return rows == 1 ? Optional.of(keys.getKeyAs(Long.class)) : Optional.empty();
    }

    Optional<EvidenceFile> evidenceFile(long cycleId, long institutionId, long evidenceId) {
        return jdbc.sql("""
                        select id, file_name, content_type, content from evaluation_evidence
                         where id = :id and cycle_id = :c and institution_id = :i
                        """)
                .param("id", evidenceId).param("c", cycleId).param("i", institutionId)
                .query((rs, n) -> new EvidenceFile(rs.getLong(1), rs.getString(2), EvidenceType.valueOf(rs.getString(3)),
                        rs.getBytes(4)))
                .optional();
    }

    Optional<String> deleteEvidence(long cycleId, long institutionId, long evidenceId) {
        return jdbc.sql("""
                        delete from evaluation_evidence where id = :id and cycle_id = :c and institution_id = :i
                        returning file_name
                        """)
                .param("id", evidenceId).param("c", cycleId).param("i", institutionId).query(String.class).optional();
    }

    /** One target institution's state in a cycle, for the administrators' progress list. */
    record Progress(long institutionId, String group, String name, @Nullable String status, @Nullable Instant confirmedAt,
            int values, int evidence, int summaries) {}

    List<Progress> progress(long cycleId) {
        return jdbc.sql("""
                        select t.institution_id, t.group_name, t.institution_name, s.status, s.confirmed_at,
                               (select count(*) from evaluation_value v where v.cycle_id = t.cycle_id
                                   and v.institution_id = t.institution_id) as vals,
                               (select count(*) from evaluation_evidence e where e.cycle_id = t.cycle_id
                                   and e.institution_id = t.institution_id) as files,
                               (select count(*) from evaluation_case_summary c where c.cycle_id = t.cycle_id
                                   and c.institution_id = t.institution_id) as summaries
                          from evaluation_target t
                          left join evaluation_submission s on s.cycle_id = t.cycle_id and s.institution_id = t.institution_id
                         where t.cycle_id = :c
                         order by t.group_name, t.institution_name
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new Progress(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5)), rs.getInt(6), rs.getInt(7), rs.getInt(8)))
                .list();
    }

    /** A cycle in which one of the given institutions is a target and the submission stage is scheduled. */
    record OpenCycle(long cycleId, String programName, String label, long institutionId, String institutionName,
            Instant opensAt, Instant closesAt, @Nullable String status) {}

    List<OpenCycle> cyclesFor(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, p.name, c.label, t.institution_id, t.institution_name, st.opens_at, st.closes_at, s.status
                          from evaluation_target t
                          join evaluation_cycle c on c.id = t.cycle_id
                          join evaluation_program p on p.id = c.program_id
                          join evaluation_stage st on st.cycle_id = c.id and st.stage = 'SUBMISSION'
                          left join evaluation_submission s on s.cycle_id = t.cycle_id and s.institution_id = t.institution_id
                         where t.institution_id in (:ids)
                         order by st.closes_at desc, p.name, c.label
                        """)
                .param("ids", institutionIds)
                .query((rs, n) -> new OpenCycle(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    /** Cycles with a submission stage, for the administrators' list. */
    record StagedCycle(long cycleId, String programName, String label, Instant opensAt, Instant closesAt) {}

    List<StagedCycle> stagedCycles() {
        return jdbc.sql("""
                        select c.id, p.name, c.label, st.opens_at, st.closes_at
                          from evaluation_cycle c
                          join evaluation_program p on p.id = c.program_id
                          join evaluation_stage st on st.cycle_id = c.id and st.stage = 'SUBMISSION'
                         order by st.closes_at desc, p.name, c.label
                        """)
                .query((rs, n) -> new StagedCycle(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** What the framework editor adds to an indicator: its formula (computed), its evidence note and requirement. */
    record IndicatorExtra(@Nullable String formula, @Nullable String evidence, boolean evidenceRequired) {}

    Map<String, IndicatorExtra> indicatorExtras(long cycleId) {
        Map<String, IndicatorExtra> extras = new HashMap<>();
        jdbc.sql("select code, formula, evidence, evidence_required from evaluation_indicator where cycle_id = :c")
                .param("c", cycleId)
                .query(rs -> {
                    extras.put(rs.getString(1), new IndicatorExtra(rs.getString(2), rs.getString(3), rs.getBoolean(4)));
                });
        return extras;
    }

    Optional<Long> programByCode(String code) {
        return jdbc.sql("select id from evaluation_program where code = :c").param("c", code).query(Long.class).optional();
    }

    Optional<Long> cycleByLabel(long programId, String label) {
        return jdbc.sql("select id from evaluation_cycle where program_id = :p and label = :l").param("p", programId)
                .param("l", label).query(Long.class).optional();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
