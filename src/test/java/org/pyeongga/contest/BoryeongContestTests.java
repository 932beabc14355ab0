package org.pyeongga.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.contest.FormulaVersion.Component;
import org.pyeongga.contest.FormulaVersion.Measure;
import org.pyeongga.contest.StageModel.Criterion;
import org.pyeongga.contest.StageModel.NewStage;
import org.pyeongga.contest.StageModel.PassRule;
import org.pyeongga.contest.StageModel.StageKind;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.Judging;
import org.pyeongga.judging.PanelKind;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.scoring.FinalFormula;
import org.pyeongga.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 보령시 2024 상반기 적극행정 우수사례 경진대회 on the real database: nine department cases (세무과's and 신산업전략과's are
 * the real winners; the other seven are invented, plausible cases), a written round (서면, three judges) leaving five
 * finalists, a presentation round scored by five judges, and the result 최우수 1, 우수 2, 장려 2 with 세무과 first. The
 * 세무과장 on the presentation panel never judges 세무과's case, and the conflict list says why. Running results stay
 * hidden until a stage closes; another judge's sheet, a closed stage and another city's manager are refused.
 */
@IntegrationTest
class BoryeongContestTests {

    static final String OWNER = "coordinator@boryeong-contest.test.pyeongga.kr";
    static final String OTHER_CITY = "coordinator@gunsan-contest.test.pyeongga.kr";

    @Autowired
    Stages stages;

    @Autowired
    FinalFormulas formulas;

    @Autowired
    ContestResults results;

    @Autowired
    Judging judging;

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

    StageFixture fixture;
    long boryeong;

    @BeforeEach
    void setUp() {
        fixture = new StageFixture(jdbc, accounts, departments, registry, users);
        boryeong = fixture.institution("보령시");
        fixture.person(OWNER, "보령시 기관 총괄 (시험)", boryeong, Role.INSTITUTION_COORDINATOR, null);
        fixture.person(OTHER_CITY, "군산시 기관 총괄 (시험)", fixture.institution("군산시"), Role.INSTITUTION_COORDINATOR, null);
    }

    static List<Criterion> criteria() {
        return List.of(new Criterion("FELT", "국민체감도", "Felt by citizens", 40), new Criterion("EXPERTISE", "전문성", "Expertise", 30),
                new Criterion("DIFFICULTY", "난이도", "Difficulty", 20), new Criterion("SPREAD", "확산가능성", "Transferability", 10));
    }

    static Map<String, Integer> all(int level) {
        Map<String, Integer> levels = new HashMap<>();
        criteria().forEach(c -> levels.put(c.code(), level));
        return levels;
    }

    @Test
    void aStageDoesNotCloseWhileAnEntryHasNoJudgeWithoutAConflict() {
        long contest = fixture.contest(boryeong, "BEST_PRACTICE", "모든 위원이 이해충돌인 사례 (시험)", "All judges conflicted (test)",
                2024, 2, List.<Object[]>of(new Object[] {"GRAND", "최우수", "Grand prize", 1}));
        long submitter = fixture.person("clerk2@boryeong-contest.test.pyeongga.kr", "보령시 주무관 2 (시험)", boryeong,
                Role.INDICATOR_OWNER, null);
        long tax = fixture.department(boryeong, "세무과", "Tax Division");
        long tourism = fixture.department(boryeong, "관광과", "Tourism Division");
        long taxCase = fixture.entry(contest, "세무과 사례 (시험)", tax, submitter, List.of());
        fixture.entry(contest, "관광과 사례 (시험)", tourism, submitter, List.of());
        String taxClerk = "tax.clerk@boryeong-contest.test.pyeongga.kr";
        fixture.person(taxClerk, "세무과 주무관 (시험)", boryeong, Role.EVALUATOR, tax);
        long stage = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.WRITTEN, "서면 심사", "Written review",
                PanelKind.EXPERT, criteria(), PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        // the only judge belongs to the tax division: the tax case has nobody to score it
        fixture.as(OWNER, () -> stages.open(stage, List.of(taxClerk), null));
        fixture.scoreAll(stages, stage, List.of(taxClerk), (judge, entry) -> all(1));
        assertThatThrownBy(() -> fixture.as(OWNER, () -> stages.close(stage)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("contestjudging.stage.unjudged");
                    assertThat(e.args()).containsExactly("세무과 사례 (시험)");
                });
        assertThat(fixture.as(OWNER, () -> stages.stage(stage)).status()).isEqualTo(StageModel.Status.OPEN);
        assertThat(taxCase).isPositive();
    }

