package io.fleetcast.server;

import static io.fleetcast.server.TestCostData.ANALYTICS;
import static io.fleetcast.server.TestCostData.CHECKOUT;
import static io.fleetcast.server.TestCostData.COMMERCE;
import static io.fleetcast.server.TestCostData.INSIGHTS;
import static io.fleetcast.server.TestCostData.LAST_DAY;
import static io.fleetcast.server.TestCostData.LEDGER;
import static io.fleetcast.server.TestCostData.LEDGER_SPIKE;
import static io.fleetcast.server.TestCostData.PAYMENTS;
import static io.fleetcast.server.TestCostData.SEARCH;
import static io.fleetcast.server.TestCostData.WAREHOUSE;
import static io.fleetcast.server.TestServer.rows;
import static io.fleetcast.server.TestServer.texts;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.base.Splitter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Cost & Budgets page in real headless Chromium against the real server on a free port, over {@link
 * TestCostData}'s cost lines, services and budgets. One walk through the page (tiles, orgs, an org's teams with their
 * budgets, a team's services and budget chart, another period, back, a bad period), so the browser starts once; every
 * figure checked is the one the API returns. Screenshots are kept in {@code target/ui-artifacts/}.
 */
class CostIT {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestCostData.loadedApp(folder));

    private static List<String> keys(TestBrowser browser, String table) {
        return browser.driver().findElements(By.cssSelector("#" + table + " tbody tr[data-key]")).stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    private static String value(TestBrowser browser, String css) {
        return String.valueOf(browser.find(css).getAttribute("data-value"));
    }

    private static BigDecimal decimal(TestBrowser browser, String css) {
        return new BigDecimal(value(browser, css));
    }

    /** Checks that the unit costs table shows the API's {@code unitCosts} rows, in order, with their figures. */
    private static void assertUnitCosts(TestBrowser browser, List<JsonNode> unitCosts) {
        assertThat(keys(browser, "unit-costs-table"))
                .containsExactlyElementsOf(unitCosts.stream()
                        .map(row -> row.get("driver").asText() + "/"
                                + row.get("service").asText(""))
                        .toList());
        for (JsonNode row : unitCosts) {
            String css = "#unit-costs-table tr[data-key='" + row.get("driver").asText() + "/"
                    + row.get("service").asText("") + "'] ";
            double latest = row.get("latest").asDouble();
            assertThat(Double.parseDouble(value(browser, css + "[data-field=latest]")))
                    .isEqualTo(latest);
            assertThat(browser.text(css + "[data-field=latest]"))
                    .isEqualTo(String.format(
                            Locale.ROOT,
                            "%.4f %s\nin %s",
                            latest,
                            row.get("unit_label").asText(),
                            row.get("months")
                                    .get(row.get("months").size() - 1)
                                    .get("month")
                                    .asText()));
            double trend = row.get("trend_per_month").asDouble();
            assertThat(Double.parseDouble(value(browser, css + "[data-field=trend]")))
                    .isEqualTo(trend);
            assertThat(browser.text(css + "[data-field=trend]"))
                    .isEqualTo(String.format(Locale.ROOT, "%+.1f%%", 100 * trend));
            WebElement months = browser.find(css + "svg.sparkline");
            assertThat(months.getAttribute("data-months"))
                    .isEqualTo(String.join(",", texts(row.get("months"), "month")));
            List<Double> values = new ArrayList<>();
            row.get("months").forEach(month -> values.add(month.get("unit_cost").asDouble()));
            assertThat(Splitter.on(',')
                            .splitToStream(String.valueOf(months.getAttribute("data-values")))
                            .map(Double::parseDouble)
                            .toList())
                    .isEqualTo(values);
            assertThat(browser.driver().findElements(By.cssSelector(css + "svg.sparkline circle")))
                    .hasSize(values.size());
        }
    }

    @Test
    void theTilesTablesAndDrillDownShowTheReport() throws IOException {
        JsonNode report = server.json("/api/cost");
        JsonNode reconciliation = report.get("reconciliation");

        try (TestBrowser browser = TestBrowser.start(folder, "cost")) {
            browser.driver().get(server.uri().resolve("cost.html").toString());
            browser.waitForView("");
            browser.assertNoErrors();
            assertThat(browser.find("#app-nav-list a[aria-current=page]").getText())
                    .isEqualTo("Cost & Budgets");

            // Tiles: billed and attributed to the cent with the currency, untagged, one alert, two anomalies.
            assertThat(decimal(browser, "#kpis [data-kpi=billed]"))
                    .isEqualByComparingTo(reconciliation.get("billed").decimalValue());
            assertThat(browser.text("#kpis [data-kpi=billed] .kpi-value"))
                    .isEqualTo(String.format(
                                    java.util.Locale.ROOT,
                                    "%,.2f",
                                    reconciliation.get("billed").decimalValue())
                            + " USD");
            assertThat(decimal(browser, "#kpis [data-kpi=attributed]"))
                    .isEqualByComparingTo(reconciliation.get("billed").decimalValue());
            assertThat(decimal(browser, "#kpis [data-kpi=untagged]"))
                    .isEqualByComparingTo(reconciliation.get("untagged").decimalValue());
            assertThat(value(browser, "#kpis [data-kpi=alerts]")).isEqualTo("1");
            assertThat(value(browser, "#kpis [data-kpi=anomalies]")).isEqualTo("2");
            assertThat(browser.text("#period-sub")).contains("2025-Q4").contains("USD");

            // The period picker: the latest quarter, then the budgets' periods, newest first.
            List<String> periods = new Select(browser.find("#period"))
                    .getOptions().stream()
                            .map(option -> option.getAttribute("value"))
                            .toList();
            assertThat(periods).containsExactly("", "2025-Q4", "2025-10", "2025-Q3");

            // Orgs, the largest first; the untagged spend has none.
            assertThat(keys(browser, "orgs-table")).containsExactly(COMMERCE, INSIGHTS, "(no org)");
            // Anomalies: the ledger's spike and the warehouse's provisional one, as the API lists them.
            assertThat(keys(browser, "anomalies-table"))
                    .containsExactly(LEDGER_SPIKE + "/" + PAYMENTS + "/" + LEDGER, LAST_DAY + "/" + ANALYTICS + "/");
            WebElement provisional =
                    browser.find("#anomalies-table tr[data-key='" + LAST_DAY + "/" + ANALYTICS + "/']");
            assertThat(provisional.getAttribute("data-provisional")).isEqualTo("true");
            assertThat(provisional.getText())
                    .contains("provisional")
                    .contains(report.get("anomalies").get(1).get("explanation").asText());
            // Savings: a row each, or "None found." (the data set has no usage, so no idle or rightsizing savings).
            if (report.get("savings").isEmpty()) {
                assertThat(browser.text("#savings-table tbody")).isEqualTo("None found.");
            } else {
                assertThat(browser.driver().findElements(By.cssSelector("#savings-table tbody tr[data-kind]")))
                        .hasSize(report.get("savings").size());
            }
            browser.screenshot("cost-fleet.png");

            // Only cost data are loaded: the header says what is, rather than "no data loaded yet".
            assertThat(browser.headerStatus())
                    .isEqualTo(String.format(
                            Locale.ROOT,
                            "no assets or usage loaded yet; loaded 4 services, %,d driver values, %,d cost lines,"
                                    + " %d budgets · signed in as local",
                            TestCostData.drivers().size(),
                            TestCostData.lines().size(),
                            TestCostData.BUDGETS.size()));

            // Unit costs: every driver's at the fleet level, as the API gives them.
            JsonNode unitCosts = report.get("unit_costs");
            assertThat(unitCosts).hasSize(3);
            assertUnitCosts(browser, rows(unitCosts, row -> true));
            browser.script("document.getElementById('unit-costs-table').scrollIntoView();");
            browser.screenshot("cost-unit-costs.png");

            // Org → its teams with their budgets for the period.
            browser.find("#orgs-table tr[data-key='" + COMMERCE + "'] th a").click();
            browser.waitForView("?org=" + COMMERCE);
            browser.assertNoErrors();
            assertThat(browser.driver().getCurrentUrl()).endsWith("cost.html?org=" + COMMERCE);
            assertThat(browser.text("#page-title")).isEqualTo("Org " + COMMERCE);
            assertThat(keys(browser, "teams-table")).containsExactly(PAYMENTS, SEARCH);
            String payments = "#teams-table tr[data-key='" + PAYMENTS + "'] ";
            JsonNode alert = report.get("alerts").get(0);
            assertThat(decimal(browser, payments + "[data-field=budget]"))
                    .isEqualByComparingTo(alert.get("budget").decimalValue());
            assertThat(decimal(browser, payments + "[data-field=actual]"))
                    .isEqualByComparingTo(alert.get("actual").decimalValue());
            assertThat(Double.parseDouble(value(browser, payments + "[data-field=forecast_p50]")))
                    .isEqualTo(alert.get("forecast_p50").asDouble());
            assertThat(value(browser, payments + "[data-field=alert]")).isEqualTo("true");
            assertThat(value(browser, "#teams-table tr[data-key='" + SEARCH + "'] [data-field=alert]"))
                    .isEqualTo("false");
            assertThat(keys(browser, "anomalies-table")).containsExactly(LEDGER_SPIKE + "/" + PAYMENTS + "/" + LEDGER);
            assertUnitCosts(browser, rows(unitCosts, row -> true));

            // Team → its services, its budgets and their chart; the breadcrumb leads back up.
            browser.find(payments + "th a").click();
            String teamView = "?org=" + COMMERCE + "&team=" + PAYMENTS;
            browser.waitForView(teamView);
            browser.assertNoErrors();
            assertThat(browser.driver().getCurrentUrl()).endsWith("cost.html" + teamView);
            assertThat(browser.text("#breadcrumb li[data-level=org]")).isEqualTo("Org " + COMMERCE);
            assertThat(browser.text("#breadcrumb li[data-level=team]")).isEqualTo("Team " + PAYMENTS);
            for (JsonNode service : report.get("services")) {
                if (service.get("team").asText().equals(PAYMENTS)) {
                    assertThat(decimal(
                                    browser,
                                    "#services-table tr[data-key='"
                                            + service.get("service").asText() + "'] [data-field=amount]"))
                            .isEqualByComparingTo(service.get("amount").decimalValue());
                }
            }
            assertThat(keys(browser, "services-table")).containsExactlyInAnyOrder("checkout", LEDGER);
            assertThat(keys(browser, "team-budgets-table")).containsExactly("2025-Q3", "2025-Q4");
            // A team's unit costs are its services' drivers only.
            assertUnitCosts(
                    browser,
                    rows(unitCosts, row -> row.get("service").asText("").equals(CHECKOUT)));
            Map<String, Map<String, Object>> chart = browser.chartSeries("budget-chart");
            assertThat(chart.keySet()).containsExactlyInAnyOrder("budget", "actual", "forecast-p50", "forecast-p90");
            for (Map<String, Object> series : chart.values()) {
                assertThat(((Number) requireNonNull(series.get("points"))).longValue())
                        .isEqualTo(2);
            }
            assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('budget-chart'))"
                            + ".getOption().yAxis[0].name;"))
                    .isEqualTo("USD");
            browser.screenshot("cost-team.png");

            // Another period keeps the team; its tiles are that period's.
            new Select(browser.find("#period")).selectByValue("2025-Q3");
            String q3View = "?period=2025-Q3&org=" + COMMERCE + "&team=" + PAYMENTS;
            browser.waitForView(q3View);
            browser.assertNoErrors();
            assertThat(decimal(browser, "#kpis [data-kpi=billed]"))
                    .isEqualByComparingTo(server.json("/api/cost?period=2025-Q3")
                            .get("reconciliation")
                            .get("billed")
                            .decimalValue());
            assertThat(browser.text("#anomalies-table tbody")).isEqualTo("No anomalies in 2025-Q3.");
            assertThat(browser.find("#team-budgets-table tr[aria-selected=true]")
                            .getAttribute("data-key"))
                    .isEqualTo("2025-Q3");

            // Back, then up through the breadcrumb.
            browser.driver().navigate().back();
            browser.waitForView(teamView);
            browser.find("#breadcrumb li[data-level=fleet] a").click();
            browser.waitForView("");
            assertThat(browser.find("#team-view").isDisplayed()).isFalse();
            browser.assertNoErrors();

            // A view named by its URL alone: the team's org is filled in.
            browser.driver()
                    .get(server.uri().resolve("cost.html?team=" + ANALYTICS).toString());
            browser.waitForView("?org=" + INSIGHTS + "&team=" + ANALYTICS);
            assertThat(keys(browser, "services-table")).containsExactly(WAREHOUSE);
            assertThat(browser.text("#unit-costs-table tbody"))
                    .isEqualTo("No service of team " + ANALYTICS + " has a traffic driver with a complete month.");
            assertThat(browser.driver().getCurrentUrl()).endsWith("cost.html?org=" + INSIGHTS + "&team=" + ANALYTICS);

            // A period the API refuses: its message, on the page.
            String refused =
                    server.get("/api/cost?period=2025-Q5").json().get("error").asText();
            browser.driver()
                    .get(server.uri().resolve("cost.html?period=2025-Q5").toString());
            new WebDriverWait(browser.driver(), TestBrowser.PATIENCE)
                    .until(d -> "error".equals(browser.main().getAttribute("data-state")));
            assertThat(browser.text("#error")).isEqualTo(refused);
            assertThat(browser.find("#kpis").isDisplayed()).isFalse();
            // The period picker stays usable: it names the refused period among the good ones, and leads back.
            new WebDriverWait(browser.driver(), TestBrowser.PATIENCE)
                    .until(d -> new Select(browser.find("#period")).getOptions().size() == 5);
            assertThat(new Select(browser.find("#period"))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("2025-Q5");
            browser.screenshot("cost-error.png");
            new Select(browser.find("#period")).selectByValue("");
            browser.waitForView("");
            assertThat(browser.find("#error").isDisplayed()).isFalse();
            assertThat(decimal(browser, "#kpis [data-kpi=billed]"))
                    .isEqualByComparingTo(reconciliation.get("billed").decimalValue());
        }
    }
}
