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
            @Nullable Instant lockedUntil, int sessionEpoch, @Nullable String totpSecret, long totpLastStep) {}

    /** A membership with its row id (so one can be revoked). */
    record MembershipRow(long id, @Nullable Long institutionId, Role role) {
        Membership membership() {
            return new Membership(institutionId, role);
        }
    }

    record InvitationRow(long id, long userId, Instant expiresAt, @Nullable Instant usedAt, @Nullable Instant revokedAt) {}

    /** Who a list may show: everyone, or people with a membership in these institutions (and external evaluators). */
    record Scope(boolean everyone, Set<Long> institutions, boolean externalEvaluators) {}

    Optional<Row> byEmail(String email) {
        return jdbc.sql("select * from account_user where email = :e").param("e", email.strip().toLowerCase())
                .query(AccountStore::row).optional();
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select * from account_user where id = :id").param("id", id).query(AccountStore::row).optional();
    }

    Optional<Long> departmentId(long userId) {
        return jdbc.sql("select department_id from account_user where id = :u and department_id is not null")
                .param("u", userId).query(Long.class).optional();
    }

    /** The institution of the user's current department, if any. */
    Optional<Long> departmentInstitution(long userId) {
        return jdbc.sql("""
                select d.institution_id from account_user u join organization_department d on d.id = u.department_id
                where u.id = :u""").param("u", userId).query(Long.class).optional();
    }

    Optional<Long> institutionOfDepartment(long departmentId) {
        return jdbc.sql("select institution_id from organization_department where id = :d").param("d", departmentId)
                .query(Long.class).optional();
    }

    void setDepartment(long userId, @Nullable Long departmentId) {
        jdbc.sql("update account_user set department_id = :d where id = :u").param("d", departmentId).param("u", userId)
                .update();
    }

    /** The memberships of many people at once, by user id (in id order). */
    java.util.Map<Long, List<MembershipRow>> membershipRows(java.util.Collection<Long> userIds) {
        var byUser = new java.util.HashMap<Long, List<MembershipRow>>();
        if (userIds.isEmpty()) {
            return byUser;
        }
        jdbc.sql("select user_id, id, institution_id, role from account_membership where user_id in (:u) order by id")
                .param("u", userIds)
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getLong("user_id"), k -> new java.util.ArrayList<>()).add(new MembershipRow(
                            rs.getLong("id"), (Long) rs.getObject("institution_id", Long.class), Role.valueOf(rs.getString("role"))));
                });
        return byUser;
    }

    List<MembershipRow> membershipRows(long userId) {
        return jdbc.sql("select id, institution_id, role from account_membership where user_id = :u order by id")
                .param("u", userId)
                .query((rs, n) -> new MembershipRow(rs.getLong("id"), (Long) rs.getObject("institution_id", Long.class),
                        Role.valueOf(rs.getString("role"))))
                .list();
    }

    void removeMembership(long userId, long membershipId) {
        jdbc.sql("delete from account_membership where user_id = :u and id = :id").param("u", userId)
                .param("id", membershipId).update();
    }

    private static final String SCOPED = """
             where (:everyone or exists (select 1 from account_membership m where m.user_id = u.id
                    and (m.institution_id in (:institutions)
                         or (:external and m.institution_id is null and m.role = 'EVALUATOR'))))
               and (cast(:text as text) is null or u.email ilike :text or u.display_name ilike :text)
            """;

    List<Row> search(Scope scope, @Nullable String text, int offset, int limit) {
        return scoped("select u.* from account_user u" + SCOPED + " order by u.display_name, u.id offset :o limit :l",
                scope, text).param("o", offset).param("l", limit).query(AccountStore::row).list();
    }

    long count(Scope scope, @Nullable String text) {
        return scoped("select count(*) from account_user u" + SCOPED, scope, text).query(Long.class).single();
    }

    private JdbcClient.StatementSpec scoped(String sql, Scope scope, @Nullable String text) {
        return jdbc.sql(sql)
                .param("everyone", scope.everyone())
                // "in ()" is not SQL: an impossible id stands for "none"
                .param("institutions", scope.institutions().isEmpty() ? List.of(-1L) : List.copyOf(scope.institutions()))
                .param("external", scope.externalEvaluators())
                .param("text", text == null || text.isBlank() ? null
                        : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }

    void insertInvitation(long userId, String tokenSha256, String invitedBy, Instant expiresAt) {
        jdbc.sql("""
                        insert into account_invitation (user_id, token_sha256, invited_by, expires_at)
                        values (:u, :t, :b, :x)
                        """)
                .param("u", userId).param("t", tokenSha256).param("b", invitedBy).param("x", Timestamp.from(expiresAt))
                .update();
    }

    void revokeInvitations(long userId, Instant at) {
        jdbc.sql("""
                        update account_invitation set revoked_at = :at
                         where user_id = :u and used_at is null and revoked_at is null
                        """)
                .param("at", Timestamp.from(at)).param("u", userId).update();
    }

    Optional<InvitationRow> invitation(String tokenSha256) {
        return jdbc.sql("select * from account_invitation where token_sha256 = :t").param("t", tokenSha256)
                .query((rs, n) -> new InvitationRow(rs.getLong("id"), rs.getLong("user_id"),
                        rs.getTimestamp("expires_at").toInstant(), instant(rs, "used_at"), instant(rs, "revoked_at")))
                .optional();
    }

    /** Marks an invitation used; false if it was used or revoked meanwhile (two tabs, one link). */
    boolean useInvitation(long id, Instant at) {
        return jdbc.sql("update account_invitation set used_at = :at where id = :id and used_at is null and revoked_at is null")
                .param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    void setPassword(long userId, String hash, Instant at) {
        jdbc.sql("""
                        update account_user set password_hash = :h, password_changed_at = :at, failed_attempts = 0,
                               locked_until = null
                         where id = :id
                        """)
                .param("h", hash).param("at", Timestamp.from(at)).param("id", userId).update();
    }

    /** Ends every session of the user that started before now (they carry the old epoch). */
    void bumpSessionEpoch(long userId) {
        jdbc.sql("update account_user set session_epoch = session_epoch + 1 where id = :id").param("id", userId).update();
    }

    record SessionState(int epoch, boolean enabled) {}

    Optional<SessionState> sessionState(long userId) {
        return jdbc.sql("select session_epoch, enabled from account_user where id = :id").param("id", userId)
                .query((rs, n) -> new SessionState(rs.getInt("session_epoch"), rs.getBoolean("enabled"))).optional();
    }

    void setTotpSecret(long userId, @Nullable String secret, long lastStep) {
        jdbc.sql("update account_user set totp_secret = :s, totp_last_step = :step where id = :id")
                .param("s", secret).param("step", lastStep).param("id", userId).update();
    }

    /** Records the step just used; false if the same or a later step was used meanwhile (a replay, or a race). */
    boolean useTotpStep(long userId, long step) {
        return jdbc.sql("update account_user set totp_last_step = :s where id = :id and totp_last_step < :s")
                .param("s", step).param("id", userId).update() == 1;
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
                locked == null ? null : locked.toInstant(), rs.getInt("session_epoch"), rs.getString("totp_secret"),
                rs.getLong("totp_last_step"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
