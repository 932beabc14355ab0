package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.pyeongga.core.Actor;
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
import org.pyeongga.voting.Tallies;
import org.pyeongga.voting.VoteCasting;
import org.pyeongga.voting.Voter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 남해군 2025 적극행정 우수공무원 선발 on the real database: ten nominees (names and cases invented), a written round
 * scored 80 % with a 군민투표 (residents of 남해군 choose up to 3) worth 20 %, the top 6 going on to a presentation
 * round that decides 최우수 1, 우수 2, 장려 3. The vote's results stay hidden until the stage closes; a resident's vote
 * lifts one nominee into the top 6 over a higher written score.
 */
@IntegrationTest
class NamhaeSelectionTests {

    static final String OWNER = "coordinator@namhae-contest.test.pyeongga.kr";
    static final String REGION = "48840";

    @Autowired
    Stages stages;

    @Autowired
    FinalFormulas formulas;

    @Autowired
    ContestResults results;

    @Autowired
    Ballots ballots;

    @Autowired
    Tallies tallies;

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

    static List<Criterion> criteria() {
        return List.of(new Criterion("FELT", "군민체감도", "Felt by residents", 40),
                new Criterion("INITIATIVE", "적극성·창의성", "Initiative and creativity", 30),
                new Criterion("DIFFICULTY", "중요도·난이도", "Importance and difficulty", 20),
                new Criterion("SPREAD", "확산가능성", "Transferability", 10));
    }

    static Map<String, Integer> all(int level) {
        Map<String, Integer> levels = new HashMap<>();
        criteria().forEach(c -> levels.put(c.code(), level));
        return levels;
    }

    @Test
    void writtenEightyPlusResidentsVoteTwentyLeaveSixAndThePresentationDecidesOneTwoThree() {
        var fixture = new StageFixture(jdbc, accounts, departments, registry, users);
        long namhae = fixture.institution("남해군");
        fixture.person(OWNER, "남해군 기관 총괄 (시험)", namhae, Role.INSTITUTION_COORDINATOR, null);
        long contest = fixture.contest(namhae, "OUTSTANDING_OFFICIAL", "2025년 적극행정 우수공무원 선발 (시험)",
                "2025 outstanding proactive officials (test)", 2025, null,
                List.of(new Object[] {"GRAND", "최우수", "Grand prize", 1}, new Object[] {"EXCELLENCE", "우수", "Excellence", 2},
                        new Object[] {"MERIT", "장려", "Merit", 3}));
        String[][] nominees = {
            {"관광경제과", "Tourism Economy Division", "독일마을 주차난 해소를 위한 임시 공영주차장 확보"},
            {"해양수산과", "Marine Fisheries Division", "고수온 양식 피해 선제 대응 매뉴얼"},
            {"민원과", "Civil Affairs Division", "섬마을 찾아가는 이동 민원실"},
            {"농업정책과", "Agricultural Policy Division", "마늘 수확 인력 중개 플랫폼"},
            {"안전총괄과", "Safety Division", "해안도로 낙석 위험 지도 제작"},
            {"주민복지과", "Resident Welfare Division", "홀로 사는 어르신 안부 문자 서비스"},
            {"재무과", "Finance Division", "지방세 체납액 분할 납부 상담창구"},
            {"문화체육과", "Culture and Sports Division", "전지훈련 유치로 겨울 비수기 극복"},
            {"건설교통과", "Construction Transport Division", "농어촌버스 수요응답형 전환"},
            {"환경과", "Environment Division", "해양 쓰레기 민관 합동 수거선"}};
        long submitter = fixture.person("clerk@namhae-contest.test.pyeongga.kr", "남해군 주무관 (시험)", namhae, Role.INDICATOR_OWNER, null);
        List<Long> entries = new ArrayList<>();
        for (String[] n : nominees) {
            entries.add(fixture.entry(contest, n[2], fixture.department(namhae, n[0], n[1]), submitter, List.of()));
        }
        List<String> judges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = "judge" + i + "@namhae-contest.test.pyeongga.kr";
            fixture.person(email, "남해군 심사위원 " + (i + 1) + " (시험)", null, Role.EVALUATOR, null);
            judges.add(email);
        }

