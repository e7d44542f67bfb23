package io.fleetcast.server;

import static io.fleetcast.server.TestBrowser.points;
import static io.fleetcast.server.TestServer.encode;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The Capacity page in real headless Chromium against the real server on a free port, over {@link TestCapacityData}'s
 * simulated fleet and its two stored plans. One walk through the page (ranking, the changes since plan 1, drill-down
 * region → site → cluster, the chosen cluster's chart, headroom and order, another plan version, back), so the browser starts once; every
 * figure checked is the one the API returns. Screenshots are kept in {@code target/ui-artifacts/}.
 */
class CapacityIT {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestCapacityData.plannedApp(folder));

    /** The API's date, or the page's "—" when there is none. */
    private static String dateText(JsonNode date) {
        return date.isNull() ? "—" : date.asText();
    }

    /** The page's ranking: by exhaustion P50, P90, P99, then need-by (none last), then cluster and resource. */
    private static final Comparator<JsonNode> URGENCY = Comparator.<JsonNode, String>comparing(
                    entry -> dateKey(entry, "exhaustion_p50"))
            .thenComparing(entry -> dateKey(entry, "exhaustion_p90"))
            .thenComparing(entry -> dateKey(entry, "exhaustion_p99"))
            .thenComparing(entry -> dateKey(entry, "need_by"))
            .thenComparing(entry -> entry.get("cluster").asText())
            .thenComparing(entry -> entry.get("resource").asText());

    private static String dateKey(JsonNode entry, String field) {
        return entry.get(field).isNull() ? "9999-12-31" : entry.get(field).asText();
    }

    private static List<JsonNode> ranked(JsonNode entries) {
        List<JsonNode> list = new ArrayList<>();
        entries.forEach(list::add);
        list.sort(URGENCY);
        return list;
    }

    @Test
    void theRankingDrillsDownToAClustersPathHeadroomAndOrder() throws IOException {
        JsonNode plan = server.json("/api/capacity");
        List<JsonNode> ranking = ranked(plan.get("clusters"));
        // The cluster to walk to: the most urgent one that has an order (the simulated fleet has two).
        JsonNode chosen = ranking.stream()
                .filter(entry -> entry.get("orders").size() > 0)
                .findFirst()
                .orElseThrow();
        String region = chosen.get("region").asText();
        String site = chosen.get("site").asText();
        String cluster = chosen.get("cluster").asText();
        String resource = chosen.get("resource").asText();

        try (TestBrowser browser = TestBrowser.start(folder, "capacity")) {
            browser.driver().get(server.uri().resolve("capacity.html").toString());
            browser.waitForView("");
            browser.assertNoErrors();
            assertThat(browser.find("#app-nav-list a[aria-current=page]").getText())
                    .isEqualTo("Capacity");

            // The plan: regions by their first exhaustion, and every cluster and resource ranked by urgency.
            Set<String> regions = new TreeSet<>();
            plan.get("clusters")
                    .forEach(entry -> regions.add(entry.get("region").asText()));
            assertThat(groupRows(browser)).hasSize(regions.size());
            List<WebElement> rows = rankingRows(browser);
            assertThat(rows.stream().map(row -> row.getAttribute("data-key")).toList())
                    .isEqualTo(ranking.stream()
                            .map(entry -> entry.get("cluster").asText() + "/"
                                    + entry.get("resource").asText())
                            .toList());
            JsonNode first = ranking.get(0);
            WebElement firstRow = rows.get(0);
            assertThat(firstRow.findElement(By.cssSelector("td[data-date=p50]")).getText())
                    .isEqualTo(dateText(first.get("exhaustion_p50")));
            assertThat(firstRow.findElement(By.cssSelector("td[data-date=p90]")).getText())
                    .isEqualTo(dateText(first.get("exhaustion_p90")));
            assertThat(firstRow.findElement(By.cssSelector("td[data-date=p99]")).getText())
                    .isEqualTo(dateText(first.get("exhaustion_p99")));
            assertThat(firstRow.getText()).contains(first.get("unit").asText());
            // Each row's order: its own, or which resource's orders cover its shortfall, or none.
            for (int i = 0; i < rows.size(); i++) {
                String shown = rows.get(i)
                        .findElement(By.cssSelector("td[data-order]"))
                        .getText();
                JsonNode orders = ranking.get(i).get("orders");
                if (orders.isEmpty()) {
                    assertThat(shown).isEqualTo(orderText(ranking.get(i)));
                } else {
                    orders.forEach(order -> assertThat(shown)
                            .contains(" \u00d7 " + order.get("sku").asText()));
                }
            }
            assertThat(ranking.stream()
                            .filter(entry -> entry.get("orders").isEmpty())
                            .map(CapacityIT::orderText))
                    .anyMatch(text -> text.startsWith("covered by the orders for "));
            assertThat(browser.find("#kpis [data-kpi=orders]").getAttribute("data-value"))
                    .isEqualTo(String.valueOf(ranking.stream()
                            .mapToInt(entry -> entry.get("orders").size())
                            .sum()));
            browser.screenshot("capacity-plan.png");

            // What changed since plan v1: the entries that changed, in the API's order, with what changed.
            List<JsonNode> changed = new ArrayList<>();
            server.json("/api/capacity/diff").get("changes").forEach(row -> {
                if (!row.get("status").asText().equals("unchanged")) {
                    changed.add(row);
                }
            });
            assertThat(changed).isNotEmpty();
            assertThat(browser.text("#changes-title")).isEqualTo("Changes since plan v1");
            List<WebElement> changeRows =
                    browser.driver().findElements(By.cssSelector("#changes-table tbody tr[data-key]"));
            assertThat(changeRows.stream()
                            .map(row -> row.getAttribute("data-key"))
                            .toList())
                    .isEqualTo(changed.stream()
                            .map(row -> row.get("cluster").asText() + "/"
                                    + row.get("resource").asText())
                            .toList());
            for (int i = 0; i < changed.size(); i++) {
                JsonNode change = changed.get(i);
                List<String> what = new ArrayList<>();
                change.get("what").forEach(line -> what.add(line.asText()));
                assertThat(changeRows
                                .get(i)
                                .findElement(By.cssSelector("td[data-field=what]"))
                                .getText())
                        .isEqualTo(String.join("; ", what));
                JsonNode shift = change.get("exhaustion_p50_shift");
                assertThat(changeRows
                                .get(i)
                                .findElement(By.cssSelector("td[data-field=p50_shift]"))
                                .getAttribute("data-value"))
                        .isEqualTo(shift.isNull() ? "" : shift.asText());
            }

            // Drill down: region, then site; each level lists the next one and only its own clusters.
            browser.find("#groups-table tr[data-key='" + region + "'] th a").click();
            browser.waitForView("?region=" + region);
            browser.assertNoErrors();
            assertThat(browser.text("#page-title")).isEqualTo("Region " + region);
            assertThat(rankingRows(browser))
                    .hasSize(server.json("/api/capacity?region=" + encode(region))
                            .get("clusters")
                            .size());
            browser.find("#groups-table tr[data-key='" + site + "'] th a").click();
            browser.waitForView("?region=" + region + "&site=" + site);
            assertThat(browser.text("#groups-title")).isEqualTo("Clusters in " + site);
            assertThat(rankingRows(browser))
                    .hasSize(server.json("/api/capacity?site=" + encode(site))
                            .get("clusters")
                            .size());

            // Choose the cluster's row: its chart, headroom and order; the URL names cluster and resource.
            browser.find("#ranking-table tr[data-key='" + cluster + "/" + resource + "'] th a")
                    .click();
            String view = "?region=" + region + "&site=" + site + "&cluster=" + cluster + "&resource=" + resource;
            browser.waitForView(view);
            browser.assertNoErrors();
            assertThat(browser.driver().getCurrentUrl()).endsWith("capacity.html" + view);
            assertThat(browser.text("#breadcrumb li[data-level=cluster]")).isEqualTo("Cluster " + cluster);
            assertThat(browser.find("#ranking-table tr[aria-selected=true]").getAttribute("data-key"))
                    .isEqualTo(cluster + "/" + resource);
            // An owned cluster has no cloud instances to show.
            assertThat(browser.driver().findElements(By.cssSelector("#entry-facts [data-fact=cloud-instances]")))
                    .isEmpty();

            JsonNode path = server.json("/api/capacity/path?cluster=" + encode(cluster) + "&resource=" + resource);
            Map<String, Map<String, Object>> chart = browser.chartSeries("path-chart");
            assertThat(chart.keySet())
                    .containsExactlyInAnyOrder(
                            "demand-band-base",
                            "demand-band",
                            "demand-p90",
                            "demand-p50",
                            "supply-band-base",
                            "supply-band",
                            "supply");
            assertThat(points(chart, "demand-p50")).isEqualTo((long) TestCapacityData.HORIZON_DAYS);
            assertThat(points(chart, "supply"))
                    .isEqualTo((long) path.get("days").size());
            Object firstSupply = browser.script("return echarts.getInstanceByDom(document.getElementById('path-chart'))"
                    + ".getOption().series.find(s => s.id === 'supply').data[0][1];");
            assertThat(((Number) requireNonNull(firstSupply)).doubleValue())
                    .isEqualTo(path.get("days").get(0).get("supply").asDouble());
            assertThat(browser.script("return echarts.getInstanceByDom(document.getElementById('path-chart'))"
                            + ".getOption().yAxis[0].name;"))
                    .isEqualTo(chosen.get("unit").asText());
            // The exhaustion dates and the need-by day are marked.
            Set<String> marked = new TreeSet<>();
            for (String field : List.of("exhaustion_p50", "exhaustion_p90", "exhaustion_p99", "need_by")) {
                if (!chosen.get(field).isNull()) {
                    marked.add(chosen.get(field).asText());
                }
            }
            assertThat(marked).isNotEmpty();
            Object marks = browser.script("return echarts.getInstanceByDom(document.getElementById('path-chart'))"
                    + ".getOption().series.find(s => s.id === 'demand-p50').markLine.data.map(m => m.xAxis);");
            assertThat(new TreeSet<>((List<?>) requireNonNull(marks))).isEqualTo(marked);

            // Usable supply by month: the plan's months, each closing at what the next opens with, the last at the
            // supply the path has on its last day.
            JsonNode months = chosen.get("supply_by_month");
            List<WebElement> monthRows =
                    browser.driver().findElements(By.cssSelector("#supply-months-table tbody tr[data-month]"));
            assertThat(monthRows).hasSize(months.size()).hasSizeGreaterThanOrEqualTo(12);
            for (int i = 0; i < months.size(); i++) {
                JsonNode month = months.get(i);
                assertThat(monthRows.get(i).getAttribute("data-month"))
                        .isEqualTo(month.get("month").asText());
                assertThat(Double.parseDouble(monthRows
                                .get(i)
                                .findElement(By.cssSelector("td[data-flow=closing]"))
                                .getAttribute("data-amount")))
                        .isEqualTo(month.get("closing").asDouble());
                assertThat(month.get("closing").asDouble())
                        .isCloseTo(
                                month.get("opening").asDouble()
                                        - month.get("failing").asDouble()
                                        - month.get("retiring").asDouble()
                                        + month.get("arriving").asDouble(),
                                within(0.01));
                if (i > 0) {
                    assertThat(month.get("opening").asDouble())
                            .isEqualTo(months.get(i - 1).get("closing").asDouble());
                }
            }
            JsonNode lastDay = path.get("days").get(path.get("days").size() - 1);
            assertThat(months.get(months.size() - 1).get("closing").asDouble())
                    .isCloseTo(lastDay.get("supply").asDouble(), within(0.01));
            assertThat(monthRows
                            .get(0)
                            .findElement(By.cssSelector("td[data-flow=opening]"))
                            .getText())
                    .endsWith(" " + chosen.get("unit").asText());

            // Headroom: each component with its amount and why, and the total.
            JsonNode headroom = chosen.get("headroom");
            for (JsonNode component : headroom.get("components")) {
                WebElement row = browser.find("#headroom-table tr[data-component='"
                        + component.get("name").asText() + "']");
                assertThat(Double.parseDouble(
                                row.findElement(By.cssSelector("td.num")).getAttribute("data-amount")))
                        .isEqualTo(component.get("amount").asDouble());
                assertThat(row.findElement(By.cssSelector("td.num")).getText())
                        .endsWith(" " + headroom.get("unit").asText());
                assertThat(row.getText()).contains(component.get("explanation").asText());
            }
            // Under it, the cluster's own backtest errors, one signed percentage each.
            JsonNode ownErrors = headroom.get("backtest_errors");
            String errorsLine = browser.text("#headroom-errors");
            assertThat(errorsLine)
                    .startsWith("This cluster's own backtest errors "
                            + headroom.get("lead_time_days").asInt() + " days ahead, newest origin first");
            assertThat(errorsLine.substring(errorsLine.indexOf("): ") + 3).split(", "))
                    .hasSize(ownErrors.size());
            double newest = Math.round(10000 * ownErrors.get(0).asDouble()) / 100.0;
            String digits = String.format(Locale.ROOT, "%.2f", Math.abs(newest))
                    .replaceAll("0+$", "")
                    .replaceAll("\\.$", "");
            assertThat(errorsLine).contains("): " + (newest < 0 ? "\u2212" : newest > 0 ? "+" : "") + digits + "%");

            // The order: what, how many, by when, what it costs, and why, line by line.
            JsonNode order = chosen.get("orders").get(0);
            String tranche = "#order [data-order='" + order.get("sku").asText() + "'][data-need-by='"
                    + order.get("need_by").asText() + "']";
            String orderLine = browser.text(tranche + " .order-line");
            assertThat(orderLine)
                    .contains(String.format(
                            Locale.ROOT,
                            "Order %,d × %s for cluster %s",
                            order.get("quantity").asLong(),
                            order.get("sku").asText(),
                            cluster))
                    .contains("by " + order.get("order_by").asText())
                    .contains("need by " + order.get("need_by").asText())
                    .contains(String.format(
                            Locale.ROOT, "%,d USD", Math.round(order.get("cost").asDouble())));
            List<String> why = new ArrayList<>();
            order.get("why").forEach(line -> why.add(line.asText()));
            assertThat(browser.driver().findElements(By.cssSelector(tranche + " .order-why li")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .isEqualTo(why);
            browser.screenshot("capacity-cluster.png");

            // Another plan version: the URL keeps the cluster; the chart spans that plan's horizon.
            new Select(browser.find("#plan-version")).selectByValue("1");
            browser.waitForView(
                    "?version=1&region=" + region + "&site=" + site + "&cluster=" + cluster + "&resource=" + resource);
            browser.assertNoErrors();
            assertThat(points(browser.chartSeries("path-chart"), "demand-p50"))
                    .isEqualTo((long) TestCapacityData.FIRST_HORIZON_DAYS);
            assertThat(browser.text("#kpis [data-kpi=clusters]")).contains("plan v1");
            assertThat(browser.text("#changes-sub"))
                    .isEqualTo("Plan v1 is the first stored: there is no earlier plan to compare it with.");

            // Back: the latest plan again; then up through the breadcrumb to the whole plan.
            browser.driver().navigate().back();
            browser.waitForView(view);
            assertThat(points(browser.chartSeries("path-chart"), "demand-p50"))
                    .isEqualTo((long) TestCapacityData.HORIZON_DAYS);
            browser.find("#breadcrumb li[data-level=fleet] a").click();
            browser.waitForView("");
            assertThat(rankingRows(browser)).hasSize(ranking.size());
            assertThat(browser.find("#detail-view").isDisplayed()).isFalse();
            browser.assertNoErrors();

            // A cloud cluster: its reserved and on-demand capacity, and that it scales on demand.
            JsonNode cloud = ranking.stream()
                    .filter(entry -> entry.get("elastic").asBoolean())
                    .findFirst()
                    .orElseThrow();
            String cloudView = "?region=" + cloud.get("region").asText() + "&site="
                    + cloud.get("site").asText() + "&cluster="
                    + cloud.get("cluster").asText() + "&resource="
                    + cloud.get("resource").asText();
            browser.driver()
                    .get(server.uri().resolve("capacity.html" + cloudView).toString());
            browser.waitForView(cloudView);
            browser.assertNoErrors();
            String unit = cloud.get("unit").asText();
            assertThat(browser.text("#entry-facts [data-fact=cloud-instances]"))
                    .isEqualTo(quantity(cloud.get("reserved").asDouble(), unit) + " reserved, "
                            + quantity(cloud.get("on_demand").asDouble(), unit)
                            + " on demand now; the cluster scales on demand, so it never runs out");

            // A store without plans: the page says what to do.
            try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
                browser.driver().get(empty.uri().resolve("capacity.html").toString());
                browser.waitForView("");
                browser.assertNoErrors();
                assertThat(browser.text("#note")).startsWith("No capacity plan is stored yet");
                assertThat(browser.find("#plan-view").isDisplayed()).isFalse();
                browser.screenshot("capacity-empty.png");
            }
        }
    }

    /** A quantity as the page writes it: grouped, with 0, 1 or 2 decimals by its size, and its unit. */
    private static String quantity(double value, String unit) {
        double size = Math.abs(value);
        int decimals = size >= 1000 ? 0 : size >= 10 ? 1 : 2;
        BigDecimal rounded = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return String.format(Locale.ROOT, "%,." + Math.max(0, rounded.scale()) + "f", rounded) + " " + unit;
    }

    /** The ranking's order cell as the page should write it for {@code entry} without orders of its own. */
    private static String orderText(JsonNode entry) {
        if (entry.get("elastic").asBoolean()) {
            return "cloud: scales on demand";
        }
        for (JsonNode note : entry.get("notes")) {
            if (note.asText().startsWith("covered by the orders for ")) {
                return note.asText();
            }
        }
        return "—";
    }

    private static List<WebElement> groupRows(TestBrowser browser) {
        return browser.driver().findElements(By.cssSelector("#groups-table tbody tr[data-key]"));
    }

    private static List<WebElement> rankingRows(TestBrowser browser) {
        return browser.driver().findElements(By.cssSelector("#ranking-table tbody tr[data-key]"));
    }
}
