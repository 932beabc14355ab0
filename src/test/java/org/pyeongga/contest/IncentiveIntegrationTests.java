package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.AwardModel.AwardeeIncentive;
import org.pyeongga.contest.AwardModel.IncentiveKind;
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
 * Incentives on the real database: the catalogue's substantial kinds, offers per tier (the 행안부 2020 mapping), the
 * awardee's wish, HR's eligibility check and applied date, who may do what (HR of another institution and non-HR
 * staff refused, nothing before the 의결), and the half-substantial rule met and not met.
 */
@IntegrationTest
class IncentiveIntegrationTests {

    @Autowired
    Decisions decisions;

    @Autowired
    Incentives incentives;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    InstitutionRegistry registry;

    AwardFixture fixture;
    static final String BASIS = "「지방공무원 임용령」 제38조의4 (특별승진)";

    @BeforeEach
    void setUp() {
        fixture = new AwardFixture(jdbc, accounts, users, registry);
    }

    private AwardFixture.Boryeong decided() {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());
        incentives.offerDefaults(b.contest());
        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), new NewDecision(LocalDate.parse("2024-06-20"),
                Outcome.DECIDED, AwardFixture.committee(5), b.awards(), null, null, null, null)));
        return b;
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
    void theCatalogueMarksTheSubstantialIncentives() {
        assertThat(incentives.catalogue()).filteredOn(IncentiveKind::substantial).extracting(IncentiveKind::nameKo)
                .containsExactly("특별승진", "특별승급", "근속승진 기간 단축", "대우공무원 선발 기간 단축", "성과상여금 최고등급(S)");
        assertThat(incentives.catalogue()).hasSize(11).filteredOn(k -> k.code().equals("RATING_BONUS_POINTS"))
                .extracting(IncentiveKind::points).containsExactly(new BigDecimal("0.40"));
    }

    @Test
    void hrRecordsTheWishChecksEligibilityAndAppliesOnlyForItsOwnInstitution() {
        var b = fixture.boryeong2024(UUID.randomUUID().toString());
        fixture.as(AwardFixture.COORDINATOR, () -> incentives.offerDefaults(b.contest()));
        // Offers: 우수 may get 0.4 rating points instead of the default mapping, as in 해남.
        fixture.as(AwardFixture.HR, () -> incentives.offer(b.contest(), 3, List.of("RATING_BONUS_POINTS", "REWARD_LEAVE"),
                new BigDecimal("0.2")));
        assertThat(fixture.as(AwardFixture.HR, () -> incentives.offers(b.contest())))
                .extracting(o -> o.tierRank() + ":" + o.code() + (o.points() == null ? "" : "=" + o.points()))
                .containsExactly("1:SPECIAL_PROMOTION", "1:SPECIAL_STEP_INCREASE", "1:PERFORMANCE_BONUS_S",
                        "2:HONORARY_GRADE_SHORTENED", "2:REWARD_LEAVE", "3:RATING_BONUS_POINTS=0.20", "3:REWARD_LEAVE");
        assertThat(status(() -> fixture.as(AwardFixture.OTHER_HR, () -> incentives.offer(b.contest(), 3, List.of(), null))))
                .isEqualTo(HttpStatus.FORBIDDEN);

        // Before the 의결: nothing to wish or apply.
        assertThat(fixture.as(AwardFixture.HR, () -> incentives.awardees(b.contest()))).isEmpty();
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.wish(b.contest(), b.tax(), 1, "SPECIAL_PROMOTION")))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.noDecision");
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.apply(b.contest(), b.tax(), 1, LocalDate.now())))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.noDecision");

        fixture.as(AwardFixture.COMMITTEE, () -> decisions.record(b.contest(), new NewDecision(LocalDate.parse("2024-06-20"),
                Outcome.DECIDED, AwardFixture.committee(5), b.awards(), null, null, null, null)));
        List<AwardeeIncentive> awardees = fixture.as(AwardFixture.HR, () -> incentives.awardees(b.contest()));
        assertThat(awardees).extracting(a -> a.awardee().name() + "/" + a.tierKo())
                .containsExactly("김세원/최우수", "이정수/최우수", "박투자/우수", "최관광/우수", "정복지/장려", "한돌봄/장려", "오수도/장려");

        // The awardee records their own wish; a wish outside the tier's offers is refused.
        fixture.as(AwardFixture.AWARDEE, () -> incentives.wish(b.contest(), b.tax(), 1, "SPECIAL_PROMOTION"));
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.wish(b.contest(), b.industry(), 1,
                "SPECIAL_PROMOTION"))).isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.notOffered");
        assertThat(status(() -> fixture.as(AwardFixture.AWARDEE, () -> incentives.wish(b.contest(), b.industry(), 1,
                "REWARD_LEAVE")))).isEqualTo(HttpStatus.FORBIDDEN);
        // Applying needs the eligibility check first.
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.apply(b.contest(), b.tax(), 1,
                LocalDate.parse("2024-07-01")))).isInstanceOf(UserFacingException.class)
                .hasMessage("contestaward.error.notEligible");

        // HR of another institution, a coordinator and a clerk of the owner: 403 for the check and the application.
        for (String other : List.of(AwardFixture.OTHER_HR, AwardFixture.COORDINATOR, AwardFixture.CLERK, AwardFixture.AWARDEE)) {
            assertThat(status(() -> fixture.as(other, () -> incentives.checkEligibility(b.contest(), b.tax(), 1, true, BASIS,
                    null)))).as(other).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(status(() -> fixture.as(other, () -> incentives.apply(b.contest(), b.tax(), 1,
                    LocalDate.parse("2024-07-01"))))).as(other).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(status(() -> fixture.as(AwardFixture.OTHER_HR, () -> incentives.awardees(b.contest()))))
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> fixture.as(AwardFixture.OTHER_HR, () -> incentives.halfRule(b.contest()))))
                .isEqualTo(HttpStatus.FORBIDDEN);

        fixture.as(AwardFixture.HR, () -> incentives.checkEligibility(b.contest(), b.tax(), 1, true, BASIS,
                "6급 승진 소요 최저연수 충족"));
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.apply(b.contest(), b.tax(), 1,
                LocalDate.parse("2024-06-01")))).isInstanceOf(UserFacingException.class)
                .hasMessage("contestaward.error.appliedOn");
        fixture.as(AwardFixture.HR, () -> incentives.apply(b.contest(), b.tax(), 1, LocalDate.parse("2024-07-01")));
        var kim = fixture.as(AwardFixture.HR, () -> incentives.awardees(b.contest())).getFirst();
        assertThat(kim.wishKo()).isEqualTo("특별승진");
        assertThat(kim.eligible()).isTrue();
        assertThat(kim.eligibilityBasis()).isEqualTo(BASIS);
        assertThat(kim.eligibilityNote()).isEqualTo("6급 승진 소요 최저연수 충족");
        assertThat(kim.appliedOn()).isEqualTo(LocalDate.parse("2024-07-01"));
        // Applied: neither the wish nor the application changes again.
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.wish(b.contest(), b.tax(), 1,
                "SPECIAL_STEP_INCREASE"))).isInstanceOf(UserFacingException.class)
                .hasMessage("contestaward.error.alreadyApplied");

        // Not eligible: recorded with its basis, and cannot be applied.
        fixture.as(AwardFixture.HR, () -> incentives.wish(b.contest(), b.tax(), 2, "SPECIAL_STEP_INCREASE"));
        fixture.as(AwardFixture.HR, () -> incentives.checkEligibility(b.contest(), b.tax(), 2, false,
                "「지방공무원 보수규정」 제14조", "최근 1년 안에 특별승급을 받아 다시 받을 수 없음"));
        assertThatThrownBy(() -> fixture.as(AwardFixture.HR, () -> incentives.apply(b.contest(), b.tax(), 2,
                LocalDate.parse("2024-07-01")))).isInstanceOf(UserFacingException.class)
                .hasMessage("contestaward.error.notEligible");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'ContestIncentiveApplied' and payload like :p")
                .param("p", "%\"contestId\":" + b.contest() + ",%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHalfSubstantialRuleIsMetOnlyWhenAtLeastHalfGotOneApplied() {
        var b = decided();
        // 7 selected; 3 substantial applied: not met (3 of 7).
        applySubstantial(b.tax(), 1, "SPECIAL_PROMOTION");
        applySubstantial(b.tax(), 2, "PERFORMANCE_BONUS_S");
        applySubstantial(b.industry(), 1, "HONORARY_GRADE_SHORTENED");
        fixture.as(AwardFixture.HR, () -> incentives.wish(b.contest(), b.tourism(), 1, "HONORARY_GRADE_SHORTENED"));
        fixture.as(AwardFixture.HR, () -> incentives.wish(b.contest(), b.welfare(), 1, "REWARD_LEAVE"));
        var rule = fixture.as(AwardFixture.HR, () -> incentives.halfRule(b.contest()));
        assertThat(rule.selected()).isEqualTo(7);
        assertThat(rule.substantialApplied()).isEqualTo(3);
        assertThat(rule.substantialPlanned()).isEqualTo(1);
        assertThat(rule.met()).isFalse();
        assertThat(rule.sharePercent()).isEqualByComparingTo("42.9");

        // The fourth: 4 of 7, met.
        fixture.as(AwardFixture.HR, () -> incentives.checkEligibility(b.contest(), b.tourism(), 1, true,
                "「지방공무원 임용령」 제38조의5", null));
        fixture.as(AwardFixture.HR, () -> incentives.apply(b.contest(), b.tourism(), 1, LocalDate.parse("2024-07-01")));
        rule = fixture.as(AwardFixture.COORDINATOR, () -> incentives.halfRule(b.contest()));
        assertThat(rule.substantialApplied()).isEqualTo(4);
        assertThat(rule.met()).isTrue();
        assertThat(rule.sharePercent()).isEqualByComparingTo("57.1");
    }

    private void applySubstantial(long entry, int position, String code) {
        long contest = jdbc.sql("select contest_id from contest_entry where id = :id").param("id", entry).query(Long.class).single();
        fixture.as(AwardFixture.HR, () -> incentives.wish(contest, entry, position, code));
        fixture.as(AwardFixture.HR, () -> incentives.checkEligibility(contest, entry, position, true, BASIS, null));
        fixture.as(AwardFixture.HR, () -> incentives.apply(contest, entry, position, LocalDate.parse("2024-07-01")));
    }
}
