package org.pyeongga.contest;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.StaffCards;
import org.pyeongga.account.VoterKey;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.pyeongga.voting.Voter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Institutions, departments, staff and contests for contest tests (each test makes its own contests). */
final class ContestFixture {

    static final String TAX_CLERK = "tax@boryeong.contest.test.pyeongga.kr";
    static final String INDUSTRY_CLERK = "industry@boryeong.contest.test.pyeongga.kr";
    static final String NO_DEPARTMENT = "nodept@boryeong.contest.test.pyeongga.kr";
    static final String BORYEONG_COORDINATOR = "coordinator@boryeong.contest.test.pyeongga.kr";
    static final String GUNSAN_COORDINATOR = "coordinator@gunsan.contest.test.pyeongga.kr";
    static final String GUNSAN_CLERK = "clerk@gunsan.contest.test.pyeongga.kr";

    private ContestFixture() {}

    static long institution(InstitutionRegistry registry, String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    static long department(Departments departments, long institution, String nameKo, String nameEn) {
        return departments.byName(institution, nameKo).map(d -> d.id()).orElseGet(() -> {
            try {
                return departments.add(institution, nameKo, nameEn, null).id();
            } catch (RuntimeException raced) {
                return departments.byName(institution, nameKo).orElseThrow().id();
            }
        });
    }

    /** The test staff: 보령시 clerks in 세무과 and 신산업전략과, one without a department, coordinators, a 군산시 clerk. */
    static void people(Accounts accounts, StaffCards cards, Departments departments, InstitutionRegistry registry) {
        long boryeong = institution(registry, "보령시");
        long gunsan = institution(registry, "군산시");
        person(accounts, cards, TAX_CLERK, "김세무", boryeong, Role.INDICATOR_OWNER,
                department(departments, boryeong, "세무과", "Tax Division"));
        person(accounts, cards, INDUSTRY_CLERK, "박산업", boryeong, Role.INDICATOR_OWNER,
                department(departments, boryeong, "신산업전략과", "New Industry Strategy Division"));
        person(accounts, cards, NO_DEPARTMENT, "최무소속", boryeong, Role.INDICATOR_OWNER, null);
        person(accounts, cards, BORYEONG_COORDINATOR, "보령 총괄", boryeong, Role.INSTITUTION_COORDINATOR,
                department(departments, boryeong, "기획감사실", "Planning and Audit Office"));
        person(accounts, cards, GUNSAN_COORDINATOR, "군산 총괄", gunsan, Role.INSTITUTION_COORDINATOR,
                department(departments, gunsan, "기획예산과", "Planning and Budget Division"));
        person(accounts, cards, GUNSAN_CLERK, "군산 직원", gunsan, Role.INDICATOR_OWNER,
                department(departments, gunsan, "세무과", "Tax Division"));
    }

    private static void person(Accounts accounts, StaffCards cards, String email, String name, long institution, Role role,
            Long department) {
        if (!accounts.exists(email)) {
            try {
                accounts.create(email, name, TestUsers.PASSWORD, Set.of(new Membership(institution, role)));
            } catch (RuntimeException raced) {
                // another test class created it meanwhile
            }
        }
        long id = cards.byEmail(email).orElseThrow().id();
        if (department != null) {
            accounts.assignDepartment(id, department);
        }
    }

    static long userId(StaffCards cards, String email) {
        return cards.byEmail(email).orElseThrow().id();
    }

    /** Runs {@code work} as the signed-in {@code email}, then signs out again. */
    static <T> T as(UserDetailsService users, String email, Supplier<T> work) {
        return org.pyeongga.support.SignedIn.as(users, email, work);
    }

    static void as(UserDetailsService users, String email, Runnable work) {
        as(users, email, () -> {
            work.run();
            return null;
        });
    }

    /** A 보령시 2024 상반기 contest from the template, open for entries for the next hour. */
    static long openBoryeong(Contests contests, InstitutionRegistry registry) {
        long id = contests.createFromTemplate(ContestTemplates.BORYEONG_2024_H1, institution(registry, "보령시"));
        contests.setWindow(id, now().minus(1, ChronoUnit.HOURS), now().plus(1, ChronoUnit.HOURS));
        contests.open(id);
        return id;
    }

    /** Moves a contest's window so that it closed at the start of this second. */
    static void closeNow(JdbcClient jdbc, long contestId) {
        jdbc.sql("""
                update contest set entries_open_at = now() - interval '2 hours', entries_close_at = date_trunc('second', now())
                where id = :id""").param("id", contestId).update();
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    static Voter citizen() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Voter(new VoterKey(HexFormat.of().formatHex(key)), null, Set.of());
    }

    static NewEntry taxCase(long taxDepartment, long clerk) {
        return new NewEntry("REGULATION", "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴",
                "농어촌민박으로 신고하고 실제로는 펜션·숙박업을 하는 사업장 120곳을 현장 조사해 과세 유형을 바로잡고 세원을 발굴했습니다.",
                List.of(new NewEntry.Person(clerk, "김세무", taxDepartment, "지방세무주사", new BigDecimal("60")),
                        new NewEntry.Person(null, "이조사", taxDepartment, "지방세무주사보", new BigDecimal("40"))),
                List.of());
    }
}
