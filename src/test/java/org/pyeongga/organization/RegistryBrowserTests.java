package org.pyeongga.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.pyeongga.support.BrowserSession;
import org.pyeongga.support.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The registry as a person uses it, in a real (headless) Chromium: browsing and filtering as of a date, one
 * institution's history, and a file import that must not be confirmable. Every page visited gets an axe-core scan and
 * a full-page screenshot ({@code target/screenshots/RegistryBrowserTests-*.png}).
 *
 * <p>Nothing here writes institutions (the import stays an unconfirmed preview, the forms are sent with mistakes), so
 * the shared context stays clean; the one write is an evaluation-group set under its own code prefix.
 */
@IntegrationTest
class RegistryBrowserTests {

    private static BrowserSession browser;

    @org.springframework.beans.factory.annotation.Autowired
    org.pyeongga.account.Accounts accounts;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        browser = BrowserSession.start(RegistryBrowserTests.class);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void pointBrowserAtApp() {
        browser.at(port);
    }

    @Test
    void browsesAndFiltersInstitutionsAsOfADate() {
        browser.open("/");
        browser.check("home");
        browser.assertKoreanRenders("h1");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("공공기관 성과평가를 처음부터 끝까지");
        // Today (after the 2026-07-01 인천 개편: 제물포구·영종구·검단구) there are 70 자치구.
        assertThat(cards()).contains("17 광역", "75 시", "82 군", "70 구");

        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/institutions']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("기관 목록");
        assertThat(browser.find(By.cssSelector("nav.pg-gnb a[aria-current='page']")).getText()).isEqualTo("기관");
        browser.check("institutions-today");

        browser.setValue(By.id("asOf"), "2024-12-31");
        browser.submitAndWait(By.cssSelector("form.pg-filters button[type='submit']"));
        assertThat(browser.currentPath()).contains("asOf=2024-12-31");
        String status = browser.text(By.cssSelector("[role='status']"));
        // 2024-12-31: 17 광역 + 226 기초 (75 시, 82 군, 69 구) = 243, with 47 중앙 and 17 교육청 (V15) = 307;
        // 구 became 70 only with the 2026 인천 개편.
        assertThat(status).contains("2024-12-31 기준 307곳").contains("광역 17", "시 75", "군 82", "구 69", "중앙 47", "교육청 17");
        assertThat(browser.find(By.id("asOf")).getDomProperty("value")).isEqualTo("2024-12-31");
        browser.check("institutions-2024-12-31");

        new Select(browser.find(By.id("kind"))).selectByValue("COUNTY");
        // The region select is keyed by the SGIS 2-digit code: 충청남도 is 34 (44 is its 법정동 code, not used here).
        new Select(browser.find(By.id("region"))).selectByVisibleText("충청남도");
        assertThat(new Select(browser.find(By.id("region"))).getFirstSelectedOption().getDomProperty("value"))
                .isEqualTo("34");
        browser.submitAndWait(By.cssSelector("form.pg-filters button[type='submit']"));
        assertThat(browser.currentPath()).contains("kind=COUNTY").contains("region=34").contains("asOf=2024-12-31");
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("2024-12-31 기준 7곳");
        assertThat(rowNames()).containsExactlyInAnyOrder(
                "금산군", "부여군", "서천군", "청양군", "홍성군", "예산군", "태안군");
        assertThat(rowKinds()).containsOnly("군");
        assertThat(browser.findAll(By.cssSelector(".krds-pagination"))).isEmpty();
        browser.check("institutions-chungnam-counties");

        browser.open("/institutions?asOf=2024-12-31");
        List<String> firstPage = rowNames();
        assertThat(firstPage).hasSize(20);
        assertThat(browser.find(By.cssSelector(".krds-pagination a[aria-current='page']")).getText()).contains("1");
        browser.clickAndWait(By.xpath("//nav[contains(@class,'krds-pagination')]//a[normalize-space(.)='2']"));
        assertThat(browser.currentPath()).contains("page=1").contains("asOf=2024-12-31");
        assertThat(browser.find(By.cssSelector(".krds-pagination a[aria-current='page']")).getText()).contains("2");
        List<String> secondPage = rowNames();
        assertThat(secondPage).hasSize(20).doesNotContainAnyElementsOf(firstPage);
        assertThat(browser.text(By.cssSelector("[role='status']"))).contains("2024-12-31 기준 307곳");
        assertThat(browser.find(By.linkText("이전")).getDomProperty("href")).contains("page=0");
        assertThat(browser.find(By.linkText("다음")).getDomProperty("href")).contains("page=2");
        browser.check("institutions-page-2");

        browser.clickAndWait(By.linkText("English (영어)"));
        assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Institutions");
        assertThat(browser.currentPath()).contains("lang=en").contains("page=1").contains("asOf=2024-12-31");
        // Same rows, shown by their romanized names with the official Korean name beside them.
        List<String> english = rowNames();
        assertThat(english).hasSameSizeAs(secondPage);
        for (int i = 0; i < english.size(); i++) {
            assertThat(english.get(i)).matches("[A-Z][A-Za-z-]+ \\(.+\\)").endsWith("(" + secondPage.get(i) + ")");
        }
        browser.check("institutions-page-2-en");
    }

