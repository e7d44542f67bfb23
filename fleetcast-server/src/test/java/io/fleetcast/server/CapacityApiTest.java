package io.fleetcast.server;

import static io.fleetcast.server.TestServer.assertError;
import static io.fleetcast.server.TestServer.encode;
import static io.fleetcast.server.TestServer.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.app.capacity.CapacityPlanDiff;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.server.api.JsonMapping;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The capacity endpoints on the real server on a free port, over a real store holding {@link TestCapacityData}'s
 * simulated fleet and its two stored plans, through a real HTTP client. The API must hand out the stored plan as the
 * application reads it, narrowed as asked; each daily path must start the day after the plan's {@code as_of}, span its
 * horizon, and cross supply exactly on the exhaustion dates the plan reports (the first day a demand quantile exceeds
 * usable supply, recomputed here from the path).
 */
class CapacityApiTest {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestCapacityData.plannedApp(folder));

    private static CapacityPlanDocument latest() {
        return server.app().capacity().latest().orElseThrow();
    }

    private static JsonNode entriesWhere(Predicate<CapacityPlanDocument.Entry> filter) {
        return tree(latest().clusters().stream().filter(filter).toList());
    }

    /** {@code value} as the API's mapper writes it, read back (so numbers have the types parsed JSON has). */
    private static JsonNode tree(Object value) {
        try {
            ObjectMapper mapper = JsonMapping.mapper();
            return mapper.readTree(mapper.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static @Nullable String date(JsonNode node) {
        return node.isNull() ? null : node.asText();
    }

    @Test
    void theLatestPlanIsServedWholeAsStored() {
        JsonNode plan = server.json("/api/capacity");

        assertThat(fieldNames(plan))
                .containsExactly(
                        "plan_version",
                        "as_of",
                        "horizon_days",
                        "service_level",
                        "demand_plan_version",
                        "scope",
                        "clusters",
                        "allocations",
                        "allocation_pools",
                        "utilization",
                        "stranded",
                        "rightsizing",
                        "utilization_by_sku",
                        "life_fits",
                        "what_if",
                        "notes");
        assertThat(plan.get("plan_version").asInt()).isEqualTo(2);
        assertThat(plan.get("as_of").asText()).isEqualTo(TestCapacityData.END.toString());
        assertThat(plan.get("horizon_days").asInt()).isEqualTo(TestCapacityData.HORIZON_DAYS);
        assertThat(plan.get("service_level").asDouble()).isEqualTo(TestCapacityData.SERVICE_LEVEL);
        assertThat(plan.get("demand_plan_version").isNull()).isTrue(); // no forecast plan was made
        assertThat(plan.get("scope").toString())
                .isEqualTo("{\"level\":\"fleet\",\"region\":null,\"site\":null,\"cluster\":null}");
        assertThat(plan.get("clusters")).isEqualTo(entriesWhere(entry -> true));
        assertThat(plan.get("clusters").size()).isGreaterThan(3);

        JsonNode entry = plan.get("clusters").get(0);
        assertThat(fieldNames(entry))
                .containsExactly(
                        "cluster",
                        "site",
                        "region",
                        "resource",
                        "unit",
                        "elastic",
                        "supply",
                        "reserved",
                        "on_demand",
                        "supply_at_end",
                        "demand_p50",
                        "demand_p50_at_end",
                        "demand_p90_at_end",
                        "demand_p99_at_end",
                        "exhaustion_p50",
                        "exhaustion_p90",
                        "exhaustion_p99",
                        "need_by",
                        "shortfall",
                        "failures_expected",
                        "retiring",
                        "arriving",
                        "supply_by_month",
                        "demand_model",
                        "launches",
                        "headroom",
                        "orders",
                        "notes");
        assertThat(fieldNames(entry.get("headroom")))
                .containsExactly(
                        "total",
                        "unit",
                        "lead_time_days",
                        "supply_needed",
                        "components",
                        "flat_rule",
                        "notes",
                        "backtest_errors");

        // The simulated fleet is short somewhere within 120 days at 99%: at least one order, with its reasons.
        List<JsonNode> orders = new ArrayList<>();
        plan.get("clusters").forEach(e -> e.get("orders").forEach(orders::add));
        assertThat(orders).isNotEmpty();
        assertThat(fieldNames(orders.get(0)))
                .containsExactly(
                        "sku",
                        "quantity",
                        "site",
                        "cluster",
                        "order_by",
                        "need_by",
                        "lead_time_days",
                        "late",
                        "cost",
                        "currency",
                        "binding_resource",
                        "why");
        assertThat(orders.get(0).get("why").size()).isGreaterThan(1);
    }

    @Test
    void versionsAreListedNewestFirstAndAnOlderOneCanBeShown() {
        JsonNode versions = server.json("/api/capacity/versions").get("versions");

        assertThat(versions).hasSize(2);
        assertThat(fieldNames(versions.get(0)))
                .containsExactly("version", "created_at", "as_of", "description", "demand_plan_version");
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(versions.get(0).get("description").asText())
                .isEqualTo("fleetcast plan --horizon " + TestCapacityData.HORIZON_DAYS + " --service-level 0.99");
        assertThat(versions.get(1).get("description").asText())
                .isEqualTo("fleetcast plan --horizon 60 --service-level 0.9");
        assertThat(versions.get(1).get("as_of").asText()).isEqualTo(TestCapacityData.END.toString());
        assertThat(versions.get(1).get("created_at").asText()).isEqualTo("2026-11-01T08:00:00Z");
        assertThat(versions.get(1).get("demand_plan_version").isNull()).isTrue();

        JsonNode first = server.json("/api/capacity?version=1");
        assertThat(first.get("plan_version").asInt()).isEqualTo(1);
        assertThat(first.get("horizon_days").asInt()).isEqualTo(TestCapacityData.FIRST_HORIZON_DAYS);
        assertThat(first.get("service_level").asDouble()).isEqualTo(TestCapacityData.FIRST_SERVICE_LEVEL);
        assertThat(first.get("clusters"))
                .isEqualTo(tree(server.app().capacity().stored(1).orElseThrow().clusters()));
        assertThat(server.json("/api/capacity?version=latest")
                        .get("plan_version")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void theFiltersDrillDownRegionSiteClusterAndFillInTheParents() {
        CapacityPlanDocument.Entry sample = latest().clusters().stream()
                .filter(entry -> !entry.region().isEmpty() && !entry.site().isEmpty())
                .findFirst()
                .orElseThrow();
        String region = sample.region();
        String site = sample.site();
        String cluster = sample.cluster();

        JsonNode byRegion = server.json("/api/capacity?region=" + encode(region));
        assertThat(byRegion.get("scope").get("level").asText()).isEqualTo("region");
        assertThat(byRegion.get("clusters"))
                .isEqualTo(entriesWhere(entry -> entry.region().equals(region)));

        JsonNode bySite = server.json("/api/capacity?site=" + encode(site));
        assertThat(bySite.get("scope").get("level").asText()).isEqualTo("site");
        assertThat(bySite.get("scope").get("region").asText()).isEqualTo(region);
        assertThat(bySite.get("clusters"))
                .isEqualTo(entriesWhere(entry -> entry.site().equals(site)));

        JsonNode byCluster = server.json("/api/capacity?cluster=" + encode(cluster));
        assertThat(byCluster.get("scope").toString())
                .isEqualTo("{\"level\":\"cluster\",\"region\":\"" + region + "\",\"site\":\"" + site
                        + "\",\"cluster\":\"" + cluster + "\"}");
        assertThat(byCluster.get("clusters"))
                .isEqualTo(entriesWhere(entry -> entry.cluster().equals(cluster)));
        assertThat(server.json("/api/capacity?region=" + encode(region) + "&site=" + encode(site) + "&cluster="
                                + encode(cluster))
                        .get("clusters"))
                .isEqualTo(byCluster.get("clusters"));

        // Narrower scopes hold fewer entries, and the regions split the whole plan.
        Set<String> regions = new TreeSet<>();
        latest().clusters().forEach(entry -> regions.add(entry.region()));
        int total = 0;
        for (String each : regions) {
            total += server.json("/api/capacity?region=" + encode(each))
                    .get("clusters")
                    .size();
        }
        assertThat(total).isEqualTo(latest().clusters().size());
        assertThat(bySite.get("clusters").size())
                .isLessThanOrEqualTo(byRegion.get("clusters").size());
    }

    /** The sections narrowed with the plan's clusters, besides {@code clusters} itself. */
    private static final List<String> SECTIONS =
            List.of("allocations", "allocation_pools", "utilization", "stranded", "rightsizing", "utilization_by_sku");

    @Test
    void theFiltersNarrowTheAllocationAndUtilizationSectionsByTheirClustersPlace() {
        JsonNode whole = server.json("/api/capacity");
        JsonNode stored = tree(latest());
        for (String section : SECTIONS) {
            assertThat(whole.get(section)).as(section).isEqualTo(stored.get(section));
        }
        // The fixture loads the simulator's requests and usage (stranded capacity and rightsizing may be empty).
        for (String section : List.of("allocations", "allocation_pools", "utilization", "utilization_by_sku")) {
            assertThat(whole.get(section).size()).as(section).isGreaterThan(0);
        }
        // Where the plan places each cluster; utilization rows carry their own site and region, which must agree.
        Map<String, CapacityPlanDocument.Entry> places = new HashMap<>();
        latest().clusters().forEach(entry -> places.putIfAbsent(entry.cluster(), entry));
        whole.get("utilization").forEach(row -> {
            CapacityPlanDocument.Entry place = places.get(row.get("cluster").asText());
            if (place != null) {
                assertThat(row.get("site").asText()).isEqualTo(place.site());
                assertThat(row.get("region").asText()).isEqualTo(place.region());
            }
        });
        String cluster = whole.get("allocations").get(0).get("cluster").asText();
        CapacityPlanDocument.Entry place =
                Objects.requireNonNull(places.get(cluster), "the plan does not place cluster " + cluster);

        Map<String, Predicate<JsonNode>> scopes = new LinkedHashMap<>();
        scopes.put(
                "?region=" + encode(place.region()),
                row -> placeOf(row, places, "region").equals(place.region()));
        scopes.put(
                "?site=" + encode(place.site()),
                row -> placeOf(row, places, "site").equals(place.site()));
        scopes.put(
                "?cluster=" + encode(cluster),
                row -> row.get("cluster").asText().equals(cluster));
        for (Map.Entry<String, Predicate<JsonNode>> scope : scopes.entrySet()) {
            JsonNode narrowed = server.json("/api/capacity" + scope.getKey());
            for (String section : SECTIONS) {
                List<JsonNode> expected = new ArrayList<>();
                whole.get(section).forEach(row -> {
                    if (scope.getValue().test(row)) {
                        expected.add(row);
                    }
                });
                assertThat(narrowed.get(section))
                        .as(scope.getKey() + " " + section)
                        .containsExactlyElementsOf(expected);
            }
            assertThat(narrowed.get("allocations").size()).as(scope.getKey()).isGreaterThan(0);
        }
        JsonNode byCluster = server.json("/api/capacity?cluster=" + encode(cluster));
        assertThat(byCluster.get("allocations").size())
                .isLessThan(whole.get("allocations").size());

        // The regions split every section of the whole plan.
        Set<String> regions = new TreeSet<>();
        places.values().forEach(entry -> regions.add(entry.region()));
        regions.remove("");
        for (String section : SECTIONS) {
            int total = 0;
            for (String region : regions) {
                total += server.json("/api/capacity?region=" + encode(region))
                        .get(section)
                        .size();
            }
            assertThat(total).as(section).isEqualTo(whole.get(section).size());
        }
    }

    /** A section row's site or region: its own, or where the plan places its cluster. */
    private static String placeOf(JsonNode row, Map<String, CapacityPlanDocument.Entry> places, String level) {
        if (row.has(level)) {
            return row.get(level).asText();
        }
        CapacityPlanDocument.Entry place = places.get(row.get("cluster").asText());
        if (place == null) {
            return "";
        }
        return level.equals("site") ? place.site() : place.region();
    }

    @Test
    void unknownOrMismatchedPlacesAreNotFoundAndNamed() {
        Set<String> regions = new TreeSet<>();
        latest().clusters().forEach(entry -> regions.add(entry.region()));
        regions.remove("");
        assertError(
                server.get("/api/capacity?region=mars"),
                404,
                "unknown region \"mars\" in capacity plan 2; known: " + String.join(", ", regions));
        CapacityPlanDocument.Entry sample = latest().clusters().get(0);
        assertError(
                server.get("/api/capacity?region=mars&cluster=" + encode(sample.cluster())),
                404,
                "unknown region \"mars\" in capacity plan 2; known: " + String.join(", ", regions));
        if (regions.size() > 1) {
            String other = regions.stream()
                    .filter(region -> !region.equals(sample.region()))
                    .findFirst()
                    .orElseThrow();
            assertError(
                    server.get("/api/capacity?region=" + encode(other) + "&cluster=" + encode(sample.cluster())),
                    404,
                    "cluster \"" + sample.cluster() + "\" is in region \"" + sample.region() + "\", not in \"" + other
                            + "\"");
        }
        assertThat(server.get("/api/capacity?cluster=nowhere-c99")
                        .json()
                        .get("error")
                        .asText())
                .startsWith("unknown cluster \"nowhere-c99\" in capacity plan 2; known: ");
    }

    @Test
    void eachPathSpansTheHorizonAndCrossesSupplyOnTheReportedDays() {
        LocalDate firstDay = TestCapacityData.END.plusDays(1);
        int checked = 0;
        int crossings = 0;
        for (CapacityPlanDocument.Entry entry : latest().clusters()) {
            JsonNode path = server.json(
                    "/api/capacity/path?cluster=" + encode(entry.cluster()) + "&resource=" + entry.resource());
            assertThat(fieldNames(path)).containsExactly("plan_version", "cluster", "resource", "unit", "days");
            assertThat(path.get("plan_version").asInt()).isEqualTo(2);
            assertThat(path.get("unit").asText()).isEqualTo(entry.unit());
            JsonNode days = path.get("days");
            if (entry.demandModel().equals("none")) {
                assertThat(days).as("no demand forecast, no path").isEmpty();
                continue;
            }
            assertThat(days).hasSize(TestCapacityData.HORIZON_DAYS);
            assertThat(fieldNames(days.get(0)))
                    .containsExactly("day", "demand_p50", "demand_p90", "demand_p99", "supply", "supply_sd");
            for (int i = 0; i < days.size(); i++) {
                JsonNode day = days.get(i);
                assertThat(day.get("day").asText())
                        .isEqualTo(firstDay.plusDays(i).toString());
                assertThat(day.get("demand_p90").asDouble())
                        .isGreaterThanOrEqualTo(day.get("demand_p50").asDouble() - 1e-9);
                assertThat(day.get("demand_p99").asDouble())
                        .isGreaterThanOrEqualTo(day.get("demand_p90").asDouble() - 1e-9);
                assertThat(day.get("supply_sd").asDouble()).isGreaterThanOrEqualTo(0);
            }
            JsonNode last = days.get(days.size() - 1);
            // The plan's figures are the path's ends, rounded to 0.001.
            assertThat(days.get(0).get("demand_p50").asDouble()).isCloseTo(entry.demandP50(), within(6e-4));
            assertThat(last.get("demand_p50").asDouble()).isCloseTo(entry.demandP50AtEnd(), within(6e-4));
            assertThat(last.get("demand_p99").asDouble()).isCloseTo(entry.demandP99AtEnd(), within(6e-4));
            if (!entry.elastic()) {
                assertThat(days.get(0).get("supply").asDouble()).isCloseTo(entry.supply(), within(6e-4));
                assertThat(last.get("supply").asDouble()).isCloseTo(entry.supplyAtEnd(), within(6e-4));
                assertThat(firstAbove(days, "demand_p50", 0)).isEqualTo(entry.exhaustionP50());
                assertThat(firstAbove(days, "demand_p90", 0)).isEqualTo(entry.exhaustionP90());
                assertThat(firstAbove(days, "demand_p99", 0)).isEqualTo(entry.exhaustionP99());
                if (entry.exhaustionP99() != null) {
                    crossings++;
                }
                // Need by: the first day P50 demand plus the headroom exceeds supply (the headroom is rounded).
                String needBy = entry.needBy();
                double headroom = entry.headroom().total();
                if (needBy == null) {
                    assertThat(firstAbove(days, "demand_p50", headroom + 1e-3)).isNull();
                } else {
                    assertThat(firstAbove(days, "demand_p50", headroom - 1e-3)).isLessThanOrEqualTo(needBy);
                    assertThat(firstAbove(days, "demand_p50", headroom + 1e-3)).isGreaterThanOrEqualTo(needBy);
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(3);
        assertThat(crossings)
                .as("some cluster runs out at P99 within the horizon")
                .isPositive();
    }

    /** The first day on which {@code quantile} + {@code headroom} exceeds supply, or null. */
    private static @Nullable String firstAbove(JsonNode days, String quantile, double headroom) {
        for (JsonNode day : days) {
            if (day.get(quantile).asDouble() + headroom > day.get("supply").asDouble()) {
                return day.get("day").asText();
            }
        }
        return null;
    }

    @Test
    void theLatestPlanIsComparedWithTheOneBeforeItAsTheApplicationComparesThem() {
        CapacityPlanDocument first = server.app().capacity().stored(1).orElseThrow();
        JsonNode diff = server.json("/api/capacity/diff");

        assertThat(fieldNames(diff))
                .containsExactly("from", "from_as_of", "to", "to_as_of", "scope", "totals", "changes");
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("to").asInt()).isEqualTo(2);
        CapacityPlanDiff expected = CapacityPlanDiff.of(first, latest());
        assertThat(diff.get("changes")).isEqualTo(tree(expected.changes()));
        assertThat(diff.get("totals")).isEqualTo(tree(expected.totals()));
        // The two plans look at different horizons and service levels: some entries move.
        assertThat(expected.totals().changed()).isPositive();
        assertThat(diff.get("changes").get(0).get("what").size()).isPositive();
        assertThat(server.json("/api/capacity/diff?from=1&to=2")).isEqualTo(diff);
        assertThat(server.json("/api/capacity/diff?from=2&to=latest")
                        .get("totals")
                        .get("changed")
                        .asInt())
                .isZero();

        String region = latest().clusters().get(0).region();
        JsonNode narrowed = server.json("/api/capacity/diff?region=" + encode(region));
        assertThat(narrowed.get("scope").get("level").asText()).isEqualTo("region");
        assertThat(narrowed.get("changes"))
                .isEqualTo(tree(CapacityPlanDiff.of(
                                first, latest(), entry -> entry.region().equals(region))
                        .changes()));
    }

    @Test
    void aDiffNeedsAnEarlierPlan() {
        assertError(
                server.get("/api/capacity/diff?to=1"),
                404,
                "capacity plan 1 is the first stored: there is no earlier plan to compare it with");
        assertError(
                server.get("/api/capacity/diff?from=7"),
                404,
                "there is no capacity plan version 7; versions are 1 to 2");
        assertError(
                server.get("/api/capacity/diff?to=first"),
                400,
                "parameter \"to\": expected a plan version (1, 2, ...) or latest, got \"first\"");
    }

    @Test
    void aPathOfAnOlderVersionHasItsOwnHorizon() {
        CapacityPlanDocument.Entry entry = server.app().capacity().stored(1).orElseThrow().clusters().stream()
                .filter(candidate -> !candidate.demandModel().equals("none"))
                .findFirst()
                .orElseThrow();
        JsonNode path = server.json(
                "/api/capacity/path?version=1&cluster=" + encode(entry.cluster()) + "&resource=" + entry.resource());
        assertThat(path.get("plan_version").asInt()).isEqualTo(1);
        assertThat(path.get("days")).hasSize(TestCapacityData.FIRST_HORIZON_DAYS);
        assertThat(date(path.get("days").get(0).get("day")))
                .isEqualTo(TestCapacityData.END.plusDays(1).toString());
    }

    @Test
    void badPathRequestsAreRefusedWithWhatIsWrong() {
        CapacityPlanDocument.Entry entry = latest().clusters().get(0);
        String cluster = encode(entry.cluster());
        assertError(
                server.get("/api/capacity/path?resource=cpu"),
                400,
                "parameter \"cluster\" is required: the cluster, e.g. us-east-dc1-c01");
        assertError(
                server.get("/api/capacity/path?cluster=" + cluster),
                400,
                "parameter \"resource\" is required: cpu, memory or storage");
        assertError(
                server.get("/api/capacity/path?cluster=" + cluster + "&resource=gpu"),
                400,
                "parameter \"resource\": expected cpu, memory or storage, got \"gpu\"");
        assertThat(server.get("/api/capacity/path?cluster=nowhere-c99&resource=cpu")
                        .json()
                        .get("error")
                        .asText())
                .startsWith("unknown cluster \"nowhere-c99\" in capacity plan 2; known: ");
        assertThat(server.get("/api/capacity/path?cluster=nowhere-c99&resource=cpu")
                        .status())
                .isEqualTo(400);
        // A cluster whose servers hold no storage (cloud instances) has no storage entry.
        latest().clusters().stream()
                .filter(candidate -> latest().clusters().stream()
                        .noneMatch(other -> other.cluster().equals(candidate.cluster())
                                && other.resource().equals("storage")))
                .findFirst()
                .ifPresent(candidate -> assertError(
                        server.get("/api/capacity/path?cluster=" + encode(candidate.cluster()) + "&resource=storage"),
                        400,
                        "capacity plan 2 has no storage for cluster " + candidate.cluster() + "; it has cpu, memory"));
        assertError(
                server.get("/api/capacity/path?cluster=" + cluster + "&resource=cpu&version=9"),
                404,
                "there is no capacity plan version 9; versions are 1 to 2");
        assertError(
                server.get("/api/capacity?version=9"), 404, "there is no capacity plan version 9; versions are 1 to 2");
        assertError(
                server.get("/api/capacity?version=two"),
                400,
                "parameter \"version\": expected a plan version (1, 2, ...) or latest, got \"two\"");
        assertError(
                server.get("/api/capacity?zone=a"),
                400,
                "unknown parameter \"zone\"; expected version, region, site, cluster");
        assertError(
                server.get("/api/capacity/versions?version=1"),
                400,
                "unknown parameter \"version\"; this endpoint takes none");
    }

    @Test
    void aStoreWithoutPlansSaysToRunThePlan() throws Exception {
        try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
            assertThat(empty.get("/api/capacity/versions").json().toString()).isEqualTo("{\"versions\":[]}");
            assertError(empty.get("/api/capacity"), 404, "no capacity plan is stored yet: run fleetcast plan");
            assertError(
                    empty.get("/api/capacity?version=1"), 404, "no capacity plan is stored yet: run fleetcast plan");
            assertError(
                    empty.get("/api/capacity/path?cluster=c1&resource=cpu"),
                    404,
                    "no capacity plan is stored yet: run fleetcast plan");
        }
    }
}
