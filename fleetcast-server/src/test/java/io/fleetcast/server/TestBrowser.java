package io.fleetcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
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
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) for the dashboard's UI tests, with the
 * checks every page test makes: the view became ready, nothing went wrong in the page, and screenshots kept in
 * {@code target/ui-artifacts/}.
 */
final class TestBrowser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path ARTIFACTS = Path.of("target", "ui-artifacts");
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    private TestBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Checks that Chromium and its driver are installed, and makes the screenshots' folder. */
    private static void requireChromium() throws IOException {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            assertThat(Files.isExecutable(binary))
                    .as(binary + " is missing: the UI tests need Debian's chromium and chromium-driver; install them"
                            + " with: bash scripts/ensure-chromium.sh")
                    .isTrue();
        }
        Files.createDirectories(ARTIFACTS);
    }

    /** A new browser with a fresh profile in {@code folder}; the driver's log is named after {@code testName}. */
    static TestBrowser start(Path folder, String testName) throws IOException {
        requireChromium();
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
                .withLogFile(
                        ARTIFACTS.resolve("chromedriver-" + testName + ".log").toFile())
                .build();
        return new TestBrowser(new ChromeDriver(service, options));
    }

    ChromeDriver driver() {
        return driver;
    }

    WebElement main() {
        return driver.findElement(By.id("main"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /** The header's status line, once the page has filled it in. */
    String headerStatus() {
        new WebDriverWait(driver, PATIENCE)
                .withMessage("the header's status line stayed empty")
                .until(d -> !text("#header-status").isEmpty());
        return text("#header-status");
    }

    /** The series of the chart in element {@code id}, by series id: how many points each has and its marked areas. */
    @SuppressWarnings("unchecked") // executeScript answers untyped JSON-like values
    Map<String, Map<String, Object>> chartSeries(String id) {
        Object series = script("const chart = echarts.getInstanceByDom(document.getElementById('" + id + "'));"
                + " const result = {};"
                + " for (const s of chart.getOption().series) {"
                + "   result[s.id] = {points: s.data.length,"
                + "     marks: ((s.markArea && s.markArea.data) || []).map(area => area[0].name)};"
                + " }"
                + " return result;");
        return (Map<String, Map<String, Object>>) Objects.requireNonNull(series, "no chart");
    }

    /** The number of points of series {@code id} in a chart's {@link #chartSeries}. */
    static Object points(Map<String, Map<String, Object>> chart, String id) {
        Map<String, Object> series = Objects.requireNonNull(chart.get(id), "no series " + id + " in the chart");
        return Objects.requireNonNull(series.get("points"), "no points in " + id);
    }

    @Nullable
    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    /** Waits until the page's view is ready and is {@code query} (its {@code data-view}). */
    void waitForView(String query) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "the view " + query + " did not become ready; state "
                        + main().getAttribute("data-state") + ", view " + main().getAttribute("data-view")
                        + ", error: " + driver.findElement(By.id("error")).getText())
                .until(d -> "ready".equals(main().getAttribute("data-state"))
                        && query.equals(main().getAttribute("data-view")));
    }

    /** Waits until a view whose query contains {@code fragment} is ready and in the address bar. */
    void waitForViewContaining(String fragment) {
        new WebDriverWait(driver, PATIENCE)
                .withMessage(() -> "no view with " + fragment + " became ready; state "
                        + main().getAttribute("data-state") + ", view " + main().getAttribute("data-view")
                        + ", error: " + driver.findElement(By.id("error")).getText())
                .until(d -> "ready".equals(main().getAttribute("data-state"))
                        && String.valueOf(main().getAttribute("data-view")).contains(fragment)
                        && driver.getCurrentUrl().contains(fragment));
    }

    /** No error in the browser's console and none caught by the page. */
    void assertNoErrors() {
        List<String> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::toString)
                .toList();
        assertThat(severe).as("console errors").isEmpty();
        Object caught = script("return window.fleetcastErrors;");
        assertThat((List<?>) caught).as("errors the page caught").isEmpty();
        assertThat(driver.findElement(By.id("error")).isDisplayed())
                .as("error banner")
                .isFalse();
    }

    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), ARTIFACTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("keeping the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
