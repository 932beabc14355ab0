package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pyeongga.contest.FormulaVersion.Measure;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.organization.InstitutionQuery;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.voting.Ballot;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real cases' templates set up their stages and a first formula version: 보령 (서면 → top 5 → 발표 100), 남해 (서면
 * 80 + 군민투표 20 → top 6 → 발표 100, the vote limited to the county's residents), the national final (국민심사단 30 +
 * 전문가 50 + 국민투표 20 scaled min–max). The committee's decision stays with the decision pages.
 */
@IntegrationTest
class TemplateStagesTests {

    @Autowired
    Contests contests;

    @Autowired
    Stages stages;

    @Autowired
    FinalFormulas formulas;

    @Autowired
    InstitutionRegistry registry;

    long institution(String name) {
        return registry.search(new InstitutionQuery(LocalDate.parse("2024-12-31"), null, null, null, name, false), 0, 50)
                .items().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void namhaeCombinesTheWrittenRoundWithTheResidentsVoteAndPassesSix() {
        long contest = contests.createFromTemplate(ContestTemplates.NAMHAE_2025, institution("남해군"));
        stages.setUpFromTemplate(contest, "48840");
        var list = stages.stages(contest);
        assertThat(list).hasSize(2);
        assertThat(list.getFirst()).satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StageKind.WRITTEN);
            assertThat(s.panelWeight()).isEqualByComparingTo("80");
            assertThat(s.voteWeight()).isEqualByComparingTo("20");
            assertThat(s.passRule()).isEqualTo(PassRule.TOP_N);
            assertThat(s.passCount()).isEqualTo(6);
            assertThat(s.voteMaxChoices()).isEqualTo(3);
            assertThat(s.voteEligibility()).isEqualTo(Ballot.Eligibility.REGION.name());
            assertThat(s.criteria()).extracting(StageModel.Criterion::nameKo)
                    .containsExactly("군민체감도", "적극성·창의성", "중요도·난이도", "확산가능성");
        });
        assertThat(list.get(1)).satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StageKind.PRESENTATION);
            assertThat(s.passRule()).isEqualTo(PassRule.ALL);
            assertThat(s.hasVote()).isFalse();
        });
        var formula = formulas.versions(contest).getFirst();
        assertThat(formula.published()).isFalse();
        assertThat(formula.components()).singleElement().satisfies(c -> {
            assertThat(c.stage()).isEqualTo(2);
            assertThat(c.measure()).isEqualTo(Measure.STAGE_SCORE);
            assertThat(c.weight()).isEqualByComparingTo("100");
        });
        assertThatThrownBy(() -> stages.setUpFromTemplate(contest, null)).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("contestjudging.template.hasStages"));
    }

    @Test
    void theNationalFinalHasACitizenJuryExpertsAndAPublicVote() {
        long contest = contests.createFromTemplate(ContestTemplates.NATIONAL_2024, institution("인사혁신처"));
        stages.setUpFromTemplate(contest, null);
        var list = stages.stages(contest);
        assertThat(list).extracting(StageModel.StageView::kind)
                .containsExactly(StageKind.PRESENTATION, StageKind.PRESENTATION, StageKind.CITIZEN_VOTE);
        assertThat(list).extracting(StageModel.StageView::panelKind).containsExactly(PanelKind.CITIZEN, PanelKind.EXPERT, null);
        assertThat(list.get(2).voteEligibility()).isEqualTo(Ballot.Eligibility.VERIFIED.name());
        var components = formulas.versions(contest).getFirst().components();
        assertThat(components).extracting(FormulaVersion.Component::weight).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(java.math.BigDecimal.valueOf(30), java.math.BigDecimal.valueOf(50), java.math.BigDecimal.valueOf(20));
        assertThat(components.get(2)).satisfies(c -> {
            assertThat(c.stage()).isEqualTo(3);
            assertThat(c.measure()).isEqualTo(Measure.VOTES);
            assertThat(c.scaling()).isEqualTo(FinalFormula.Scaling.MIN_MAX);
        });
    }

    @Test
    void boryeongHasAWrittenRoundToFiveFinalistsAndAPresentation() {
        long contest = contests.createFromTemplate(ContestTemplates.BORYEONG_2024_H1, institution("보령시"));
        stages.setUpFromTemplate(contest, null);
        assertThat(stages.stages(contest)).extracting(s -> s.kind() + "/" + s.passRule() + "/" + s.passCount())
                .containsExactly("WRITTEN/TOP_N/5", "PRESENTATION/ALL/null");
    }
}
