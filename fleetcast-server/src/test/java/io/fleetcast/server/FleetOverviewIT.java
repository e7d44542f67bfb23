package io.fleetcast.server;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The Fleet overview page in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), against
 * the real server on a free port over a store loaded with {@link TestFleetData}. Screenshots are kept in
 * {@code target/ui-artifacts/}.
 */
class FleetOverviewIT {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestFleetData.loadedApp(folder));

    private TestBrowser browser;
    private ChromeDriver driver;

    @BeforeEach
    void startBrowser(TestInfo test) throws IOException {
        browser = TestBrowser.start(folder, test.getTestMethod().orElseThrow().getName());
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
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
        assertThat(browser.headerStatus()).isEqualTo("data as of " + TestFleetData.AS_OF + " · signed in as local");
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

    @Test
    void theSupplyChangesAreTheGeneratedServersMonthByMonthSkuBySkuAndClusterByCluster() {
        driver.get(server.uri() + "?region=us-east&site=dc-ash&from=2025-02-10&to=2025-12-31&resource=memory");
        waitForView("?region=us-east&site=dc-ash&from=2025-02-10&to=2025-12-31&resource=memory");
        assertNoErrors();

        // Recomputed from the generated servers: each month from the first day of the range (or of the month) on.
        List<String> expected = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2025, 2);
                !month.isAfter(YearMonth.of(2025, 12));
                month = month.plusMonths(1)) {
            LocalDate first = month.equals(YearMonth.of(2025, 2)) ? LocalDate.of(2025, 2, 10) : month.atDay(1);
            expected.add(month + " " + changes(first, month.atEndOfMonth(), TestFleetData.inSite("dc-ash")));
        }
        assertThat(changeRows("changes-month-table")).isEqualTo(expected);
        // Per SKU over the whole range, most in service at its end first; each of dc-ash's clusters is one SKU.
        LocalDate from = LocalDate.of(2025, 2, 10);
        String ashC1 = changes(from, TestFleetData.AS_OF, TestFleetData.inCluster("ash-c1"));
        String ashC2 = changes(from, TestFleetData.AS_OF, TestFleetData.inCluster("ash-c2"));
        assertThat(changeRows("changes-sku-table")).containsExactly("gen6-compute " + ashC1, "gen7-storage " + ashC2);
        assertThat(text("#changes-sku-table tbody tr:first-child td[data-flow=closing] .cell-sub"))
                .endsWith(" GiB");
        // Per cluster of the site, most memory at the end first.
        assertThat(text("#changes-member-caption")).isEqualTo("By cluster");
        assertThat(changeRows("changes-member-table")).containsExactly("ash-c1 " + ashC1, "ash-c2 " + ashC2);
        screenshot("fleet-overview-supply-changes.png");

        // A cluster's row leads to the cluster, whose changes are its own and whose next level (services) has none.
        driver.findElement(By.cssSelector("#changes-member-table tbody tr[data-key='ash-c2'] a"))
                .click();
        waitForView("?region=us-east&site=dc-ash&cluster=ash-c2&from=2025-02-10&to=2025-12-31&resource=memory");
        assertThat(changeRows("changes-sku-table")).containsExactly("gen7-storage " + ashC2);
        assertThat(driver.findElement(By.id("changes-member-wrap")).isDisplayed())
                .isFalse();
        assertNoErrors();
    }

    /** {@code opening installed failed retired closing}, servers then memory GiB each, of the generated servers. */
    private static String changes(LocalDate first, LocalDate last, Predicate<TestFleetData.Asset> filter) {
        return TestFleetData.changes(first, last, filter, TestFleetData.Sku::memoryGib);
    }

    /** Each row of a supply-changes table as {@code key servers/capacity ...}, from the cells' data. */
    private List<String> changeRows(String table) {
        return driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(row -> row.getAttribute("data-key") + " "
                        + row.findElements(By.cssSelector("td[data-flow]")).stream()
                                .map(cell -> cell.getAttribute("data-servers") + "/"
                                        + Math.round(Double.parseDouble(cell.getAttribute("data-capacity"))))
                                .collect(Collectors.joining(" ")))
                .toList();
    }

    private void waitForView(String query) {
        browser.waitForView(query);
    }

    private void waitForViewContaining(String fragment) {
        browser.waitForViewContaining(fragment);
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

    private void assertNoErrors() {
        browser.assertNoErrors();
    }

    private void screenshot(String name) {
        browser.screenshot(name);
    }
}