    @Test
    void aWrittenRoundLeavesFiveFinalistsAndFiveJudgesDecideTheTaxCaseWins() {
        String[][] cases = {
            {"세무과", "Tax Division", "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴"},
            {"신산업전략과", "New Industry Strategy Division", "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발"},
            {"민원봉사과", "Civil Service Division", "찾아가는 야간 민원실로 직장인 민원 불편 해소"},
            {"관광과", "Tourism Division", "머드축제 바가지요금 신고센터 상시 운영"},
            {"해양정책과", "Marine Policy Division", "폐어구 수거 보상제로 연안 쓰레기 줄이기"},
            {"농업정책과", "Agricultural Policy Division", "농기계 임대 예약 온라인화"},
            {"복지정책과", "Welfare Policy Division", "고독사 위험 가구 스마트 플러그 돌봄"},
            {"건설과", "Construction Division", "소규모 공사 설계 자체 수행으로 예산 절감"},
            {"보건소", "Public Health Center", "섬 지역 원격 진료 연계"}};
        long contest = fixture.contest(boryeong, "BEST_PRACTICE", "2024년 상반기 적극행정 우수사례 경진대회 (시험)",
                "2024 H1 proactive administration best practice contest (test)", 2024, 1,
                List.of(new Object[] {"GRAND", "최우수", "Grand prize", 1}, new Object[] {"EXCELLENCE", "우수", "Excellence", 2},
                        new Object[] {"MERIT", "장려", "Merit", 2}));
        long submitter = fixture.person("clerk@boryeong-contest.test.pyeongga.kr", "보령시 주무관 (시험)", boryeong, Role.INDICATOR_OWNER, null);
        List<Long> entries = new ArrayList<>();
        Map<String, Long> department = new HashMap<>();
        for (String[] c : cases) {
            long d = fixture.department(boryeong, c[0], c[1]);
            department.put(c[0], d);
            entries.add(fixture.entry(contest, c[2], d, submitter, List.of()));
        }
        long general = fixture.department(boryeong, "총무과", "General Affairs Division");
        // written panel: 총무과장, 민원봉사과장 (conflict with 민원봉사과's case), an outside professor
        String generalHead = "general.head@boryeong-contest.test.pyeongga.kr";
        String civilHead = "civil.head@boryeong-contest.test.pyeongga.kr";
        String taxHead = "tax.head@boryeong-contest.test.pyeongga.kr";
        String viceMayor = "vice.mayor@boryeong-contest.test.pyeongga.kr";
        List<String> professors = List.of("prof.kim@boryeong-contest.test.pyeongga.kr", "prof.lee@boryeong-contest.test.pyeongga.kr",
                "prof.park@boryeong-contest.test.pyeongga.kr");
        fixture.person(generalHead, "총무과장 (시험)", boryeong, Role.EVALUATOR, general);
        fixture.person(civilHead, "민원봉사과장 (시험)", boryeong, Role.EVALUATOR, department.get("민원봉사과"));
        long taxHeadId = fixture.person(taxHead, "세무과장 (시험)", boryeong, Role.EVALUATOR, department.get("세무과"));
        fixture.person(viceMayor, "부시장 (시험)", boryeong, Role.EVALUATOR, null);
        for (int i = 0; i < professors.size(); i++) {
            fixture.person(professors.get(i), "외부 심사위원 " + (i + 1) + " (시험)", null, Role.EVALUATOR, null);
        }

        long written = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.WRITTEN, "서면 심사", "Written review",
                PanelKind.EXPERT, criteria(), PassRule.TOP_N, 5, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        long presentation = fixture.as(OWNER, () -> stages.addStage(contest, new NewStage(StageKind.PRESENTATION, "발표 심사",
                "Presentation", PanelKind.EXPERT, criteria(), PassRule.ALL, null, null, BigDecimal.valueOf(100), BigDecimal.ZERO, null)));
        fixture.as(OWNER, () -> {
            var version = formulas.save(contest, new FormulaVersion.NewFormula("2024 상반기 v1", List.of(new Component("PRESENTATION",
                    "발표 심사", "Presentation", 2, Measure.STAGE_SCORE, BigDecimal.valueOf(100), FinalFormula.Scaling.SCORE_0_100))));
            formulas.publish(contest, version.version());
        });
        assertThat(formulas.published(contest)).get().extracting(FormulaVersion::label).isEqualTo("2024 상반기 v1");

        // another city's manager sees nothing of it
        assertThatThrownBy(() -> fixture.as(OTHER_CITY, () -> stages.stages(contest))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("contestjudging.contest.notFound"));
        assertThatThrownBy(() -> fixture.as(OTHER_CITY, () -> stages.open(written, List.of(generalHead), null)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.contest.notFound"));

        // written round: every judge gives a case the same level on every criterion (totals 100, 100, 90, 80, 90, 70, 90, 70, 60)
        fixture.as(OWNER, () -> stages.open(written, List.of(generalHead, civilHead, professors.get(0)), null));
        assertThat(fixture.as(OWNER, () -> stages.conflicts(written))).singleElement().satisfies(c -> {
            assertThat(c.entryId()).isEqualTo(entries.get(2));
            assertThat(c.reasonKo()).isEqualTo("민원봉사과 소속: 자기 부서 사례는 심사할 수 없습니다");
        });
        int[] writtenLevels = {0, 0, 1, 2, 1, 3, 1, 3, 4};
        fixture.scoreAll(stages, written, List.of(generalHead, civilHead, professors.get(0)),
                (judge, entry) -> all(writtenLevels[entries.indexOf(entry)]));
        assertThat(fixture.as(civilHead, () -> stages.myStage(written).entries())).extracting(StageModel.JudgeEntry::entryId)
                .doesNotContain(entries.get(2)).hasSize(8);
        var writtenResults = fixture.as(OWNER, () -> stages.close(written));
        assertThat(writtenResults).filteredOn(StageModel.Result::passed).extracting(StageModel.Result::entryId)
                .containsExactly(entries.get(0), entries.get(1), entries.get(2), entries.get(4), entries.get(6));
        assertThat(writtenResults).filteredOn(r -> r.entryId() == entries.get(2)).singleElement()
                .satisfies(r -> assertThat(r.judges()).isEqualTo(2));

        // presentation round: five judges, the 세무과장 among them
        List<String> panel = List.of(viceMayor, taxHead, professors.get(0), professors.get(1), professors.get(2));
        fixture.as(OWNER, () -> stages.open(presentation, panel, null));
        assertThat(fixture.as(OWNER, () -> stages.entries(presentation))).extracting(StageModel.StageEntry::entryId)
                .containsExactly(entries.get(0), entries.get(1), entries.get(2), entries.get(4), entries.get(6));
        var conflicts = fixture.as(OWNER, () -> stages.conflicts(presentation));
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.judge()).isEqualTo("세무과장 (시험)");
            assertThat(c.entryId()).isEqualTo(entries.get(0));
            assertThat(c.kind()).isEqualTo("OWN_DEPARTMENT");
            assertThat(c.reasonKo()).isEqualTo("세무과 소속: 자기 부서 사례는 심사할 수 없습니다");
            assertThat(c.reasonEn()).isEqualTo("Member of Tax Division: may not judge a case of their own department");
        });
        var assignments = fixture.as(OWNER, () -> stages.assignments(presentation));
        assertThat(assignments).hasSize(5 * 5 - 1)
                .noneMatch(a -> a.judge().equals("세무과장 (시험)") && a.entryId() == entries.get(0));
        assertThatThrownBy(() -> fixture.as(taxHead, () -> stages.score(presentation, entries.get(0), all(4), true)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.entry.notFound"));

        // levels by finalist (rows: 세무과, 신산업전략과, 민원봉사과, 해양정책과, 복지정책과) and judge (columns: panel order);
        // 세무과's column for the 세무과장 is never used
        int[][] levels = {{0, 0, 0, 0, 0}, {1, 1, 1, 1, 1}, {1, 1, 1, 2, 2}, {2, 2, 2, 2, 2}, {2, 2, 3, 3, 3}};
        List<Long> finalists = List.of(entries.get(0), entries.get(1), entries.get(2), entries.get(4), entries.get(6));
        // the vice mayor first saves a draft with a mistake, corrects it, then submits
        fixture.as(viceMayor, () -> stages.score(presentation, finalists.get(1), all(4), false));
        assertThat(fixture.as(viceMayor, () -> stages.myStage(presentation)).entries().get(1).criteria())
                .allSatisfy(c -> assertThat(c.chosen()).isEqualTo(4));
        for (int j = 0; j < panel.size(); j++) {
            int judge = j;
            fixture.as(panel.get(j), () -> {
                for (var entry : stages.myStage(presentation).entries()) {
                    stages.score(presentation, entry.entryId(), all(levels[finalists.indexOf(entry.entryId())][judge]), true);
                }
            });
            if (j == 1) {
                // running results are hidden from everyone while the stage is open, the owner included
                var progress = fixture.as(OWNER, () -> stages.progress(presentation));
                assertThat(progress.submitted()).isEqualTo(4 * 5 + 4 * 4);
                assertThat(progress.assigned()).isEqualTo(24 * 4);
                assertThatThrownBy(() -> fixture.as(OWNER, () -> stages.results(presentation)))
                        .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.stage.hidden"));
                long round = fixture.as(OWNER, () -> stages.stage(presentation)).judgingRoundId();
                assertThat(fixture.as(OWNER, () -> judging.assignments(judging.panels(round).getFirst().id())))
                        .allSatisfy(a -> assertThat(a.score()).isNull()).anyMatch(a -> a.status().equals("SUBMITTED"));
                assertThatThrownBy(() -> fixture.as(OWNER, () -> results.ranking(contest)))
                        .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.ranking.notClosed"));
                assertThatThrownBy(() -> fixture.as(OWNER, () -> stages.close(presentation)))
                        .isInstanceOfSatisfying(UserFacingException.class, e -> {
                            assertThat(e.messageKey()).isEqualTo("contestjudging.stage.unsubmitted");
                            assertThat(e.args()).containsExactly(36, 96);
                        });
                // a judge never sees another judge's sheet
                long taxHeadsSheet = fixture.as(taxHead, () -> stages.myStage(presentation)).entries().getFirst().criteria().getFirst().assignmentId();
                assertThatThrownBy(() -> fixture.as(viceMayor, () -> judging.sheet(taxHeadsSheet)))
                        .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("judging.assignment.notFound"));
                assertThat(fixture.as(taxHead, () -> judging.sheet(taxHeadsSheet)).score()).isNotNull();
            }
        }
        assertThat(fixture.as(viceMayor, () -> stages.myStage(presentation)).entries()).allMatch(StageModel.JudgeEntry::submitted);

        var closed = fixture.as(OWNER, () -> stages.close(presentation));
        assertThat(closed).extracting(StageModel.Result::entryId).containsExactly(finalists.toArray(Long[]::new));
        assertThat(closed.getFirst().judges()).isEqualTo(4);
        assertThat(closed.getFirst().criterionMeans()).containsEntry("FELT", new BigDecimal("40.0000"));

        // a closed stage takes no more scores
        assertThatThrownBy(() -> fixture.as(viceMayor, () -> stages.score(presentation, finalists.get(1), all(0), false)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.stage.closed"));
        long sheet = fixture.as(viceMayor, () -> stages.myStage(presentation)).entries().get(1).criteria().getFirst().assignmentId();
        assertThatThrownBy(() -> fixture.as(viceMayor, () -> judging.saveSheet(sheet, 0, null, false)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("judging.round.closed"));

        // the owner cannot reopen the closed stage's judging round behind the stage's back
        long presentationRound = fixture.as(OWNER, () -> stages.stage(presentation)).judgingRoundId();
        assertThatThrownBy(() -> fixture.as(OWNER, () -> judging.configureRound(presentationRound, BigDecimal.ZERO, 3, null)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("judging.round.closed"));

        var ranking = fixture.as(OWNER, () -> results.ranking(contest));
        assertThat(ranking).extracting(RankedEntry::entryId).containsExactly(finalists.toArray(Long[]::new));
        assertThat(ranking).extracting(RankedEntry::finalScore).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("86"), new BigDecimal("80"), new BigDecimal("74"));
        assertThat(ranking).extracting(RankedEntry::tierNameKo).containsExactly("최우수", "우수", "우수", "장려", "장려");
        assertThat(ranking).extracting(RankedEntry::proposedTierRank).containsExactly(1, 2, 2, 3, 3);
        assertThat(ranking.getFirst().title()).isEqualTo("농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴");
        assertThat(ranking.get(2).explanation()).singleElement().satisfies(c -> {
            assertThat(c.raw()).isEqualByComparingTo("86");
            assertThat(c.scaled()).isEqualByComparingTo("86");
            assertThat(c.weight()).isEqualByComparingTo("100");
            assertThat(c.points()).isEqualByComparingTo("86");
        });
        assertThatThrownBy(() -> fixture.as(OTHER_CITY, () -> results.ranking(contest)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.messageKey()).isEqualTo("contestjudging.contest.notFound"));
        assertThat(taxHeadId).isPositive();
    }
}
