package org.pyeongga.evaluation;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for cross-review: the cycle's review rule, objections with answers and rulings, the value corrections they and
 * the evidence verification made; and reading (never writing) institutions' case summaries and evidence.
 */
@Repository
class ObjectionStore {

    private final JdbcClient jdbc;

    ObjectionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Rule(boolean objectorHidden, String rejectedEvidence) {
        static final Rule DEFAULT = new Rule(true, "ZERO");
    }

    Rule rule(long cycleId) {
        return jdbc.sql("select objector_hidden, rejected_evidence from evaluation_review_rule where cycle_id = :c")
                .param("c", cycleId).query((rs, n) -> new Rule(rs.getBoolean(1), rs.getString(2))).optional()
                .orElse(Rule.DEFAULT);
    }

    void upsertRule(long cycleId, Rule rule, String by) {
        jdbc.sql("""
                        insert into evaluation_review_rule (cycle_id, objector_hidden, rejected_evidence, updated_by)
                        values (:c, :h, :r, :by)
                        on conflict (cycle_id) do update set objector_hidden = excluded.objector_hidden,
                            rejected_evidence = excluded.rejected_evidence, updated_by = excluded.updated_by, updated_at = now()
                        """)
                .param("c", cycleId).param("h", rule.objectorHidden()).param("r", rule.rejectedEvidence()).param("by", by)
                .update();
    }

    record IndicatorRef(long id, String code, String name, String kind) {}

