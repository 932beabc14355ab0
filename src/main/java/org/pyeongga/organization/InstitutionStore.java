package org.pyeongga.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for institutions and their lineage. Every read is "as of a date" unless it says otherwise. */
@Repository
class InstitutionStore {

    /**
     * The columns of a summary. A 기초's province is the 광역 with its region code that is valid on the date asked
     * for, clamped into the 기초's own validity so that an ended row shows the province it had.
     */
    private static final String SUMMARY = """
            select i.id, i.org_code, i.sgis_code, i.region_code, i.name, i.name_en, i.full_name, i.kind,
                   i.valid_from, i.valid_to, i.note, p.name as province_name
              from organization_institution i
              left join lateral (
                  select m.name from organization_institution m
                   where i.level = 'BASIC' and m.level = 'METROPOLITAN' and m.region_code = i.region_code
                     and (m.valid_from is null or m.valid_from <= least(greatest(:d, coalesce(i.valid_from, :d)), coalesce(i.valid_to, :d)))
                     and (m.valid_to is null or m.valid_to >= least(greatest(:d, coalesce(i.valid_from, :d)), coalesce(i.valid_to, :d)))
                   order by m.valid_from desc nulls last
                   limit 1) p on true
            """;

    private static final String ORDER = """
             order by case i.level when 'METROPOLITAN' then 0 when 'BASIC' then 1 when 'CENTRAL' then 2
                      when 'EDUCATION' then 3 when 'PUBLIC' then 4 else 5 end,
                      i.region_code nulls last,
                      case i.kind when 'CITY' then 0 when 'COUNTY' then 1 when 'DISTRICT' then 2 else 3 end,
                      coalesce(i.sgis_code, '99999'), i.name, i.valid_from nulls first, i.id
            """;

    private final JdbcClient jdbc;

    InstitutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<InstitutionSummary> search(InstitutionQuery query, int offset, int limit) {
        Where where = where(query);
        return jdbc.sql(SUMMARY + where.sql + ORDER + " offset :offset limit :limit")
                .params(where.params)
                .param("d", query.asOf())
                .param("offset", offset)
                .param("limit", limit)
                .query(InstitutionStore::summary)
                .list();
    }

    long count(InstitutionQuery query) {
        Where where = where(query);
        return jdbc.sql("select count(*) from organization_institution i" + where.sql)
                .params(where.params)
                .query(Long.class)
                .single();
    }

    /** Counts per kind for the query; the caller folds kinds into evaluation classes. */
    List<KindCount> countByKind(InstitutionQuery query) {
        Where where = where(query);
        return jdbc.sql("select i.kind, count(*) as n from organization_institution i" + where.sql + " group by i.kind")
                .params(where.params)
                .query((rs, n) -> new KindCount(InstitutionKind.valueOf(rs.getString("kind")), rs.getLong("n")))
                .list();
    }

    record KindCount(InstitutionKind kind, long count) {}

    Optional<InstitutionSummary> find(long id, LocalDate asOf) {
        return jdbc.sql(SUMMARY + " where i.id = :id")
                .param("id", id)
                .param("d", asOf)
                .query(InstitutionStore::summary)
                .optional();
    }

