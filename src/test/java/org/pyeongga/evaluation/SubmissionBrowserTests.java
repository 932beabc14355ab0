package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pyeongga.evaluation.SubmissionFixtures.COORDINATOR;
import static org.pyeongga.evaluation.SubmissionFixtures.OWNER;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.organization.InstitutionRegistry;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The acceptance journeys in Chromium, axe-clean on every page: an indicator owner submits with evidence (an offered
 * value pre-filled with its source, a file refused for its content, files accepted, a 성과요약서), a coordinator is told
 * what is missing and then confirms, and a program administrator reads the progress list.
 */
@IntegrationTest
class SubmissionBrowserTests {

    private static BrowserSession browser;
    private static Path files;

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

    @LocalServerPort
    int port;

    SubmissionFixtures fixtures;
    long nonsan;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = BrowserSession.start(SubmissionBrowserTests.class);
        files = Files.createTempDirectory("pyeongga-evidence-");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void setUp() {
        browser.at(port);
        fixtures = new SubmissionFixtures(evaluations, stages, groups, registry, accounts, users);
        fixtures.people();
        nonsan = fixtures.nonsan();
    }

    @Test
    void anIndicatorOwnerSubmitsWithEvidence() throws IOException {
        long cycle = fixtures.openCycle();
        String form = "/submissions/" + cycle + "/" + nonsan;
        browser.signIn(OWNER);
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/submissions']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("실적 제출");
        browser.check("index");
        browser.clickAndWait(By.cssSelector("main a[href='" + form + "']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("충청남도 논산시 실적 제출: 2025년(2024년 실적)");
        // the value another module knows is offered, pre-filled, with its source
        assertThat(browser.find(By.id("value-V2")).getDomProperty("value")).isEqualTo("7");
        assertThat(browser.text(By.id("offered-V2"))).contains("출처: " + TestKnownIndicatorValues.SOURCE, "저장하면 이 값을 받아들이고");
        assertThat(browser.text(By.cssSelector(".pg-missing"))).contains("V1 사전컨설팅 건수: 값", "Q1 대표 우수사례: 성과요약서");
        browser.check("form");

        browser.setValue(By.id("value-V1"), "12");
        browser.submitAndWait(By.cssSelector("form[action$='/values'] button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-success"))).isEqualTo("값을 저장했습니다.");
        assertThat(browser.text(By.id("offered-V2"))).contains("출처:").doesNotContain("저장하면");

        // a PDF named .hwp is refused for what it is, with a clear message
        upload("V1", "사전컨설팅 목록.hwp", SubmissionFixtures.pdf());
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-danger"))).contains("사전컨설팅 목록.hwp", "이름으로는 HWP이지만 내용은 PDF");
        browser.check("form-refused");

        upload("V1", "사전컨설팅 목록.pdf", SubmissionFixtures.pdf());
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-success"))).isEqualTo("증빙을 올렸습니다.");
        upload("V2", "우수공무원 선발 결과.hwp", SubmissionFixtures.hwp());
        upload("Q1", "우수사례 보고서.hwpx", SubmissionFixtures.hwpx());
        browser.setValue(By.id("summary-title-Q1"), "찾아가는 인허가 사전컨설팅");
        browser.setValue(By.id("summary-body-Q1"), "여러 부서를 거치던 인허가 민원을 한자리에서 미리 검토해 처리 기간을 40% 줄였습니다.");
        browser.submitAndWait(By.cssSelector("form[action$='/summaries/Q1'] button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-success"))).isEqualTo("성과요약서를 저장했습니다.");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='evidence-title'] table")))
                .contains("사전컨설팅 목록.pdf", "PDF", "우수공무원 선발 결과.hwp", "HWP", "우수사례 보고서.hwpx", "HWPX");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='confirm-title']"))).contains("필수 항목이 모두 갖춰졌습니다");
        // an indicator owner does not confirm: that is the coordinator's
        assertThat(browser.findAll(By.cssSelector("form[action$='/confirm']"))).isEmpty();
        browser.check("form-filled");

        // the Excel way: the template comes back with a formula in one row, so nothing is saved and each row says why
        byte[] template = fixtures.as(OWNER, () -> workbooks.institutionTemplate(cycle, nonsan));
        Path workbook = Files.createDirectories(files.resolve(String.valueOf(System.nanoTime()))).resolve("실적.xlsx");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template));
                var out = Files.newOutputStream(workbook)) {
            book.getSheetAt(0).getRow(1).getCell(4).setCellFormula("6*2");
            book.getSheetAt(0).getRow(3).getCell(4).setCellValue(1);
            book.write(out);
        }
        browser.find(By.id("workbook-file")).sendKeys(workbook.toAbsolutePath().toString());
        browser.submitAndWait(By.cssSelector("form.pg-upload[action*='/workbook'] button[type='submit']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("엑셀 올리기 결과");
        assertThat(browser.text(By.cssSelector("main [role='alert']"))).contains("오류가 있는 행이 1개 있어 아무것도 저장하지 않았습니다");
        assertThat(browser.text(By.cssSelector("main table"))).contains("오류 수식은 받지 않습니다", "정상").doesNotContain("정상 정상");
        browser.check("workbook-report");

        browser.open(form + "?lang=en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("충청남도 논산시 submission: 2025년(2024년 실적)");
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='confirm-title']"))).contains("Everything required is there");
        browser.check("form-en");

        var view = fixtures.as(OWNER, () -> submissions.view(cycle, nonsan));
        assertThat(view.missing()).isEmpty();
        assertThat(view.rows().get(1).value()).isEqualByComparingTo("7"); // the offer, accepted
    }

    @Test
    void aCoordinatorIsToldWhatIsMissingAndThenConfirms() {
        long cycle = fixtures.openCycle();
        String form = "/submissions/" + cycle + "/" + nonsan;
        fixtures.as(OWNER, () -> submissions.enterValues(cycle, nonsan, Map.of("V1", new BigDecimal("12"),
                "V2", new BigDecimal("7"))));
        browser.signIn(COORDINATOR);
        browser.open(form);
        browser.submitAndWait(By.cssSelector("form[action$='/confirm'] button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-danger"))).contains("아직 확정할 수 없습니다", "빠진 것이 4건",
                "V1 사전컨설팅 건수(증빙)", "Q1 대표 우수사례(성과요약서, 증빙)");
        browser.check("confirm-missing");

        fixtures.as(OWNER, () -> {
            submissions.addEvidence(cycle, nonsan, "V1", "사전컨설팅.pdf", SubmissionFixtures.pdf());
            submissions.addEvidence(cycle, nonsan, "V2", "선발.pdf", SubmissionFixtures.pdf());
            submissions.addEvidence(cycle, nonsan, "Q1", "사례.png", SubmissionFixtures.png());
            submissions.writeCaseSummary(cycle, nonsan, "Q1", "찾아가는 인허가 사전컨설팅", "처리 기간을 40% 줄였습니다.");
        });
        browser.open(form);
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='confirm-title']"))).contains("필수 항목이 모두 갖춰졌습니다");
        browser.submitAndWait(By.cssSelector("form[action$='/confirm'] button[type='submit']"));
        assertThat(browser.text(By.cssSelector(".pg-alert.pg-success"))).isEqualTo("제출을 확정했습니다.");
        assertThat(browser.text(By.cssSelector(".pg-lock"))).contains("제출을 확정하여 고칠 수 없습니다");
        assertThat(browser.find(By.id("value-V1")).getDomProperty("disabled")).isEqualTo("true");
        assertThat(browser.findAll(By.cssSelector("form[action$='/withdraw']"))).hasSize(1);
        browser.check("confirmed");

        // the program administrator sees it in the cycle's progress list
        browser.at(port);
        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.open("/submissions");
        browser.check("admin-index");
        browser.clickAndWait(By.cssSelector("main a[href='/submissions/" + cycle + "']"));
        assertThat(browser.text(By.cssSelector("main table tbody"))).contains("충청남도 논산시", "확정", "군산시", "미제출");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("확정 1 · 작성 중 0 · 미제출 1 (대상 2개 기관)");
        browser.check("progress");
    }

    private void upload(String indicator, String name, byte[] content) throws IOException {
        Path file = Files.createDirectories(files.resolve(String.valueOf(System.nanoTime()))).resolve(name);
        Files.write(file, content);
        browser.setValue(By.id("evidence-indicator"), indicator);
        browser.find(By.id("evidence-file")).sendKeys(file.toAbsolutePath().toString());
        browser.submitAndWait(By.cssSelector("form.pg-upload[action*='/evidence'] button[type='submit']"));
    }
}
