package org.pyeongga.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pyeongga.account.Accounts;
import org.pyeongga.core.Role;
import org.pyeongga.organization.EvaluationGroups;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.Http;
import org.pyeongga.support.IntegrationTest;
import org.pyeongga.support.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A program administrator opens 보령시's explanation in the 민원서비스 종합평가 demo cycle (307 institutions, six types)
 * in Chromium and reads its five item grades and its total grade as the notice shows them; other roles are refused.
 */
@IntegrationTest
class CivilServiceBrowserTests {

    private static BrowserSession browser;
    private static Long cycle;

    @Autowired
    Evaluations evaluations;

    @Autowired
    EvaluationGroups groups;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(CivilServiceBrowserTests.class);
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
        synchronized (CivilServiceBrowserTests.class) {
            if (cycle == null) {
                var demo = new CivilServiceDemoData(evaluations, groups); // demo data is off in tests: load it here
                demo.load();
                cycle = demo.cycle();
            }
        }
    }

    @Test
    void anAdministratorReadsBoryeongsItemGradesAndTotalGrade() {
        browser.signIn(TestUsers.withRole(accounts, Role.PROGRAM_ADMIN));
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/admin/evaluations']"));
        browser.clickAndWait(By.cssSelector("main a[href='/admin/evaluations/" + cycle + "/results']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo(CivilServiceDemoData.LABEL + " 결과");
        assertThat(browser.findAll(By.cssSelector("main h2"))).extracting(WebElement::getText).contains(
                "중앙행정기관 (47개 기관)", "시·도 (17개 기관)", "시 (75개 기관)", "군 (82개 기관)", "구 (69개 기관)",
                "교육청 (17개 기관)");
        assertThat(browser.text(By.cssSelector("main dl"))).contains("가 ≤ 0.1", "HALF_UP", "항목별 등급");
        browser.check("civil-results");

        browser.clickAndWait(By.xpath("//main//table//a[normalize-space()='충청남도 보령시']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("충청남도 보령시");
        WebElement table = browser.find(By.cssSelector("main .pg-item-grades table"));
        assertThat(table.findElement(By.tagName("caption")).getText()).isEqualTo("충청남도 보령시: 항목별 등급과 종합 등급");
        assertThat(table.findElements(By.cssSelector("tbody th[scope='row']"))).extracting(WebElement::getText)
                .containsExactlyElementsOf(CivilServiceFramework.ITEMS);
        List<String> itemGrades = table.findElements(By.cssSelector("tbody td strong")).stream().map(WebElement::getText).toList();
        assertThat(itemGrades).hasSize(5).allMatch(CivilServiceFramework.GRADES::contains);
        assertThat(table.findElement(By.cssSelector("tfoot th[scope='row']")).getText()).isEqualTo("종합 등급");
        String total = table.findElement(By.cssSelector("tfoot td strong")).getText();
        assertThat(CivilServiceFramework.GRADES).contains(total);
        // the same grades as the stored run
        var row = evaluations.result(cycle, evaluations.latestRun(cycle)).rows().stream().filter(r -> r.name().equals("충청남도 보령시"))
                .findFirst().orElseThrow();
        assertThat(itemGrades).containsExactlyElementsOf(CivilServiceFramework.ITEMS.stream().map(row.itemGrades()::get).toList());
        assertThat(total).isEqualTo(row.grade());
        assertThat(browser.text(By.cssSelector("main .pg-item-grades tfoot td"))).matches(total + " \\((최우수|우수|보통|미흡|아주미흡)\\)");
        browser.check("civil-boryeong");
    }

    @Test
    void otherRolesAndAnonymousUsersCannotOpenTheExplanation() {
        long boryeong = evaluations.targets(cycle).stream().filter(t -> t.name().equals("충청남도 보령시")).findFirst()
                .orElseThrow().institutionId();
        String path = "/admin/evaluations/" + cycle + "/results/" + boryeong;
        for (Role role : List.of(Role.INSTITUTION_COORDINATOR, Role.EVALUATOR)) {
            var page = Http.signedIn(port, TestUsers.withRole(accounts, role)).getPage(path);
            assertThat(page.getStatusCode().value()).as("%s", role).isEqualTo(403);
            assertThat(page.getBody()).contains("권한이 없습니다").doesNotContain("pg-item-grades");
        }
        assertThat(new Http(port).getPage(path).getStatusCode().value()).isEqualTo(302);
    }
}