    @Test
    void seesOneInstitutionsHistory() {
        String today = today();
        browser.open("/institutions");
        browser.setValue(By.id("asOf"), today);
        browser.find(By.id("q")).sendKeys("강원특별자치도");
        browser.submitAndWait(By.cssSelector("form.pg-filters button[type='submit']"));
        assertThat(rowNames()).containsExactly("강원특별자치도", "강원특별자치도교육청");
        browser.check("search-gangwon");

        browser.clickAndWait(By.linkText("강원특별자치도"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("강원특별자치도");
        browser.assertKoreanRenders("h1");
        List<String> timeline = browser.findAll(By.cssSelector("ol.pg-timeline > li strong")).stream()
                .map(WebElement::getText).toList();
        assertThat(timeline).containsExactly("강원도", "강원특별자치도");
        assertThat(browser.find(By.cssSelector("ol.pg-timeline > li.pg-current")).getText()).startsWith("강원특별자치도");
        assertThat(linkRows()).anySatisfy(row -> assertThat(row)
                .contains("이전 기관").contains("강원도").contains("명칭변경").contains("2023-06-11"));
        assertThat(browser.findAll(By.cssSelector(".pg-main .pg-alert"))).as("valid today: no alert").isEmpty();
        assertThat(browser.findAll(By.cssSelector(".pg-checks li a")).stream().map(WebElement::getText))
                .contains("춘천시", "원주시", "강릉시");
        browser.check("gangwon-state");

        browser.clickAndWait(By.cssSelector("ol.pg-timeline a:not([aria-current])"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("강원도");
        assertThat(browser.text(By.cssSelector(".pg-main .pg-alert")))
                .contains(today + "에는 이 기관이 존재하지 않았습니다");
        assertThat(linkRows()).anySatisfy(row -> assertThat(row)
                .contains("이후 기관").contains("강원특별자치도").contains("명칭변경").contains("2023-06-11"));
        browser.check("gangwon-province-ended");

        browser.open("/institutions?q=" + URLEncoder.encode("검단구", StandardCharsets.UTF_8));
        assertThat(rowNames()).containsExactly("검단구");
        browser.check("search-geomdan");
        browser.clickAndWait(By.linkText("검단구"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("인천광역시 검단구");
        assertThat(linkRows()).anySatisfy(row -> assertThat(row)
                .contains("이전 기관").contains("서구").contains("분구(신설 분리, 이전 기관 존속)")
                .contains("2026-07-01"));
        browser.check("geomdan-gu");
    }

    @Test
    void importsAFileWithOneBadRowAndCannotConfirmIt(@TempDir Path dir) throws IOException, InterruptedException {
        // Header is file row 1; the bad code is on file row 4. The three good rows give codes to 기초 that have none.
        Path csv = dir.resolve("기관코드-한-행-오류.csv");
        Files.writeString(csv, """
                기관코드,기관명,기관전체명,최상위기관코드,차상위기관코드,폐지일자
                4490000,보령시,충청남도 보령시,6440000,6440000,
                3000000,종로구,서울특별시 종로구,6110000,6110000,
                12AB,홍성군,충청남도 홍성군,6440000,6440000,
                3250000,중구,부산광역시 중구,6260000,6260000,
                """, StandardCharsets.UTF_8);

        browser.signIn(org.pyeongga.support.TestUsers.admin(accounts));
        browser.open("/admin/imports");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("행정표준코드 기관코드 가져오기");
        browser.check("imports");

        browser.find(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.setValue(By.id("effectiveOn"), today());
        browser.submitAndWait(By.xpath("//button[normalize-space(.)='올리고 미리보기']"));
        assertThat(browser.currentPath()).matches("/admin/imports/[0-9a-f-]{36}");

        // While analysing, htmx polls the progress bar and reloads the page when the preview is ready.
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("lines")));
        browser.waitForPage();
        assertThat(browser.findAll(By.id("progress"))).isEmpty();
        assertThat(browser.text(By.tagName("h1"))).contains("기관코드-한-행-오류.csv");

        assertThat(browser.text(By.cssSelector(".pg-main [role='alert']")))
                .contains("오류가 1건 있어 반영할 수 없습니다");
        List<List<String>> errors = tableRows("#errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().getFirst()).isEqualTo("4");
        assertThat(errors.getFirst().getLast()).isEqualTo("기관코드는 숫자 또는 영문 대문자 7자리여야 합니다(예: 6110000, B551011): 12AB");

        WebElement confirm = browser.find(By.xpath("//button[normalize-space(.)='확인하고 반영']"));
        assertThat(confirm.isEnabled()).as("confirm button enabled").isFalse();
        assertThat(browser.text(By.id("confirmHint"))).isEqualTo("오류가 있어 반영할 수 없습니다.");

        List<List<String>> lines = tableRows("#lines");
        assertThat(lines).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
                "2 변경", "3 변경", "4 오류", "5 변경");
        assertThat(lines.get(0).get(4)).contains("충청남도 보령시").contains("4490000");
        assertThat(lines.get(1).get(4)).contains("서울특별시 종로구").contains("3000000");
        assertThat(lines.get(3).get(4)).contains("부산광역시 중구").contains("3250000");
        assertThat(browser.findAll(By.cssSelector("#lines .pg-badge.pg-changed"))).hasSize(3);
        assertThat(cards()).contains("3 변경", "1 오류", "0 신규");
        browser.check("import-preview-with-error");

        // Nothing is written before confirmation: 충청남도 보령시 still has no 기관코드.
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl()
                            + "/api/v1/institutions?q=" + URLEncoder.encode("보령시", StandardCharsets.UTF_8)))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode items = JsonMapper.builder().build().readTree(response.body()).get("items");
            assertThat(items).hasSize(1);
            JsonNode boryeong = items.get(0);
            assertThat(boryeong.get("displayName").asString()).isEqualTo("충청남도 보령시");
            assertThat(boryeong.get("orgCode").isNull()).as("orgCode of 충청남도 보령시: %s", boryeong).isTrue();
        }
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
    }

    /** The card texts ("17 광역") of the page's summary cards. */
    private static List<String> cards() {
        return browser.findAll(By.cssSelector(".pg-card")).stream()
                .map(c -> c.getText().replaceAll("\\s+", " ").strip()).toList();
    }

    private static List<String> rowNames() {
        return browser.findAll(By.cssSelector(".pg-main table tbody tr th[scope='row'] a")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> rowKinds() {
        return browser.findAll(By.cssSelector(".pg-main table tbody tr td:nth-of-type(1)")).stream()
                .map(WebElement::getText).toList();
    }

    private static List<String> linkRows() {
        return browser.findAll(By.cssSelector(".pg-main table tbody tr")).stream()
                .map(r -> r.getText().replaceAll("\\s+", " ")).toList();
    }

    private static List<List<String>> tableRows(String table) {
        return browser.findAll(By.cssSelector(table + " tbody tr")).stream()
                .map(r -> r.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    @Test
    void anAdministratorDefinesGroupsAndIsToldWhatIsWrongInAForm() {
        browser.signIn(org.pyeongga.support.TestUsers.admin(accounts));
        browser.open("/groups");
        browser.check("groups");
        browser.setValue(By.id("gAsOf"), "2024-12-31");
        browser.setValue(By.id("prefix"), "BROWSER-2024");
        browser.submitAndWait(By.cssSelector("form[action='/groups/standard'] button[type='submit']"));
        assertThat(browser.text(By.cssSelector("[role='status']"))).isEqualTo("평가군을 만들었습니다.");
        assertThat(browser.text(By.tagName("table"))).contains("BROWSER-2024-DISTRICT");
        browser.check("groups-defined");

        browser.clickAndWait(By.linkText("구 (2024-12-31)"));
        assertThat(browser.findAll(By.cssSelector("table tbody tr"))).hasSize(69);
        browser.check("group-districts");

        browser.open("/institutions/new");
        browser.check("institution-new");
        browser.setValue(By.id("name"), "행정안전부");
        browser.setValue(By.id("orgCode"), "6110000"); // 서울특별시's code
        browser.submitAndWait(By.cssSelector("main form button[type='submit']"));
        assertThat(browser.text(By.cssSelector("[role='alert']"))).isEqualTo("기관코드 6110000은(는) 이미 다른 기관이 쓰고 있습니다.");
        assertThat(browser.find(By.id("name")).getDomProperty("value")).isEqualTo("행정안전부"); // nothing typed is lost
        assertThat(browser.js("return document.activeElement.getAttribute('role')")).isEqualTo("alert"); // focus on the error
        browser.check("institution-new-error");

        browser.open("/institutions?q=" + URLEncoder.encode("부산광역시", StandardCharsets.UTF_8));
        browser.clickAndWait(By.linkText("부산광역시"));
        browser.clickAndWait(By.partialLinkText("변경 기록"));
        browser.check("reorganize");
        browser.find(By.cssSelector("label[for^='pred-']")).click(); // KRDS checkboxes are operated by their label
        browser.submitAndWait(By.cssSelector("main form button[type='submit']"));
        assertThat(browser.text(By.cssSelector("[role='alert']"))).isEqualTo("명칭변경은 이전 기관 1곳과 새 기관 1곳이어야 합니다.");
        assertThat(browser.findAll(By.cssSelector("input[name='otherPredecessors']:checked"))).hasSize(1);
        browser.check("reorganize-error");

        browser.open("/no/such/page");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("페이지를 찾을 수 없습니다");
        browser.check("not-found");
    }

    @Test
    void anAuditorSearchesTheTrailAndVerifiesItsChain() {
        browser.signIn(org.pyeongga.support.TestUsers.withRole(accounts, org.pyeongga.core.Role.AUDIT_OFFICER));
        browser.clickAndWait(By.cssSelector("nav.pg-gnb a[href='/audit']"));
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("감사 기록");
        browser.check("audit");
        browser.submitAndWait(By.cssSelector("main form[action='/audit/verification'] button[type='submit']"));
        assertThat(browser.text(By.cssSelector("main [role='status']"))).contains("해시 체인이 온전합니다");
        browser.check("audit-verified");
    }
}
