package io.fleetcast.server;

import static io.fleetcast.server.TestFleetData.AS_OF;
import static io.fleetcast.server.TestServer.encode;
import static io.fleetcast.server.TestServer.fieldNames;
import static io.fleetcast.server.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.TestServer.Response;
import io.fleetcast.server.auth.AccessDecision;
import io.fleetcast.server.auth.AccessRequest;
import io.fleetcast.server.auth.Principal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real server on a free port, over a store loaded with {@link TestFleetData}, through a real HTTP client. */
class FleetcastServerTest {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestFleetData.loadedApp(folder));

    @Test
    void healthReportsSchemaVersionDataSpanPrincipalAndRowCountsInLoadOrder() {
        Response response = server.get("/api/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode health = response.json();
        assertThat(fieldNames(health))
                .containsExactly("status", "schema_version", "as_of", "first_day", "principal", "row_counts");
        assertThat(health.get("status").asText()).isEqualTo("ok");
        assertThat(health.get("schema_version").asInt()).isEqualTo(12);
        assertThat(health.get("as_of").asText()).isEqualTo(AS_OF.toString());
        assertThat(health.get("first_day").asText()).isEqualTo("2024-03-01");
        assertThat(health.get("principal").asText()).isEqualTo("local");
        assertThat(fieldNames(health.get("row_counts")))
                .containsExactlyElementsOf(
                        Kind.loadOrder().stream().map(Kind::tableName).toList());
        assertThat(health.get("row_counts").get("assets").asLong())
                .isEqualTo(TestFleetData.assets().size());
    }

    @Test
    void theOverviewDefaultsToTheLastYearOfCpuForTheWholeFleet() {
        Response response = server.get("/api/fleet/overview");

        assertThat(response.status()).isEqualTo(200);
        JsonNode overview = response.json();
        assertThat(fieldNames(overview))
                .containsExactly(
                        "scope",
                        "from",
                        "to",
                        "resource",
                        "unit",
                        "as_of",
                        "first_day",
                        "totals",
                        "breakdown",
                        "by_sku",
                        "timeline",
                        "supply_changes");
        assertThat(fieldNames(overview.get("scope"))).containsExactly("level", "region", "site", "cluster", "service");
        assertThat(overview.get("scope").get("level").asText()).isEqualTo("fleet");
        assertThat(overview.get("scope").get("region").isNull()).isTrue();
        assertThat(overview.get("to").asText()).isEqualTo(AS_OF.toString());
        assertThat(overview.get("from").asText()).isEqualTo(AS_OF.minusDays(365).toString());
        assertThat(overview.get("resource").asText()).isEqualTo("cpu");
        assertThat(overview.get("unit").asText()).isEqualTo("cores");

        JsonNode totals = overview.get("totals");
        assertThat(fieldNames(totals))
                .containsExactly(
                        "servers", "cores", "memory_gib", "storage_tb", "capacity", "used", "allocated", "usage_days");
        long servers = TestFleetData.serversInService(AS_OF, asset -> true);
        assertThat(totals.get("servers").asLong()).isEqualTo(servers);
        long cores = TestFleetData.assets().stream()
                .filter(asset -> asset.inServiceOn(AS_OF))
                .mapToLong(asset -> TestFleetData.sku(asset.cluster().sku()).cores())
                .sum();
        assertThat(totals.get("cores").asLong()).isEqualTo(cores);
        assertThat(totals.get("capacity").asDouble()).isEqualTo((double) cores);
        assertThat(totals.get("usage_days").asLong()).isEqualTo(365);
        assertThat(totals.get("allocated").asDouble())
                .isCloseTo(1.4 * totals.get("used").asDouble(), org.assertj.core.data.Offset.offset(0.5));

        JsonNode breakdown = overview.get("breakdown");
        assertThat(fieldNames(breakdown)).containsExactly("level", "rows");
        assertThat(breakdown.get("level").asText()).isEqualTo("region");
        assertThat(texts(breakdown.get("rows"), "key")).containsExactly("us-east", "eu-west");
        assertThat(fieldNames(breakdown.get("rows").get(0)))
                .containsExactly("key", "servers", "capacity", "used", "allocated");
        long rowServers = 0;
        for (JsonNode row : breakdown.get("rows")) {
            rowServers += row.get("servers").asLong();
        }
        assertThat(rowServers).isEqualTo(servers);

        long skuServers = 0;
        for (JsonNode sku : overview.get("by_sku")) {
            skuServers += sku.get("servers").asLong();
        }
        assertThat(skuServers).isEqualTo(servers);
        assertThat(fieldNames(overview.get("by_sku").get(0)))
                .containsExactly("sku", "kind", "servers", "cores", "memory_gib", "storage_tb");

        JsonNode timeline = overview.get("timeline");
        assertThat(timeline).hasSize(366);
        assertThat(fieldNames(timeline.get(0))).containsExactly("date", "capacity", "allocated", "used");
        assertThat(timeline.get(365).get("date").asText()).isEqualTo(AS_OF.toString());
        assertThat(timeline.get(365).get("capacity").asDouble()).isEqualTo((double) cores);
        // 2024-12-31 is before the first usage row: no usage that day, shown as null rather than zero.
        assertThat(timeline.get(0).get("used").isNull()).isTrue();
    }

    @Test
    void theSameRequestGivesTheSameBytes() {
        String query = "/api/fleet/overview?region=us-east&resource=memory&from=2025-06-01";

        assertThat(server.get(query).body()).isEqualTo(server.get(query).body());
    }

    @Test
    void aRegionBreaksDownIntoItsSitesAndCountsOnlyItsServers() {
        JsonNode overview = server.get("/api/fleet/overview?region=us-east&from=2025-10-01&to=2025-12-31")
                .json();

        assertThat(overview.get("scope").get("level").asText()).isEqualTo("region");
        assertThat(overview.get("scope").get("region").asText()).isEqualTo("us-east");
        assertThat(overview.get("breakdown").get("level").asText()).isEqualTo("site");
        assertThat(texts(overview.get("breakdown").get("rows"), "key"))
                .containsExactlyInAnyOrder("dc-ash", "dc-chi", "aws-us-east-1");
        assertThat(overview.get("totals").get("servers").asLong())
                .isEqualTo(TestFleetData.serversInService(
                        AS_OF, asset -> asset.cluster().region().equals("us-east")));
        assertThat(overview.get("timeline")).hasSize(92);
        // Worked from TestFleetData's generator: 2 servers installed in October, 1 installed and 1 retired in
        // November (16 cores each way), none in December.
        assertThat(overview.get("supply_changes").get("by_month"))
                .extracting(month -> month.get("key").asText()
                        + " " + flow(month, "opening") + " +" + flow(month, "installed") + " -" + flow(month, "failed")
                        + " -" + flow(month, "retired") + " = " + flow(month, "closing"))
                .containsExactly(
                        "2025-10 29/1424.0 +2/128.0 -0/0.0 -0/0.0 = 31/1552.0",
                        "2025-11 31/1552.0 +1/16.0 -0/0.0 -1/16.0 = 31/1552.0",
                        "2025-12 31/1552.0 +0/0.0 -0/0.0 -0/0.0 = 31/1552.0");
        assertThat(texts(overview.get("supply_changes").get("by_sku"), "key"))
                .containsExactly("gen6-compute", "gen7-storage", "m7.4xlarge");
        // Per site, largest capacity at the end first; each recomputed from the generated servers.
        LocalDate from = LocalDate.parse("2025-10-01");
        assertThat(overview.get("supply_changes").get("by_member"))
                .extracting(site -> site.get("key").asText() + " "
                        + Stream.of("opening", "installed", "failed", "retired", "closing")
                                .map(name -> site.get(name).get("servers").asLong() + "/"
                                        + Math.round(
                                                site.get(name).get("capacity").asDouble()))
                                .collect(Collectors.joining(" ")))
                .containsExactlyElementsOf(Stream.of("dc-ash", "dc-chi", "aws-us-east-1")
                        .map(site -> site + " "
                                + TestFleetData.changes(
                                        from, AS_OF, TestFleetData.inSite(site), TestFleetData.Sku::cores))
                        .toList());
    }

    private static String flow(JsonNode change, String flow) {
        return change.get(flow).get("servers").asLong() + "/"
                + change.get(flow).get("capacity").asDouble();
    }

    @Test
    void aClusterAloneIsPlacedInItsSiteAndRegionAndBreaksDownIntoServicesWithoutServers() {
        JsonNode overview =
                server.get("/api/fleet/overview?cluster=ash-c1&resource=memory").json();

        JsonNode scope = overview.get("scope");
        assertThat(scope.get("level").asText()).isEqualTo("cluster");
        assertThat(scope.get("region").asText()).isEqualTo("us-east");
        assertThat(scope.get("site").asText()).isEqualTo("dc-ash");
        assertThat(overview.get("unit").asText()).isEqualTo("GiB");
        assertThat(overview.get("breakdown").get("level").asText()).isEqualTo("service");
        JsonNode rows = overview.get("breakdown").get("rows");
        assertThat(texts(rows, "key")).containsExactlyInAnyOrderElementsOf(TestFleetData.servicesOn(0));
        for (JsonNode row : rows) {
            assertThat(row.get("servers").isNull()).isTrue();
            assertThat(row.get("capacity").isNull()).isTrue();
            assertThat(row.get("used").asDouble()).isPositive();
        }
    }

    @Test
    void aServiceHasUsageButNoServersSkusNorBreakdown() {
        JsonNode overview = server.get("/api/fleet/overview?service=checkout").json();

        assertThat(overview.get("scope").get("level").asText()).isEqualTo("service");
        JsonNode totals = overview.get("totals");
        assertThat(totals.get("servers").isNull()).isTrue();
        assertThat(totals.get("capacity").isNull()).isTrue();
        assertThat(totals.get("used").asDouble()).isPositive();
        assertThat(overview.get("breakdown").get("level").isNull()).isTrue();
        assertThat(overview.get("breakdown").get("rows")).isEmpty();
        assertThat(overview.get("by_sku")).isEmpty();
        assertThat(overview.get("supply_changes").get("by_month")).isEmpty();
        assertThat(overview.get("timeline").get(100).get("capacity").isNull()).isTrue();
    }

    @Test
    void unknownNamesAreNotFoundWithAClearMessage() {
        Response region = server.get("/api/fleet/overview?region=mars");
        assertThat(region.status()).isEqualTo(404);
        assertThat(region.contentType()).startsWith("application/json");
        assertThat(fieldNames(region.json())).containsExactly("error");
        assertThat(region.json().get("error").asText()).isEqualTo("unknown region \"mars\"; known: eu-west, us-east");

        Response site = server.get("/api/fleet/overview?region=eu-west&site=dc-ash");
        assertThat(site.status()).isEqualTo(404);
        assertThat(site.json().get("error").asText())
                .isEqualTo("site \"dc-ash\" is in region \"us-east\", not in \"eu-west\"");

        assertThat(server.get("/api/fleet/overview?service=" + encode("no such"))
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("unknown service \"no such\"; known: analytics, billing, checkout, search");
    }

    @Test
    void malformedRequestsAreBadRequestsThatNameTheProblem() {
        assertErrorStartsWith(
                "/api/fleet/overview?from=2025-02-30", 400, "parameter \"from\": expected a date as YYYY-MM-DD");
        assertErrorStartsWith(
                "/api/fleet/overview?resource=gpu",
                400,
                "parameter \"resource\": expected one of cpu, memory, storage; got \"gpu\"");
        assertErrorStartsWith("/api/fleet/overview?regoin=us-east", 400, "unknown parameter \"regoin\"");
        assertErrorStartsWith(
                "/api/fleet/overview?region=us-east&region=eu-west",
                400,
                "parameter \"region\" is given 2 times; give it at most once");
        assertErrorStartsWith(
                "/api/fleet/overview?to=2026-01-01",
                400,
                "to 2026-01-01 is after the last day of data (as of 2025-12-31)");
        assertErrorStartsWith(
                "/api/fleet/overview?from=2025-06-01&to=2025-05-01", 400, "from 2025-06-01 is after to 2025-05-01");
    }

    private static void assertErrorStartsWith(String pathAndQuery, int status, String messageStart) {
        Response response = server.get(pathAndQuery);
        assertThat(response.status()).as(pathAndQuery).isEqualTo(status);
        assertThat(response.contentType()).as(pathAndQuery).startsWith("application/json");
        assertThat(response.json().get("error").asText()).as(pathAndQuery).startsWith(messageStart);
    }

    @Test
    void anUnknownApiPathIsAJsonNotFound() {
        Response response = server.get("/api/nothing/here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("error").asText()).isEqualTo("no such API endpoint: GET /api/nothing/here");
    }

    @Test
    void theIngestLogListsNewestFirstAndTakesALimit() {
        JsonNode log = server.get("/api/ingests").json();

        assertThat(fieldNames(log)).containsExactly("ingests");
        assertThat(texts(log.get("ingests"), "kind")).containsExactly("usage", "services", "assets", "skus");
        assertThat(fieldNames(log.get("ingests").get(0)))
                .containsExactly(
                        "ingest_id",
                        "kind",
                        "source_file",
                        "format",
                        "content_hash",
                        "size_bytes",
                        "rows_read",
                        "rows_loaded",
                        "rows_rejected",
                        "rows_replaced",
                        "started_at",
                        "finished_at");
        assertThat(log.get("ingests").get(0).get("format").asText()).isEqualTo("csv");
        assertThat(log.get("ingests").get(0).get("started_at").asText()).isEqualTo("2026-01-02T09:00:00Z");
        assertThat(server.get("/api/ingests?limit=2").json().get("ingests")).hasSize(2);
        assertErrorStartsWith(
                "/api/ingests?limit=lots", 400, "parameter \"limit\": expected a whole number, got \"lots\"");
        assertErrorStartsWith("/api/ingests?limit=0", 400, "limit must be between 1 and 1000, got 0");
    }

    @Test
    void theDashboardIsServedFromTheJar() {
        Response page = server.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("<title>Fleet overview · Fleetcast</title>");

        Response script = server.get("/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");

        Response utilization = server.get("/utilization.html");
        assertThat(utilization.status()).isEqualTo(200);
        assertThat(utilization.body()).contains("<title>Utilization · Fleetcast</title>");
        assertThat(server.get("/utilization.js").body()).contains("renderNavigation('utilization')");
        assertThat(server.get("/common.js").body())
                .contains("href: 'utilization.html'")
                .contains("href: 'cost.html'");
        assertThat(server.get("/cost.html").body()).contains("<title>Cost &amp; Budgets · Fleetcast</title>");
        assertThat(server.get("/prognostics.html").body()).contains("<title>Prognostics · Fleetcast</title>");
        assertThat(server.get("/common.js").body()).contains("href: 'prognostics.html'");

        Response charts = server.get("/vendor/echarts/echarts.min.js");
        assertThat(charts.status()).isEqualTo(200);
        assertThat(charts.body()).contains("Licensed to the Apache Software Foundation");
    }

    @Test
    void theServerDeclaresExactlyTheDocumentedApiRoutes() {
        assertThat(server.fleetcastServer().routes())
                .containsExactly(
                        "GET /api/health",
                        "GET /api/fleet/overview",
                        "GET /api/ingests",
                        "GET /api/forecast/plans",
                        "GET /api/forecast/plans/{version}/series",
                        "GET /api/forecast/series",
                        "GET /api/forecast/diff",
                        "GET /api/forecast/adjustments",
                        "GET /api/reliability",
                        "GET /api/reliability/segment",
                        "GET /api/reliability/compare",
                        "GET /api/capacity",
                        "GET /api/capacity/versions",
                        "GET /api/capacity/path",
                        "GET /api/capacity/diff",
                        "GET /api/cost",
                        "GET /api/prognostics",
                        "GET /api/prognostics/assets/{assetId}",
                        "POST /api/forecast/adjustments",
                        "POST /api/prognostics/predictions/{id}/review",
                        "DELETE /api/forecast/adjustments/{id}");
    }

    @Test
    void aDenyingPolicyBlocksEveryDeclaredRouteBeforeItsHandler() {
        List<AccessRequest> seen = Collections.synchronizedList(new ArrayList<>());
        try (FleetcastServer denying = FleetcastServer.start(ServerConfig.local(0), server.app(), request -> {
            seen.add(request);
            return new AccessDecision.Deny(AccessDecision.Reason.FORBIDDEN, "no access for tests");
        })) {
            List<String> routes = denying.routes();
            assertThat(routes)
                    .isNotEmpty()
                    .allSatisfy(route -> assertThat(route)
                            .as("every route is under /api, behind the gate")
                            .matches("(GET|POST|DELETE) /api/.*"));
            for (String route : routes) {
                String method = route.substring(0, route.indexOf(' '));
                String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]*}", "x");

                Response response = TestServer.send(denying, method, path, method.equals("POST") ? "{}" : null);

                assertThat(response.status()).as(route).isEqualTo(403);
                assertThat(response.json().get("error").asText()).as(route).isEqualTo("no access for tests");
            }
            assertThat(seen)
                    .extracting(request -> request.method() + " " + request.path())
                    .containsExactlyElementsOf(ImmutableList.copyOf(routes).stream()
                            .map(route -> route.replaceAll("\\{[^}]*}", "x"))
                            .toList());
            // Static files are not part of the API: the dashboard still loads, and then its API calls are refused.
            assertThat(TestServer.get(denying, "/").status()).isEqualTo(200);
        }
    }

    @Test
    void anUnauthenticatedRequestIsAnswered401() {
        try (FleetcastServer signingIn = FleetcastServer.start(
                ServerConfig.local(0),
                server.app(),
                request -> request.header("Authorization").isPresent()
                        ? new AccessDecision.Allow(Principal.LOCAL_USER)
                        : new AccessDecision.Deny(AccessDecision.Reason.UNAUTHENTICATED, "sign in first"))) {
            Response response = TestServer.get(signingIn, "/api/health");

            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("error").asText()).isEqualTo("sign in first");
        }
    }

    @Test
    void handlersSeeThePrincipalThePolicyResolved() {
        Principal analyst = new Principal("ana", false, Set.of("payments"));
        try (FleetcastServer limited = FleetcastServer.start(
                ServerConfig.local(0), server.app(), request -> new AccessDecision.Allow(analyst))) {
            assertThat(TestServer.get(limited, "/api/health")
                            .json()
                            .get("principal")
                            .asText())
                    .isEqualTo("ana");
        }
    }

    @Test
    void aPortInUseIsBadInputThatSaysSo() {
        assertThatThrownBy(() -> FleetcastServer.start(
                        ServerConfig.local(server.fleetcastServer().port()), server.app()))
                .isInstanceOfSatisfying(
                        FleetcastException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessageStartingWith(
                        "cannot listen on 127.0.0.1:" + server.fleetcastServer().port());
    }

    @Test
    void theDashboardAddressNamesTheBoundPort() {
        assertThat(server.fleetcastServer().port()).isPositive();
        assertThat(server.uri())
                .isEqualTo(URI.create(
                        "http://127.0.0.1:" + server.fleetcastServer().port() + "/"));
    }
}
