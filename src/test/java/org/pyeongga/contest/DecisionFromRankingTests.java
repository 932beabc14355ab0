package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.AwardModel.Award;
import org.pyeongga.contest.AwardModel.NewDecision;
import org.pyeongga.contest.AwardModel.Outcome;
import org.pyeongga.contest.FormulaVersion.Component;
import org.pyeongga.contest.FormulaVersion.Measure;
import org.pyeongga.contest.StageModel.Criterion;
import org.pyeongga.contest.StageModel.NewStage;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The decision starts from the ranking: after a presentation stage closes under a published formula, the proposed
 * tiers are preselected; deciding otherwise needs a reason and each award keeps the tier that was proposed. The public
 * page then shows the stage, its criteria and the formula.
 */
@IntegrationTest
class DecisionFromRankingTests {

    static final String OWNER = "owner@award-ranking.test.pyeongga.kr";
    static final String JUDGE = "judge@award-ranking.test.pyeongga.kr";

    @Autowired
    Stages stages;

    @Autowired
    FinalFormulas formulas;

    @Autowired
    Decisions decisions;

    @Autowired
    PublicResults publicResults;

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

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aDecisionDifferentFromTheRankingNeedsAReasonAndKeepsTheProposal() {
        var fixture = new StageFixture(jdbc, accounts, departments, registry, users);
        long boryeong = fixture.institution("보령시");
        fixture.person(OWNER, "보령시 기관 총괄 (시험)", boryeong, Role.INSTITUTION_COORDINATOR, null);
        fixture.person(JUDGE, "외부 심사위원 (시험)", null, Role.EVALUATOR, null);
        long contest = fixture.contest(boryeong, "BEST_PRACTICE", "2024년 상반기 적극행정 우수사례 경진대회 (순위 " + UUID.randomUUID()
                .toString().substring(0, 4) + ")", "2024 H1 contest (ranking test)", 2024, 1, List.<Object[]>of(
                new Object[] {"GRAND", "최우수", "Grand prize", 1}, new Object[] {"EXCELLENCE", "우수", "Excellence", 2}));
        long submitter = fixture.person("clerk@award-ranking.test.pyeongga.kr", "보령시 주무관 (시험)", boryeong, Role.INDICATOR_OWNER, null);
        String[][] cases = {{"세무과", "Tax Division", "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴"},
            {"신산업전략과", "New Industry Strategy Division", "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발"},
            {"관광과", "Tourism Division", "머드축제 바가지요금 신고센터 상시 운영"}};
        List<Long> entries = new ArrayList<>();
        for (String[] c : cases) {
            entries.add(fixture.entry(contest, c[2], fixture.department(boryeong, c[0], c[1]), submitter, List.of()));
        }
        List<Criterion> criteria = List.of(new Criterion("FELT", "국민체감도", "Felt by citizens", 40),
                new Criterion("EXPERTISE", "전문성", "Expertise", 30), new Criterion("DIFFICULTY", "난이도", "Difficulty", 20),
                new Criterion("SPREAD", "확산가능성", "Transferability", 10));
        long presentation = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.PRESENTATION, "발표 심사",
                "Presentation", PanelKind.EXPERT, criteria, PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        fixture.as(OWNER, () -> {
            var version = formulas.save(contest, new FormulaVersion.NewFormula("2024 상반기 발표 100", List.of(new Component(
                    "PRESENTATION", "발표 심사", "Presentation", 1, Measure.STAGE_SCORE, BigDecimal.valueOf(100),
                    FinalFormula.Scaling.SCORE_0_100))));
            formulas.publish(contest, version.version());
        });
        fixture.as(OWNER, () -> stages.open(presentation, List.of(JUDGE), null));
        fixture.as(JUDGE, () -> {
            for (var entry : stages.myStage(presentation).entries()) {
                int level = entries.indexOf(entry.entryId());
                Map<String, Integer> levels = Map.of("FELT", level, "EXPERTISE", level, "DIFFICULTY", level, "SPREAD", level);
                stages.score(presentation, entry.entryId(), levels, true);
            }
        });
        fixture.as(OWNER, () -> stages.close(presentation));

        assertThat(fixture.as(OWNER, () -> decisions.proposal(contest)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(entries.get(0), 1, entries.get(1), 2, entries.get(2), 2));
        // The decision page preselects the proposed tiers and links to the ranking's explanation.
        var page = org.pyeongga.support.Http.signedIn(port, OWNER).getPage("/admin/contests/" + contest + "/decision");
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("/admin/contests/" + contest + "/ranking")
                .containsPattern("name=\"tier_" + entries.get(0) + "\"[^>]*>\\s*<option value=\"\"[^>]*>[^<]*</option>\\s*<option value=\"1\" selected");
        var swapped = List.of(new Award(entries.get(1), 1), new Award(entries.get(0), 2), new Award(entries.get(2), 2));
        assertThatThrownBy(() -> fixture.as(OWNER, () -> decisions.record(contest, new NewDecision(LocalDate.parse("2024-06-20"),
                Outcome.DECIDED, AwardFixture.committee(5), swapped, null, null, null, null))))
                .isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.deviation");
        // Leaving out a proposed entry is a deviation too.
        assertThatThrownBy(() -> fixture.as(OWNER, () -> decisions.record(contest, new NewDecision(LocalDate.parse("2024-06-20"),
                Outcome.DECIDED, AwardFixture.committee(5), List.of(new Award(entries.get(0), 1), new Award(entries.get(1), 2)), null,
                null, null, null)))).isInstanceOf(UserFacingException.class).hasMessage("contestaward.error.deviation");

        fixture.as(OWNER, () -> decisions.record(contest, new NewDecision(LocalDate.parse("2024-06-20"), Outcome.DECIDED,
                AwardFixture.committee(5), swapped, "위원회 토론에서 투자유치 사례의 파급효과를 더 높게 평가", null, null, null)));
        var current = fixture.as(OWNER, () -> decisions.current(contest)).orElseThrow();
        assertThat(current.proposalUsed()).isTrue();
        assertThat(current.deviationReason()).contains("파급효과");
        assertThat(current.awards()).extracting(a -> a.tierRank() + "/" + a.proposedTierRank() + "/" + a.deviates())
                .containsExactly("1/2/true", "2/1/true", "2/2/false");

        fixture.as(OWNER, () -> decisions.publish(contest));
        var result = publicResults.result(contest);
        assertThat(result.tiers()).extracting(t -> t.tier().nameKo() + ":" + t.winners().size()).containsExactly("최우수:1", "우수:2");
        assertThat(result.tiers().getFirst().winners().getFirst().title()).startsWith("기업 유치의 문을 열다");
        assertThat(result.stages()).singleElement().satisfies(s -> assertThat(s.criteria()).extracting(Criterion::nameKo)
                .containsExactly("국민체감도", "전문성", "난이도", "확산가능성"));
        assertThat(result.formula()).isNotNull().extracting(FormulaVersion::label).isEqualTo("2024 상반기 발표 100");
    }
}
