package org.pyeongga.judging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Membership;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.judging.JudgingModel.NewRound;
import org.pyeongga.judging.JudgingModel.NewSubject;
import org.pyeongga.judging.JudgingModel.RubricLevel;
import org.pyeongga.organization.Departments;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Subject conflicts on the real database: a contest entry carries its department and the people involved; a judge of
 * that department, or one of those people, is never assigned, the conflict list says why in Korean and English, and a
 * manual assignment is refused. Internal judges of the same city (subjects without an institution) are not excluded
 * by the own-institution rule.
 */
@IntegrationTest
class DepartmentConflictTests {

    @Autowired
    Judging judging;

    @Autowired
    Accounts accounts;

    @Autowired
    Departments departments;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void aJudgeOfTheEntrantsDepartmentOrInvolvedInTheCaseIsNeverAssignedAndTheListSaysWhy() {
        long boryeong = JudgingFixture.institution(registry, "충청남도 보령시");
        long tax = departments.byName(boryeong, "세무과").orElseGet(() -> departments.add(boryeong, "세무과", "Tax Division", null)).id();
        long industry = departments.byName(boryeong, "신산업전략과")
                .orElseGet(() -> departments.add(boryeong, "신산업전략과", "New Industry Strategy Division", null)).id();
        long taxJudge = judge("tax.head@dept-conflict.test.pyeongga.kr", "세무과장 (시험)", boryeong, tax);
        long involved = judge("invest.officer@dept-conflict.test.pyeongga.kr", "투자유치 주무관 (시험)", boryeong, null);
        long insider = judge("vice.mayor@dept-conflict.test.pyeongga.kr", "부시장 (시험)", boryeong, null);
        long outsider = JudgingFixture.evaluator(accounts, "professor@dept-conflict.test.pyeongga.kr", "외부 교수 (시험)", null);

        List<RubricLevel> rubric = List.of(new RubricLevel("탁월", "Outstanding", new BigDecimal("40")),
                new RubricLevel("보통", "Fair", new BigDecimal("32")));
        var taxCase = new NewSubject("E1", null, "농어촌민박을 가장한 펜션·숙박업 과세 유형 정비를 통한 세원 발굴", "", "C1", "국민체감도",
                Set.of(), new BigDecimal("40"), rubric, tax, Set.of());
        var investCase = new NewSubject("E2", null, "기업 유치의 문을 열다: 투자유치 보조금 산출 프로그램 개발", "", "C1", "국민체감도",
                Set.of(), new BigDecimal("40"), rubric, industry, Set.of(involved));
        long round = judging.openRound(new NewRound("deptconflicttest", "1", "보령시 2024 상반기 발표 심사 (시험)",
                LocalDate.parse("2024-06-20"), PanelKind.EXPERT, "발표 심사위원", 3, List.of(taxCase, investCase)));
        long panel = judging.panels(round).getFirst().id();
        for (String email : List.of("tax.head@dept-conflict.test.pyeongga.kr", "invest.officer@dept-conflict.test.pyeongga.kr",
                "vice.mayor@dept-conflict.test.pyeongga.kr", "professor@dept-conflict.test.pyeongga.kr")) {
            judging.addMember(panel, email, 0);
        }

        var conflicts = judging.subjectConflicts(round);
        assertThat(conflicts).extracting(c -> c.userId() + "/" + c.subjectRef() + "/" + c.kind())
                .containsExactlyInAnyOrder(taxJudge + "/E1/OWN_DEPARTMENT", involved + "/E2/PERSON_INVOLVED");
        assertThat(conflicts).filteredOn(c -> c.userId() == taxJudge).singleElement().satisfies(c -> {
            assertThat(c.reasonKo()).isEqualTo("세무과 소속: 자기 부서 사례는 심사할 수 없습니다");
            assertThat(c.reasonEn()).isEqualTo("Member of Tax Division: may not judge a case of their own department");
            assertThat(c.reason(java.util.Locale.ENGLISH)).isEqualTo(c.reasonEn());
        });
        // the institution rules do not fire for subjects without an institution: the city's own vice mayor may judge
        assertThat(judging.conflicts(round)).isEmpty();

        var run = judging.assignAutomatically(panel);

        var assignments = judging.assignments(panel);
        assertThat(assignments).extracting(a -> a.userId() + "/" + a.subject().substring(0, 4))
                .doesNotContain(taxJudge + "/농어촌민", involved + "/기업 유치");
        assertThat(assignments).filteredOn(a -> a.subject().startsWith("농어촌")).extracting(JudgingModel.Assignment::userId)
                .containsExactlyInAnyOrder(involved, insider, outsider);
        assertThat(assignments).filteredOn(a -> a.subject().startsWith("기업")).extracting(JudgingModel.Assignment::userId)
                .containsExactlyInAnyOrder(taxJudge, insider, outsider);
        assertThat(run.unfilledSubjects()).isZero();

        long taxSubject = judging.subjects(panel).stream().filter(s -> s.getValue().contains("농어촌")).findFirst().orElseThrow().getKey();
        assertThatThrownBy(() -> judging.addAssignment(taxSubject, taxJudge, "위원장 요청"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("judging.assignment.subjectConflict");
                    assertThat(e.args()).contains("세무과 소속: 자기 부서 사례는 심사할 수 없습니다");
                });
    }