    List<InstitutionSummary> findAll(List<Long> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SUMMARY + " where i.id in (:ids)" + ORDER)
                .param("ids", ids)
                .param("d", asOf)
                .query(InstitutionStore::summary)
                .list();
    }

    /** Every row ever recorded (the import planner compares a file against all of them). */
    List<InstitutionSummary> everything(LocalDate asOf) {
        return jdbc.sql(SUMMARY + ORDER).param("d", asOf).query(InstitutionStore::summary).list();
    }

    List<Succession> successionsTouching(long id) {
        return jdbc.sql("""
                        select predecessor_id, successor_id, change_type, effective_on from organization_succession
                         where predecessor_id = :id or successor_id = :id order by effective_on, id
                        """)
                .param("id", id)
                .query((rs, n) -> new Succession(
                        rs.getLong("predecessor_id"),
                        rs.getLong("successor_id"),
                        ChangeType.valueOf(rs.getString("change_type")),
                        rs.getObject("effective_on", LocalDate.class)))
                .list();
    }

    record Succession(long predecessorId, long successorId, ChangeType type, LocalDate effectiveOn) {}

    @Nullable Long parentOf(long id) {
        return jdbc.sql("select parent_id from organization_institution where id = :id")
                .param("id", id)
                .query((rs, n) -> (Long) rs.getObject("parent_id", Long.class))
                .optional()
                .orElse(null);
    }

    boolean orgCodeInUse(String orgCode, LocalDate from) {
        return jdbc.sql("""
                        select count(*) > 0 from organization_institution
                         where org_code = :c and (valid_to is null or valid_to >= :from)
                        """)
                .param("c", orgCode)
                .param("from", from)
                .query(Boolean.class)
                .single();
    }

    long insert(NewInstitution row, String source, @Nullable String sgisCode) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into organization_institution
                            (org_code, sgis_code, region_code, name, name_en, kind, level, parent_id, valid_from, note, source)
                        values (:org_code, :sgis, :region, :name, :name_en, :kind, :level, :parent, :from, :note, :source)
                        """)
                .param("org_code", row.orgCode())
                .param("sgis", sgisCode)
                .param("region", row.regionCode())
                .param("name", row.name().strip())
                .param("name_en", row.nameEn())
                .param("kind", row.kind().name())
                .param("level", row.kind().level().name())
                .param("parent", row.parentId())
                .param("from", row.validFrom())
                .param("note", row.note())
                .param("source", source)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void end(long id, LocalDate lastDay) {
        jdbc.sql("update organization_institution set valid_to = :d, updated_at = now() where id = :id")
                .param("d", lastDay)
                .param("id", id)
                .update();
    }

    void assignOrgCode(long id, String orgCode, @Nullable String fullName) {
        jdbc.sql("""
                        update organization_institution set org_code = :c, full_name = coalesce(:f, full_name),
                               updated_at = now() where id = :id
                        """)
                .param("c", orgCode)
                .param("f", fullName)
                .param("id", id)
                .update();
    }

    void link(long predecessorId, long successorId, ChangeType type, LocalDate effectiveOn, @Nullable String note) {
        jdbc.sql("""
                        insert into organization_succession (predecessor_id, successor_id, change_type, effective_on, note)
                        values (:p, :s, :t, :d, :note) on conflict (predecessor_id, successor_id) do nothing
                        """)
                .param("p", predecessorId)
                .param("s", successorId)
                .param("t", type.name())
                .param("d", effectiveOn)
                .param("note", note)
                .update();
    }

    /** Serialises changes to the registry (reorganisations and import applications) for the transaction. */
    void lockForChange() {
        jdbc.sql("lock table organization_institution in share row exclusive mode").update();
    }

    private static Where where(InstitutionQuery q) {
        List<String> clauses = new ArrayList<>();
        var params = new java.util.HashMap<String, Object>();
        if (!q.allDates()) {
            clauses.add("(i.valid_from is null or i.valid_from <= :asOf) and (i.valid_to is null or i.valid_to >= :asOf)");
            params.put("asOf", q.asOf());
        }
        if (q.level() != null) {
            clauses.add("i.level = :level");
            params.put("level", q.level().name());
        }
        if (q.kind() != null) {
            clauses.add("i.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.regionCode() != null && !q.regionCode().isBlank()) {
            clauses.add("i.region_code = :region");
            params.put("region", q.regionCode());
        }
        if (q.text() != null && !q.text().isBlank()) {
            clauses.add("(i.name ilike :text or i.full_name ilike :text or i.name_en ilike :text or i.org_code = :code)");
            params.put("text", "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            params.put("code", q.text().strip());
        }
        String sql = clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
        return new Where(sql, params);
    }

    private record Where(String sql, java.util.Map<String, Object> params) {}

    static InstitutionSummary summary(ResultSet rs, int rowNum) throws SQLException {
        return new InstitutionSummary(
                rs.getLong("id"),
                rs.getString("org_code"),
                rs.getString("sgis_code"),
                rs.getString("region_code"),
                rs.getString("name"),
                rs.getString("name_en"),
                rs.getString("full_name"),
                InstitutionKind.valueOf(rs.getString("kind")),
                rs.getString("province_name"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                rs.getString("note"));
    }
}
