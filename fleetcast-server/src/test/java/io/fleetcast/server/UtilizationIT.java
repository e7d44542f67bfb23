package io.fleetcast.server;

import static io.fleetcast.server.TestServer.encode;
import static io.fleetcast.server.TestServer.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Utilization page and its Allocation tab in real headless Chromium against the real server on a free port, over
 * {@link TestCapacityData}'s simulated fleet (with the simulator's requests for capacity) and its stored plans. One
 * walk: the totals, the SKUs, the drill-down region → site → cluster → service, stranded capacity and rightsizing,
 * then the allocation pools and one pool's requests with their explanations, and back. Every figure checked is the one the API
 * returns (sums added here in the page's order). Screenshots are kept in {@code target/ui-artifacts/}.
 */
class UtilizationIT {
    /** JavaScript and Java add the same doubles in the same order; this only absorbs printing and parsing. */
    private static final double TOLERANCE = 1e-6;

    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestCapacityData.plannedApp(folder));

    private static double sum(List<JsonNode> rows, String field) {
        double total = 0;
        for (JsonNode row : rows) {
            total += row.get(field).asDouble();
        }
        return total;
    }

    private static double value(WebElement element) {
        return Double.parseDouble(element.getAttribute("data-value"));
    }

    private static double cell(WebElement row, String field) {
        return value(row.findElement(By.cssSelector("td[data-field=" + field + "]")));
    }

    private static List<String> keys(TestBrowser browser, String table) {
        return browser.driver().findElements(By.cssSelector(table + " tbody tr[data-key]")).stream()
                .map(row -> row.getAttribute("data-key"))
                .toList();
    }

    /** The page's order for stranded capacity and rightsizing: most USD per month first, unpriced last. */
    private static Comparator<JsonNode> bySaving(String amount) {
        return Comparator.<JsonNode, Boolean>comparing(
                        row -> row.get("usd_per_month").isNull())
                .thenComparing(row -> -row.get("usd_per_month").asDouble())
                .thenComparing(row -> -row.get(amount).asDouble());
    }

    /**
     * The plan's utilization_by_sku rows per SKU and resource, in the page's order: resources cpu, memory, storage,
     * then most supply first, then by SKU.
     */
    private static Map<String, List<JsonNode>> bySku(JsonNode plan) {
        Map<String, List<JsonNode>> groups = new LinkedHashMap<>();
        plan.get("utilization_by_sku")
                .forEach(row -> groups.computeIfAbsent(
                                row.get("sku").asText() + "/"
                                        + row.get("resource").asText(),
                                key -> new ArrayList<>())
                        .add(row));
        List<String> resources = List.of("cpu", "memory", "storage");
        Map<String, List<JsonNode>> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, List<JsonNode>>>comparingInt(group -> resources.indexOf(
                                group.getValue().get(0).get("resource").asText()))
                        .thenComparing(group -> -sum(group.getValue(), "supply"))
                        .thenComparing(
                                group -> group.getValue().get(0).get("sku").asText()))
                .forEach(group -> sorted.put(group.getKey(), group.getValue()));
        return sorted;
    }

    @Test
    void theTotalsDrillDownToAServiceAndTheAllocationExplainsEachRequest() throws IOException {
        JsonNode plan = server.json("/api/capacity");
        JsonNode utilization = plan.get("utilization");
        JsonNode chosen =
                rows(utilization, row -> !row.get("region").asText().isEmpty()).get(0);
        String region = chosen.get("region").asText();
        String site = chosen.get("site").asText();
        String cluster = chosen.get("cluster").asText();
        String service = chosen.get("service").asText();

        try (TestBrowser browser = TestBrowser.start(folder, "utilization")) {
            browser.driver().get(server.uri().resolve("utilization.html").toString());
            browser.waitForView("");
            browser.assertNoErrors();
            assertThat(browser.find("#app-nav-list a[aria-current=page]").getText())
                    .isEqualTo("Utilization");

            // Totals: services, the money stranded and to be saved, and per resource the sums against supply.
            Set<String> services = new LinkedHashSet<>();
            utilization.forEach(row -> services.add(row.get("service").asText()));
            assertThat(value(browser.find("#kpis [data-kpi=services]"))).isEqualTo(services.size());
            List<JsonNode> rightsizing = rows(plan.get("rightsizing"), row -> true);
            List<JsonNode> stranded = rows(plan.get("stranded"), row -> true);
            assertThat(value(browser.find("#kpis [data-kpi=rightsizing]")))
                    .isCloseTo(sum(rightsizing, "usd_per_month"), within(TOLERANCE));
            assertThat(browser.text("#kpis [data-kpi=rightsizing]")).contains("USD/month");
            assertThat(value(browser.find("#kpis [data-kpi=stranded]")))
                    .isCloseTo(sum(stranded, "usd_per_month"), within(TOLERANCE));
            for (String resource : List.of("cpu", "memory", "storage")) {
                List<JsonNode> ofResource =
                        rows(utilization, row -> row.get("resource").asText().equals(resource));
                if (ofResource.isEmpty()) {
                    continue;
                }
                Map<String, Double> supplies = new LinkedHashMap<>();
                ofResource.forEach(row -> supplies.put(
                        row.get("cluster").asText(), row.get("cluster_supply").asDouble()));
                WebElement total = browser.find("#totals-table tr[data-key=" + resource + "]");
                assertThat(cell(total, "used_p95")).isCloseTo(sum(ofResource, "used_p95"), within(TOLERANCE));
                assertThat(cell(total, "allocated_now")).isCloseTo(sum(ofResource, "allocated_now"), within(TOLERANCE));
                assertThat(cell(total, "supply"))
                        .isCloseTo(
                                supplies.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .sum(),
                                within(TOLERANCE));
                assertThat(total.findElement(By.cssSelector("td[data-field=supply]"))
                                .getText())
                        .endsWith(" " + ofResource.get(0).get("unit").asText());
            }
            // Stranded capacity and rightsizing: every row, most money first.
            stranded.sort(bySaving("stranded"));
            assertThat(keys(browser, "#stranded-table"))
                    .isEqualTo(stranded.stream()
                            .map(row -> row.get("cluster").asText() + "/"
                                    + row.get("resource").asText())
                            .toList());
            rightsizing.sort(bySaving("reclaimable"));
            assertThat(keys(browser, "#rightsizing-table"))
                    .isEqualTo(rightsizing.stream()
                            .map(row -> row.get("service").asText() + "/"
                                    + row.get("cluster").asText() + "/"
                                    + row.get("resource").asText())
                            .toList());
            // SKUs: each one's rows (one per cluster) summed per resource, most supply first within a resource.
            Map<String, List<JsonNode>> skus = bySku(plan);
            assertThat(skus).isNotEmpty();
            assertThat(keys(browser, "#skus-table")).isEqualTo(List.copyOf(skus.keySet()));
            for (Map.Entry<String, List<JsonNode>> sku : skus.entrySet()) {
                WebElement skuRow = browser.find("#skus-table tr[data-key='" + sku.getKey() + "']");
                for (String field : List.of("servers", "supply", "used_p95", "allocated_now")) {
                    assertThat(cell(skuRow, field))
                            .as(sku.getKey() + " " + field)
                            .isCloseTo(sum(sku.getValue(), field), within(TOLERANCE));
                }
                assertThat(cell(skuRow, "clusters")).isEqualTo(sku.getValue().size());
            }
            assertThat(browser.find("#services-card").isDisplayed()).isFalse();
            browser.screenshot("utilization-fleet.png");

            // Drill down region → site → cluster: each level lists the next one per resource, narrowed by the API.
            browser.find("#groups-table tr[data-group='" + region + "'] th a").click();
            browser.waitForView("?region=" + region);
            browser.assertNoErrors();
            assertThat(browser.text("#page-title")).isEqualTo("Region " + region);
            Set<String> sitesAndResources = new LinkedHashSet<>();
            server.json("/api/capacity?region=" + encode(region))
                    .get("utilization")
                    .forEach(row -> sitesAndResources.add(
                            row.get("site").asText() + "/" + row.get("resource").asText()));
            assertThat(keys(browser, "#groups-table")).containsExactlyInAnyOrderElementsOf(sitesAndResources);
            browser.find("#groups-table tr[data-group='" + site + "'] th a").click();
            browser.waitForView("?region=" + region + "&site=" + site);
            assertThat(browser.text("#groups-title")).isEqualTo("Clusters in site " + site);
            browser.find("#groups-table tr[data-group='" + cluster + "'] th a").click();
            String clusterView = "?region=" + region + "&site=" + site + "&cluster=" + cluster;
            browser.waitForView(clusterView);
            browser.assertNoErrors();
            assertThat(browser.find("#groups-card").isDisplayed()).isFalse();
            JsonNode inCluster = server.json("/api/capacity?cluster=" + encode(cluster));
            assertThat(browser.text("#skus-title")).isEqualTo("SKUs in cluster " + cluster);
            assertThat(keys(browser, "#skus-table"))
                    .isEqualTo(List.copyOf(bySku(inCluster).keySet()));
            assertThat(keys(browser, "#services-table"))
                    .hasSize(inCluster.get("utilization").size());
            WebElement row = browser.find("#services-table tr[data-key='" + service + "/"
                    + chosen.get("resource").asText() + "']");
            for (String field : List.of("used_p50", "used_p95", "used_max")) {
                assertThat(cell(row, field))
                        .as(field)
                        .isEqualTo(chosen.get(field).asDouble());
            }
            assertThat(row.findElement(By.cssSelector("td[data-field=used_p95]"))
                            .getText())
                    .endsWith(" " + chosen.get("unit").asText());
            assertThat(row.findElement(By.cssSelector("td[data-field=status]")).getAttribute("data-value"))
                    .isEqualTo(chosen.get("status").asText());

            // A service: only its rows, and only its rightsizing.
            row.findElement(By.cssSelector("th a")).click();
            String serviceView = clusterView + "&service=" + encode(service);
            browser.waitForView(serviceView);
            browser.assertNoErrors();
            assertThat(browser.text("#page-title")).isEqualTo("Service " + service);
            assertThat(browser.text("#breadcrumb li[data-level=service]")).isEqualTo("Service " + service);
            assertThat(keys(browser, "#services-table"))
                    .hasSize(rows(
                                    inCluster.get("utilization"),
                                    each -> each.get("service").asText().equals(service))
                            .size())
                    .allMatch(key -> key.startsWith(service + "/"));
            assertThat(keys(browser, "#rightsizing-table")).allMatch(key -> key.startsWith(service + "/"));
            browser.screenshot("utilization-service.png");

            // The Allocation tab of the whole plan: every pool, the one with the most unmet demand chosen.
            browser.find("#breadcrumb li[data-level=fleet] a").click();
            browser.waitForView("");
            browser.find("#tab-allocation").click();
            browser.waitForViewContaining("tab=allocation&pool=");
            browser.assertNoErrors();
            assertThat(browser.find("#utilization-view").isDisplayed()).isFalse();
            List<JsonNode> pools = rows(plan.get("allocation_pools"), each -> true);
            assertThat(pools).isNotEmpty();
            assertThat(keys(browser, "#pools-table"))
                    .isEqualTo(pools.stream().map(UtilizationIT::poolKey).toList());
            JsonNode mostUnmet = pools.stream()
                    .max(Comparator.comparingDouble(pool -> pool.get("unmet").asDouble()))
                    .orElseThrow();
            assertThat(browser.find("#pools-table tr[aria-selected=true]").getAttribute("data-key"))
                    .isEqualTo(poolKey(mostUnmet));

            // A pool where supply ran short (else the last): its priorities and each request with why.
            JsonNode pool = pools.stream()
                    .filter(each -> !each.get("short_priority").isNull())
                    .reduce((first, second) -> second)
                    .orElse(pools.get(pools.size() - 1));
            WebElement poolRow = browser.find("#pools-table tr[data-key='" + poolKey(pool) + "']");
            for (String field : List.of("supply", "requested", "granted", "unmet", "left")) {
                assertThat(cell(poolRow, field))
                        .as(field)
                        .isEqualTo(pool.get(field).asDouble());
            }
            assertThat(poolRow.findElement(By.cssSelector("td[data-field=short_priority]"))
                            .getText())
                    .startsWith(
                            pool.get("short_priority").isNull()
                                    ? "—"
                                    : pool.get("short_priority").asText());
            poolRow.findElement(By.cssSelector("th a")).click();
            String poolView = "?tab=allocation&pool=" + encode(poolKey(pool));
            browser.waitForView(poolView);
            browser.assertNoErrors();
            assertThat(browser.driver().findElements(By.cssSelector("#priorities-table tbody tr")))
                    .hasSize(pool.get("priorities").size());
            List<JsonNode> requests =
                    rows(plan.get("allocations"), each -> poolKey(each).equals(poolKey(pool)));
            assertThat(requests).isNotEmpty();
            assertThat(keys(browser, "#requests-table"))
                    .isEqualTo(requests.stream()
                            .map(each -> each.get("request_id").asText())
                            .toList());
            for (JsonNode request : requests) {
                WebElement requestRow = browser.find("#requests-table tr[data-key='"
                        + request.get("request_id").asText() + "']");
                assertThat(requestRow.getAttribute("data-outcome"))
                        .isEqualTo(request.get("outcome").asText());
                for (String field : List.of("quantity", "granted", "unmet")) {
                    assertThat(cell(requestRow, field))
                            .as(field)
                            .isEqualTo(request.get(field).asDouble());
                }
                assertThat(requestRow
                                .findElement(By.cssSelector("td[data-field=explanation]"))
                                .getText())
                        .isEqualTo(request.get("explanation").asText());
            }
            browser.screenshot("utilization-allocation.png");

            // Back: the pool chosen for us (when another was chosen), then the utilization of the whole plan.
            if (!poolKey(pool).equals(poolKey(mostUnmet))) {
                browser.driver().navigate().back();
                browser.waitForViewContaining("tab=allocation&pool=" + encode(poolKey(mostUnmet)));
            }
            browser.find("#tab-utilization").click();
            browser.waitForView("");
            assertThat(browser.find("#allocation-view").isDisplayed()).isFalse();
            browser.assertNoErrors();

            // A store without plans: the page says what to do.
            try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
                browser.driver().get(empty.uri().resolve("utilization.html").toString());
                browser.waitForView("");
                browser.assertNoErrors();
                assertThat(browser.text("#note")).startsWith("No capacity plan is stored yet");
                assertThat(browser.find("#plan-view").isDisplayed()).isFalse();
            }
        }
    }

    private static String poolKey(JsonNode row) {
        return row.get("cluster").asText() + "/" + row.get("resource").asText();
    }
}
