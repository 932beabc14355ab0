package org.pyeongga.contest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Contests in the judging phase with accepted entries, departments, staff and judges, for the stage tests. Contest and
 * entry rows are written directly (their setup and the fact check are the contest-entry area's, tested there); each
 * test names its own people by e-mail, so classes sharing the database do not collide.
 */
final class StageFixture {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Departments departments;
    private final InstitutionRegistry registry;
    private final UserDetailsService users;

    StageFixture(JdbcClient jdbc, Accounts accounts, Departments departments, InstitutionRegistry registry, UserDetailsService users) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.departments = departments;
        this.registry = registry;
        this.users = users;
    }

    long institution(String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    long department(long institution, String nameKo, String nameEn) {
        return departments.byName(institution, nameKo).orElseGet(() -> departments.add(institution, nameKo, nameEn, null)).id();
    }

    /** A staff account with one role at an institution (and a department), created if missing. */
    long person(String email, String name, @Nullable Long institution, Role role, @Nullable Long department) {
        long id = accounts.idOf(email).orElseGet(() -> accounts.create(email, name, TestUsers.PASSWORD,
                Set.of(new Membership(institution, role))));
        if (department != null) {
            accounts.assignDepartment(id, department);
        }
        return id;
    }

    /** A contest in its judging phase with its award tiers (name, count) in rank order. */
    long contest(long owner, String kind, String titleKo, String titleEn, int year, @Nullable Integer half, List<Object[]> tiers) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contest (owner_institution_id, kind, title_ko, title_en, year, half, period_ko, period_en, eligible,
                                             channels, phase, created_by)
                        values (:o, :k, :tk, :te, :y, :h, :pk, :pe, 'ALL_STAFF', array['DEPARTMENT'], 'JUDGING', 'test')
                        """)
                .param("o", owner).param("k", kind).param("tk", titleKo).param("te", titleEn).param("y", year).param("h", half)
                .param("pk", year + "년" + (half == null ? "" : half == 1 ? " 상반기" : " 하반기"))
                .param("pe", year + (half == null ? "" : half == 1 ? " H1" : " H2")).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        int rank = 1;
        for (Object[] tier : tiers) {
            jdbc.sql("""
                            insert into contest_tier (contest_id, rank, code, name_ko, name_en, award_count)
                            values (:c, :r, :code, :nk, :ne, :n)
                            """).param("c", id).param("r", rank).param("code", tier[0]).param("nk", tier[1]).param("ne", tier[2])
                    .param("n", tier[3]).update();
            rank++;
        }
        return id;
    }

    /** An accepted entry of a department, with the people involved (account ids, may be empty). */
    long entry(long contest, String title, long department, long submittedBy, List<Long> people) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contest_entry (contest_id, channel, title, summary, department_id, submitted_by_user_id, status,
                                                   checked_by, checked_at)
                        values (:c, 'DEPARTMENT', :t, :s, :d, :u, 'ACCEPTED', 'test', now())
                        """)
                .param("c", contest).param("t", title).param("s", title + ": 추진 배경, 내용, 성과 (시험용 요약)").param("d", department)
                .param("u", submittedBy).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        List<Long> involved = new ArrayList<>(people);
        if (involved.isEmpty()) {
            jdbc.sql("""
                            insert into contest_entry_person (entry_id, position, name, department_id, job_title, share_percent)
                            values (:e, 1, '담당 주무관', :d, '주무관', 100)
                            """).param("e", id).param("d", department).update();
        }
        for (int i = 0; i < involved.size(); i++) {
            jdbc.sql("""
                            insert into contest_entry_person (entry_id, position, user_id, name, department_id, job_title, share_percent)
                            values (:e, :p, :u, (select display_name from account_user where id = :u), :d, '주무관', :s)
                            """).param("e", id).param("p", i + 1).param("u", involved.get(i)).param("d", department)
                    .param("s", 100.0 / involved.size()).update();
        }
        return id;
    }

    /** Every judge scores each entry of the stage they are assigned and submits: levels by judge (index) and entry. */
    void scoreAll(Stages stages, long stage, List<String> judges,
            java.util.function.BiFunction<Integer, Long, java.util.Map<String, Integer>> levels) {
        for (int j = 0; j < judges.size(); j++) {
            int judge = j;
            as(judges.get(j), () -> stages.myStage(stage).entries()
                    .forEach(e -> stages.score(stage, e.entryId(), levels.apply(judge, e.entryId()), true)));
        }
    }

    /** Runs {@code work} as the signed-in {@code email}, then signs out again. */
    <T> T as(String email, Supplier<T> work) {
        return org.pyeongga.support.SignedIn.as(users, email, work);
    }

    void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }
}
