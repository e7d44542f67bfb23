package io.fleetcast.server;

import static io.fleetcast.server.TestCostData.ANALYTICS;
import static io.fleetcast.server.TestCostData.CHECKOUT;
import static io.fleetcast.server.TestCostData.COMMERCE;
import static io.fleetcast.server.TestCostData.DAILY_ACTIVE_USERS;
import static io.fleetcast.server.TestCostData.INSIGHTS;
import static io.fleetcast.server.TestCostData.LAST_DAY;
import static io.fleetcast.server.TestCostData.LEDGER;
import static io.fleetcast.server.TestCostData.LEDGER_SPIKE;
import static io.fleetcast.server.TestCostData.ORPHAN;
import static io.fleetcast.server.TestCostData.PAYMENTS;
import static io.fleetcast.server.TestCostData.QUERIES;
import static io.fleetcast.server.TestCostData.REQUESTS;
import static io.fleetcast.server.TestCostData.SEARCH;
import static io.fleetcast.server.TestCostData.SEARCH_API;
import static io.fleetcast.server.TestCostData.WAREHOUSE;
import static io.fleetcast.server.TestServer.assertError;
import static io.fleetcast.server.TestServer.fieldNames;
import static io.fleetcast.server.TestServer.row;
import static io.fleetcast.server.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.app.cost.CostService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.server.TestCostData.DriverDay;
import io.fleetcast.server.TestCostData.Line;
import io.fleetcast.server.TestServer.Response;
import io.fleetcast.server.auth.AccessDecision;
import io.fleetcast.server.auth.Principal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestCostData.loadedApp(folder));

    /** {@code GET /api/cost}, asked once: each report forecasts every open budget. */
    private static Response latest;

    @BeforeAll
    static void askForTheLatestReport() {
        latest = server.get("/api/cost");
        assertThat(latest.status()).as(latest.body()).isEqualTo(200);
        assertThat(latest.contentType()).startsWith("application/json");
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
                    .readTree(server.app()
                            .cost()
                            .run(request, CostService.Progress.NONE)
                            .toJson());
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
                        "unit_costs",
                        "notes");
        assertThat(report).isEqualTo(serviceReport(CostService.Request.defaults()));
        assertThat(report.get("as_of").asText()).isEqualTo(LAST_DAY.toString());
        assertThat(report.get("currency").asText()).isEqualTo(TestCostData.CURRENCY);
        assertThat(report.get("cost_column").asText()).isEqualTo("EffectiveCost");
        assertThat(report.get("period").toString())
                .isEqualTo("{\"label\":\"2025-Q4\",\"start\":\"2025-10-01\",\"end\":\"2025-12-31\"}");
        assertThat(report.get("teams").isNull()).isTrue();
        // The same request gives the same bytes.
        assertThat(server.get("/api/cost").body()).isEqualTo(latest.body());
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
    void aUnitCostIsTheMonthsSpendOverItsDriver() {
        JsonNode unitCosts = latest.json().get("unit_costs");
        LocalDate october = LocalDate.parse("2025-10-01");
        LocalDate octoberEnd = LocalDate.parse("2025-10-31");
        Predicate<DriverDay> inOctober =
                day -> !day.day().isBefore(october) && !day.day().isAfter(octoberEnd);

        assertThat(texts(unitCosts, "driver")).containsExactlyInAnyOrder(REQUESTS, QUERIES, DAILY_ACTIVE_USERS);
        // A service's flow, per thousand: checkout's October spend over its October requests, worked by hand.
        JsonNode requests = row(unitCosts, "driver", REQUESTS);
        assertThat(requests.get("service").asText()).isEqualTo(CHECKOUT);
        assertThat(requests.get("unit_label").asText()).isEqualTo("USD per 1k requests");
        // Complete months only: the lines and drivers start on 2025-04-01 and end on 2025-11-20.
        assertThat(texts(requests.get("months"), "month"))
                .containsExactly("2025-04", "2025-05", "2025-06", "2025-07", "2025-08", "2025-09", "2025-10");
        BigDecimal spend = TestCostData.effective(
                october, octoberEnd, line -> line.service().equals(CHECKOUT));
        long requestCount = TestCostData.drivers().stream()
                .filter(inOctober.and(day -> day.driver().equals(REQUESTS)))
                .mapToLong(DriverDay::value)
                .sum();
        JsonNode lastMonth = requests.get("months").get(6);
        assertThat(money(lastMonth.get("cost"))).isEqualByComparingTo(cents(spend));
        assertThat(lastMonth.get("driver").asDouble()).isEqualTo((double) requestCount);
        double perThousand = spend.doubleValue() / requestCount * 1000;
        assertThat(lastMonth.get("unit_cost").asDouble()).isCloseTo(perThousand, within(1e-9));
        assertThat(requests.get("latest").asDouble())
                .isEqualTo(lastMonth.get("unit_cost").asDouble());
        // Its requests grow by half in a year while its spend stays: its cost per request falls.
        assertThat(requests.get("trend_per_month").asDouble()).isNegative();
        assertThat(row(unitCosts, "driver", QUERIES).get("trend_per_month").asDouble())
                .isPositive();

        // A fleet-wide stock, per unit: October's whole bill over the month's mean daily active users.
        JsonNode users = row(unitCosts, "driver", DAILY_ACTIVE_USERS);
        assertThat(users.get("service").isNull()).isTrue();
        assertThat(users.get("unit_label").asText()).isEqualTo("USD per user (monthly mean)");
        double meanUsers = TestCostData.drivers().stream()
                .filter(inOctober.and(day -> day.driver().equals(DAILY_ACTIVE_USERS)))
                .mapToLong(DriverDay::value)
                .average()
                .orElseThrow();
        double bill = TestCostData.effective(october, octoberEnd, line -> true).doubleValue();
        assertThat(users.get("latest").asDouble()).isCloseTo(bill / meanUsers, within(1e-9));
    }

    @Test
    void aPeriodNarrowsTheAttributionTheBudgetsAndTheAnomalies() {
        JsonNode q3 = server.json("/api/cost?period=2025-Q3");

        assertThat(q3.get("period").get("label").asText()).isEqualTo("2025-Q3");
        assertThat(money(q3.get("reconciliation").get("billed")))
                .isEqualByComparingTo(cents(TestCostData.effective(Q3_START, Q3_END, line -> true)));
        assertThat(q3.get("budgets")).hasSize(2);
        assertThat(texts(q3.get("budgets"), "period")).containsOnly("2025-Q3");
        assertThat(q3.get("alerts")).isEmpty();
        assertThat(q3.get("anomalies")).isEmpty();
        assertThat(q3).isEqualTo(serviceReport(CostService.Request.defaults().withPeriod("2025-Q3")));

        JsonNode october = server.json("/api/cost?period=2025-10");
        assertThat(october.get("period").get("end").asText()).isEqualTo("2025-10-31");
        assertThat(texts(october.get("budgets"), "team")).containsExactly(ANALYTICS);
        assertThat(texts(october.get("anomalies"), "date")).containsExactly(LEDGER_SPIKE.toString());
    }

    @Test
    void teamsAskedForAreTheOnlyOnesInTheReport() {
        Response listed = server.get("/api/cost?team=payments,analytics");
        Response repeated = server.get("/api/cost?team=payments&team=analytics");

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
        try (FleetcastServer limited = FleetcastServer.start(
                ServerConfig.local(0), server.app(), request -> new AccessDecision.Allow(analyst))) {
            Response response = TestServer.get(limited, "/api/cost");

            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode report = response.json();
            assertThat(report.get("teams").toString()).isEqualTo("[\"search\"]");
            assertThat(texts(report.get("attribution"), "team")).containsExactly(SEARCH);
            assertThat(texts(report.get("services"), "service")).containsExactly(SEARCH_API);
            assertThat(texts(report.get("budgets"), "team")).containsOnly(SEARCH);
            assertThat(texts(report.get("unit_costs"), "service")).containsExactly(SEARCH_API);
            assertThat(report.get("alerts")).isEmpty();
            assertThat(report.get("anomalies")).isEmpty();
            assertThat(money(report.get("reconciliation").get("billed"))).isEqualByComparingTo(q4(team(SEARCH)));
            for (String other : List.of(PAYMENTS, ANALYTICS, CHECKOUT, LEDGER, WAREHOUSE, INSIGHTS, ORPHAN)) {
                assertThat(response.body()).as("the body names " + other).doesNotContain(other);
            }
            // Asking for one's own team is the same; asking for another's is refused.
            assertThat(TestServer.get(limited, "/api/cost?team=search").body()).isEqualTo(response.body());
            assertError(
                    TestServer.get(limited, "/api/cost?team=search,payments"),
                    403,
                    "you (ana) may not see team \"payments\"; you may see search");
        }
    }

    @Test
    void badRequestsAreRefusedWithTheirMessage() {
        // The message is the cost service's own.
        String message = String.valueOf(catchThrowableOfType(
                        FleetcastException.class,
                        () -> server.app()
                                .cost()
                                .run(CostService.Request.defaults().withPeriod("2025-Q5"), CostService.Progress.NONE))
                .getMessage());
        assertThat(message).contains("2025-Q5");
        assertError(server.get("/api/cost?period=2025-Q5"), 400, message);
        assertError(
                server.get("/api/cost?quarter=2025-Q4"), 400, "unknown parameter \"quarter\"; expected period, team");
        assertError(
                server.get("/api/cost?period=2025-Q3&period=2025-Q4"),
                400,
                "parameter \"period\" is given 2 times; give it at most once");
    }

    @Test
    void withoutCostLinesThereIsNoReport() {
        try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
            assertError(
                    empty.get("/api/cost"),
                    404,
                    "no cost lines are loaded yet: load them with 'fleetcast ingest costs FILE'");
        }
    }
}
