package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.account.VoterKey;
import org.pyeongga.contest.FormulaVersion.Component;
import org.pyeongga.contest.FormulaVersion.Measure;
import org.pyeongga.contest.StageModel.Criterion;
import org.pyeongga.contest.StageModel.NewStage;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.contest.StageModel.VotePeriod;
import org.pyeongga.contest.StageModel.VoteScaling;
import org.pyeongga.contest.StageModel.VoteSpec;
import org.pyeongga.core.Digests;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.pyeongga.voting.Ballots;
import org.pyeongga.voting.CastContext;
import org.pyeongga.voting.Channel;
import org.pyeongga.voting.Choice;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.Voter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The 2024 national final (인사혁신처·행정안전부 적극행정 우수사례 경진대회 본선) on the real database: 17 finalists
 * (titles invented), 국민심사단 30 + 전문가 50 + 국민투표 20 (votes scaled min–max across the finalists), tiers 대상 6
 * and 최우수 11. A new formula version is possible before the vote opens; once it has opened, changing the formula is
 * refused with a clear message.
 */
@IntegrationTest
class NationalFinalTests {

    static final String OWNER = "coordinator@mpm-contest.test.pyeongga.kr";

    @Autowired
    Stages stages;

    @Autowired
    FinalFormulas formulas;

    @Autowired
    ContestResults results;

    @Autowired
    Ballots ballots;

    @Autowired
    VoteCasting casting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    UserDetailsService users;

    static final List<Criterion> CITIZEN = List.of(new Criterion("FELT", "국민체감도", "Felt by citizens", 60),
            new Criterion("SPREAD", "확산가능성", "Transferability", 40));
    static final List<Criterion> EXPERT = List.of(new Criterion("FELT", "국민체감도", "Felt by citizens", 40),
            new Criterion("EXPERTISE", "전문성", "Expertise", 30), new Criterion("DIFFICULTY", "난이도", "Difficulty", 20),
            new Criterion("SPREAD", "확산가능성", "Transferability", 10));

    static List<Component> formula(String citizenName) {
        return List.of(new Component("CITIZEN_JURY", citizenName, "Citizen jury", 1, Measure.STAGE_SCORE, BigDecimal.valueOf(30),
                        FinalFormula.Scaling.SCORE_0_100),
                new Component("EXPERTS", "전문가 심사", "Experts", 2, Measure.STAGE_SCORE, BigDecimal.valueOf(50), FinalFormula.Scaling.SCORE_0_100),
                new Component("PUBLIC_VOTE", "국민투표", "Public vote", 3, Measure.VOTES, BigDecimal.valueOf(20), FinalFormula.Scaling.MIN_MAX));
    }

