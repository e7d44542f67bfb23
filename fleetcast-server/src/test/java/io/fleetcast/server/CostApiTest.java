package io.fleetcast.server;

import static io.fleetcast.server.FleetcastServerTest.get;
import static io.fleetcast.server.TestCostData.ANALYTICS;
import static io.fleetcast.server.TestCostData.CHECKOUT;
import static io.fleetcast.server.TestCostData.COMMERCE;
import static io.fleetcast.server.TestCostData.INSIGHTS;
import static io.fleetcast.server.TestCostData.LAST_DAY;
import static io.fleetcast.server.TestCostData.LEDGER;
import static io.fleetcast.server.TestCostData.LEDGER_SPIKE;
import static io.fleetcast.server.TestCostData.ORPHAN;
import static io.fleetcast.server.TestCostData.PAYMENTS;
import static io.fleetcast.server.TestCostData.SEARCH;
import static io.fleetcast.server.TestCostData.SEARCH_API;
import static io.fleetcast.server.TestCostData.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.cost.CostService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.FleetcastServerTest.Response;
import io.fleetcast.server.TestCostData.Line;
import io.fleetcast.server.auth.AccessDecision;
import io.fleetcast.server.auth.Principal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/cost} on the real server on a free port, over a real store loaded with {@link TestCostData}'s cost
 * lines, services and budgets, through a real HTTP client. The figures are checked against sums of the lines the test
 * wrote (the attributed total equals the billed total equals the lines' sum, per team, per service, per route), the
 * designed budget alert and anomalies, and what a principal limited to one team may see.
 */
class CostApiTest {
    private static final LocalDate Q3_START = LocalDate.parse("2025-07-01");
    private static final LocalDate Q3_END = LocalDate.parse("2025-09-30");
    private static final LocalDate Q4_START = LocalDate.parse("2025-10-01");

    @TempDir
    static Path folder;

    private static FleetcastApp app;
    private static FleetcastServer server;
    /** {@code GET /api/cost}, asked once: each report forecasts every open budget. */
    private static Response latest;

    @BeforeAll
    static void startServer() {
        app = TestCostData.loadedApp(folder);
        server = FleetcastServer.start(ServerConfig.local(0), app);
        latest = get(server, "/api/cost");
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        assertThat(latest.contentType()).startsWith("application/json");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
        if (app != null) {
            app.close();
        }
    }

    private static JsonNode json(String pathAndQuery) {
        return FleetcastServerTest.json(server, pathAndQuery);
    }

    private static void assertError(Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("error").asText()).isEqualTo(message);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.get(field).asText()));
        return values;
    }

    private static BigDecimal money(JsonNode node) {
        return node.decimalValue();
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The lines' effective cost in the days of 2025-Q4 with data, to the cent. */
    private static BigDecimal q4(Predicate<Line> which) {
        return cents(TestCostData.effective(Q4_START, LAST_DAY, which));
    }

    private static Predicate<Line> team(@Nullable String team) {
        return line -> Objects.equals(line.team(), team);
    }

    private static JsonNode row(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.get(field).asText().equals(value)) {
                return element;
            }
        }
        throw new AssertionError("no " + field + " " + value + " in " + array);
    }

    private static JsonNode budget(JsonNode budgets, String team, String period) {
        for (JsonNode budget : budgets) {
            if (budget.get("team").asText().equals(team)
                    && budget.get("period").asText().equals(period)) {
                return budget;
            }
        }
        throw new AssertionError("no budget of " + team + " for " + period + " in " + budgets);
    }

    /** The document the application's cost service writes for {@code request}, as the test's JSON tree. */
    private static JsonNode serviceReport(CostService.Request request) {
        try {
            return new ObjectMapper()
                    .readTree(app.cost().run(request, CostService.Progress.NONE).toJson());
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theReportIsTheCostServicesReportOfTheLastChargeDaysQuarter() {
        JsonNode report = latest.json();

        // The report exactly as the cost service writes it; these are the keys the dashboard reads, in this order.
        assertThat(fieldNames(report))
                .containsSubsequence(
                        "as_of",
                        "currency",
                        "cost_column",
                        "period",
                        "teams",
                        "reconciliation",
                        "attribution",
                        "services",
                        "budgets",
                        "alerts",
                        "anomalies",
                        "savings",
                        "notes");
        assertThat(report).isEqualTo(serviceReport(CostService.Request.defaults()));
        assertThat(report.get("as_of").asText()).isEqualTo(LAST_DAY.toString());
        assertThat(report.get("currency").asText()).isEqualTo(TestCostData.CURRENCY);
        assertThat(report.get("cost_column").asText()).isEqualTo("EffectiveCost");
        assertThat(report.get("period").toString())
                .isEqualTo("{\"label\":\"2025-Q4\",\"start\":\"2025-10-01\",\"end\":\"2025-12-31\"}");
        assertThat(report.get("teams").isNull()).isTrue();
        // The same request gives the same bytes.
        assertThat(get(server, "/api/cost").body()).isEqualTo(latest.body());
    }

    @Test
    void billedEqualsAttributedEqualsTheSumOfThePeriodsLines() {
        JsonNode reconciliation = latest.json().get("reconciliation");

        BigDecimal all = q4(line -> true);
        assertThat(money(reconciliation.get("billed"))).isEqualByComparingTo(all);
        assertThat(money(reconciliation.get("attributed"))).isEqualByComparingTo(all);
        assertThat(money(reconciliation.get("difference"))).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(money(reconciliation.get("effective_cost"))).isEqualByComparingTo(all);
        assertThat(money(reconciliation.get("billed_cost")))
                .isEqualByComparingTo(cents(TestCostData.lines().stream()
                        .filter(line -> !line.day().isBefore(Q4_START))
                        .map(Line::billedCost)
                        .reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertThat(money(reconciliation.get("billed_cost"))).isGreaterThan(all); // checkout is billed 5% above
        long days = Q4_START.datesUntil(LAST_DAY.plusDays(1)).count();
        assertThat(reconciliation.get("lines").asLong()).isEqualTo(5 * days);
        assertThat(money(reconciliation.get("untagged"))).isEqualByComparingTo(q4(team(null)));
        Map<String, BigDecimal> routes = new LinkedHashMap<>();
        reconciliation.get("by_route").properties().forEach(e -> routes.put(e.getKey(), money(e.getValue())));
        assertThat(routes.keySet()).containsExactly("team tag", "service tag", "resource name", "none");
        for (String route : routes.keySet()) {
            assertThat(routes.get(route))
                    .as(route)
                    .isEqualByComparingTo(q4(line -> line.route().equals(route)));
        }
    }

    @Test
    void eachTeamAndServiceHasItsOwnLinesSpend() {
        JsonNode report = latest.json();

        JsonNode attribution = report.get("attribution");
        assertThat(texts(attribution, "team")).containsExactlyInAnyOrder(PAYMENTS, SEARCH, ANALYTICS, "(untagged)");
        Map<String, String> orgs = Map.of(PAYMENTS, COMMERCE, SEARCH, COMMERCE, ANALYTICS, INSIGHTS);
        for (JsonNode row : attribution) {
            String team = row.get("team").asText();
            boolean untagged = team.equals("(untagged)");
            BigDecimal spend = q4(team(untagged ? null : team));
            assertThat(money(row.get("direct"))).as(team).isEqualByComparingTo(spend);
            assertThat(money(row.get("shared"))).as(team).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(money(row.get("total"))).as(team).isEqualByComparingTo(spend);
            assertThat(row.get("org").isNull() ? null : row.get("org").asText())
                    .as(team)
                    .isEqualTo(untagged ? null : orgs.get(team));
        }
        JsonNode services = report.get("services");
        assertThat(texts(services, "service"))
                .containsExactlyInAnyOrder(CHECKOUT, LEDGER, SEARCH_API, WAREHOUSE, "(no service)");
        for (JsonNode service : services) {
            String name = service.get("service").asText();
            assertThat(money(service.get("amount")))
                    .as(name)
                    .isEqualByComparingTo(q4(line -> line.service().equals(name)));
        }
        assertThat(row(services, "service", LEDGER).get("team").asText()).isEqualTo(PAYMENTS);
        assertThat(row(services, "service", SEARCH_API).get("org").asText()).isEqualTo(COMMERCE);
    }

    @Test
    void theOverrunIsTheOneAlertAndTheBuiltInSpikesAreTheAnomalies() {
        JsonNode report = latest.json();

        JsonNode budgets = report.get("budgets");
        assertThat(budgets).hasSize(TestCostData.BUDGETS.size());
        for (List<String> budget : TestCostData.BUDGETS) {
            JsonNode row = budget(budgets, budget.get(0), budget.get(1));
            assertThat(money(row.get("budget"))).isEqualByComparingTo(new BigDecimal(budget.get(2)));
        }
        // Settled periods: the actual is the period's lines and is its own forecast.
        JsonNode payments = row(budgets, "period", "2025-Q3");
        assertThat(payments.get("team").asText()).isEqualTo(PAYMENTS);
        assertThat(money(payments.get("actual")))
                .isEqualByComparingTo(cents(TestCostData.effective(Q3_START, Q3_END, team(PAYMENTS))));
        assertThat(payments.get("forecast_p50").asDouble())
                .isEqualTo(payments.get("actual").asDouble());
        assertThat(payments.get("days_elapsed").asInt()).isEqualTo(92);
        assertThat(payments.get("alert").asBoolean()).isFalse();
        JsonNode october = row(budgets, "period", "2025-10");
        assertThat(money(october.get("actual")))
                .isEqualByComparingTo(
                        cents(TestCostData.effective(Q4_START, LocalDate.parse("2025-10-31"), team(ANALYTICS))));
        // The open quarter: payments spends about 1,114 a day, 102,500 a quarter, against 90,000.
        JsonNode alerts = report.get("alerts");
        assertThat(alerts).hasSize(1);
        JsonNode alert = alerts.get(0);
        assertThat(alert.get("team").asText()).isEqualTo(PAYMENTS);
        assertThat(alert.get("period").asText()).isEqualTo("2025-Q4");
        assertThat(money(alert.get("actual"))).isEqualByComparingTo(q4(team(PAYMENTS)));
        assertThat(alert.get("days_elapsed").asInt()).isEqualTo(51);
        assertThat(alert.get("forecast_p50").asDouble()).isBetween(97_000.0, 108_000.0);
        assertThat(alert.get("forecast_p90").asDouble())
                .isGreaterThanOrEqualTo(alert.get("forecast_p50").asDouble());
        assertThat(alert.get("overrun_probability").asDouble()).isGreaterThan(0.9);
        for (JsonNode budget : budgets) {
            assertThat(budget.get("alert").asBoolean())
                    .as(budget.get("team").asText() + " " + budget.get("period").asText())
                    .isEqualTo(budget.equals(alert));
        }

        JsonNode anomalies = report.get("anomalies");
        assertThat(texts(anomalies, "date")).containsExactly(LEDGER_SPIKE.toString(), LAST_DAY.toString());
        JsonNode ledger = anomalies.get(0);
        assertThat(ledger.get("team").asText()).isEqualTo(PAYMENTS);
        assertThat(ledger.get("service").asText()).isEqualTo(LEDGER);
        assertThat(ledger.get("provisional").asBoolean()).isFalse();
        assertThat(ledger.get("amount").asDouble() - ledger.get("expected").asDouble())
                .isBetween(0.9 * TestCostData.LEDGER_SPIKE_EXCESS, 1.1 * TestCostData.LEDGER_SPIKE_EXCESS);
        JsonNode warehouse = anomalies.get(1);
        assertThat(warehouse.get("team").asText()).isEqualTo(ANALYTICS);
        assertThat(warehouse.get("service").isNull()).isTrue(); // the team's own total
        assertThat(warehouse.get("provisional").asBoolean()).isTrue();
        assertThat(warehouse.get("explanation").asText()).contains(WAREHOUSE);
    }

    @Test
    void aPeriodNarrowsTheAttributionTheBudgetsAndTheAnomalies() {
        JsonNode q3 = json("/api/cost?period=2025-Q3");

        assertThat(q3.get("period").get("label").asText()).isEqualTo("2025-Q3");
        assertThat(money(q3.get("reconciliation").get("billed")))
                .isEqualByComparingTo(cents(TestCostData.effective(Q3_START, Q3_END, line -> true)));
        assertThat(q3.get("budgets")).hasSize(2);
        assertThat(texts(q3.get("budgets"), "period")).containsOnly("2025-Q3");
        assertThat(q3.get("alerts")).isEmpty();
        assertThat(q3.get("anomalies")).isEmpty();
        assertThat(q3).isEqualTo(serviceReport(CostService.Request.defaults().withPeriod("2025-Q3")));

        JsonNode october = json("/api/cost?period=2025-10");
        assertThat(october.get("period").get("end").asText()).isEqualTo("2025-10-31");
        assertThat(texts(october.get("budgets"), "team")).containsExactly(ANALYTICS);
        assertThat(texts(october.get("anomalies"), "date")).containsExactly(LEDGER_SPIKE.toString());
    }

    @Test
    void teamsAskedForAreTheOnlyOnesInTheReport() {
        Response listed = get(server, "/api/cost?team=payments,analytics");
        Response repeated = get(server, "/api/cost?team=payments&team=analytics");

        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(repeated.body()).isEqualTo(listed.body());
        JsonNode report = listed.json();
        assertThat(report.get("teams").toString()).isEqualTo("[\"analytics\",\"payments\"]");
        assertThat(texts(report.get("attribution"), "team")).containsExactlyInAnyOrder(PAYMENTS, ANALYTICS);
        assertThat(money(report.get("reconciliation").get("billed")))
                .isEqualByComparingTo(q4(team(PAYMENTS).or(team(ANALYTICS))));
        assertThat(listed.body())
                .doesNotContain(SEARCH_API)
                .doesNotContain("\"search\"")
                .doesNotContain(ORPHAN);
    }

    @Test
    void aPrincipalLimitedToOneTeamSeesThatTeamOnly() {
        Principal analyst = new Principal("ana", false, Set.of(SEARCH));
        try (FleetcastServer limited =
                FleetcastServer.start(ServerConfig.local(0), app, request -> new AccessDecision.Allow(analyst))) {
            Response response = get(limited, "/api/cost");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode report = response.json();
            assertThat(report.get("teams").toString()).isEqualTo("[\"search\"]");
            assertThat(texts(report.get("attribution"), "team")).containsExactly(SEARCH);
            assertThat(texts(report.get("services"), "service")).containsExactly(SEARCH_API);
            assertThat(texts(report.get("budgets"), "team")).containsOnly(SEARCH);
            assertThat(report.get("alerts")).isEmpty();
            assertThat(report.get("anomalies")).isEmpty();
            assertThat(money(report.get("reconciliation").get("billed"))).isEqualByComparingTo(q4(team(SEARCH)));
            for (String other : List.of(PAYMENTS, ANALYTICS, CHECKOUT, LEDGER, WAREHOUSE, INSIGHTS, ORPHAN)) {
                assertThat(response.body()).as("the body names " + other).doesNotContain(other);
            }
            // Asking for one's own team is the same; asking for another's is refused.
            assertThat(get(limited, "/api/cost?team=search").body()).isEqualTo(response.body());
            assertError(
                    get(limited, "/api/cost?team=search,payments"),
                    403,
                    "you (ana) may not see team \"payments\"; you may see search");
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirMessage() {
        // The message is the cost service's own.
        String message = String.valueOf(catchThrowableOfType(
                        FleetcastException.class,
                        () -> app.cost()
                                .run(CostService.Request.defaults().withPeriod("2025-Q5"), CostService.Progress.NONE))
                .getMessage());
        assertThat(message).contains("2025-Q5");
        assertError(get(server, "/api/cost?period=2025-Q5"), 400, message);
        assertError(
                get(server, "/api/cost?quarter=2025-Q4"), 400, "unknown parameter \"quarter\"; expected period, team");
        assertError(
                get(server, "/api/cost?period=2025-Q3&period=2025-Q4"),
                400,
                "parameter \"period\" is given 2 times; give it at most once");
    }

    @Test
    void withoutCostLinesThereIsNoReport() throws Exception {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        try (FleetcastApp emptyApp = TestLifeData.emptyApp(empty);
                FleetcastServer emptyServer = FleetcastServer.start(ServerConfig.local(0), emptyApp)) {
            assertError(
                    get(emptyServer, "/api/cost"),
                    404,
                    "no cost lines are loaded yet: load them with 'fleetcast ingest costs FILE'");
        }
    }
}
