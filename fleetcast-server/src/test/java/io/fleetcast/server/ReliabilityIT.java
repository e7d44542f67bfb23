package io.fleetcast.server;

import static io.fleetcast.server.TestBrowser.points;
import static io.fleetcast.server.TestLifeData.NEW;
import static io.fleetcast.server.TestLifeData.SMALL;
import static io.fleetcast.server.TestLifeData.STRONG;
import static io.fleetcast.server.TestLifeData.WEAK;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Reliability page in real headless Chromium against the real server on a free port, over {@link TestLifeData}'s
 * fleet of known lives. One walk through the page (table, drill-down, back, another segmentation), so the browser
 * starts once. Screenshots are kept in {@code target/ui-artifacts/}.
 */
class ReliabilityIT {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestLifeData.loadedApp(folder));

    @Test
    void theTableDrillsDownToASegmentsCurvesAndBack() throws IOException {
        try (TestBrowser browser = TestBrowser.start(folder, "reliability")) {
            browser.driver().get(server.uri().resolve("reliability.html").toString());
            browser.waitForView("");
            browser.assertNoErrors();
            assertThat(browser.find("#app-nav-list a[aria-current=page]").getText())
                    .isEqualTo("Reliability");
            assertThat(browser.driver().findElements(By.cssSelector("#app-nav-list a[data-page=reliability]")))
                    .hasSize(1);

            // The table: one row per SKU, the worse Weibull above the better one, the unfitted SKU last.
            List<WebElement> rows = rows(browser);
            assertThat(rows).hasSize(4);
            List<String> keys =
                    rows.stream().map(row -> row.getAttribute("data-key")).toList();
            assertThat(keys.indexOf(WEAK)).isLessThan(keys.indexOf(STRONG));
            assertThat(keys.get(3)).isEqualTo(NEW);
            assertThat(rows.get(3).getText()).contains("not fitted");
            assertThat(browser.find("#kpis [data-kpi=units]").getAttribute("data-value"))
                    .isEqualTo(String.valueOf(TestLifeData.assets().size()));
            assertThat(browser.text("#kpis [data-kpi=outlook]"))
                    .containsIgnoringCase("next 3 months")
                    .contains("95% interval");
            Map<String, Map<String, Object>> fleetChart = browser.chartSeries("fleet-forecast-chart");
            assertThat(fleetChart.keySet())
                    .containsExactlyInAnyOrder(
                            "segment:" + WEAK, "segment:" + STRONG, "segment:" + SMALL, "fleet-lower", "fleet-upper");
            assertThat(points(fleetChart, "fleet-upper")).isEqualTo(12L);
            browser.screenshot("reliability-table.png");

            // Choose a row: its curves, and the URL names it.
            browser.find("#segments-table tr[data-key='" + WEAK + "'] th a").click();
            browser.waitForViewContaining("value=" + WEAK);
            browser.assertNoErrors();
            assertThat(browser.driver().getCurrentUrl()).endsWith("reliability.html?value=" + WEAK);
            assertThat(browser.text("#page-title")).isEqualTo("SKU " + WEAK);
            Map<String, Map<String, Object>> curves = browser.chartSeries("reliability-chart");
            assertThat(curves.keySet())
                    .containsExactlyInAnyOrder("km", "km-lower", "km-upper", "fit-band-base", "fit-band", "fit");
            long failureAges = TestLifeData.assets().stream()
                    .filter(a -> a.sku().equals(WEAK) && a.failure() != null)
                    .map(a -> requireNonNull(a.failure()).toEpochDay()
                            - a.install().toEpochDay())
                    .distinct()
                    .count();
            assertThat(points(curves, "km")).isEqualTo(failureAges + 1); // age 0, then one step per failure age
            assertThat(points(curves, "fit-band")).isEqualTo(80L);
            assertThat(points(curves, "fit")).isEqualTo(81L);
            assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('reliability-chart'))"
                            + ".getOption().xAxis[0].name;"))
                    .isEqualTo("age (days)");
            assertThat(points(browser.chartSeries("hazard-chart"), "hazard")).isEqualTo(80L);
            assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('hazard-chart'))"
                            + ".getOption().yAxis[0].name;"))
                    .isEqualTo("% per year");
            Map<String, Map<String, Object>> forecast = browser.chartSeries("segment-forecast-chart");
            assertThat(points(forecast, "expected")).isEqualTo(12L);
            assertThat(points(forecast, "interval")).isEqualTo(12L);
            assertThat(browser.text("#fit-facts [data-fact=b10-life]")).endsWith("days)");
            assertThat(browser.text("#breadcrumb li[data-level=segment]")).isEqualTo("SKU " + WEAK);
            browser.screenshot("reliability-segment.png");

            // Back: the table again.
            browser.driver().navigate().back();
            browser.waitForView("");
            assertThat(rows(browser)).hasSize(4);
            browser.assertNoErrors();

            // Forward, then up through the breadcrumb.
            browser.driver().navigate().forward();
            browser.waitForViewContaining("value=" + WEAK);
            browser.find("#breadcrumb li[data-level=fleet] a").click();
            browser.waitForView("");

            // Another segmentation: sites, two of them; the URL keeps it.
            new Select(browser.find("#by")).selectByValue("site");
            browser.waitForView("?by=site");
            assertThat(rows(browser)).hasSize(2);
            assertThat(browser.find("#segment-col").getText()).isEqualTo("Site");
            browser.assertNoErrors();

            // A store without assets: the page says what to do, and shows no table.
            try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
                browser.driver().get(empty.uri().resolve("reliability.html").toString());
                browser.waitForView("");
                browser.assertNoErrors();
                assertThat(browser.text("#note")).startsWith("No assets are stored yet");
                assertThat(browser.headerStatus()).isEqualTo("no data loaded yet · signed in as local");
                assertThat(browser.find("#fleet-view").isDisplayed()).isFalse();
                assertThat(browser.find("#kpis [data-kpi=units]").getAttribute("data-value"))
                        .isEqualTo("0");
                browser.screenshot("reliability-empty.png");
            }
        }
    }

    private static List<WebElement> rows(TestBrowser browser) {
        return browser.driver().findElements(By.cssSelector("#segments-table tbody tr[data-key]"));
    }
}
