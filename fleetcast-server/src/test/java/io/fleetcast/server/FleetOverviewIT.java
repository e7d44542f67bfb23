package io.fleetcast.server;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.FleetcastApp;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Fleet overview page in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), against
 * the real server on a free port over a store loaded with {@link TestFleetData}. Screenshots are kept in
 * {@code target/ui-artifacts/}.
 */
class FleetOverviewIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path ARTIFACTS = Path.of("target", "ui-artifacts");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    static Path folder;

    private static FleetcastApp app;
    private static FleetcastServer server;

    private ChromeDriver driver;

    @BeforeAll
    static void startServer() throws IOException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Files.isExecutable(binary))
                    .as(binary + " is missing: the UI tests need Debian's chromium and chromium-driver; install them"
                            + " with: bash scripts/ensure-chromium.sh")
                    .isTrue();
        }
        Files.createDirectories(ARTIFACTS);
        app = TestFleetData.loadedApp(folder);
        server = FleetcastServer.start(ServerConfig.local(0), app);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void startBrowser(TestInfo test) throws IOException {
        Path profile = Files.createTempDirectory(folder, "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1700",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(ARTIFACTS
                        .resolve("chromedriver-"
                                + test.getTestMethod().orElseThrow().getName() + ".log")
                        .toFile())
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @Test
    void theOverviewLoadsWithAChartAndDrillsDownIntoARegionAndBack() {
        driver.get(server.uri().toString());
        waitForView("");

        assertNoErrors();
        assertThat(seriesLengths())
                .isNotEmpty()
                .allSatisfy(length -> assertThat(length).isEqualTo(366));
        assertThat(breadcrumb()).isEqualTo("Fleet");
        assertThat(text("#page-title")).isEqualTo("Whole fleet");
        long fleetServers = kpi("servers");
        assertThat(fleetServers).isEqualTo(TestFleetData.serversInService(TestFleetData.AS_OF, asset -> true));
        assertThat(text("[data-kpi=cores] .kpi-value")).matches("[0-9]{1,3}(,[0-9]{3})* cores");
        assertThat(text("[data-kpi=memory] .kpi-value")).endsWith(" GiB");
        assertThat(text("[data-kpi=storage] .kpi-value")).endsWith(" TB");
        assertThat(yAxisName()).isEqualTo("cores");
        screenshot("fleet-overview.png");

        WebElement firstRow = driver.findElement(By.cssSelector("#breakdown-table tbody tr:first-child th a"));
        String region = firstRow.getText();
        firstRow.click();
        waitForView("?region=" + region);

        assertNoErrors();
        assertThat(driver.getCurrentUrl()).contains("region=" + region);
        assertThat(breadcrumb()).isEqualTo("Fleet › Region " + region);
        assertThat(kpi("servers")).isPositive().isLessThan(fleetServers);
        assertThat(kpi("servers"))
                .isEqualTo(TestFleetData.serversInService(
                        TestFleetData.AS_OF, asset -> asset.cluster().region().equals(region)));
        assertThat(text("#breakdown-title")).isEqualTo("Sites in " + region);
        assertThat(seriesLengths()).allSatisfy(length -> assertThat(length).isEqualTo(366));
        screenshot("fleet-overview-region.png");

        driver.navigate().back();
        waitForView("");
        assertThat(driver.getCurrentUrl()).doesNotContain("region=");
        assertThat(kpi("servers")).isEqualTo(fleetServers);

        driver.navigate().forward();
        waitForView("?region=" + region);
        assertThat(breadcrumb()).isEqualTo("Fleet › Region " + region);
        assertNoErrors();
    }

    @Test
    void aSharedUrlRestoresResourceRangeAndScopeAndTheBreadcrumbGoesBackUp() {
        driver.get(server.uri() + "?cluster=ash-c1&from=2025-07-01&to=2025-12-31&resource=memory");
        // The page completes the scope with the cluster's site and region, in the URL too.
        waitForView("?region=us-east&site=dc-ash&cluster=ash-c1&from=2025-07-01&to=2025-12-31&resource=memory");

        assertNoErrors();
        assertThat(breadcrumb()).isEqualTo("Fleet › Region us-east › Site dc-ash › Cluster ash-c1");
        assertThat(driver.findElement(By.id("resource-memory")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("from")).getAttribute("value")).isEqualTo("2025-07-01");
        assertThat(driver.findElement(By.id("to")).getAttribute("value")).isEqualTo("2025-12-31");
        assertThat(seriesLengths()).allSatisfy(length -> assertThat(length).isEqualTo(184));
        assertThat(yAxisName()).isEqualTo("GiB");
        assertThat(text("#breakdown-title")).isEqualTo("Services in ash-c1");

        driver.findElement(By.cssSelector("#breakdown-table tbody tr:first-child th a"))
                .click();
        waitForViewContaining("service=");
        assertThat(driver.findElement(By.id("scope-note")).isDisplayed()).isTrue();
        assertThat(text("[data-kpi=servers] .kpi-value")).isEqualTo("—");
        assertThat(driver.findElement(By.id("sku-card")).isDisplayed()).isFalse();
        assertThat(seriesLengths())
                .hasSize(2)
                .allSatisfy(length -> assertThat(length).isEqualTo(184));
        screenshot("fleet-overview-service.png");

        driver.findElement(By.cssSelector("#breadcrumb li[data-level=site] a")).click();
        waitForView("?region=us-east&site=dc-ash&from=2025-07-01&to=2025-12-31&resource=memory");
        assertThat(text("#breakdown-title")).isEqualTo("Clusters in dc-ash");
        assertNoErrors();
    }

    @Test
    void theResourceSelectorAndRangePresetsChangeTheView() {
        driver.get(server.uri().toString());
        waitForView("");

        driver.findElement(By.cssSelector("label[for=resource-storage]")).click();
        waitForView("?resource=storage");
        assertThat(yAxisName()).isEqualTo("TB");

        driver.findElement(By.cssSelector("button[data-preset='90d']")).click();
        waitForView("?from=2025-10-02&to=2025-12-31&resource=storage");
        assertThat(driver.findElement(By.cssSelector("button[data-preset='90d']"))
                        .getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(seriesLengths()).allSatisfy(length -> assertThat(length).isEqualTo(91));
        assertNoErrors();
    }

    private void waitForView(String query) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "the view " + query + " did not become ready; state "
                        + main().getAttribute("data-state") + ", view " + main().getAttribute("data-view")
                        + ", error: " + driver.findElement(By.id("error")).getText())
                .until(d -> "ready".equals(main().getAttribute("data-state"))
                        && query.equals(main().getAttribute("data-view")));
    }

    private void waitForViewContaining(String fragment) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "no view with " + fragment + " became ready; state "
                        + main().getAttribute("data-state") + ", view " + main().getAttribute("data-view"))
                .until(d -> "ready".equals(main().getAttribute("data-state"))
                        && String.valueOf(main().getAttribute("data-view")).contains(fragment)
                        && driver.getCurrentUrl().contains(fragment));
    }

    private WebElement main() {
        return driver.findElement(By.id("main"));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private String breadcrumb() {
        return driver.findElements(By.cssSelector("#breadcrumb li")).stream()
                .map(WebElement::getText)
                .map(text -> text.replaceAll("\\s+", " ").trim())
                .collect(Collectors.joining(" › "));
    }

    private long kpi(String id) {
        return Long.parseLong(
                driver.findElement(By.cssSelector("[data-kpi=" + id + "]")).getAttribute("data-value"));
    }

    private List<Long> seriesLengths() {
        Object lengths = ((JavascriptExecutor) driver)
                .executeScript("const chart = echarts.getInstanceByDom(document.getElementById('timeline-chart'));"
                        + " return chart.getOption().series.map(s => s.data.filter(p => p[1] !== null).length"
                        + " > 0 ? s.data.length : 0);");
        return ((List<?>) requireNonNull(lengths, "no series"))
                .stream().map(n -> ((Number) n).longValue()).toList();
    }

    private String yAxisName() {
        return String.valueOf(((JavascriptExecutor) driver)
                .executeScript("return echarts.getInstanceByDom(document.getElementById('timeline-chart'))"
                        + ".getOption().yAxis[0].name;"));
    }

    /** No error in the browser's console and none caught by the page. */
    private void assertNoErrors() {
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
        assertThat(severe).as("console errors").isEmpty();
        Object caught = ((JavascriptExecutor) driver).executeScript("return window.fleetcastErrors;");
        assertThat((List<?>) caught).as("errors the page caught").isEmpty();
        assertThat(driver.findElement(By.id("error")).isDisplayed())
                .as("error banner")
                .isFalse();
    }

    private void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("keeping the screenshot " + name, e);
        }
    }
}
