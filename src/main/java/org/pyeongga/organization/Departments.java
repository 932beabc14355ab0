package org.pyeongga.organization;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.UserFacingException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments of institutions. Anyone may read them (an institution's organisation chart is public); registry
 * managers (administrators and the system) add them.
 */
@Service
@Transactional(readOnly = true)
public class Departments {

    private static final String COLUMNS = "id, institution_id, code, name_ko, name_en, valid_from, valid_to";

    private final JdbcClient jdbc;
    private final RegistryPermissions permissions;
    private final ApplicationEventPublisher events;

    Departments(JdbcClient jdbc, RegistryPermissions permissions, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.permissions = permissions;
        this.events = events;
    }

    /** The departments of an institution in force on {@code asOf}, by Korean name. */
    public List<Department> of(long institutionId, LocalDate asOf) {
        return jdbc.sql("select " + COLUMNS + " from organization_department where institution_id = :i"
                        + " and valid_from <= :d and (valid_to is null or valid_to >= :d) order by name_ko")
                .param("i", institutionId).param("d", Date.valueOf(asOf)).query(Departments::row).list();
    }

    public Optional<Department> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from organization_department where id = :id").param("id", id)
                .query(Departments::row).optional();
    }

    /** The department of an institution with this Korean name (any validity). */
    public Optional<Department> byName(long institutionId, String nameKo) {
        return jdbc.sql("select " + COLUMNS + " from organization_department where institution_id = :i and name_ko = :n")
                .param("i", institutionId).param("n", nameKo.strip()).query(Departments::row).optional();
    }

    /** Adds a department (registry managers only); a name already used in the institution is refused. */
    @Transactional
    public Department add(long institutionId, String nameKo, String nameEn, @Nullable String code) {
        permissions.requireManage();
        String ko = nameKo == null ? "" : nameKo.strip();
        String en = nameEn == null ? "" : nameEn.strip();
        if (ko.isEmpty() || ko.length() > 100 || en.isEmpty() || en.length() > 200) {
            throw UserFacingException.badInput("organization.department.name");
        }
        if (code != null && !code.isBlank() && !code.strip().matches("[0-9]{7}")) {
            throw UserFacingException.badInput("organization.department.code");
        }
        if (byName(institutionId, ko).isPresent()) {
            throw UserFacingException.conflict("organization.department.exists", ko);
        }
        long id = jdbc.sql("insert into organization_department (institution_id, code, name_ko, name_en) values (:i, :c, :k, :e) returning id")
                .param("i", institutionId).param("c", code == null || code.isBlank() ? null : code.strip())
                .param("k", ko).param("e", en).query(Long.class).single();
        Department added = find(id).orElseThrow();
        events.publishEvent(new DepartmentAdded(id, institutionId, ko, added.code()));
        return added;
    }

    private static Department row(ResultSet rs, int n) throws SQLException {
        Date to = rs.getDate("valid_to");
        return new Department(rs.getLong("id"), rs.getLong("institution_id"), rs.getString("code"), rs.getString("name_ko"),
                rs.getString("name_en"), rs.getDate("valid_from").toLocalDate(), to == null ? null : to.toLocalDate());
    }
}
