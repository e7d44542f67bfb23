package io.fleetcast.app.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.fleetcast.app.DemoFleet;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.planning.cost.OnPremCostModel;
import io.fleetcast.simulator.FleetSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cost report on the simulator's fleet (the demo's: 2,000 servers, 3 years, seed 42), whose designed budget
 * overruns and injected spend anomalies are in {@code truth.json}: each is flagged, with at most 2 false alerts of each
 * kind, and the attributed total equals the billed total to the cent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedCostTest {
    private DemoFleet fleet;
    private FleetcastApp app;
    private JsonNode truth;
    private CostReport report;

    @BeforeAll
    void reportOnTheSimulatedFleet() {
        fleet = DemoFleet.load(CostService.INPUTS);
        app = fleet.app();
        truth = fleet.truth();
        Path siteRates = fleet.data().resolve(FleetSimulator.SITE_RATES_FILE_NAME);
        report = app.cost().run(CostService.Request.defaults().withSiteRates(siteRates), CostService.Progress.NONE);
    }

    @AfterAll
    void close() {
        fleet.close();
    }

    @Test
    void flagsEveryDesignedBudgetOverrunWithFewFalseAlerts() {
        Set<String> designed = new HashSet<>();
        for (JsonNode overrun : truth.path("budget_overruns")) {
            designed.add(
                    overrun.path("team").asText() + " " + overrun.path("period").asText());
        }
        Set<String> flagged = new HashSet<>();
        for (CostReport.Budget budget : report.budgets()) {
            if (budget.alert()) {
                flagged.add(budget.team() + " " + budget.period());
            }
        }
        assertThat(designed).hasSizeGreaterThanOrEqualTo(5);
        assertThat(flagged).containsAll(designed);
        Set<String> falseAlerts = new HashSet<>(flagged);
        falseAlerts.removeAll(designed);
        assertThat(falseAlerts).hasSizeLessThanOrEqualTo(2);
        // Every budget of the file is checked: 13 teams, 9 quarters.
        assertThat(report.budgets()).hasSize(117);
    }

    @Test
    void theCurrentQuartersForecastIsCloseToTheSimulatorsSpend() {
        for (JsonNode overrun : truth.path("budget_overruns")) {
            if (!overrun.path("current_period").asBoolean()) {
                continue;
            }
            CostReport.Budget budget =
                    budget(overrun.path("team").asText(), overrun.path("period").asText());
            double expected = overrun.path("expected_spend").asDouble();
            // Spend to date is exact; the two months ahead are a forecast within 5% of the model's spend.
            assertThat(budget.actual().doubleValue())
                    .isCloseTo(overrun.path("spend_to_end").asDouble(), org.assertj.core.data.Offset.offset(0.01));
            assertThat(budget.forecastP50()).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
            assertThat(budget.forecastP90()).isGreaterThan(budget.forecastP50());
            assertThat(budget.overrunProbability()).isGreaterThan(0.5);
            assertThat(report.alerts()).contains(budget);
        }
    }

    @Test
    void flagsEveryInjectedAnomalyAndNamesItsService() {
        List<String> falseAlerts = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (CostReport.Anomaly anomaly : report.anomalies()) {
            found.add(anomaly.team() + " " + anomaly.date());
        }
        for (JsonNode injected : truth.path("cost_anomalies")) {
            String key =
                    injected.path("team").asText() + " " + injected.path("date").asText();
            assertThat(found).contains(key);
            CostReport.Anomaly anomaly = report.anomalies().stream()
                    .filter(a -> (a.team() + " " + a.date()).equals(key))
                    .findFirst()
                    .orElseThrow();
            // The injected amount is the excess, to within the team's ordinary day-to-day change.
            assertThat(anomaly.amount() - anomaly.expected())
                    .isCloseTo(
                            injected.path("amount_usd").asDouble(), org.assertj.core.data.Percentage.withPercentage(5));
            assertThat(anomaly.drivers().get(0).dimension()).isEqualTo("service");
            assertThat(anomaly.drivers().get(0).name())
                    .isEqualTo(injected.path("service").asText());
            assertThat(anomaly.explanation()).contains(injected.path("service").asText());
        }
        for (String key : found) {
            boolean injected = false;
            for (JsonNode anomaly : truth.path("cost_anomalies")) {
                injected |= key.equals(anomaly.path("team").asText() + " "
                        + anomaly.path("date").asText());
            }
            if (!injected) {
                falseAlerts.add(key);
            }
        }
        assertThat(falseAlerts).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void attributedEqualsBilledToTheCent() {
        CostReport.Reconciliation reconciliation = report.reconciliation();
        assertThat(reconciliation.attributed()).isEqualByComparingTo(reconciliation.billed());
        assertThat(reconciliation.difference()).isEqualByComparingTo(BigDecimal.ZERO);
        BigDecimal rows = report.attribution().stream()
                .map(CostReport.Attributed::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(rows).isEqualByComparingTo(reconciliation.billed());
        // The billed total is the sum of the quarter's EffectiveCost lines, read independently.
        Object sum = app.sql()
                .query(
                        "SELECT round(sum(EffectiveCost), 2) FROM costs WHERE ChargePeriodStart >= TIMESTAMPTZ"
                                + " '2026-10-01 00:00:00+00' AND ChargePeriodStart < TIMESTAMPTZ '2027-01-01 00:00:00+00'",
                        1)
                .rows()
                .get(0)
                .get(0);
        assertThat(new BigDecimal(String.valueOf(sum))).isEqualByComparingTo(reconciliation.billed());
    }

    @Test
    void aTeamScopedReportShowsThatTeamOnly() {
        CostReport scoped =
                app.cost().run(CostService.Request.defaults().withTeams(Set.of("fraud")), CostService.Progress.NONE);
        assertThat(scoped.attribution()).extracting(CostReport.Attributed::team).containsExactly("fraud");
        assertThat(scoped.services())
                .allSatisfy(service -> assertThat(service.team()).isEqualTo("fraud"));
        assertThat(scoped.budgets())
                .allSatisfy(budget -> assertThat(budget.team()).isEqualTo("fraud"));
        assertThat(scoped.anomalies())
                .allSatisfy(anomaly -> assertThat(anomaly.team()).isEqualTo("fraud"));
        CostReport.Attributed whole = report.attribution().stream()
                .filter(row -> row.team().equals("fraud"))
                .findFirst()
                .orElseThrow();
        assertThat(scoped.attribution().get(0)).isEqualTo(whole);
        assertThat(scoped.reconciliation().billed()).isEqualByComparingTo(whole.total());
        assertThat(scoped.toJson()).doesNotContain("ads-delivery");
    }

    @Test
    void aSharedCostSplitByUsageFollowsWhatEachTeamsServicesUsed() {
        CostReport october = app.cost()
                .run(
                        CostService.Request.defaults()
                                .withPeriod("2026-10")
                                .withShared(List.of(SharedRule.parse("deploy=usage"))),
                        CostService.Progress.NONE);
        // deploy's October spend, unshared.
        BigDecimal deploy = app
                .cost()
                .run(CostService.Request.defaults().withPeriod("2026-10"), CostService.Progress.NONE)
                .attribution()
                .stream()
                .filter(row -> row.team().equals("deploy"))
                .findFirst()
                .orElseThrow()
                .direct();
        // Each other team's use in October: cores, GiB and TB used per day, weighted 1 : 0.125 : 3.
        Map<String, Double> used = new HashMap<>();
        for (List<Object> row : app.sql()
                .query(
                        "SELECT s.team, sum(u.used * CASE u.resource WHEN 'cpu' THEN 1 WHEN 'memory' THEN 0.125"
                                + " ELSE 3 END) FROM usage u JOIN services s ON s.service = u.service"
                                + " WHERE u.grain = 'day' AND s.team <> 'deploy'"
                                + " AND u.ts >= TIMESTAMPTZ '2026-10-01 00:00:00+00'"
                                + " AND u.ts < TIMESTAMPTZ '2026-11-01 00:00:00+00' GROUP BY 1",
                        100)
                .rows()) {
            used.put(String.valueOf(row.get(0)), ((Number) row.get(1)).doubleValue());
        }
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(used).hasSizeGreaterThan(5);
        assertThat(october.attribution()).noneMatch(row -> row.team().equals("deploy"));
        for (CostReport.Attributed row : october.attribution()) {
            double expected = deploy.doubleValue() * used.getOrDefault(row.team(), 0.0) / total;
            assertThat(row.shared().doubleValue()).as(row.team()).isCloseTo(expected, within(0.02));
        }
        assertThat(october.reconciliation().difference()).isZero();
    }

    @Test
    void ownedSkusCostWhatTheSimulatorBilledToRunThem() {
        // The servers counted and their running cost: a day of them is the simulator's power and space bill that day.
        double daily = report.skuCosts().stream()
                .mapToDouble(sku -> sku.runningMonthly() / OnPremCostModel.DAYS_PER_MONTH)
                .sum();
        double billed = ((Number) app.sql()
                        .query(
                                "SELECT sum(EffectiveCost) FROM costs WHERE ProviderName = 'On-Premises'"
                                        + " AND ServiceName IN ('Datacenter Power', 'Datacenter Space')"
                                        + " AND CAST(ChargePeriodStart AS DATE) = DATE '" + report.asOf() + "'",
                                1)
                        .rows()
                        .get(0)
                        .get(0))
                .doubleValue();
        assertThat(daily).isCloseTo(billed, within(0.01 * report.skuCosts().size()));
        // The simulated fleet's power is cheap next to a new server's price: no refresh pays, so none is a saving.
        assertThat(report.skuCosts())
                .hasSize(21)
                .allSatisfy(sku -> assertThat(sku.monthlySaving()).isNotPositive());
        assertThat(report.savings()).noneMatch(saving -> saving.kind().equals("sku refresh"));
        CostReport.SkuCost old = report.skuCosts().stream()
                .filter(sku -> sku.sku().equals("compute-2020") && sku.site().equals("us-east-dc1"))
                .findFirst()
                .orElseThrow();
        assertThat(old.replacement()).isEqualTo("compute-2026");
        assertThat(app.cost()
                        .run(CostService.Request.defaults().withTeams(Set.of("fraud")), CostService.Progress.NONE)
                        .skuCosts())
                .isEmpty();
    }

    @Test
    void commitmentsCoverTheOnDemandInstancesTheSimulatorRanOnNineDaysInTen() {
        assertThat(report.savings())
                .isSortedAccordingTo(Comparator.comparingDouble(CostReport.SavingRow::monthlySaving)
                        .reversed());
        List<CostReport.SavingRow> commitments = report.savings().stream()
                .filter(saving -> saving.kind().equals("commitment"))
                .toList();
        // The one-day m6id.16xlarge load test is not steady use; each AWS region's m6id.4xlarge fleet is.
        assertThat(commitments)
                .extracting(CostReport.SavingRow::subject)
                .containsExactlyInAnyOrder("m6id.4xlarge in us-east-1", "m6id.4xlarge in eu-west-1");
        for (CostReport.SavingRow commitment : commitments) {
            String cluster = commitment.subject().endsWith("us-east-1") ? "aws-us-east-1-k01" : "aws-eu-west-1-k01";
            // The simulator's on-demand instances in service each day of the last 90 (assets.csv, not the bill).
            List<List<Object>> rows = app.sql()
                    .query(
                            "SELECT CAST(d AS VARCHAR), (SELECT count(*) FROM assets a WHERE a.cluster = '" + cluster
                                    + "'"
                                    + " AND a.ownership = 'on_demand' AND a.install_date <= d"
                                    + " AND (a.retire_date IS NULL OR a.retire_date > d)"
                                    + " AND (a.failure_date IS NULL OR a.failure_date > d))"
                                    + " FROM (SELECT CAST(range AS DATE) AS d FROM range(DATE '2026-08-03',"
                                    + " DATE '2026-11-01', INTERVAL 1 DAY)) t",
                            200)
                    .rows();
            assertThat(rows).hasSize(90);
            double[] instances = rows.stream()
                    .mapToDouble(row -> ((Number) row.get(1)).doubleValue())
                    .sorted()
                    .toArray();
            // The 10% quantile (type 7), rounded down.
            double position = 0.1 * 89;
            int below = (int) position;
            double steady = instances[below] + (position - below) * (instances[below + 1] - instances[below]);
            assertThat(commitment.explanation()).startsWith("commit to " + (long) Math.floor(steady) + " m6id.4xlarge");
            assertThat(commitment.team()).isNull();
            assertThat(commitment.monthlySaving()).isPositive();
        }
    }

    @Test
    void unitCostsDivideAServicesSpendByItsRequests() {
        // fraud-api's October spend (its service tag, or its ResourceName on untagged lines) and requests, read
        // straight from the stored lines and drivers.
        List<Object> row = app.sql()
                .query(
                        "SELECT (SELECT sum(EffectiveCost) FROM costs WHERE ChargePeriodStart >= TIMESTAMPTZ"
                                + " '2026-10-01 00:00:00+00' AND ChargePeriodStart < TIMESTAMPTZ '2026-11-01 00:00:00+00'"
                                + " AND coalesce(json_extract_string(Tags, '$.service'), ResourceName) = 'fraud-api'),"
                                + " (SELECT sum(value) FROM drivers WHERE driver = 'requests' AND service = 'fraud-api'"
                                + " AND date >= DATE '2026-10-01' AND date <= DATE '2026-10-31')",
                        1)
                .rows()
                .get(0);
        double spend = ((Number) row.get(0)).doubleValue();
        double requests = ((Number) row.get(1)).doubleValue();
        CostReport.UnitCostRow fraud = report.unitCosts().stream()
                .filter(unit ->
                        "fraud-api".equals(unit.service()) && unit.driver().equals("requests"))
                .findFirst()
                .orElseThrow();
        // A thousand requests cost under a cent, so the figures are per million.
        assertThat(fraud.unitLabel()).isEqualTo("USD per 1M requests");
        assertThat(fraud.months()).hasSize(12);
        CostReport.UnitMonth october = fraud.months().get(11);
        assertThat(october.month()).isEqualTo("2026-10");
        assertThat(october.unitCost())
                .isCloseTo(spend / (requests / 1_000_000), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(fraud.latest()).isEqualTo(october.unitCost());
        assertThat(fraud.trendPerMonth()).isNotNull();
        // The fleet-wide driver divides the whole bill.
        assertThat(report.unitCosts())
                .anySatisfy(unit -> assertThat(unit.unitLabel()).isEqualTo("USD per user (monthly mean)"));
    }

    @Test
    void budgetAlertsReachAWebhook() throws IOException {
        List<String> bodies = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            int sent = AlertWebhook.send(url, report);
            assertThat(sent).isEqualTo(report.alerts().size()).isPositive();
            JsonNode body = new ObjectMapper().readTree(bodies.get(0));
            assertThat(body.path("as_of").asText()).isEqualTo("2026-10-31");
            assertThat(body.path("alerts")).hasSize(sent);
            assertThat(body.path("alerts").get(0).path("forecast_p50").asDouble())
                    .isGreaterThan(body.path("alerts").get(0).path("budget").asDouble());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aWebhookThatRefusesIsAnErrorNamingItsStatus() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            assertThatThrownBy(() -> AlertWebhook.send(url, report))
                    .isInstanceOf(FleetcastException.class)
                    .hasMessage("webhook " + url + " answered HTTP 500 to the budget alerts");
        } finally {
            server.stop(0);
        }
        assertThatThrownBy(() -> AlertWebhook.send("ftp://example.com/x", report))
                .hasMessageContaining("must start with http:// or https://");
    }

    private CostReport.Budget budget(String team, String period) {
        return report.budgets().stream()
                .filter(b -> b.team().equals(team) && b.period().equals(period))
                .findFirst()
                .orElseThrow();
    }
}
