package org.pyeongga.contest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pyeongga.account.StaffCards;
import org.pyeongga.contest.AwardModel.Affiliation;
import org.pyeongga.contest.AwardModel.Attendee;
import org.pyeongga.contest.AwardModel.Award;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.organization.Departments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data for the end of a contest, created once after the contests' demo: 보령시's 2023 하반기 적극행정 우수공무원
 * 선발, decided by the 적극행정위원회 (5 of 7 members present), published, with incentives offered per tier and
 * applied by HR (3 of 5 with a substantial incentive: the half rule met), so the public result page, HR's page, the
 * certificates and the statistics have something to show.
 *
 * <p>Everything here is invented: the selection, the people, their achievements, the committee members and the dates
 * (modelled on published 시·군 selections). The departments are those of the contests' demo.
 */
@Component
@ConditionalOnProperty(name = "pyeongga.demo.enabled", havingValue = "true")
class AwardDemoData {

    private static final Logger log = LoggerFactory.getLogger(AwardDemoData.class);
    static final String TITLE = "2023년 하반기 적극행정 우수공무원 선발";

    private final Contests contests;
    private final Entries entries;
    private final Decisions decisions;
    private final Incentives incentives;
    private final Departments departments;
    private final StaffCards staff;
    private final JdbcClient jdbc;

    AwardDemoData(Contests contests, Entries entries, Decisions decisions, Incentives incentives, Departments departments,
            StaffCards staff, JdbcClient jdbc) {
        this.contests = contests;
        this.entries = entries;
        this.decisions = decisions;
        this.incentives = incentives;
        this.departments = departments;
        this.staff = staff;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(80)
    void load() {
        var boryeong = jdbc.sql("select owner_institution_id from contest where template = :t order by id limit 1")
                .param("t", ContestTemplates.BORYEONG_2024_H1).query(Long.class).optional();
        var by = staff.byEmail("boryeong@pyeongga.kr").map(StaffCards.StaffCard::id);
        if (boryeong.isEmpty() || by.isEmpty() || jdbc.sql("select count(*) from contest where title_ko = :t")
                .param("t", TITLE).query(Long.class).single() > 0) {
            return;
        }
        long owner = boryeong.get();
        long id = contests.create(new NewContest(owner, ContestKind.OUTSTANDING_OFFICIAL, TITLE,
                "2023 H2 selection of outstanding proactive officials", 2023, 2, "2023년 하반기", "2023 H2", Eligibility.ALL_STAFF,
                Set.of(EntryChannel.DEPARTMENT), null, null,
                "부서가 추천한 적극행정 공무원을 서면 심사와 적극행정위원회 심의·의결로 선발합니다.",
                "Officials nominated by their departments, chosen by a written review and the committee's decision.", List.of(),
                List.of(new ContestTier(1, "GRAND", "최우수", "Grand prize", 1), new ContestTier(2, "EXCELLENCE", "우수", "Excellence", 2),
                        new ContestTier(3, "MERIT", "장려", "Merit", 2))));
        contests.setWindow(id, Instant.parse("2023-10-04T00:00:00Z"), Instant.parse("2023-10-31T09:00:00Z"));
        contests.open(id);
        String[][] nominees = {
            {"세무과", "박서진", "지방세무주사", "체납 차량 번호판 야간 영치로 고질 체납액 4억 원 징수"},
            {"신산업전략과", "이도현", "지방행정주사", "이차전지 소재 기업 투자 유치로 일자리 120개 확보"},
            {"관광과", "김하린", "지방행정주사보", "대천해수욕장 무인 안전요원 호출 시스템 도입"},
            {"민원봉사과", "정우진", "지방행정서기", "외국인 주민 민원 통역 화상 연결 창구 운영"},
            {"해양정책과", "최가온", "지방해양수산주사보", "폐어구 보증금 시범 운영으로 연안 폐어구 30% 감소"}};
        List<Long> ids = new ArrayList<>();
        Instant at = Instant.parse("2023-10-10T01:00:00Z");
        for (String[] n : nominees) {
            long department = departments.byName(owner, n[0]).orElseThrow().id();
            long entry = entries.record(id, EntryChannel.DEPARTMENT, new NewEntry(null, n[3], n[1] + " " + n[2] + "의 공적: " + n[3]
                    + ". 부서장 추천과 실적 자료로 확인했습니다.", List.of(new NewEntry.Person(null, n[1], department, n[2],
                    BigDecimal.valueOf(100))), List.of()), department, by.get(), null, null, at);
            entries.check(entry, true, null, "추천서와 실적 자료로 사실 확인");
            ids.add(entry);
            at = at.plusSeconds(86_400);
        }
        contests.startJudging(id);
        List<Attendee> committee = List.of(new Attendee("김부시장", Affiliation.INTERNAL, "위원장", true),
                new Attendee("이기획감사실장", Affiliation.INTERNAL, "위원", true),
                new Attendee("박자치행정과장", Affiliation.INTERNAL, "위원", false),
                new Attendee("최교수 (행정학)", Affiliation.CIVILIAN, "위원", true),
                new Attendee("정변호사", Affiliation.CIVILIAN, "위원", true),
                new Attendee("한회계사", Affiliation.CIVILIAN, "위원", false),
                new Attendee("오연구원 (충남연구원)", Affiliation.CIVILIAN, "위원", true));
        decisions.record(id, new NewDecision(LocalDate.parse("2023-12-14"), Outcome.DECIDED, committee,
                List.of(new Award(ids.get(0), 1), new Award(ids.get(1), 2), new Award(ids.get(2), 2), new Award(ids.get(3), 3),
                        new Award(ids.get(4), 3)), null, null, null, "2023년 제4차 적극행정위원회"));
        incentives.offerDefaults(id);
        incentives.offer(id, 3, List.of("RATING_BONUS_POINTS", "REWARD_LEAVE"), new BigDecimal("0.2"));
        applied(id, ids.get(0), "SPECIAL_PROMOTION", "「지방공무원 임용령」 제38조의4 (적극행정 특별승진)");
        applied(id, ids.get(1), "HONORARY_GRADE_SHORTENED", "「지방공무원 수당 등에 관한 규정」 대우공무원 선발 기준");
        applied(id, ids.get(2), "HONORARY_GRADE_SHORTENED", "「지방공무원 수당 등에 관한 규정」 대우공무원 선발 기준");
        applied(id, ids.get(3), "RATING_BONUS_POINTS", "「지방공무원 평정규칙」 가점 평정");
        incentives.wish(id, ids.get(4), 1, "REWARD_LEAVE");
        decisions.publish(id);
        log.info("Demo data: a published 보령시 selection (2023 하반기) with its decision and incentives");
    }

    private void applied(long contest, long entry, String code, String basis) {
        incentives.wish(contest, entry, 1, code);
        incentives.checkEligibility(contest, entry, 1, true, basis, null);
        incentives.apply(contest, entry, 1, LocalDate.parse("2024-01-02"));
    }
}