    @Test
    void seventeenFinalistsCitizenJuryThirtyExpertsFiftyPublicVoteTwentyAndTheFormulaLocksWhenTheVoteOpens() {
        var fixture = new StageFixture(jdbc, accounts, departments, registry, users);
        long mpm = fixture.institution("인사혁신처");
        fixture.person(OWNER, "인사혁신처 총괄 (시험)", mpm, Role.INSTITUTION_COORDINATOR, null);
        long contest = fixture.contest(mpm, "BEST_PRACTICE", "2024년 적극행정 우수사례 경진대회 본선 (시험)",
                "2024 national proactive administration contest, final (test)", 2024, null,
                List.of(new Object[] {"GRAND", "대상", "Grand prize", 6}, new Object[] {"TOP", "최우수", "Top prize", 11}));
        long submitter = fixture.person("clerk@mpm-contest.test.pyeongga.kr", "인사혁신처 주무관 (시험)", mpm, Role.INDICATOR_OWNER, null);
        long department = fixture.department(mpm, "적극행정과", "Proactive Administration Division");
        List<Long> entries = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            entries.add(fixture.entry(contest, "본선 진출 사례 " + i + " (시험용 가상 사례)", department, submitter, List.of()));
        }
        List<String> jury = new ArrayList<>();
        List<String> experts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jury.add("jury" + i + "@mpm-contest.test.pyeongga.kr");
            fixture.person(jury.getLast(), "국민심사단 " + (i + 1) + " (시험)", null, Role.EVALUATOR, null);
        }
        for (int i = 0; i < 5; i++) {
            experts.add("expert" + i + "@mpm-contest.test.pyeongga.kr");
            fixture.person(experts.getLast(), "전문가 " + (i + 1) + " (시험)", null, Role.EVALUATOR, null);
        }
        long juryStage = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.PRESENTATION, "국민심사단 심사",
                "Citizen jury", PanelKind.CITIZEN, CITIZEN, PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        long expertStage = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.PRESENTATION, "전문가 심사",
                "Experts", PanelKind.EXPERT, EXPERT, PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        long voteStage = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.CITIZEN_VOTE, "국민투표", "Public vote",
                null, List.of(), PassRule.ALL, null, null, BigDecimal.ZERO, BigDecimal.valueOf(100),
                new VoteSpec(3, Ballot.Eligibility.VERIFIED, null, VoteScaling.MIN_MAX))));
        // weights must add up to 100
        assertThatThrownBy(() -> fixture.as(OWNER, () -> formulas.save(contest, new FormulaVersion.NewFormula("틀린 산식",
                formula("국민심사단").subList(0, 2))))).isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("contestjudging.formula.sum");
                    assertThat(e.args()).containsExactly("80");
                });
        fixture.as(OWNER, () -> formulas.publish(contest, formulas.save(contest, new FormulaVersion.NewFormula("2024 본선 v1",
                formula("국민심사단"))).version()));
        // before the vote opens a new version is possible
        fixture.as(OWNER, () -> formulas.publish(contest, formulas.save(contest, new FormulaVersion.NewFormula("2024 본선 v2",
                formula("국민심사단 (100명)"))).version()));
        assertThat(formulas.published(contest)).get().satisfies(f -> {
            assertThat(f.version()).isEqualTo(2);
            assertThat(f.lockedAt()).isNull();
        });

        // 국민심사단: judge j gives finalist i level (i + j) % 5 on each criterion
        fixture.as(OWNER, () -> stages.open(juryStage, jury, null));
        fixture.scoreAll(stages, juryStage, jury, (judge, entry) -> {
            int level = (entries.indexOf(entry) * 2 + judge) % 5;
            return Map.of("FELT", level, "SPREAD", (level + 1) % 5);
        });
        fixture.as(OWNER, () -> stages.close(juryStage));
        fixture.as(OWNER, () -> stages.open(expertStage, experts, null));
        fixture.scoreAll(stages, expertStage, experts, (judge, entry) -> {
            Map<String, Integer> levels = new HashMap<>();
            for (int c = 0; c < EXPERT.size(); c++) {
                levels.put(EXPERT.get(c).code(), (entries.indexOf(entry) + judge * c) % 5);
            }
            return levels;
        });
        fixture.as(OWNER, () -> stages.close(expertStage));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        fixture.as(OWNER, () -> stages.open(voteStage, List.of(), new VotePeriod(now.minusSeconds(60), now.plusSeconds(3600))));
        // the vote has opened: the formula is locked
        assertThatThrownBy(() -> fixture.as(OWNER, () -> formulas.save(contest, new FormulaVersion.NewFormula("2024 본선 v3",
                formula("국민심사단")))))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("contestjudging.formula.locked");
                    assertThat(e.status().value()).isEqualTo(409);
                });
        assertThatThrownBy(() -> fixture.as(OWNER, () -> formulas.publish(contest, 1)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.formula.locked"));
        assertThat(formulas.published(contest)).get().satisfies(f -> {
            assertThat(f.version()).isEqualTo(2);
            assertThat(f.lockedAt()).isNotNull();
        });

        long ballot = fixture.as(OWNER, () -> stages.stage(voteStage)).ballotId();
        List<Long> options = ballots.ballot(ballot).options().stream().map(Ballot.Option::id).toList();
        assertThat(options).hasSize(17);
        for (int v = 0; v < 120; v++) {
            Set<Long> chosen = new LinkedHashSet<>(List.of(options.get(v % 17), options.get((v * 3) % 17), options.get(v % 5)));
            var voter = new Voter(new VoterKey(Digests.sha256Hex("citizen-" + v + "-" + contest)), null, Set.of());
            casting.cast(ballot, voter, Choice.of(List.copyOf(chosen)), Channel.WEB, new CastContext(Instant.now(), "d" + v, "n" + v, null));
        }
        jdbc.sql("update voting_ballot set opens_at = now() - interval '2 hours', closes_at = date_trunc('second', now()) - interval '1 hour' where id = :id")
                .param("id", ballot).update();
        fixture.as(OWNER, () -> stages.close(voteStage));

        var ranking = fixture.as(OWNER, () -> results.ranking(contest));
        assertThat(ranking).hasSize(17);
        assertThat(ranking).extracting(RankedEntry::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(ranking).extracting(RankedEntry::tierNameKo).containsExactly("대상", "대상", "대상", "대상", "대상", "대상",
                "최우수", "최우수", "최우수", "최우수", "최우수", "최우수", "최우수", "최우수", "최우수", "최우수", "최우수");
        assertThat(ranking).extracting(RankedEntry::formulaVersion).containsOnly(2);
        for (int k = 1; k < ranking.size(); k++) {
            assertThat(ranking.get(k).finalScore()).isLessThanOrEqualTo(ranking.get(k - 1).finalScore());
        }
        // every final score is traceable: 0.3 × jury + 0.5 × experts + 0.2 × (votes − min)/(max − min) × 100
        var juryResults = fixture.as(OWNER, () -> stages.results(juryStage));
        var expertResults = fixture.as(OWNER, () -> stages.results(expertStage));
        var voteResults = fixture.as(OWNER, () -> stages.results(voteStage));
        long min = voteResults.stream().mapToLong(StageModel.Result::votes).min().orElseThrow();
        long max = voteResults.stream().mapToLong(StageModel.Result::votes).max().orElseThrow();
        assertThat(max).isGreaterThan(min);
        for (RankedEntry r : ranking) {
            BigDecimal juryScore = juryResults.stream().filter(x -> x.entryId() == r.entryId()).findFirst().orElseThrow().score();
            BigDecimal expertScore = expertResults.stream().filter(x -> x.entryId() == r.entryId()).findFirst().orElseThrow().score();
            long votes = voteResults.stream().filter(x -> x.entryId() == r.entryId()).findFirst().orElseThrow().votes();
            BigDecimal scaledVotes = BigDecimal.valueOf(votes - min).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(max - min), 10, RoundingMode.HALF_UP);
            BigDecimal expected = juryScore.multiply(new BigDecimal("0.3")).add(expertScore.multiply(new BigDecimal("0.5")))
                    .add(scaledVotes.multiply(new BigDecimal("0.2")));
            assertThat(r.finalScore()).isCloseTo(expected, org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
            assertThat(r.explanation()).extracting(RankedEntry.ComponentValue::code).containsExactly("CITIZEN_JURY", "EXPERTS", "PUBLIC_VOTE");
            assertThat(r.explanation().get(2).raw()).isEqualByComparingTo(BigDecimal.valueOf(votes));
            assertThat(r.explanation().get(2).scaled()).isCloseTo(scaledVotes, org.assertj.core.data.Offset.offset(new BigDecimal("0.001")));
            assertThat(r.explanation().get(0).raw()).isEqualByComparingTo(juryScore);
        }
    }
}
