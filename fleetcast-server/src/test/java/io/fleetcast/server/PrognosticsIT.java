package io.fleetcast.server;

import static io.fleetcast.server.TestBrowser.points;
import static io.fleetcast.server.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Prognostics page in real headless Chromium against the real server on a free port, over {@link
 * TestPrognosticsData}'s simulated fleet with a trained model, a scored day and two runs of the daily pipeline. One
 * walk through the page (the flagged table, the feature drift, the daily runs, an asset's charts, a review through the
 * form, a refused review, a store with nothing scored), so the browser starts once; every figure checked is the one
 * the API returns. Screenshots are kept in {@code target/ui-artifacts/}.
 */
class PrognosticsIT {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestPrognosticsData.scoredApp(folder));

    private TestBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = TestBrowser.start(folder, "prognostics");
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theFlaggedTableOpensAnAssetWhoseReviewShowsInItsRow() {
        for (int i = 0; i < 2; i++) {
            server.app()
                    .dailyPipeline(null, PrognosticsService.DailyPolicy.defaults())
                    .runOnce();
        }
        JsonNode api = server.json("/api/prognostics");
        JsonNode predictions = api.get("predictions");

        browser.driver().get(server.uri().resolve("prognostics.html").toString());
        browser.waitForView("");
        browser.assertNoErrors();
        assertThat(browser.find("#app-nav-list a[aria-current=page]").getText()).isEqualTo("Prognostics");
        assertThat(browser.driver().findElements(By.cssSelector("#app-nav-list a[data-page=prognostics]")))
                .hasSize(1);

        // The flagged table: the API's riskiest assets in its order, risk in %, with the reasons.
        List<WebElement> rows = rows();
        assertThat(rows.stream().map(row -> row.getAttribute("data-key")).toList())
                .containsExactlyElementsOf(texts(predictions, "asset_id"));
        WebElement first = rows.get(0);
        assertThat(Double.parseDouble(
                        first.findElement(By.cssSelector("td[data-risk]")).getAttribute("data-risk")))
                .isEqualTo(predictions.get(0).get("risk").asDouble());
        assertThat(first.getText())
                .contains(predictions.get(0).get("reasons").get(0).asText(), "not reviewed");
        assertThat(browser.text("#flagged-table thead")).contains("Risk (%)");
        assertThat(browser.find("#kpis [data-kpi=scored]").getAttribute("data-value"))
                .isEqualTo(api.get("scored_assets").asText());
        assertThat(browser.text("#kpis [data-kpi=highest]")).contains("%");
        assertThat(browser.text("#flagged-sub")).contains("within 30 days");
        assertThat(browser.driver().findElements(By.cssSelector("#models-table tbody tr")))
                .hasSize(1);
        assertThat(browser.find("#models-table tbody tr td[data-review-labels]").getAttribute("data-review-labels"))
                .isEqualTo("0");
        assertThat(browser.driver().findElements(By.cssSelector("#outcomes-table tbody tr")))
                .hasSize(1);
        assertThat(browser.find("#asset-view").isDisplayed()).isFalse();
        browser.screenshot("prognostics-flagged.png");

        // The day's feature drift: the API's features in its order, PSI to two decimals, the level marked.
        JsonNode drift = api.get("drift");
        assertThat(drift).isNotEmpty();
        List<WebElement> driftRows = browser.driver().findElements(By.cssSelector("#drift-table tbody tr[data-key]"));
        assertThat(driftRows.stream().map(row -> row.getAttribute("data-key")).toList())
                .containsExactlyElementsOf(texts(drift, "feature"));
        for (int i = 0; i < driftRows.size(); i++) {
            WebElement psi = driftRows.get(i).findElement(By.cssSelector("td[data-psi]"));
            assertThat(Double.parseDouble(psi.getAttribute("data-psi")))
                    .isEqualTo(drift.get(i).get("psi").asDouble());
            assertThat(psi.getText()).matches("\\d+\\.\\d\\d");
            assertThat(driftRows
                            .get(i)
                            .findElement(By.cssSelector("td[data-level]"))
                            .getAttribute("data-level"))
                    .isEqualTo(drift.get(i).get("level").asText());
        }
        assertThat(browser.text("#drift-table thead")).contains("PSI", "Missing on the day (%)");
        assertThat(browser.text("#drift-card")).contains("below 0.1 stable", "above 0.25");
        int major = api.get("major_drift").asInt();
        if (major > 0) {
            assertThat(browser.text("#drift-sub")).contains(major + " feature");
            assertThat(browser.text("#drift-table tbody td[data-level=major]")).isEqualTo("major");
        }

        // The daily pipeline's latest run, and the earlier one below it.
        JsonNode runs = api.get("daily_runs");
        assertThat(runs).hasSize(2);
        assertThat(browser.find("#runs-latest").getAttribute("data-status")).isEqualTo("ok");
        assertThat(browser.text("#runs-latest"))
                .contains("Latest run", "UTC", runs.get(0).get("message").asText());
        assertThat(browser.driver().findElements(By.cssSelector("#runs-table tbody tr[data-run]")).stream()
                        .map(row -> row.getAttribute("data-run"))
                        .toList())
                .containsExactly(runs.get(1).get("run_id").asText());
        browser.script("document.getElementById('drift-card').scrollIntoView();");
        browser.screenshot("prognostics-drift.png");

        // Open the second riskiest asset: its four signals, one chart each, and the review form.
        JsonNode chosen = predictions.get(1);
        String assetId = chosen.get("asset_id").asText();
        long predictionId = chosen.get("id").asLong();
        rows.get(1).findElement(By.cssSelector("th a")).click();
        browser.waitForViewContaining("asset=" + assetId);
        browser.assertNoErrors();
        assertThat(browser.text("#page-title")).isEqualTo("Asset " + assetId);
        assertThat(row(assetId).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(browser.text("#asset-facts [data-fact=risk]")).contains("% chance of failing within 30 days");
        JsonNode asset = server.json("/api/prognostics/assets/" + assetId);
        List<WebElement> charts = browser.driver().findElements(By.cssSelector("#signal-charts figure"));
        assertThat(charts.stream()
                        .map(chart -> chart.getAttribute("data-signal"))
                        .toList())
                .containsExactlyElementsOf(TestPrognosticsData.SIGNALS);
        assertThat(charts.get(3).findElement(By.tagName("figcaption")).getText())
                .isEqualTo("temp_c (°C)");
        assertThat(charts.get(2).findElement(By.tagName("figcaption")).getText())
                .isEqualTo("fan_rpm (rpm)");
        assertThat(points(browser.chartSeries("signal-chart-3"), "signal"))
                .isEqualTo((long) asset.get("signals").get(3).get("points").size());
        assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('signal-chart-3'))"
                        + ".getOption().yAxis[0].name;"))
                .isEqualTo("°C");
        browser.screenshot("prognostics-asset.png");

        // Reject it with a note: the row shows the verdict, and the day's outcome counts it.
        browser.find("#review-form input[value=reject]").click();
        browser.find("#review-form [name=note]").sendKeys("thermal paste replaced last week");
        browser.find("#review-save").click();
        waitUntil(
                "the row shows the verdict",
                () -> "reject"
                                .equals(row(assetId)
                                        .findElement(By.cssSelector("td[data-verdict]"))
                                        .getAttribute("data-verdict"))
                        && browser.find("#review-saved").isDisplayed()
                        // The save reloads the page's figures: wait for the reloaded outcomes too.
                        && "1"
                                .equals(browser.find("#outcomes-table td[data-rejected]")
                                        .getAttribute("data-rejected")));
        assertThat(row(assetId).getText()).contains("rejected", "thermal paste replaced last week");
        assertThat(browser.text("#review-saved")).contains("is rejected");
        assertThat(browser.find("#outcomes-table td[data-rejected]").getAttribute("data-rejected"))
                .isEqualTo("1");
        assertThat(server.app().prognostics().predictions(TestPrognosticsData.END).stream()
                        .filter(prediction -> prediction.id() == predictionId)
                        .map(Prediction::verdict)
                        .toList())
                .containsExactly("reject");
        browser.assertNoErrors();
        browser.screenshot("prognostics-reviewed.png");
        browser.script("document.getElementById('precision-card').scrollIntoView();");
        browser.screenshot("prognostics-precision.png");

        // Reloaded, the page still shows it, and the form starts from it.
        browser.driver().navigate().refresh();
        browser.waitForViewContaining("asset=" + assetId);
        assertThat(row(assetId).getText()).contains("rejected");
        assertThat(browser.find("#review-form input[value=reject]").isSelected())
                .isTrue();

        // Back to the list through the breadcrumb; a review without a verdict is refused beside the form.
        browser.find("#breadcrumb li[data-level=fleet] a").click();
        browser.waitForView("");
        String other = predictions.get(4).get("asset_id").asText();
        row(other).findElement(By.cssSelector("th a")).click();
        browser.waitForViewContaining("asset=" + other);
        browser.find("#review-save").click();
        waitUntil(
                "the form shows the error", () -> browser.find("#review-error").isDisplayed());
        assertThat(browser.text("#review-error"))
                .isEqualTo("Not saved: field \"verdict\" is required: confirm, reject or defer");
        assertThat((List<?>) browser.script("return window.fleetcastErrors;")).isEmpty();
        assertThat(row(other).findElement(By.cssSelector("td[data-verdict]")).getAttribute("data-verdict"))
                .isEmpty();

        // A store where nothing was scored: the page says what to run, and shows no table.
        try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
            browser.driver().get(empty.uri().resolve("prognostics.html").toString());
            browser.waitForView("");
            // The API's 404 is how the page learns that nothing was scored: the browser's console notes the
            // request, but the page shows no error.
            assertThat((List<?>) browser.script("return window.fleetcastErrors;"))
                    .isEmpty();
            assertThat(browser.find("#error").isDisplayed()).isFalse();
            assertThat(browser.text("#note")).startsWith("Nothing has been scored yet");
            assertThat(browser.find("#prognostics-view").isDisplayed()).isFalse();
            browser.screenshot("prognostics-empty.png");
        }
    }

    private List<WebElement> rows() {
        return browser.driver().findElements(By.cssSelector("#flagged-table tbody tr[data-key]"));
    }

    private WebElement row(String assetId) {
        return browser.find("#flagged-table tbody tr[data-key='" + assetId + "']");
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), TestBrowser.PATIENCE)
                .withMessage(what)
                // The page redraws its tables as figures arrive; an element found a moment ago may be gone.
                .ignoring(StaleElementReferenceException.class)
                .until(d -> "ready".equals(browser.main().getAttribute("data-state")) && condition.getAsBoolean());
    }
}