    @Test
    void aJudgeWhoMovesIntoTheEntrantsDepartmentLosesTheAssignmentAtOnce() {
        long boryeong = JudgingFixture.institution(registry, "충청남도 보령시");
        long tourism = departments.byName(boryeong, "관광과").orElseGet(() -> departments.add(boryeong, "관광과", "Tourism Division", null)).id();
        String email = "mover@dept-conflict.test.pyeongga.kr";
        long mover = judge(email, "전보된 심사위원 (시험)", boryeong, null);
        var subject = new NewSubject("E9", null, "머드축제 바가지요금 신고센터", "", "C1", "국민체감도", Set.of(), new BigDecimal("40"),
                List.of(new RubricLevel("탁월", "Outstanding", new BigDecimal("40"))), tourism, Set.of());
        long round = judging.openRound(new NewRound("deptconflicttest", "2", "전보 시험", LocalDate.parse("2024-06-20"),
                PanelKind.EXPERT, "심사위원", 1, List.of(subject)));
        long panel = judging.panels(round).getFirst().id();
        judging.addMember(panel, email, 0);
        judging.assignAutomatically(panel);
        long assignment = judging.assignments(panel).getFirst().id();
        assertThat(as(email, () -> judging.myAssignments())).extracting(JudgingModel.Assignment::id).contains(assignment);

        accounts.assignDepartment(mover, tourism);

        assertThat(as(email, () -> judging.myAssignments())).extracting(JudgingModel.Assignment::id).doesNotContain(assignment);
        assertThatThrownBy(() -> as(email, () -> judging.sheet(assignment))).isInstanceOfSatisfying(UserFacingException.class,
                e -> assertThat(e.messageKey()).isEqualTo("judging.assignment.notFound"));
        assertThatThrownBy(() -> as(email, () -> {
            judging.saveSheet(assignment, 0, null, true);
            return null;
        })).isInstanceOf(UserFacingException.class);
    }

    private <T> T as(String email, java.util.function.Supplier<T> work) {
        return org.pyeongga.support.SignedIn.as(users, email, work);
    }

    @Test
    void subjectRulesNameThePersonInvolvedFirst() {
        assertThat(ConflictRules.subjectConflict(7, 3L, 3L, Set.of(7L))).contains(ConflictKind.PERSON_INVOLVED);
        assertThat(ConflictRules.subjectConflict(7, 3L, 3L, Set.of())).contains(ConflictKind.OWN_DEPARTMENT);
        assertThat(ConflictRules.subjectConflict(7, 3L, 4L, Set.of(8L))).isEmpty();
        assertThat(ConflictRules.subjectConflict(7, null, null, Set.of())).isEmpty();
    }

    private long judge(String email, String name, long institution, Long department) {
        long id = accounts.idOf(email).orElseGet(() -> accounts.create(email, name, TestUsers.PASSWORD,
                Set.of(new Membership(institution, Role.EVALUATOR))));
        accounts.assignDepartment(id, department);
        return id;
    }
}
