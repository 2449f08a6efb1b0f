package org.etlsuite.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import org.etlsuite.model.Topics;
import org.etlsuite.transformer.UrbanLoad;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in a real browser (headless Chromium through chromedriver, Debian's {@code chromium} and
 * {@code chromium-driver}, which {@code .ci/run} installs) against the whole packaged suite: every page the navigation
 * links to loads without a console error and leaves a screenshot in {@code target/screenshots/}; a burst sent while
 * {@code /urban} is open changes its readings tile without a reload; its zone legend shows one zone alone on both
 * time charts; a run started from the form on {@code /runs} by the signed-in user reaches SUCCESS on its own page,
 * which refreshes itself.
 *
 * <p>Skipped, with the reason, where no Chromium or chromedriver is installed.
 */
class DashboardBrowserIntegrationTests {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path data;

    static FaultStack stack;
    static WebDriver browser;

    @BeforeAll
    static void startStackAndBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)");
        Files.createDirectories(SCREENSHOTS);
        stack = FaultStack.start(data, EtlServices.TRANSFORMER, EtlServices.PRODUCER, EtlServices.DASHBOARD);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // root in a container has no sandbox to give; /dev/shm is small there
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldShowEveryPageWithoutAConsoleErrorAndUpdateTheUrbanTileLiveAndRunAPipelineFromTheBrowser() throws Exception {
        sendUrbanBurst(1_000);
        Path aggregate = stack.dataDir().resolve(UrbanLoad.CSV);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> UrbanLoad.readingsIn(aggregate) == 1_000);

        for (String page : pagesOfTheNavigation()) {
            open(page);
            screenshot(page);
            assertNoConsoleErrors(page);
        }

        // live: the tile follows the file, and the page is the same document (the marker survives)
        open("/urban");
        assertThat(readings()).isEqualTo(1_000);
        ((JavascriptExecutor) browser).executeScript("window.etlNoReload = true;");
        sendUrbanBurst(500);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> readings() == 1_500);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.etlNoReload === true;")).isEqualTo(true);
        screenshot("/urban-live");
        assertNoConsoleErrors("/urban (live)");

        // the zone legend: a plain link that shows one zone alone on both time charts, their tooltips and tables
        WebElement zoneLink = browser.findElement(By.cssSelector("nav[aria-label=Zone] a:not([aria-current])"));
        String zone = zoneLink.getText();
        zoneLink.click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().contains("zone="));
        assertThat(browser.findElement(By.cssSelector("nav[aria-label=Zone] a[aria-current=page]")).getText()).isEqualTo(zone);
        for (String chart : List.of("#traffic-vs-pollution", "#pollution-over-time")) {
            assertThat(textsOf(chart + " svg g.data-item > title")).as("tooltips of %s", chart).isNotEmpty()
                    .allSatisfy(title -> assertThat(title).startsWith(zone + ", "));
            assertThat(textsOf(chart + " .chart-data tbody tr > th:first-child")).as("table of %s", chart).isNotEmpty()
                    .containsOnly(zone);
        }
        screenshot("/urban-zone");
        assertNoConsoleErrors("/urban?zone=" + zone);

        // the run control: sign in, start a run, follow it on its page until it succeeds
        open("/login");
        browser.findElement(By.name("username")).sendKeys(FaultStack.CREDENTIALS.user());
        browser.findElement(By.name("password")).sendKeys(FaultStack.CREDENTIALS.password());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        open("/runs");
        WebElement form = browser.findElement(By.cssSelector("form.run-form"));
        form.findElement(By.cssSelector("select[name=pipeline] option[value='" + Topics.URBAN_SENSORS + "']")).click();
        WebElement events = form.findElement(By.name("events"));
        events.clear();
        events.sendKeys("300");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> browser.getCurrentUrl().matches(".*/runs/\\d+$"));
        String runPage = URI.create(browser.getCurrentUrl()).getPath();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#run-summary .badge")).getText().equalsIgnoreCase("success"));
        screenshot(runPage);
        assertNoConsoleErrors(runPage);
    }

    /** The pages the dashboard's navigation links to, home first. */
    private static List<String> pagesOfTheNavigation() {
        open("/");
        Set<String> pages = new LinkedHashSet<>(List.of("/"));
        for (WebElement link : browser.findElements(By.cssSelector("nav a[href]"))) {
            URI target = URI.create(link.getAttribute("href"));
            if (target.getPath() != null && target.getHost() != null && target.getHost().equals(dashboard().getHost())) {
                pages.add(target.getPath());
            }
        }
        pages.add("/login");
        assertThat(pages).as("the navigation").contains("/urban", "/dashboard", "/products", "/runs");
        return List.copyOf(pages);
    }

    private static void open(String path) {
        browser.get(dashboard().resolve(path).toString());
    }

    private static URI dashboard() {
        return stack.endpoints().dashboardUrl();
    }

    private static long readings() {
        return Long.parseLong(browser.findElement(By.id("kpi-readings")).getText().replaceAll("[^0-9]", ""));
    }

    /** The text of each element, shown or not (a table in a closed {@code <details>}, an SVG title). */
    private static List<String> textsOf(String cssSelector) {
        return browser.findElements(By.cssSelector(cssSelector)).stream().map(element -> element.getDomProperty("textContent").trim()).toList();
    }

    private static void sendUrbanBurst(int events) {
        HttpResponse<String> accepted = ServiceApi.send("POST",
                stack.endpoints().producerUrl().resolve("/api/streams/" + Topics.URBAN_SENSORS + "/bursts"), "{\"events\": " + events + "}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    }

    private static void assertNoConsoleErrors(String page) {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
        assertThat(errors).as("console errors on %s", page).isEmpty();
    }

    private static void screenshot(String page) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        String name = page.equals("/") ? "home" : page.substring(1).replace('/', '-');
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
