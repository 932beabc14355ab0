package org.pyeongga.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for staff accounts and memberships. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, String email, String name, @Nullable String passwordHash, boolean enabled, int failedAttempts,
            @Nullable Instant lockedUntil) {}

    Optional<Row> byEmail(String email) {
        return jdbc.sql("select * from account_user where email = :e").param("e", email.strip().toLowerCase())
                .query(AccountStore::row).optional();
    }

    Set<Membership> memberships(long userId) {
        return new HashSet<>(jdbc.sql("select institution_id, role from account_membership where user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new Membership((Long) rs.getObject("institution_id", Long.class),
                        Role.valueOf(rs.getString("role"))))
                .list());
    }

    long insert(String email, String name, @Nullable String passwordHash) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into account_user (email, display_name, password_hash) values (:e, :n, :p)")
                .param("e", email.strip().toLowerCase())
                .param("n", name.strip())
                .param("p", passwordHash)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    void addMembership(long userId, Membership m) {
        jdbc.sql("""
                        insert into account_membership (user_id, institution_id, role) values (:u, :i, :r)
                        on conflict do nothing
                        """)
                .param("u", userId).param("i", m.institutionId()).param("r", m.role().name()).update();
    }

    /** Counts a failed login; from the {@code limit}-th in a row the account is locked until {@code until}. */
    void recordFailure(String email, int limit, Instant until) {
        jdbc.sql("""
                        update account_user set failed_attempts = failed_attempts + 1,
                               locked_until = case when failed_attempts + 1 >= :limit then :until else locked_until end
                         where email = :e
                        """)
                .param("limit", limit).param("until", Timestamp.from(until)).param("e", email.strip().toLowerCase())
                .update();
    }

    void recordSuccess(String email) {
        jdbc.sql("update account_user set failed_attempts = 0, locked_until = null where email = :e")
                .param("e", email.strip().toLowerCase()).update();
    }

    void setEnabled(long id, boolean enabled) {
        jdbc.sql("update account_user set enabled = :en where id = :id").param("en", enabled).param("id", id).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Row(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant());
    }
}