    Optional<IndicatorRef> indicator(long cycleId, String code) {
        return jdbc.sql("select id, code, name, kind from evaluation_indicator where cycle_id = :c and code = :code")
                .param("c", cycleId).param("code", code)
                .query((rs, n) -> new IndicatorRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /** Cycles in which one of the institutions is a target and some stage is scheduled. */
    List<Long> cyclesWithStagesFor(Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct t.cycle_id from evaluation_target t
                         where t.institution_id in (:i) and exists (select 1 from evaluation_stage s where s.cycle_id = t.cycle_id)
                         order by t.cycle_id desc
                        """)
                .param("i", institutionIds).query(Long.class).list();
    }

    /** Cycles with some review stage scheduled, newest first. */
    List<Long> cyclesWithStages() {
        return jdbc.sql("select distinct cycle_id from evaluation_stage order by cycle_id desc").query(Long.class).list();
    }

    // --- submissions (written by the submission pages; read here) ---

    record CaseSummary(long institutionId, String indicatorCode, String indicatorName, String title, String body,
            Instant writtenAt) {}

    List<CaseSummary> caseSummaries(long cycleId, Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select s.institution_id, i.code, i.name, s.title, s.body, s.written_at
                          from evaluation_case_summary s join evaluation_indicator i on i.id = s.indicator_id
                         where s.cycle_id = :c and s.institution_id in (:i)
                         order by s.institution_id, i.position
                        """)
                .param("c", cycleId).param("i", institutionIds)
                .query((rs, n) -> new CaseSummary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    record Evidence(long id, long cycleId, long institutionId, String indicatorCode, String indicatorName, String fileName,
            String contentType, long sizeBytes, Instant uploadedAt, String verification, @Nullable String note,
            @Nullable Instant verifiedAt) {}

    private static final String EVIDENCE = """
            select e.id, e.cycle_id, e.institution_id, i.code, i.name, e.file_name, e.content_type, e.size_bytes, e.uploaded_at,
                   e.verification, e.verification_note, e.verified_at
              from evaluation_evidence e join evaluation_indicator i on i.id = e.indicator_id
            """;

    private static Evidence evidence(ResultSet rs, int n) throws SQLException {
        var verified = rs.getTimestamp(12);
        return new Evidence(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getTimestamp(9).toInstant(), rs.getString(10), rs.getString(11),
                verified == null ? null : verified.toInstant());
    }

    List<Evidence> evidence(long cycleId, Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(EVIDENCE + " where e.cycle_id = :c and e.institution_id in (:i) order by e.institution_id, i.position, e.id")
                .param("c", cycleId).param("i", institutionIds).query(ObjectionStore::evidence).list();
    }

    List<Evidence> evidence(long cycleId) {
        return jdbc.sql(EVIDENCE + " where e.cycle_id = :c order by e.institution_id, i.position, e.id")
                .param("c", cycleId).query(ObjectionStore::evidence).list();
    }

    Optional<Evidence> evidenceItem(long evidenceId) {
        return jdbc.sql(EVIDENCE + " where e.id = :id").param("id", evidenceId).query(ObjectionStore::evidence).optional();
    }

    byte[] evidenceContent(long evidenceId) {
        return jdbc.sql("select content from evaluation_evidence where id = :id").param("id", evidenceId)
                .query(byte[].class).single();
    }

    void markEvidence(long evidenceId, String mark, @Nullable String note, String by) {
        jdbc.sql("""
                        update evaluation_evidence set verification = :m, verification_note = :note, verified_by = :by,
                               verified_at = now() where id = :id
                        """)
                .param("id", evidenceId).param("m", mark).param("note", note).param("by", by).update();
    }

    /** How many of an institution's evidence items for an indicator are not rejected. */
    int acceptedEvidence(long cycleId, long institutionId, String indicatorCode) {
        return jdbc.sql("""
                        select count(*) from evaluation_evidence e join evaluation_indicator i on i.id = e.indicator_id
                         where e.cycle_id = :c and e.institution_id = :inst and i.code = :code and e.verification <> 'REJECTED'
                        """)
                .param("c", cycleId).param("inst", institutionId).param("code", indicatorCode).query(Integer.class).single();
    }

    Optional<BigDecimal> value(long cycleId, long institutionId, String indicatorCode) {
        return jdbc.sql("""
                        select v.value from evaluation_value v join evaluation_indicator i on i.id = v.indicator_id
                         where v.cycle_id = :c and v.institution_id = :inst and i.code = :code
                        """)
                .param("c", cycleId).param("inst", institutionId).param("code", indicatorCode).query(BigDecimal.class)
                .optional();
    }

    // --- objections ---

    record ObjectionRow(long id, long cycleId, long objectorId, String objectorName, long targetId, String targetName,
            String indicatorCode, String indicatorName, String indicatorKind, String reason, Instant filedAt,
            @Nullable String answer, @Nullable Instant answeredAt, @Nullable String ruling, @Nullable String rulingReason,
            @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue, @Nullable Instant ruledAt) {}

    private static final String OBJECTIONS = """
            select o.id, o.cycle_id, o.objector_institution_id, ot.institution_name, o.target_institution_id, tt.institution_name,
                   i.code, i.name, i.kind, o.reason, o.filed_at, o.answer, o.answered_at, o.ruling, o.ruling_reason,
                   o.old_value, o.new_value, o.ruled_at
              from evaluation_objection o
              join evaluation_indicator i on i.id = o.indicator_id
              join evaluation_target ot on ot.cycle_id = o.cycle_id and ot.institution_id = o.objector_institution_id
              join evaluation_target tt on tt.cycle_id = o.cycle_id and tt.institution_id = o.target_institution_id
            """;

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ObjectionRow objection(ResultSet rs, int n) throws SQLException {
        return new ObjectionRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                rs.getString(12), instant(rs, 13), rs.getString(14), rs.getString(15), rs.getBigDecimal(16),
                rs.getBigDecimal(17), instant(rs, 18));
    }

    long insertObjection(long cycleId, long objectorId, long targetId, long indicatorId, String reason, String by) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into evaluation_objection (cycle_id, objector_institution_id, target_institution_id, indicator_id,
                                                          reason, filed_by)
                        values (:c, :o, :t, :i, :r, :by)
                        """)
                .param("c", cycleId).param("o", objectorId).param("t", targetId).param("i", indicatorId).param("r", reason)
                .param("by", by).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    Optional<ObjectionRow> objection(long id) {
        return jdbc.sql(OBJECTIONS + " where o.id = :id").param("id", id).query(ObjectionStore::objection).optional();
    }

    List<ObjectionRow> objections(long cycleId) {
        return jdbc.sql(OBJECTIONS + " where o.cycle_id = :c order by o.filed_at, o.id").param("c", cycleId)
                .query(ObjectionStore::objection).list();
    }

    /** Objections filed by or against any of the institutions. */
    List<ObjectionRow> objectionsInvolving(long cycleId, Collection<Long> institutionIds) {
        if (institutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(OBJECTIONS + """
                         where o.cycle_id = :c and (o.objector_institution_id in (:i) or o.target_institution_id in (:i))
                         order by o.filed_at, o.id
                        """)
                .param("c", cycleId).param("i", institutionIds).query(ObjectionStore::objection).list();
    }

    void answer(long id, String answer, String by) {
        jdbc.sql("update evaluation_objection set answer = :a, answered_by = :by, answered_at = now() where id = :id")
                .param("id", id).param("a", answer).param("by", by).update();
    }

    /** Records the ruling unless one exists; false when it was already ruled. */
    boolean rule(long id, String ruling, String reason, @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue, String by) {
        return jdbc.sql("""
                        update evaluation_objection set ruling = :r, ruling_reason = :reason, old_value = :old, new_value = :new,
                               ruled_by = :by, ruled_at = now()
                         where id = :id and ruling is null
                        """)
                .param("id", id).param("r", ruling).param("reason", reason).param("old", oldValue).param("new", newValue)
                .param("by", by).update() == 1;
    }

    // --- corrections ---

    record Correction(long id, long institutionId, String institutionName, String indicatorCode, String indicatorName,
            String source, long sourceId, String kind, @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue,
            String reason, Instant correctedAt) {}

    void insertCorrection(long cycleId, long institutionId, String indicatorCode, String source, long sourceId, String kind,
            @Nullable BigDecimal oldValue, @Nullable BigDecimal newValue, String reason, String by) {
        jdbc.sql("""
                        insert into evaluation_value_correction (cycle_id, institution_id, indicator_id, source, source_id, kind,
                                                                 old_value, new_value, reason, corrected_by)
                        select :c, :inst, id, :src, :sid, :kind, :old, :new, :reason, :by
                          from evaluation_indicator where cycle_id = :c and code = :code
                        """)
                .param("c", cycleId).param("inst", institutionId).param("code", indicatorCode).param("src", source)
                .param("sid", sourceId).param("kind", kind).param("old", oldValue).param("new", newValue)
                .param("reason", reason).param("by", by).update();
    }

    List<Correction> corrections(long cycleId) {
        return jdbc.sql("""
                        select c.id, c.institution_id, t.institution_name, i.code, i.name, c.source, c.source_id, c.kind,
                               c.old_value, c.new_value, c.reason, c.corrected_at
                          from evaluation_value_correction c
                          join evaluation_indicator i on i.id = c.indicator_id
                          join evaluation_target t on t.cycle_id = c.cycle_id and t.institution_id = c.institution_id
                         where c.cycle_id = :c order by c.corrected_at, c.id
                        """)
                .param("c", cycleId)
                .query((rs, n) -> new Correction(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getBigDecimal(9),
                        rs.getBigDecimal(10), rs.getString(11), rs.getTimestamp(12).toInstant()))
                .list();
    }
}
