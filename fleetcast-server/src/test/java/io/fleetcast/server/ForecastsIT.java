package io.fleetcast.server;

import static io.fleetcast.server.TestForecastData.HORIZON_DAYS;
import static io.fleetcast.server.TestForecastData.MEMORY_ADJUSTMENT;
import static io.fleetcast.server.TestForecastData.MEMORY_SERIES;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Forecasts page in real headless Chromium against the real server on a free port, over a store with the two plan
 * versions of {@link TestForecastData}. One walk through the page, to keep the browser start-ups few. Screenshots are
 * kept in {@code target/ui-artifacts/}.
 */
class ForecastsIT {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestForecastData.plannedApp(folder));

    private TestBrowser browser;

    @BeforeEach
    void startBrowser(TestInfo test) throws IOException {
        browser = TestBrowser.start(folder, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked") // the chart's option comes back from the page as untyped lists and maps
    void aSeriesShowsHistoryForecastBandsAdjustmentsAndEventsAndAdjustmentsCanBeAddedDeletedAndDiffed() {
        browser.driver().get(server.uri().resolve("forecasts.html").toString());
        browser.waitForView("?series=checkout%2Fash-c1%2Fcpu");
        browser.assertNoErrors();
        assertThat(browser.find("#app-nav-list a[aria-current=page]").getText()).isEqualTo("Forecasts");
        assertThat(new Select(browser.find("#plan-version")).getOptions()).hasSize(3);

        // Pick a series through the filterable list.
        browser.find("#series-filter").sendKeys("memory");
        assertThat(browser.driver().findElements(By.cssSelector("#series-list li:not([hidden])")))
                .hasSize(1);
        browser.find("#series-list li[data-key='" + MEMORY_SERIES + "'] a").click();
        browser.waitForView("?series=checkout%2Fash-c1%2Fmemory");
        browser.assertNoErrors();

        Map<String, Map<String, Object>> chart = chartSeries();
        assertThat(chart.keySet())
                .containsExactlyInAnyOrder(
                        "history", "band95-base", "band95", "band80-base", "band80", "forecast", "adjusted", "events");
        assertThat(of(chart, "history").get("points")).isEqualTo(180L);
        for (String id : List.of("band95-base", "band95", "band80-base", "band80", "forecast", "adjusted")) {
            assertThat(of(chart, id).get("points")).as(id).isEqualTo((long) HORIZON_DAYS);
        }
        assertThat((List<Object>) of(chart, "events").get("marks"))
                .containsExactlyInAnyOrder(TestForecastData.HOLIDAY_EVENT, TestForecastData.LAUNCH_EVENT);
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('forecast-chart'))"
                        + ".getOption().yAxis[0].name;"))
                .isEqualTo("GiB");
        assertThat(browser.text("#provenance [data-fact=training-window]")).isEqualTo("2025-01-01 to 2025-12-31");
        assertThat(browser.text("#provenance [data-fact=rows]")).isEqualTo("365 days");
        assertThat(browser.text("#adjustments-table tr[data-id='" + MEMORY_ADJUSTMENT + "']"))
                .contains("+512 GiB", "2026-01-05 to 2026-01-31", "planner", "cache rollout", "applied");
        browser.screenshot("forecasts-series.png");

        // Plan 1 had no adjustment of memory: no adjusted line, and the adjustment comes "from next plan".
        new Select(browser.find("#plan-version")).selectByValue("1");
        browser.waitForView("?version=1&series=checkout%2Fash-c1%2Fmemory");
        assertThat(chartSeries()).doesNotContainKey("adjusted").containsKey("band80");
        assertThat(browser.text("#adjustments-table tr[data-id='" + MEMORY_ADJUSTMENT + "'] td[data-applied]"))
                .isEqualTo("from next plan");
        browser.driver().navigate().back();
        browser.waitForView("?series=checkout%2Fash-c1%2Fmemory");

        // Add an adjustment through the form: it is listed, to apply from the next plan.
        browser.find("#adjustment-add").click();
        assertThat(browser.find("#adjustment-form [name=service]").getAttribute("value"))
                .isEqualTo("checkout");
        new Select(browser.find("#adjustment-form [name=kind]")).selectByValue("multiply");
        assertThat(browser.find("#adjustment-form [name=unit]").isEnabled()).isFalse();
        browser.find("#adjustment-form [name=value]").sendKeys("1.1");
        browser.find("#adjustment-form [name=reason]").sendKeys("promo week");
        browser.screenshot("forecasts-adjustment-form.png");
        browser.find("#adjustment-save").click();
        waitUntil("the new adjustment is listed", () -> rows().size() == 2);
        WebElement added = rows().stream()
                .filter(row -> !MEMORY_ADJUSTMENT.equals(row.getAttribute("data-id")))
                .findFirst()
                .orElseThrow();
        String addedId = added.getAttribute("data-id");
        assertThat(added.getText()).contains("multiply", "×1.1", "local", "promo week", "from next plan");
        assertThat(browser.find("#adjustment-saved").getText()).contains("applies from the next fleetcast forecast");
        assertThat(server.app().forecasts().adjustments()).anySatisfy(adjustment -> {
            assertThat(adjustment.id()).isEqualTo(addedId);
            assertThat(adjustment.value()).isEqualTo(1.1);
        });
        browser.assertNoErrors();
        browser.screenshot("forecasts-adjustment-added.png");

        // Delete it again (two clicks: delete, then confirm).
        browser.find("#adjustments-table tr[data-id='" + addedId + "'] [data-action=delete]")
                .click();
        browser.find("#adjustments-table tr[data-id='" + addedId + "'] [data-action=delete]")
                .click();
        waitUntil("the adjustment is gone", () -> rows().size() == 1);
        assertThat(server.app().forecasts().adjustments())
                .noneMatch(adjustment -> adjustment.id().equals(addedId));

        // The diff of the two plans names the memory series and its adjustment, and links to it.
        browser.find("label[for=view-diff]").click();
        browser.waitForView("?view=diff&from=1&to=2");
        List<WebElement> changed = browser.driver().findElements(By.cssSelector("#diff-table tbody tr"));
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).getAttribute("data-key")).isEqualTo(MEMORY_SERIES);
        assertThat(changed.get(0).getText()).contains("Changed", "adjustment", "none → " + MEMORY_ADJUSTMENT);
        assertThat(browser.text("#diff-sub")).startsWith("1 of 3 series changed from plan v1 to v2.");
        browser.assertNoErrors();
        browser.screenshot("forecasts-diff.png");
        changed.get(0).findElement(By.cssSelector("th a")).click();
        browser.waitForView("?version=2&series=checkout%2Fash-c1%2Fmemory");
        assertThat(chartSeries()).containsKey("adjusted");
        browser.assertNoErrors();

        // A bad adjustment is refused with the server's message beside the form.
        browser.find("#adjustment-add").click();
        browser.find("#adjustment-form [name=value]").sendKeys("5");
        browser.find("#adjustment-save").click();
        waitUntil(
                "the form shows the error",
                () -> browser.find("#adjustment-error").isDisplayed());
        assertThat(browser.text("#adjustment-error")).isEqualTo("Not saved: reason is required: say why");
        assertThat((List<?>) browser.script("return window.fleetcastErrors;")).isEmpty();
        browser.screenshot("forecasts-adjustment-error.png");
    }

    private static Map<String, Object> of(Map<String, Map<String, Object>> chart, String id) {
        return requireNonNull(chart.get(id), "no series " + id + " in the chart");
    }

    private List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#adjustments-table tbody tr[data-id]"));
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), TestBrowser.PATIENCE)
                .withMessage(what)
                .until(d -> "ready".equals(browser.main().getAttribute("data-state")) && condition.getAsBoolean());
    }

    private Map<String, Map<String, Object>> chartSeries() {
        return browser.chartSeries("forecast-chart");
    }
}
