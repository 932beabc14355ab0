package org.pyeongga.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for evaluation groups and their members. */
@Repository
class GroupStore {

    private static final String GROUP = """
            select g.id, g.code, g.name, g.name_en, g.description, g.as_of,
                   (select count(*) from organization_group_member m where m.group_id = g.id) as member_count
              from organization_group g
            """;

    private final JdbcClient jdbc;

    GroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EvaluationGroup> all() {
        return jdbc.sql(GROUP + " order by g.as_of desc nulls last, g.id").query(GroupStore::group).list();
    }

    Optional<EvaluationGroup> find(long id) {
        return jdbc.sql(GROUP + " where g.id = :id").param("id", id).query(GroupStore::group).optional();
    }

    boolean codeExists(String code) {
        return jdbc.sql("select count(*) > 0 from organization_group where code = :c")
                .param("c", code)
                .query(Boolean.class)
                .single();
    }

    List<EvaluationGroup> groupsOf(long institutionId) {
        return jdbc.sql(GROUP + " join organization_group_member x on x.group_id = g.id where x.institution_id = :i"
                        + " order by g.as_of desc nulls last, g.id")
                .param("i", institutionId)
                .query(GroupStore::group)
                .list();
    }

    List<Long> memberIds(long groupId) {
        return jdbc.sql("select institution_id from organization_group_member where group_id = :g")
                .param("g", groupId)
                .query(Long.class)
                .list();
    }

    long insert(String code, String name, @Nullable String nameEn, @Nullable String description, @Nullable LocalDate asOf) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into organization_group (code, name, name_en, description, as_of)
                        values (:code, :name, :name_en, :description, :as_of)
                        """)
                .param("code", code)
                .param("name", name)
                .param("name_en", nameEn)
                .param("description", description)
                .param("as_of", asOf)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void addMembers(long groupId, List<Long> institutionIds) {
        for (long id : institutionIds) {
            jdbc.sql("insert into organization_group_member (group_id, institution_id) values (:g, :i) on conflict do nothing")
                    .param("g", groupId)
                    .param("i", id)
                    .update();
        }
    }

    private static EvaluationGroup group(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new EvaluationGroup(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("name_en"),
                rs.getString("description"),
                rs.getObject("as_of", LocalDate.class),
                rs.getLong("member_count"));
    }
}
