package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.TestUsers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Contests for the award tests, written straight into the V20 tables (the contest and entry services belong to
 * another area), and the people who decide, handle incentives or must be refused. 보령시 2024 상반기: the 세무과 and
 * 신산업전략과 cases are real winners; the other three cases and every person's name are invented.
 */
final class AwardFixture {

    static final String COORDINATOR = "coordinator@award.test.pyeongga.kr";
    static final String COMMITTEE = "committee@award.test.pyeongga.kr";
    static final String HR = "hr@award.test.pyeongga.kr";
    static final String OTHER_HR = "hr.gunsan@award.test.pyeongga.kr";
    static final String CLERK = "clerk@award.test.pyeongga.kr";
    static final String AWARDEE = "awardee@award.test.pyeongga.kr";

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final UserDetailsService users;
    final long boryeong;
    final long gunsan;

    AwardFixture(JdbcClient jdbc, Accounts accounts, UserDetailsService users, InstitutionRegistry registry) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.boryeong = institution(registry, "충청남도 보령시");
        this.gunsan = institution(registry, "전북특별자치도 군산시");
        person(COORDINATOR, "보령시 기관 총괄 (시험)", boryeong, Role.INSTITUTION_COORDINATOR);
        person(COMMITTEE, "보령시 적극행정위원 (시험)", boryeong, Role.COMMITTEE_MEMBER);
        person(HR, "보령시 인사 담당 (시험)", boryeong, Role.HR_OFFICER);
        person(OTHER_HR, "군산시 인사 담당 (시험)", gunsan, Role.HR_OFFICER);
        person(CLERK, "보령시 지표 담당 (시험)", boryeong, Role.INDICATOR_OWNER);
        person(AWARDEE, "김세원", boryeong, Role.INDICATOR_OWNER);
    }

    static long institution(InstitutionRegistry registry, String displayName) {
        String name = displayName.substring(displayName.lastIndexOf(' ') + 1);
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.displayName().equals(displayName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(displayName)).id();
    }

    private void person(String email, String name, long institution, Role role) {
        if (!accounts.exists(email)) {
            try {
                accounts.create(email, name, TestUsers.PASSWORD, Set.of(new Membership(institution, role)));
            } catch (RuntimeException raced) {
                // another test class created it meanwhile
            }
        }
    }

    long userId(String email) {
        return accounts.idOf(email).orElseThrow();
    }

    long department(long institution, String nameKo, String nameEn) {
        jdbc.sql("""
                insert into organization_department (institution_id, name_ko, name_en) values (:i, :k, :e)
                on conflict (institution_id, name_ko) do nothing""")
                .param("i", institution).param("k", nameKo).param("e", nameEn).update();
        return jdbc.sql("select id from organization_department where institution_id = :i and name_ko = :k")
                .param("i", institution).param("k", nameKo).query(Long.class).single();
    }

    /** A contest in the given phase with tiers 최우수 1 / 우수 2 / 장려 2. */
    long contest(long institution, String kind, String titleKo, int year, @Nullable Integer half, String phase) {
        long id = jdbc.sql("""
                insert into contest (owner_institution_id, kind, title_ko, title_en, year, half, period_ko, period_en,
                    eligible, channels, phase, description_ko, description_en, created_by)
                values (:i, :k, :t, :te, :y, :h, :pk, :pe, 'ALL_STAFF', array['DEPARTMENT', 'STAFF'], :ph,
                    '부서별로 추천된 적극행정 사례를 서면·발표 심사로 가립니다.',
                    'Cases nominated by departments, judged in a written and a presentation round.', 'test')
                returning id""")
                .param("i", institution).param("k", kind).param("t", titleKo).param("te", "Test contest " + titleKo)
                .param("y", year).param("h", half).param("pk", year + "년 " + (half == null ? "" : half == 1 ? "상반기" : "하반기"))
                .param("pe", year + (half == null ? "" : half == 1 ? " first half" : " second half")).param("ph", phase)
                .query(Long.class).single();
        tier(id, 1, "TOP", "최우수", "Grand prize", 1);
        tier(id, 2, "EXCELLENT", "우수", "Excellence award", 2);
        tier(id, 3, "MERIT", "장려", "Merit award", 2);
        return id;
    }

    private void tier(long contest, int rank, String code, String ko, String en, int count) {
        jdbc.sql("""
                insert into contest_tier (contest_id, rank, code, name_ko, name_en, award_count)
                values (:c, :r, :code, :ko, :en, :n)""")
                .param("c", contest).param("r", rank).param("code", code).param("ko", ko).param("en", en).param("n", count)
                .update();
    }

    record Person(String name, @Nullable Long userId, BigDecimal share) {}

    long entry(long contest, String title, long department, String status, List<Person> people) {
        long id = jdbc.sql("""
                insert into contest_entry (contest_id, channel, title, summary, department_id, submitted_by_user_id, status)
                values (:c, 'DEPARTMENT', :t, :s, :d, :u, :st) returning id""")
                .param("c", contest).param("t", title).param("s", title + ": 추진 배경, 내용과 성과.")
                .param("d", department).param("u", userId(COORDINATOR)).param("st", status)
                .query(Long.class).single();
        int position = 0;
        for (Person p : people) {
            jdbc.sql("""
                    insert into contest_entry_person (entry_id, position, user_id, name, department_id, job_title, share_percent)
                    values (:e, :p, :u, :n, :d, '주무관', :s)""")
                    .param("e", id).param("p", ++position).param("u", p.userId()).param("n", p.name()).param("d", department)
                    .param("s", p.share()).update();
        }
        return id;
    }

    /** 보령시 2024 상반기: five finalists (two real winners, three invented) and one excluded case. */
    Boryeong boryeong2024(String suffix) {
        long contest = contest(boryeong, "BEST_PRACTICE", "2024년 상반기 적극행정 우수사례 경진대회 " + suffix, 2024, 1, "JUDGING");
        long tax = department(boryeong, "세무과", "Tax Division");
        long industry = department(boryeong, "신산업전략과", "New Industry Strategy Division");
        long tourism = department(boryeong, "관광과", "Tourism Division");
        long welfare = department(boryeong, "사회복지과", "Social Welfare Division");
        long water = department(boryeong, "상하수도과", "Water and Sewerage Division");
        long e1 = entry(contest, "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴", tax, "ACCEPTED",
                List.of(new Person("김세원", userId(AWARDEE), new BigDecimal("60")), new Person("이정수", null, new BigDecimal("40"))));
        long e2 = entry(contest, "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발", industry, "ACCEPTED",
                List.of(new Person("박투자", null, new BigDecimal("100"))));
        long e3 = entry(contest, "머드축제 방문객 동선 분석으로 셔틀버스 대기시간 절반 단축", tourism, "ACCEPTED",
                List.of(new Person("최관광", null, new BigDecimal("100"))));
        long e4 = entry(contest, "찾아가는 복지 상담 차량으로 섬 지역 사각지대 해소", welfare, "ACCEPTED",
                List.of(new Person("정복지", null, new BigDecimal("70")), new Person("한돌봄", null, new BigDecimal("30"))));
        long e5 = entry(contest, "누수 탐지 센서 시범 설치로 유수율 개선", water, "ACCEPTED",
                List.of(new Person("오수도", null, new BigDecimal("100"))));
        long excluded = entry(contest, "친절한 민원 응대", welfare, "SUBMITTED", List.of(new Person("윤친절", null, BigDecimal.TEN.multiply(BigDecimal.TEN))));
        jdbc.sql("update contest_entry set status = 'EXCLUDED', exclusion_reason = 'SIMPLE_KINDNESS', check_reason = '단순 친절은 제외 대상' where id = :id")
                .param("id", excluded).update();
        return new Boryeong(contest, e1, e2, e3, e4, e5, excluded);
    }

    record Boryeong(long contest, long tax, long industry, long tourism, long welfare, long water, long excluded) {

        List<AwardModel.Award> awards() {
            return List.of(new AwardModel.Award(tax, 1), new AwardModel.Award(industry, 2),
                    new AwardModel.Award(tourism, 2), new AwardModel.Award(welfare, 3), new AwardModel.Award(water, 3));
        }
    }

    /** Seven members of the 적극행정위원회, {@code present} of them attending. */
    static List<AwardModel.Attendee> committee(int present) {
        String[] names = {"부시장 김위원", "기획감사실장 이위원", "자치행정과장 박위원", "민간위원 최교수", "민간위원 정변호사",
                "민간위원 한회계사", "민간위원 오연구원"};
        List<AwardModel.Attendee> out = new java.util.ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            out.add(new AwardModel.Attendee(names[i], i < 3 ? AwardModel.Affiliation.INTERNAL : AwardModel.Affiliation.CIVILIAN,
                    i == 0 ? "위원장" : "위원", i < present));
        }
        return out;
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
