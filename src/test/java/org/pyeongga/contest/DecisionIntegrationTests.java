package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.AwardModel.Award;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The committee decision on the real database: the quorum, tier counts (more only with a reason), excluded entries,
 * a deferred meeting, corrections as new versions (the first stays as recorded), who may decide, and publishing.
 */
@IntegrationTest
class DecisionIntegrationTests {

    @Autowired
    Decisions decisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Contests contests;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionRegistry registry;

    AwardFixture fixture;
    LocalDate meeting = LocalDate.parse("2024-06-20");

    @BeforeEach
    void setUp() {
        fixture = new AwardFixture(jdbc, accounts, users, registry);
    }

    private static NewDecision decided(List<Award> awards, int present) {
        return new NewDecision(LocalDate.parse("2024-06-20"), Outcome.DECIDED, AwardFixture.committee(present), awards, null,
                null, null, "2024년 상반기 적극행정위원회 제2차 회의");
    }

    private static HttpStatus status(Runnable work) {
        try {
            work.run();
            return HttpStatus.OK;
        } catch (UserFacingException e) {
            return e.status();
        }
    }

    @Test
    void aDecisionNeedsAQuorumAndRespectsTierCountsUnlessAReasonIsRecorded() {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());

        // 3 of 7 present: no quorum, so no 의결; the meeting can be recorded as 보류.
        assertThatThrownBy(() -> fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), decided(b.awards(), 3))))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.quorum");
        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), new NewDecision(meeting, Outcome.DEFERRED,
                AwardFixture.committee(3), List.of(), null, null, null, "정족수 미달로 보류")));
        assertThat(phase(b.contest())).isEqualTo("JUDGING");

        // Two 최우수 where the tier has one: refused without a reason.
        var twoTop = List.of(new Award(b.tax(), 1), new Award(b.industry(), 1), new Award(b.tourism(), 2),
                new Award(b.welfare(), 3), new Award(b.water(), 3));
        assertThatThrownBy(() -> fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), decided(twoTop, 4))))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.overCount");
        // An excluded entry cannot be awarded; the same entry not twice.
        var withExcluded = List.of(new Award(b.tax(), 1), new Award(b.excluded(), 3));
        assertThatThrownBy(() -> fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), decided(withExcluded, 4))))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.entryStatus");
        var twice = List.of(new Award(b.tax(), 1), new Award(b.tax(), 2));
        assertThatThrownBy(() -> fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), decided(twice, 4))))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.entryTwice");
        // A meeting in the future is refused.
        var future = new NewDecision(LocalDate.now().plusDays(3), Outcome.DECIDED, AwardFixture.committee(5), b.awards(), null,
                null, null, null);
        assertThatThrownBy(() -> fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), future)))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.meetingDate");
        assertThat(decisions.history(b.contest())).hasSize(1);

        // 4 of 7 present (a majority): 최우수 1, 우수 2, 장려 2 decided.
        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), decided(b.awards(), 4)));
        var current = decisions.current(b.contest()).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.quorumMet()).isTrue();
        assertThat(current.membersPresent()).isEqualTo(4);
        assertThat(current.membersTotal()).isEqualTo(7);
        assertThat(current.quorumRule()).isEqualTo("MAJORITY");
        assertThat(current.attendees()).filteredOn(a -> a.affiliation() == AwardModel.Affiliation.CIVILIAN).hasSize(4);
        assertThat(current.awards()).extracting(AwardModel.AwardView::tierKo).containsExactly("최우수", "우수", "우수", "장려", "장려");
        assertThat(current.awards().getFirst().title()).startsWith("농어촌민박을 가장한");
        assertThat(current.awards().getFirst().departmentKo()).isEqualTo("세무과");
        assertThat(current.awards().getFirst().awardees()).extracting(AwardModel.Awardee::name).containsExactly("김세원", "이정수");
        assertThat(phase(b.contest())).isEqualTo("DECIDED");

        // Over the count with a recorded reason: accepted, as a correction with its own reason.
        var corrected = new NewDecision(meeting, Outcome.DECIDED, AwardFixture.committee(5), twoTop, null,
                "세무과와 신산업전략과의 발표 점수가 같아 최우수를 공동 시상", null, null);
        assertThatThrownBy(() -> fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), corrected)))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.correctionReason");
        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), new NewDecision(meeting, Outcome.DECIDED,
                AwardFixture.committee(5), twoTop, null, "세무과와 신산업전략과의 발표 점수가 같아 최우수를 공동 시상",
                "위원회 재심의로 최우수 공동 시상", null)));
        var history = decisions.history(b.contest());
        assertThat(history).extracting(AwardModel.DecisionView::version).containsExactly(1, 2, 3);
        assertThat(history.get(1).awards()).extracting(AwardModel.AwardView::tierRank).containsExactly(1, 2, 2, 3, 3);
        assertThat(history.get(2).awards()).extracting(AwardModel.AwardView::tierRank).containsExactly(1, 1, 2, 3, 3);
        assertThat(history.get(2).overCountReason()).contains("공동 시상");
        assertThat(history.get(2).correctionReason()).isEqualTo("위원회 재심의로 최우수 공동 시상");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ContestDecided' and payload like :p")
                .param("p", "%\"contestId\":" + b.contest() + ",%").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void onlyTheOwnersManagersDecideAndAContestIsPublishedOnlyWhenDecided() {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());
        assertThat(status(() -> fixture.as(AwardFixture.HR, () -> decisions.record(b.contest(), decided(b.awards(), 5)))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> fixture.as(AwardFixture.CLERK, () -> decisions.record(b.contest(), decided(b.awards(), 5)))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> fixture.as(AwardFixture.OTHER_HR, () -> decisions.current(b.contest()))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> fixture.as(AwardFixture.COORDINATOR, () -> decisions.publish(b.contest()))))
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(status(() -> decisions.published(b.contest()))).isEqualTo(HttpStatus.NOT_FOUND);

        fixture.as(AwardFixture.COORDINATOR, () -> decisions.record(b.contest(), decided(b.awards(), 5)));
        assertThat(status(() -> decisions.published(b.contest()))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(() -> fixture.as(AwardFixture.HR, () -> decisions.publish(b.contest()))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        fixture.as(AwardFixture.COORDINATOR, () -> decisions.publish(b.contest()));

        assertThat(phase(b.contest())).isEqualTo("PUBLISHED");
        var published = decisions.published(b.contest());
        assertThat(published.decision().awards()).hasSize(5);
        String payload = jdbc.sql("select payload from audit_entry where action = 'ContestPublished' and payload like :p")
                .param("p", "%\"contestId\":" + b.contest() + ",%").query(String.class).single();
        assertThat(payload).contains("농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴", "세무과", "최우수");
        // Once published, no further decision.
        assertThat(status(() -> fixture.as(AwardFixture.COORDINATOR, () -> decisions.record(b.contest(),
                new NewDecision(meeting, Outcome.DECIDED, AwardFixture.committee(5), b.awards(), null, null, "정정", null)))))
                .isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aContestMovedOnWithoutAnAwardDecisionCannotBePublished() {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());
        contests.advance(b.contest(), Phase.DECIDED);
        assertThatThrownBy(() -> contests.advance(b.contest(), Phase.PUBLISHED)).isInstanceOf(UserFacingException.class)
                .hasMessage("contestaward.error.publishUndecided");
        assertThat(phase(b.contest())).isEqualTo("DECIDED");
        // A decided contest cannot go back to 보류.
        assertThatThrownBy(() -> decisions.record(b.contest(), new NewDecision(meeting, Outcome.DEFERRED,
                AwardFixture.committee(3), List.of(), null, null, null, null))).isInstanceOf(UserFacingException.class)
                .hasMessage("contestaward.error.deferAfterDecision");
    }

    @Test
    void aSelectionOfOutstandingOfficialsAwardsTheNomineeOnly() {
        long contest = fixture.contest(fixture.boryeong, "OUTSTANDING_OFFICIAL", "2024년 하반기 적극행정 우수공무원 선발 "
                + UUID.randomUUID(), 2024, 2, "JUDGING");
        long dept = fixture.department(fixture.boryeong, "민원봉사과", "Civil Service Division");
        long entry = fixture.entry(contest, "야간 민원실 운영으로 직장인 민원 해소", dept, "ACCEPTED", List.of(
                new AwardFixture.Person("강민원", null, new java.math.BigDecimal("100")),
                new AwardFixture.Person("추천 부서장", null, new java.math.BigDecimal("100"))));
        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(contest, decided(List.of(new Award(entry, 1)), 4)));
        assertThat(decisions.current(contest).orElseThrow().awards().getFirst().awardees())
                .extracting(AwardModel.Awardee::name).containsExactly("강민원");
    }

    private String phase(long contest) {
        return jdbc.sql("select phase from contest where id = :id").param("id", contest).query(String.class).single();
    }
}
