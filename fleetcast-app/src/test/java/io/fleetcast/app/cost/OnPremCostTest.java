package io.fleetcast.app.cost;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.DemoFleet;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.planning.cost.OnPremCostModel;
import io.fleetcast.simulator.FleetSimulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-prem cost model against the simulator's own cost lines for its owned clusters (the demo fleet, October 2026):
 * given the sites' rates the simulator used, every cluster's day costs the same to the cent, and loading the lines
 * makes them part of the bill.
 */
class OnPremCostTest {
    private static final String OCTOBER = "ChargePeriodStart >= TIMESTAMPTZ '2026-10-01 00:00:00+00'"
            + " AND ChargePeriodStart < TIMESTAMPTZ '2026-11-01 00:00:00+00'";

    @TempDir
    Path folder;

    @Test
    void reproducesTheSimulatorsOwnedClusterCostsToTheCent() throws IOException {
        try (DemoFleet fleet = DemoFleet.load(List.of(Kind.SKUS, Kind.ASSETS, Kind.SERVICES, Kind.USAGE, Kind.COSTS))) {
            FleetcastApp app = fleet.app();
            // The sites' rates the simulator priced its lines at.
            Path siteRates = fleet.data().resolve(FleetSimulator.SITE_RATES_FILE_NAME);
            assertThat(Files.readAllLines(siteRates)).hasSize(4);

            OnPremCostService.Result result =
                    app.onPremCosts().write(YearMonth.of(2026, 10), siteRates, folder.resolve("onprem.csv"));

            Map<String, BigDecimal> simulated = new HashMap<>();
            for (List<Object> row : rows(
                    app,
                    "SELECT split_part(ResourceId, '/', 1) || ' ' || CAST(CAST(ChargePeriodStart AS DATE) AS VARCHAR),"
                            + " sum(EffectiveCost) FROM costs WHERE ProviderName = 'On-Premises' AND " + OCTOBER
                            + " GROUP BY 1")) {
                simulated.put(String.valueOf(row.get(0)), new BigDecimal(String.valueOf(row.get(1))));
            }
            assertThat(simulated).hasSize(6 * 31);
            BigDecimal simulatedTotal = simulated.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(result.total().setScale(2, java.math.RoundingMode.HALF_EVEN))
                    .isEqualByComparingTo(simulatedTotal.setScale(2, java.math.RoundingMode.HALF_EVEN));

            // Load the lines into the store beside the simulator's and compare each cluster's day.
            app.ingest().ingest(Kind.COSTS, List.of(result.file()), false, IngestProgress.NONE);
            Map<String, BigDecimal> modelled = new HashMap<>();
            for (List<Object> row : rows(
                    app,
                    "SELECT split_part(ResourceId, '/', 1) || ' ' || CAST(CAST(ChargePeriodStart AS DATE) AS VARCHAR),"
                            + " sum(EffectiveCost) FROM costs WHERE BillingAccountId = '" + OnPremCostService.ACCOUNT
                            + "' GROUP BY 1")) {
                modelled.put(String.valueOf(row.get(0)), new BigDecimal(String.valueOf(row.get(1))));
            }
            assertThat(modelled.keySet()).isEqualTo(simulated.keySet());
            simulated.forEach((clusterDay, amount) -> assertThat(
                            modelled.getOrDefault(clusterDay, BigDecimal.ZERO).doubleValue())
                    .as(clusterDay)
                    .isCloseTo(amount.doubleValue(), within(0.01)));
            assertThat(result.unitRates())
                    .isNotEmpty()
                    .allSatisfy(rate -> assertThat(rate.perCoreHour()).isPositive());
        }
    }

    @Test
    void capacityNothingIsAllocatedOnIsTheIdleCapacityTeams() {
        OnPremCostModel.SiteRates site = new OnPremCostModel.SiteRates("dc-a", 0.1, 1.3, 2, 0);
        OnPremCostModel.Line idle =
                new OnPremCostModel.Line(null, OnPremCostModel.Component.SPACE, null, new BigDecimal("20.000000"), 10);
        String line = OnPremCostService.csv(
                YearMonth.of(2026, 10),
                LocalDate.of(2026, 10, 5),
                "dc-a-c01",
                new String[] {"dc-a", "east"},
                site,
                idle);
        assertThat(line)
                .startsWith("20.000000,20.000000,20.000000,20.000000,USD,fleetcast-onprem,")
                .contains(",2026-10-05T00:00:00Z,2026-10-06T00:00:00Z,Usage,Rack space and facilities,10.0000,")
                .endsWith(
                        ",dc-a-c01,dc-a-c01,Other,Datacenter Space,space-dc-a,\"{\"\"team\"\":\"\"idle-capacity\"\"}\"\n");
    }

    @Test
    void aMalformedRatesLineIsRefusedWithItsLine() throws IOException {
        Path rates = Files.write(
                folder.resolve("sites.csv"),
                List.of("site,usd_per_kwh,pue,space_per_server_day", "dc-a,0.1,1.3,2", "dc-b,0.1,0.8,2"),
                UTF_8);
        assertThatThrownBy(() -> OnPremCostService.readSiteRates(rates))
                .isInstanceOf(FleetcastException.class)
                .hasMessageStartingWith(rates + ":3: site dc-b: rates must be finite and >= 0, and the PUE >= 1");
        Path text = Files.write(
                folder.resolve("text.csv"),
                List.of("site,usd_per_kwh,pue,space_per_server_day", "dc-a,abc,1.3,2"),
                UTF_8);
        assertThatThrownBy(() -> OnPremCostService.readSiteRates(text))
                .hasMessage(text + ":2: usd_per_kwh must be a number, not 'abc'");
        Path header = Files.write(folder.resolve("bad.csv"), List.of("site,price"), UTF_8);
        assertThatThrownBy(() -> OnPremCostService.readSiteRates(header))
                .hasMessageStartingWith(header + ":1: the header must be");
    }

    private static List<List<Object>> rows(FleetcastApp app, String sql) {
        return app.sql().query(sql, 10_000).rows();
    }
}