        long written = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.WRITTEN, "서면 심사 + 군민투표",
                "Written review + residents' vote", PanelKind.EXPERT, criteria(), PassRule.TOP_N, 6, null, BigDecimal.valueOf(80),
                BigDecimal.valueOf(20), new VoteSpec(3, Ballot.Eligibility.REGION, REGION, VoteScaling.VOTE_SHARE))));
        long presentation = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.PRESENTATION, "발표 심사",
                "Presentation", PanelKind.EXPERT, criteria(), PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        VotePeriod period = new VotePeriod(now.minusSeconds(60), now.plusSeconds(3600));
        // no vote opens before the final formula is published
        assertThatThrownBy(() -> fixture.as(OWNER, () -> stages.open(written, judges.subList(0, 3), period)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.stage.formulaFirst"));
        fixture.as(OWNER, () -> formulas.publish(contest, formulas.save(contest, new FormulaVersion.NewFormula("2025 v1", List.of(
                new Component("PRESENTATION", "발표 심사", "Presentation", 2, Measure.STAGE_SCORE, BigDecimal.valueOf(100),
                        FinalFormula.Scaling.SCORE_0_100)))).version()));
        fixture.as(OWNER, () -> stages.open(written, judges.subList(0, 3), period));
        long ballot = fixture.as(OWNER, () -> stages.stage(written)).ballotId();

        // written levels: totals 100, 90, 90, 80, 80, 80, 80, 70, 70, 60
        int[] writtenLevels = {0, 1, 1, 2, 2, 2, 2, 3, 3, 4};
        fixture.scoreAll(stages, written, judges.subList(0, 3), (judge, entry) -> all(writtenLevels[entries.indexOf(entry)]));
        // 100 residents choose up to three: 문화체육과's 전지훈련 (8th, written 70) is chosen by all of them
        List<Long> options = ballots.ballot(ballot).options().stream().map(Ballot.Option::id).toList();
        assertThat(options).hasSize(10);
        for (int v = 0; v < 100; v++) {
            List<Long> chosen = new ArrayList<>(List.of(options.get(7)));
            if (v < 40) {
                chosen.add(options.get(0));
            }
            if (v < 20) {
                chosen.add(options.get(3));
            }
            var voter = new Voter(new VoterKey(Digests.sha256Hex("namhae-resident-" + v + "-" + contest)), REGION + "25021", Set.of());
            casting.cast(ballot, voter, Choice.of(chosen), Channel.WEB, new CastContext(Instant.now(), "device-" + v, "net-" + v, null));
        }
        var outsider = new Voter(new VoterKey(Digests.sha256Hex("busan-resident-" + contest)), "2611010100", Set.of());
        assertThatThrownBy(() -> casting.cast(ballot, outsider, Choice.of(List.of(options.get(9))), Channel.WEB,
                new CastContext(Instant.now(), "device-x", "net-x", null))).isInstanceOf(UserFacingException.class);
        assertThat(tallies.visibleTally(ballot, Actor.system()).visible()).isFalse();
        assertThatThrownBy(() -> fixture.as(OWNER, () -> stages.close(written)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.stage.voteRunning"));
        jdbc.sql("update voting_ballot set opens_at = now() - interval '2 hours', closes_at = date_trunc('second', now()) - interval '1 hour' where id = :id")
                .param("id", ballot).update();

        var writtenResults = fixture.as(OWNER, () -> stages.close(written));
        // votes 100 + 40 + 20 = 160, so shares 62.5 %, 25 %, 12.5 %; stage score = 0.8 × written + 0.2 × share:
        // 관광경제과 80 + 5 = 85; 해양수산과, 민원과 72; 문화체육과 56 + 12.5 = 68.5 (past 농업정책과 64 + 2.5 and the 64s)
        assertThat(writtenResults).extracting(StageModel.Result::entryId).containsExactly(entries.get(0), entries.get(1), entries.get(2),
                entries.get(7), entries.get(3), entries.get(4), entries.get(5), entries.get(6), entries.get(8), entries.get(9));
        assertThat(writtenResults).filteredOn(r -> r.entryId() == entries.get(7)).singleElement().satisfies(r -> {
            assertThat(r.panelScore()).isEqualByComparingTo("70");
            assertThat(r.votes()).isEqualTo(100);
            assertThat(r.voteScaled()).isEqualByComparingTo("62.5");
            assertThat(r.score()).isEqualByComparingTo("68.5");
            assertThat(r.passed()).isTrue();
        });
        assertThat(writtenResults).filteredOn(StageModel.Result::passed).hasSize(6);
        assertThat(tallies.visibleTally(ballot, Actor.anonymous()).visible()).isTrue();

        // the presentation decides: levels by finalist in presentation order (entry order) and judge
        fixture.as(OWNER, () -> stages.open(presentation, judges, null));
        var finalists = fixture.as(OWNER, () -> stages.entries(presentation)).stream().map(StageModel.StageEntry::entryId).toList();
        assertThat(finalists).containsExactly(entries.get(0), entries.get(1), entries.get(2), entries.get(3), entries.get(4), entries.get(7));
        int[] presentationLevels = {1, 2, 3, 2, 3, 0};
        fixture.scoreAll(stages, presentation, judges, (judge, entry) -> all(presentationLevels[finalists.indexOf(entry)]));
        fixture.as(OWNER, () -> stages.close(presentation));
        var ranking = fixture.as(OWNER, () -> results.ranking(contest));
        assertThat(ranking).extracting(RankedEntry::entryId).containsExactly(entries.get(7), entries.get(0), entries.get(1),
                entries.get(3), entries.get(2), entries.get(4));
        assertThat(ranking).extracting(RankedEntry::tierNameKo).containsExactly("최우수", "우수", "우수", "장려", "장려", "장려");
        assertThat(ranking).extracting(RankedEntry::finalScore).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("80"), new BigDecimal("80"),
                        new BigDecimal("70"), new BigDecimal("70"));
    }
}
