package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pyeongga.evaluation.SubmissionFixtures.COORDINATOR;
import static org.pyeongga.evaluation.SubmissionFixtures.OTHER;
import static org.pyeongga.evaluation.SubmissionFixtures.OWNER;

import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.core.UserFacingException;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Institutions' submissions on the real database: an indicator owner enters values (one offered pre-filled by another
 * module), uploads evidence whose type is judged by content, writes a 성과요약서; the coordinator confirms once nothing
 * is missing; the deadline locks everything (also {@link Evaluations#enterValues}); another institution sees and changes
 * nothing; a program administrator corrects with a reason the audit trail keeps.
 */
@IntegrationTest
class SubmissionIntegrationTests {

    @Autowired
    Submissions submissions;

    @Autowired
    Evaluations evaluations;

    @Autowired
    SubmissionWorkbooks workbooks;

    @Autowired
    CycleStages stages;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    InstitutionRegistry registry;

    @Autowired
    Accounts accounts;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    SubmissionFixtures fixtures;
    long nonsan;
    long gunsan;

    @BeforeEach
    void setUp() {
        fixtures = new SubmissionFixtures(evaluations, stages, groups, registry, accounts, users);
        fixtures.people();
        nonsan = fixtures.nonsan();
        gunsan = fixtures.gunsan();
    }

    @Test
    void anIndicatorOwnerEntersValuesEvidenceAndACaseSummary() {
        long cycle = fixtures.openCycle();

        Submissions.View before = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan));
        assertThat(before.institutionName()).contains("논산시");
        assertThat(before.canEdit()).isTrue();
        assertThat(before.canConfirm()).isFalse(); // an indicator owner does not confirm
        assertThat(before.valueRows()).extracting(r -> r.indicator().code()).containsExactly("V1", "V2", "B1");
        assertThat(before.summaryRows()).extracting(r -> r.indicator().code()).containsExactly("Q1");
        var offered = before.rows().stream().filter(r -> r.indicator().code().equals("V2")).findFirst().orElseThrow();
        assertThat(offered.value()).isNull();
        assertThat(offered.offered().value()).isEqualByComparingTo("7");
        assertThat(offered.offered().source()).isEqualTo(TestKnownIndicatorValues.SOURCE);
        assertThat(offered.shownValue()).isEqualByComparingTo("7");

        fixtures.as(OWNER, () -> {
            submissions.enterValues(cycle, nonsan, Map.of("V1", new BigDecimal("12"), "V2", new BigDecimal("7"),
                    "B1", new BigDecimal("3")));
            submissions.addEvidence(cycle, nonsan, "V1", "사전컨설팅 목록.pdf", SubmissionFixtures.pdf());
            submissions.addEvidence(cycle, nonsan, "V2", "선발 결과.hwp", SubmissionFixtures.hwp());
            submissions.addEvidence(cycle, nonsan, "B1", "포상 실적.xlsx", SubmissionFixtures.xlsx());
            submissions.addEvidence(cycle, nonsan, "Q1", "우수사례 보고서.hwpx", SubmissionFixtures.hwpx());
            submissions.addEvidence(cycle, nonsan, "Q1", "현장 사진.png", SubmissionFixtures.png());
            submissions.writeCaseSummary(cycle, nonsan, "Q1", "찾아가는 인허가 사전컨설팅", "민원인이 여러 부서를 다니지 않도록 ...");
        });

        Submissions.View after = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan));
        assertThat(after.rows()).filteredOn(r -> r.indicator().code().equals("V1")).first()
                .satisfies(r -> assertThat(r.value()).isEqualByComparingTo("12"));
        assertThat(after.rows()).filteredOn(r -> r.indicator().code().equals("Q1")).first().satisfies(r -> {
            assertThat(r.summaryTitle()).isEqualTo("찾아가는 인허가 사전컨설팅");
            assertThat(r.evidence()).extracting(Submissions.Evidence::type).containsExactly(EvidenceType.HWPX, EvidenceType.PNG);
        });
        assertThat(after.missing()).isEmpty();
        assertThat(after.totalBytes()).isPositive();
        long pdf = after.rows().getFirst().evidence().getFirst().id();
        var file = fixtures.as(OWNER, () -> submissions.evidenceFile(cycle, nonsan, pdf));
        assertThat(file.content()).isEqualTo(SubmissionFixtures.pdf());
        assertThat(file.type()).isEqualTo(EvidenceType.PDF);
        assertThat(audited("SubmissionEvidenceAdded", cycle)).isEqualTo(5);
        assertThat(audited("SubmissionCaseSummaryWritten", cycle)).isEqualTo(1);

        // 성과요약서 lengths as the table's checks: title ≤ 200, body ≤ 4000
        expectBadInput(() -> fixtures.as(OWNER, () -> submissions.writeCaseSummary(cycle, nonsan, "Q1", "가".repeat(201), "본문")),
                "submission.summary.title");
        expectBadInput(() -> fixtures.as(OWNER, () -> submissions.writeCaseSummary(cycle, nonsan, "Q1", "제목", "가".repeat(4001))),
                "submission.summary.body");
        fixtures.as(OWNER, () -> submissions.writeCaseSummary(cycle, nonsan, "Q1", "가".repeat(200), "나".repeat(4000)));
        expectBadInput(() -> fixtures.as(OWNER, () -> submissions.writeCaseSummary(cycle, nonsan, "V1", "제목", "본문")),
                "submission.summary.notQualitative");
        // an institution never enters a panel's or a survey's value
        expectBadInput(() -> fixtures.as(OWNER, () -> submissions.enterValues(cycle, nonsan, Map.of("Q1", BigDecimal.TEN))),
                "submission.value.notEntered");
        expectBadInput(() -> fixtures.as(OWNER, () -> evaluations.enterValues(cycle, nonsan, Map.of("C1", BigDecimal.TEN))),
                "submission.value.notEntered");

        fixtures.as(OWNER, () -> submissions.removeEvidence(cycle, nonsan, pdf));
        assertThat(fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).missing())
                .containsExactly(new Submissions.Missing("V1", "사전컨설팅 건수", Submissions.Need.EVIDENCE));
    }

    @Test
    void theFrameworkSaysWhichEvidenceIsRequiredAndWhichValuesAreComputed() {
        long cycle = fixtures.openCycle();
        // as the framework editor stores it: V1 needs evidence (with a note), V2 is computed from an input
        jdbc.sql("update evaluation_indicator set evidence_required = true, evidence = '사전컨설팅 처리 대장 사본' "
                + "where cycle_id = :c and code = 'V1'").param("c", cycle).update();
        jdbc.sql("update evaluation_indicator set formula = 'COUNT', input_a = 'B1' where cycle_id = :c and code = 'V2'")
                .param("c", cycle).update();
        var view = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan));
        assertThat(view.valueRows()).extracting(r -> r.indicator().code()).containsExactly("V1", "B1");
        assertThat(view.rows().getFirst().evidenceNote()).isEqualTo("사전컨설팅 처리 대장 사본");
        assertThat(view.missing()).containsExactly(new Submissions.Missing("V1", "사전컨설팅 건수", Submissions.Need.VALUE),
                new Submissions.Missing("V1", "사전컨설팅 건수", Submissions.Need.EVIDENCE),
                new Submissions.Missing("Q1", "대표 우수사례", Submissions.Need.SUMMARY));
        expectBadInput(() -> fixtures.as(OWNER, () -> submissions.enterValues(cycle, nonsan, Map.of("V2", BigDecimal.ONE))),
                "submission.value.notEntered");
    }

    @Test
    void theTypeIsJudgedByContentNotByName() {
        long cycle = fixtures.openCycle();
        fixtures.as(OWNER, () -> {
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "보고서.hwp", SubmissionFixtures.pdf()),
                    "submission.evidence.mismatch", "보고서.hwp", "HWP", "PDF");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "보고서.pdf", SubmissionFixtures.hwp()),
                    "submission.evidence.mismatch", "보고서.pdf", "PDF", "HWP");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "표.xlsx", SubmissionFixtures.hwpx()),
                    "submission.evidence.mismatch", "표.xlsx", "XLSX", "HWPX");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "문서.hwp", SubmissionFixtures.otherOle2()),
                    "submission.evidence.unknownType");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "문서.hwpx", SubmissionFixtures.plainZip()),
                    "submission.evidence.unknownType");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "메모.pdf", "그냥 글".getBytes()),
                    "submission.evidence.unknownType");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "실행.exe", SubmissionFixtures.pdf()),
                    "submission.evidence.extension");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "V1", "빈.pdf", new byte[0]), "submission.evidence.empty");
            expectBadInput(() -> submissions.addEvidence(cycle, nonsan, "C1", "설문.pdf", SubmissionFixtures.pdf()),
                    "submission.evidence.notAccepted");
            // the right names for the same contents pass, and a path in the name is dropped
            submissions.addEvidence(cycle, nonsan, "V1", "C:\\문서\\보고서.PDF", SubmissionFixtures.pdf());
            submissions.addEvidence(cycle, nonsan, "V1", "보고서.hwp", SubmissionFixtures.hwp());
        });
        assertThat(fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().evidence())
                .extracting(Submissions.Evidence::fileName, Submissions.Evidence::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("보고서.PDF", EvidenceType.PDF),
                        org.assertj.core.groups.Tuple.tuple("보고서.hwp", EvidenceType.HWP));
    }

    @Test
    void eachFileAndEachInstitutionHasASizeLimit() {
        long cycle = fixtures.openCycle();
        long[] previous = submissions.useLimits(1000, 2500);
        try {
            fixtures.as(OWNER, () -> {
                var tooLarge = catchUserFacing(() -> submissions.addEvidence(cycle, nonsan, "V1", "큰 파일.pdf", pdfOf(1001)));
                assertThat(tooLarge.status().value()).isEqualTo(413);
                assertThat(tooLarge.messageKey()).isEqualTo("submission.evidence.fileTooLarge");
                submissions.addEvidence(cycle, nonsan, "V1", "하나.pdf", pdfOf(1000));
                submissions.addEvidence(cycle, nonsan, "V2", "둘.pdf", pdfOf(1000));
                var quota = catchUserFacing(() -> submissions.addEvidence(cycle, nonsan, "Q1", "셋.pdf", pdfOf(600)));
                assertThat(quota.status().value()).isEqualTo(413);
                assertThat(quota.messageKey()).isEqualTo("submission.evidence.quotaExceeded");
                submissions.addEvidence(cycle, nonsan, "Q1", "셋.pdf", pdfOf(500)); // exactly at the limit
            });
            // the limit is per institution: 군산시 has its own
            fixtures.as(OTHER, () -> submissions.addEvidence(cycle, gunsan, "V1", "하나.pdf", pdfOf(1000)));
        } finally {
            submissions.useLimits(previous[0], previous[1]);
        }
    }

    @Test
    void theCoordinatorConfirmsOnceNothingIsMissingAndMayWithdrawBeforeTheDeadline() {
        long cycle = fixtures.openCycle();
        var incomplete = catchUserFacing(() -> fixtures.as(COORDINATOR, () -> submissions.confirm(cycle, nonsan)));
        assertThat(incomplete.status().value()).isEqualTo(409);
        assertThat(incomplete.messageKey()).isEqualTo("submission.confirm.incomplete");
        assertThat(incomplete.args()[0]).isEqualTo(6);
        assertThat((String) incomplete.args()[1]).isEqualTo("V1 사전컨설팅 건수(값, 증빙); V2 적극행정 우수공무원 선발 인원(값, 증빙); "
                + "Q1 대표 우수사례(성과요약서, 증빙)");
        assertThat(fixtures.as(COORDINATOR, () -> submissions.view(cycle, nonsan)).missing()).hasSize(6)
                .contains(new Submissions.Missing("Q1", "대표 우수사례", Submissions.Need.SUMMARY));

        fillEverything(cycle);
        assertThat(catchUserFacing(() -> fixtures.as(OWNER, () -> submissions.confirm(cycle, nonsan))).status().value())
                .isEqualTo(403);
        fixtures.as(COORDINATOR, () -> submissions.confirm(cycle, nonsan));
        var confirmed = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan));
        assertThat(confirmed.confirmed()).isTrue();
        assertThat(confirmed.canEdit()).isFalse();
        assertThat(confirmed.locked()).contains("확정");
        var locked = catchUserFacing(() -> fixtures.as(OWNER, () -> submissions.enterValues(cycle, nonsan, Map.of("V1", BigDecimal.ONE))));
        assertThat(locked.messageKey()).isEqualTo("submission.locked.confirmed");
        assertThat(catchUserFacing(() -> fixtures.as(OWNER, () -> evaluations.enterValues(cycle, nonsan, Map.of("V1", BigDecimal.ONE))))
                .messageKey()).isEqualTo("submission.locked.confirmed");
        assertThat(catchUserFacing(() -> fixtures.as(OWNER, () -> submissions.withdraw(cycle, nonsan))).status().value())
                .isEqualTo(403);

        fixtures.as(COORDINATOR, () -> submissions.withdraw(cycle, nonsan));
        fixtures.as(OWNER, () -> submissions.enterValues(cycle, nonsan, Map.of("V1", new BigDecimal("13"))));
        fixtures.as(COORDINATOR, () -> submissions.confirm(cycle, nonsan));
        assertThat(audited("SubmissionConfirmed", cycle)).isEqualTo(2);
        assertThat(audited("SubmissionConfirmationWithdrawn", cycle)).isEqualTo(1);
        var progress = fixtures.as(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN), () -> submissions.progress(cycle));
        assertThat(progress.count("CONFIRMED")).isEqualTo(1);
        assertThat(progress.count("MISSING")).isEqualTo(1); // 군산시 has entered nothing
    }

    @Test
    void afterTheDeadlineEverythingIsLockedWithTheDeadlineNamed() {
        Instant now = Instant.now();
        long cycle = fixtures.openCycle();
        fillEverything(cycle);
        fixtures.moveSubmission(cycle, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1)));
        String deadline = SubmissionLock.SHOWN.format(now.minus(Duration.ofDays(1)));

        for (ThrowingCallable change : new ThrowingCallable[] {
            () -> fixtures.as(OWNER, () -> submissions.enterValues(cycle, nonsan, Map.of("V1", BigDecimal.ONE))),
            () -> fixtures.as(OWNER, () -> evaluations.enterValues(cycle, nonsan, Map.of("V1", BigDecimal.ONE))),
            () -> fixtures.as(OWNER, () -> submissions.addEvidence(cycle, nonsan, "V1", "늦은.pdf", SubmissionFixtures.pdf())),
            () -> fixtures.as(OWNER, () -> submissions.writeCaseSummary(cycle, nonsan, "Q1", "늦은 제목", "늦은 본문")),
            () -> fixtures.as(COORDINATOR, () -> submissions.confirm(cycle, nonsan)),
        }) {
            var e = catchUserFacing(change);
            assertThat(e.status().value()).isEqualTo(409);
            assertThat(e.messageKey()).isEqualTo("submission.locked.deadline");
            assertThat(e.args()).containsExactly(deadline);
        }
        long evidence = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().evidence().getFirst().id();
        assertThat(catchUserFacing(() -> fixtures.as(OWNER, () -> submissions.removeEvidence(cycle, nonsan, evidence))).messageKey())
                .isEqualTo("submission.locked.deadline");
        var view = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan));
        assertThat(view.canEdit()).isFalse();
        assertThat(view.locked()).contains(deadline, "마감");
        assertThat(view.rows().getFirst().value()).isEqualByComparingTo("12"); // nothing changed

        // a confirmation cannot be withdrawn after the deadline either
        fixtures.moveSubmission(cycle, now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(1)));
        fixtures.as(COORDINATOR, () -> submissions.confirm(cycle, nonsan));
        fixtures.moveSubmission(cycle, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1)));
        assertThat(catchUserFacing(() -> fixtures.as(COORDINATOR, () -> submissions.withdraw(cycle, nonsan))).messageKey())
                .isEqualTo("submission.locked.deadline");

        // and before it opens, nothing can be entered yet
        fixtures.moveSubmission(cycle, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        assertThat(catchUserFacing(() -> fixtures.as(OTHER, () -> submissions.enterValues(cycle, gunsan, Map.of("V1", BigDecimal.ONE))))
                .messageKey()).isEqualTo("submission.locked.notYet");
    }

    @Test
    void anotherInstitutionCanNeitherSeeNorChangeIt() {
        long cycle = fixtures.openCycle();
        fillEverything(cycle);
        long evidence = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().evidence().getFirst().id();

        for (ThrowingCallable attempt : new ThrowingCallable[] {
            () -> fixtures.as(OTHER, () -> submissions.view(cycle, nonsan)),
            () -> fixtures.as(OTHER, () -> submissions.evidenceFile(cycle, nonsan, evidence)),
            () -> fixtures.as(OTHER, () -> submissions.enterValues(cycle, nonsan, Map.of("V1", BigDecimal.ONE))),
            () -> fixtures.as(OTHER, () -> evaluations.enterValues(cycle, nonsan, Map.of("V1", BigDecimal.ONE))),
            () -> fixtures.as(OTHER, () -> submissions.addEvidence(cycle, nonsan, "V1", "남의.pdf", SubmissionFixtures.pdf())),
            () -> fixtures.as(OTHER, () -> submissions.removeEvidence(cycle, nonsan, evidence)),
            () -> fixtures.as(OTHER, () -> submissions.writeCaseSummary(cycle, nonsan, "Q1", "남의 제목", "남의 본문")),
            () -> fixtures.as(OTHER, () -> submissions.confirm(cycle, nonsan)),
            () -> fixtures.as(OTHER, () -> submissions.progress(cycle)),
            () -> fixtures.as(OWNER, () -> submissions.correct(cycle, nonsan, Map.of("V1", BigDecimal.ONE), "제 맘대로")),
        }) {
            assertThat(catchUserFacing(attempt).status().value()).isEqualTo(403);
        }
        // asking for 논산시's file under 군산시's own submission finds nothing
        assertThat(catchUserFacing(() -> fixtures.as(OTHER, () -> submissions.evidenceFile(cycle, gunsan, evidence))).status().value())
                .isEqualTo(404);
        assertThat(catchUserFacing(() -> fixtures.as(OTHER, () -> submissions.removeEvidence(cycle, gunsan, evidence))).status().value())
                .isEqualTo(404);
        assertThat(fixtures.as(OTHER, () -> submissions.myCycles())).extracting(Submissions.MyCycle::institutionId)
                .containsOnly(gunsan);
        assertThat(fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().getFirst().value()).isEqualByComparingTo("12");
    }

    @Test
    void aProgramAdministratorCorrectsWithAReasonThatTheAuditTrailKeeps() {
        Instant now = Instant.now();
        long cycle = fixtures.openCycle();
        fillEverything(cycle);
        fixtures.as(COORDINATOR, () -> submissions.confirm(cycle, nonsan));
        fixtures.moveSubmission(cycle, now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(1)));
        String admin = TestUsers.withRole(accounts, Role.PROGRAM_ADMIN);

        expectBadInput(() -> fixtures.as(admin, () -> submissions.correct(cycle, nonsan, Map.of("V1", BigDecimal.TEN), "  ")),
                "submission.correction.reason");
        expectBadInput(() -> fixtures.as(admin, () -> submissions.correct(cycle, nonsan, Map.of(), "집합검증 결과")),
                "submission.correction.empty");
        fixtures.as(admin, () -> submissions.correct(cycle, nonsan, Map.of("V1", BigDecimal.TEN), "집합검증에서 증빙과 다른 건수 확인"));

        var view = fixtures.as(admin, () -> submissions.view(cycle, nonsan));
        assertThat(view.rows().getFirst().value()).isEqualByComparingTo("10");
        assertThat(view.canCorrect()).isTrue();
        assertThat(view.canEdit()).isFalse();
        var entry = jdbc.sql("""
                        select actor_id, payload from audit_entry where action = 'SubmissionCorrectedByAdministrator'
                           and payload like :cycle order by seq desc limit 1
                        """)
                .param("cycle", "%\"cycleId\":" + cycle + ",%").query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
        assertThat(entry).contains("집합검증에서 증빙과 다른 건수 확인", "\"previous\":{\"V1\":\"12", "\"values\":{\"V1\":10");
        // the correction is also an ordinary value change, recorded with the same actor
        assertThat(audited("EvaluationValuesEntered", cycle)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theExcelTemplateComesBackWithAReportPerRowAndIsSavedAllOrNothing() throws Exception {
        long cycle = fixtures.openCycle();
        byte[] template = fixtures.as(OWNER, () -> workbooks.institutionTemplate(cycle, nonsan));
        byte[] filled;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("실적 입력");
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("값");
            assertThat(sheet.getLastRowNum()).isEqualTo(3); // V1, V2, B1: what 논산시 enters
            assertThat(sheet.getRow(1).getCell(0).getNumericCellValue()).isEqualTo(nonsan);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("V1");
            assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(7); // offered, pre-filled
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("출처: " + TestKnownIndicatorValues.SOURCE);
            sheet.getRow(1).getCell(4).setCellValue(15);
            sheet.getRow(3).getCell(4).setCellValue("2");
            filled = bytes(workbook);
        }
        var report = fixtures.as(OWNER, () -> workbooks.uploadForInstitution(cycle, nonsan, "값.xlsx", filled));
        assertThat(report.applied()).isTrue();
        assertThat(report.values()).isEqualTo(3);
        assertThat(report.summary()).isEqualTo("모든 행이 올바라 값 3개를 저장했습니다.");
        assertThat(report.rows()).extracting(SubmissionWorkbooks.RowReport::row, SubmissionWorkbooks.RowReport::ok,
                SubmissionWorkbooks.RowReport::value).containsExactly(tuple(2, true, "15"), tuple(3, true, "7"), tuple(4, true, "2"));
        assertThat(values(cycle)).containsEntry("V1", "15").containsEntry("V2", "7").containsEntry("B1", "2");

        // one workbook with every kind of mistake (and one good row): nothing is saved, every row says why
        byte[] bad;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(filled))) {
            var sheet = workbook.getSheetAt(0);
            sheet.getRow(1).getCell(4).setCellFormula("10+5");
            sheet.getRow(2).getCell(4).setCellValue("일곱");
            sheet.getRow(3).getCell(4).setCellValue(9); // right, but not saved with the others wrong
            row(sheet, 4, gunsan, "V1", 3);
            row(sheet, 5, nonsan, "X9", 3);
            row(sheet, 6, nonsan, "Q1", 80);
            row(sheet, 7, nonsan, "B1", 1);
            bad = bytes(workbook);
        }
        var rejected = fixtures.as(OWNER, () -> workbooks.uploadForInstitution(cycle, nonsan, "틀린 값.xlsx", bad));
        assertThat(rejected.applied()).isFalse();
        assertThat(rejected.errors()).isEqualTo(6);
        assertThat(rejected.summary()).isEqualTo("오류가 있는 행이 6개 있어 아무것도 저장하지 않았습니다. 고친 뒤 파일 전체를 다시 올리세요.");
        assertThat(rejected.rows()).extracting(SubmissionWorkbooks.RowReport::row, SubmissionWorkbooks.RowReport::ok,
                SubmissionWorkbooks.RowReport::reason).containsExactly(
                tuple(2, false, "수식은 받지 않습니다. 계산한 값을 숫자로 입력하세요."),
                tuple(3, false, "값 일곱이(가) 숫자가 아닙니다."),
                tuple(4, true, "정상"),
                tuple(5, false, "기관 ID " + gunsan + "은(는) 이 제출의 기관이 아닙니다. 우리 기관의 행만 올릴 수 있습니다."),
                tuple(6, false, "지표 코드 X9이(가) 이 회차에 없습니다."),
                tuple(7, false, "지표 Q1은(는) 기관이 값을 입력하는 지표가 아닙니다."),
                tuple(8, false, "같은 기관·지표가 4행에도 있습니다."));
        assertThat(rejected.rows().getFirst().reasonEn()).isEqualTo("Formulas are not accepted. Enter the computed value as a number.");
        assertThat(values(cycle)).containsEntry("V1", "15").containsEntry("B1", "2"); // nothing changed
        expectBadInput(() -> fixtures.as(OWNER, () -> workbooks.uploadForInstitution(cycle, nonsan, "값.xlsx",
                SubmissionFixtures.pdf())), "submission.workbook.notXlsx");
        assertThat(catchUserFacing(() -> fixtures.as(OTHER, () -> workbooks.uploadForInstitution(cycle, nonsan, "값.xlsx", filled)))
                .status().value()).isEqualTo(403);
        assertThat(catchUserFacing(() -> fixtures.as(OWNER, () -> workbooks.cycleTemplate(cycle))).status().value()).isEqualTo(403);

        // the program administrator's template has every target × indicator; its upload is a correction with a reason
        String admin = TestUsers.withRole(accounts, Role.PROGRAM_ADMIN);
        byte[] whole = fixtures.as(admin, () -> workbooks.cycleTemplate(cycle));
        byte[] corrected;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(whole))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(6);
            for (int r = 1; r <= 6; r++) {
                if ((long) sheet.getRow(r).getCell(0).getNumericCellValue() == gunsan
                        && sheet.getRow(r).getCell(2).getStringCellValue().equals("V1")) {
                    sheet.getRow(r).getCell(4).setCellValue(4);
                }
            }
            corrected = bytes(workbook);
        }
        fixtures.moveSubmission(cycle, Instant.now().minus(Duration.ofDays(9)), Instant.now().minus(Duration.ofMinutes(1)));
        expectBadInput(() -> fixtures.as(admin, () -> workbooks.uploadForCycle(cycle, "전체.xlsx", corrected, "")),
                "submission.correction.reason");
        var applied = fixtures.as(admin, () -> workbooks.uploadForCycle(cycle, "전체.xlsx", corrected, "집합검증 반영"));
        assertThat(applied.applied()).isTrue();
        assertThat(applied.values()).isEqualTo(5); // 논산시 V1 V2 B1, 군산시 V1 and the offered V2; its blank B1 is skipped
        assertThat(fixtures.as(admin, () -> submissions.view(cycle, gunsan)).rows().getFirst().value()).isEqualByComparingTo("4");
        assertThat(audited("SubmissionCorrectedByAdministrator", cycle)).isEqualTo(2);
        // after the deadline the institution's own upload is locked like every other change
        assertThat(catchUserFacing(() -> fixtures.as(OWNER, () -> workbooks.uploadForInstitution(cycle, nonsan, "값.xlsx", filled)))
                .messageKey()).isEqualTo("submission.locked.deadline");
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, String> values(long cycle) {
        Map<String, String> values = new java.util.HashMap<>();
        fixtures.as(OWNER, () -> submissions.view(cycle, nonsan)).rows().forEach(r -> {
            if (r.value() != null) {
                values.put(r.indicator().code(), r.value().toPlainString());
            }
        });
        return values;
    }

    private static void row(org.apache.poi.ss.usermodel.Sheet sheet, int index, long institution, String code, double value) {
        var row = sheet.createRow(index);
        row.createCell(0).setCellValue(institution);
        row.createCell(2).setCellValue(code);
        row.createCell(4).setCellValue(value);
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** Everything 논산시 must submit: the values, a summary and one evidence file per indicator that needs one. */
    private void fillEverything(long cycle) {
        fixtures.as(OWNER, () -> {
            submissions.enterValues(cycle, nonsan, Map.of("V1", new BigDecimal("12"), "V2", new BigDecimal("7")));
            submissions.addEvidence(cycle, nonsan, "V1", "사전컨설팅.pdf", SubmissionFixtures.pdf());
            submissions.addEvidence(cycle, nonsan, "V2", "선발.pdf", SubmissionFixtures.pdf());
            submissions.addEvidence(cycle, nonsan, "Q1", "사례.pdf", SubmissionFixtures.pdf());
            submissions.writeCaseSummary(cycle, nonsan, "Q1", "사례 제목", "사례 본문");
        });
    }

    private long audited(String action, long cycle) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and payload like :c").param("a", action)
                .param("c", "%\"cycleId\":" + cycle + ",%").query(Long.class).single();
    }

    static byte[] pdfOf(int size) {
        byte[] bytes = Arrays.copyOf(SubmissionFixtures.pdf(), size);
        Arrays.fill(bytes, SubmissionFixtures.pdf().length, size, (byte) ' ');
        return bytes;
    }

    static UserFacingException catchUserFacing(ThrowingCallable call) {
        try {
            call.call();
        } catch (UserFacingException e) {
            return e;
        } catch (Throwable other) {
            throw new AssertionError("expected a UserFacingException, got " + other, other);
        }
        throw new AssertionError("expected a UserFacingException, but the call passed");
    }

    static void expectBadInput(ThrowingCallable call, String key, Object... args) {
        assertThatThrownBy(call).isInstanceOfSatisfying(UserFacingException.class, e -> {
            assertThat(e.status().value()).isEqualTo(400);
            assertThat(e.messageKey()).isEqualTo(key);
            if (args.length > 0) {
                assertThat(e.args()).containsExactly(args);
            }
        });
    }
}
