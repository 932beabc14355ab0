package org.pyeongga.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium for a browser test class, reused by its test methods. Start it in {@code @BeforeAll},
 * point it at the app's random port in {@code @BeforeEach} ({@link #at(int)}), and close it in {@code @AfterAll}.
 *
 * <p>Every page a journey visits should go through {@link #check(String)}: it waits for the page (and its web fonts)
 * to settle, saves a full-page PNG to {@code target/screenshots/{TestClass}-{name}.png}, asserts {@code <html lang>},
 * and fails listing every serious or critical axe-core violation (WCAG 2.0/2.1 A and AA), every same-origin file the
 * page could not load, and every form control whose shown value is below WCAG 1.4.3 contrast (which axe-core does not
 * look at). The screenshot is written first, so a failing page can still be looked at.
 * {@link #assertKoreanRenders(String)} checks that Hangul is drawn with the KRDS font, not as empty boxes.
 *
 * <p>Nothing is downloaded: the browser and driver are Debian's ({@code chromium}, {@code chromium-driver}), never
 * Selenium Manager's.
 */
public final class BrowserSession implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMIUM_BINARY = "/usr/lib/chromium/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    /** axe-core tags we hold every page to (KWCAG 2.2 follows WCAG 2.1 AA). */
    public static final List<String> AXE_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
    /** The KRDS web font; Korean text must render in it (or, for glyphs outside its subset, a Korean fallback). */
    public static final String KOREAN_FONT = "Pretendard GOV";

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final int MAX_SCREENSHOT_HEIGHT = 16_000;

    private final String owner;
    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private int port;

    private BrowserSession(String owner, ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.owner = owner;
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Starts Chromium for {@code testClass}; screenshots are named after its simple name. */
    public static BrowserSession start(Class<?> testClass) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and ChromeDriver (" + CHROMIUM
                    + ", " + CHROMEDRIVER + ") and a Korean font. Install them with:\n"
                    + "    apt-get install -y chromium chromium-driver fonts-nanum\n"
                    + "(./mvnw test does this by itself through bin/ensure-browser unless -DskipBrowserSetup=true).");
        }
        // Never let Selenium Manager look for (or download) a browser or a driver.
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory("pyeongga-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Files.isExecutable(Path.of(CHROMIUM_BINARY)) ? CHROMIUM_BINARY : CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000",
                "--lang=ko-KR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ko-KR,ko"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw new IllegalStateException("Chromium did not start (" + CHROMIUM_BINARY + " via " + CHROMEDRIVER
                    + "). If it is missing or broken: apt-get install -y chromium chromium-driver fonts-nanum", e);
        }
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        driver.manage().timeouts().scriptTimeout(PATIENCE);
        return new BrowserSession(testClass.getSimpleName(), driver, service, profile);
    }

    /**
     * The app's port (from {@code @LocalServerPort}); call it in {@code @BeforeEach}. It also forgets the cookies of
     * the previous test (such as a language choice), so each test starts as a first-time visitor.
     */
    public BrowserSession at(int port) {
        this.port = port;
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        return this;
    }

    public String baseUrl() {
        if (port <= 0) {
            throw new IllegalStateException("Call at(port) with the @LocalServerPort before opening pages");
        }
        return "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    /** Navigates to {@code path} (e.g. {@code /institutions?asOf=2024-12-31}) on the app. */
    public void open(String path) {
        driver.get(baseUrl() + path);
        waitForPage();
    }

    /** The path and query of the current page, without scheme, host and port. */
    public String currentPath() {
        return driver.getCurrentUrl().replaceFirst("^[a-z]+://[^/]+", "");
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100));
    }

    public WebElement find(By by) {
        return waiting().until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return find(by).getText();
    }

    /** Clicks {@code by} and waits until the page it leads to has loaded (the old page is gone). */
    public void clickAndWait(By by) {
        WebElement element = waiting().until(ExpectedConditions.elementToBeClickable(by));
        clickAndWait(element);
    }

    public void clickAndWait(WebElement element) {
        WebElement html = driver.findElement(By.tagName("html"));
        scrollIntoView(element);
        element.click();
        waiting().until(d -> isGone(html));
        waitForPage();
    }

    /**
     * Whether the old page's element is gone. During a navigation ChromeDriver may answer "does not belong to the
     * document" instead of a stale-element error (a race in the driver); both mean the page was replaced.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /** Signs in through the login page as a real user would (the password of the test personas). */
    public void signIn(String email) {
        open("/login");
        check("login");
        setValue(By.id("username"), email);
        setValue(By.id("password"), TestUsers.PASSWORD);
        submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(currentPath()).doesNotContain("error");
        if (currentPath().startsWith("/login/otp")) {
            passSecondStep(email);
        }
    }

    /**
     * The second step as a person with an authenticator app does it: registers the app from the secret the page shows
     * (first time), then types the current code.
     */
    public void passSecondStep(String email) {
        check("otp");
        var secret = driver.findElements(By.id("otp-secret"));
        if (!secret.isEmpty()) {
            TestUsers.remember(email, secret.getFirst().getText().replace(" ", ""));
        }
        setValue(By.id("code"), TestUsers.nextCode(email));
        submitAndWait(By.cssSelector("form.pg-login button[type='submit']"));
        assertThat(currentPath()).doesNotStartWith("/login");
    }

    /** Submits a form by clicking its submit {@code button} and waits for the page the form leads to. */
    public void submitAndWait(By button) {
        clickAndWait(button);
    }

    /**
     * Sets an input's value the way a user's typing would end (works for {@code type=date} whatever the browser's
     * locale shows: the value is always ISO {@code yyyy-MM-dd}) and fires {@code input} and {@code change}.
     */
    public void setValue(By by, String value) {
        WebElement input = find(by);
        js("const el = arguments[0]; el.value = arguments[1];"
                + " el.dispatchEvent(new Event('input', {bubbles: true}));"
                + " el.dispatchEvent(new Event('change', {bubbles: true}));", input, value);
        assertThat(input.getDomProperty("value")).as("value of %s", by).isEqualTo(value);
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until the document is complete and its web fonts have settled. */
    public void waitForPage() {
        waiting().until(d -> "complete".equals(js("return document.readyState")));
        Object fonts = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " if (!document.fonts) { done('none'); return; }"
                        + " document.fonts.ready.then(() => done(document.fonts.status), () => done('error'));");
        assertThat(fonts).as("document.fonts.status on %s", currentPath()).isIn("loaded", "none");
    }

    /**
     * The check every visited page gets: settled, {@code <html lang>} set, full-page screenshot, then it fails
     * listing together every problem found on the page:
     * <ul>
     *   <li>each serious or critical axe-core violation (rule, impact, help, target selectors of every node);</li>
     *   <li>each same-origin file the page needed that did not load (HTTP 4xx/5xx: a missing icon, script or style);</li>
     *   <li>each enabled form control whose shown value fails WCAG 1.4.3 contrast (axe-core does not check the text
     *       a {@code <select>} or an {@code <input>} shows).</li>
     * </ul>
     */
    public void check(String name) {
        waitForPage();
        String lang = String.valueOf(js("return document.documentElement.getAttribute('lang') || ''"));
        screenshot(name);
        assertThat(lang).as("<html lang> on %s (%s)", name, currentPath()).isNotBlank();
        List<String> broken = brokenResources(); // before axe, which fetches style sheets itself
        List<String> lowContrast = lowContrastControls();
        Results results = axe();
        List<String> notes = results.getViolations().stream()
                .filter(rule -> !isBlocking(rule))
                .map(rule -> rule.getId() + " [" + rule.getImpact() + "] x" + rule.getNodes().size())
                .toList();
        if (!notes.isEmpty()) {
            System.out.println("[axe] " + owner + "-" + name + " " + currentPath() + ": moderate/minor (not failing): "
                    + String.join(", ", notes));
        }
        List<String> problems = new ArrayList<>();
        List<String> violations = blockingViolations(results);
        if (!violations.isEmpty()) {
            problems.add("axe-core (" + String.join("/", AXE_TAGS) + "): " + violations.size()
                    + " serious or critical violation(s)\n" + String.join("\n", violations));
        }
        if (!lowContrast.isEmpty()) {
            problems.add("WCAG 1.4.3 contrast of the value shown in form controls (axe-core skips these): "
                    + lowContrast.size() + "\n  - " + String.join("\n  - ", lowContrast));
        }
        if (!broken.isEmpty()) {
            problems.add("Files the page needs that did not load: " + broken.size() + "\n  - "
                    + String.join("\n  - ", broken));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("Page '" + name + "' " + currentPath() + " (screenshot " + screenshotFile(name)
                    + "):\n" + String.join("\n", problems));
        }
    }

    /** Same-origin sub-resources of the current page (style sheets, images, icons, fonts, scripts) that failed. */
    public List<String> brokenResources() {
        @SuppressWarnings("unchecked")
        List<String> failed = (List<String>) js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.startsWith(location.origin) && e.responseStatus >= 400)"
                + ".map(e => e.responseStatus + ' ' + e.name.substring(location.origin.length)"
                + " + ' (requested by ' + e.initiatorType + ')')");
        return failed == null ? List.of() : failed.stream().distinct().toList();
    }

    /**
     * Enabled, visible {@code select}, text-like {@code input} and {@code textarea} elements showing a value whose
     * colour against the background behind it is below 4.5:1 (3:1 for large text).
     */
    public List<String> lowContrastControls() {
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js("""
                const rgba = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
                  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
                const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
                const behind = el => { for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
                  if (c && c[3] > 0) return c; } return [255, 255, 255, 1]; };
                const out = [];
                const textTypes = ['', 'text', 'search', 'date', 'datetime-local', 'month', 'week', 'time', 'number',
                  'email', 'tel', 'url', 'password'];
                for (const el of document.querySelectorAll('select, input, textarea')) {
                  if (el.disabled || el.type === 'hidden' || !el.getClientRects().length) continue;
                  if (el.tagName === 'INPUT' && !textTypes.includes(el.type)) continue;
                  const shown = el.tagName === 'SELECT' ? (el.selectedOptions[0] ? el.selectedOptions[0].text : '') : el.value;
                  if (!shown || !shown.trim()) continue;
                  const cs = getComputedStyle(el); const fg = rgba(cs.color); const bg = behind(el);
                  if (!fg) continue;
                  const a = fg[3]; const mixed = [0, 1, 2].map(i => fg[i] * a + bg[i] * (1 - a));
                  const l1 = lum(mixed), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
                  const px = parseFloat(cs.fontSize); const bold = parseInt(cs.fontWeight, 10) >= 700;
                  const need = (px >= 24 || (bold && px >= 18.66)) ? 3 : 4.5;
                  if (ratio < need) {
                    const id = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '');
                    out.push(id + ' shows "' + shown.trim() + '" in ' + cs.color + ' on ' + 'rgb(' + bg.slice(0, 3).join(', ') + ')'
                      + ': ' + ratio.toFixed(2) + ':1, needs ' + need + ':1');
                  }
                }
                return out;
                """);
        return found == null ? List.of() : found;
    }

    /** Runs axe-core with {@link #AXE_TAGS} on the current page. */
    public Results axe() {
        Results results = new AxeBuilder().withTags(AXE_TAGS).analyze(driver);
        if (results.isErrored()) {
            throw new AssertionError("axe-core failed on " + currentPath() + ": " + results.getErrorMessage());
        }
        assertThat(results.getPasses()).as("axe-core checked nothing on %s", currentPath()).isNotEmpty();
        return results;
    }

    /** Every serious or critical violation in {@code results}, one entry per rule listing all its nodes. */
    public static List<String> blockingViolations(Results results) {
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (!isBlocking(rule)) {
                continue;
            }
            String targets = rule.getNodes() == null ? "" : rule.getNodes().stream()
                    .map(BrowserSession::describe)
                    .collect(Collectors.joining("\n      "));
            problems.add("  - " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " ("
                    + rule.getHelpUrl() + ")\n      " + targets);
        }
        return problems;
    }

    private static boolean isBlocking(Rule rule) {
        return rule.getImpact() != null && BLOCKING_IMPACTS.contains(rule.getImpact());
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? ""
                : " — " + node.getFailureSummary().replaceAll("\\s+", " ").strip();
        return String.valueOf(node.getTarget()) + summary;
    }

    /**
     * Saves the whole page as {@code target/screenshots/{TestClass}-{name}.png}: the window is made as tall as the
     * document for the shot, then put back. (DevTools' {@code captureBeyondViewport} is not used: in this Chromium it
     * paints some flex layouts out of order, e.g. KRDS pagination's "다음" before the page numbers.)
     */
    public Path screenshot(String name) {
        Dimension original = driver.manage().window().getSize();
        byte[] png;
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                long inner = ((Number) js("return window.innerHeight")).longValue();
                long height = ((Number) js("return Math.max(document.documentElement.scrollHeight,"
                        + " document.body ? document.body.scrollHeight : 0)")).longValue();
                if (height <= inner) {
                    break;
                }
                Dimension current = driver.manage().window().getSize();
                int chrome = current.getHeight() - (int) inner;
                driver.manage().window().setSize(new Dimension(current.getWidth(), (int) Math.min(height + chrome,
                        MAX_SCREENSHOT_HEIGHT)));
                try {
                    new WebDriverWait(driver, Duration.ofSeconds(5), Duration.ofMillis(50))
                            .until(d -> ((Number) js("return window.innerHeight")).longValue() != inner);
                } catch (TimeoutException e) {
                    break; // the window cannot grow further: keep what we have
                }
                if (height + chrome >= MAX_SCREENSHOT_HEIGHT) {
                    break;
                }
            }
            png = driver.getScreenshotAs(OutputType.BYTES);
        } finally {
            driver.manage().window().setSize(original);
        }
        Path file = screenshotFile(name);
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private Path screenshotFile(String name) {
        return SCREENSHOTS.resolve(owner + "-" + name.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".png");
    }

    /**
     * Asserts that Korean text actually renders: the body's font stack starts with {@value #KOREAN_FONT}, that font
     * has loaded, and Chromium drew the Hangul of {@code selector} with it (asking DevTools which platform fonts laid
     * out the glyphs), with no glyph left to a font that is not Korean (a tofu box).
     */
    public void assertKoreanRenders(String selector) {
        waitForPage();
        String family = String.valueOf(js("return getComputedStyle(document.body).fontFamily"));
        assertThat(family).as("computed font-family of <body>").contains(KOREAN_FONT);
        Object loaded = js("return [...document.fonts].filter(f => f.family.replace(/[\"']/g, '') === arguments[0]"
                + " && f.status === 'loaded').length", KOREAN_FONT);
        assertThat(((Number) loaded).intValue()).as("loaded @font-face rules of %s", KOREAN_FONT).isPositive();
        String text = find(By.cssSelector(selector)).getText();
        assertThat(text).as("text of %s", selector).containsPattern("\\p{IsHangul}");

        List<Map<String, Object>> fonts = platformFonts(selector);
        assertThat(fonts).as("fonts that rendered %s '%s'", selector, text).isNotEmpty();
        List<String> names = fonts.stream().map(f -> String.valueOf(f.get("familyName"))).toList();
        assertThat(names).as("fonts that rendered %s '%s'", selector, text).contains(KOREAN_FONT);
        assertThat(fonts)
                .as("every font that rendered %s '%s' must be Korean-capable (else Hangul shows as boxes): %s",
                        selector, text, fonts)
                .allSatisfy(f -> assertThat(String.valueOf(f.get("familyName")))
                        .matches("(?i).*(Pretendard|Nanum|Noto Sans CJK|Noto Sans KR|Noto Serif CJK|Malgun|Apple SD"
                                + "|Un[A-Z]|Baekmuk).*"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> platformFonts(String selector) {
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        try {
            Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
            Object rootId = ((Map<String, Object>) document.get("root")).get("nodeId");
            Map<String, Object> found = driver.executeCdpCommand("DOM.querySelector",
                    Map.of("nodeId", rootId, "selector", selector));
            Object nodeId = found.get("nodeId");
            Map<String, Object> result = driver.executeCdpCommand("CSS.getPlatformFontsForNode",
                    Map.of("nodeId", nodeId));
            List<Map<String, Object>> fonts = new ArrayList<>((List<Map<String, Object>>) result.get("fonts"));
            // Child elements (e.g. a link inside the h1) are laid out on their own text nodes: include them.
            Map<String, Object> all = driver.executeCdpCommand("DOM.querySelectorAll",
                    Map.of("nodeId", rootId, "selector", selector + " *"));
            for (Object child : (List<Object>) all.get("nodeIds")) {
                Map<String, Object> r = driver.executeCdpCommand("CSS.getPlatformFontsForNode", Map.of("nodeId", child));
                fonts.addAll((List<Map<String, Object>>) r.get("fonts"));
            }
            return fonts;
        } finally {
            driver.executeCdpCommand("CSS.disable", Map.of());
            driver.executeCdpCommand("DOM.disable", Map.of());
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp profile left behind is harmless
        }
    }

    /**
     * Scrolls {@code element} to the middle of the viewport at once. KRDS sets {@code scroll-behavior: smooth} on
     * {@code html}, so a plain scroll (ChromeDriver's own included) is still animating when the click lands, and the
     * click misses ("element click intercepted").
     */
    public void scrollIntoView(WebElement element) {
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})", element);
        waiting().until(d -> Boolean.TRUE.equals(js("const r = arguments[0].getBoundingClientRect();"
                + " return r.top >= 0 && (r.bottom <= window.innerHeight || r.height > window.innerHeight);",
                element)));
    }
}
