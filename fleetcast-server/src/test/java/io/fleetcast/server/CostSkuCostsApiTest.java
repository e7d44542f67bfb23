package io.fleetcast.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.core.dataset.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /api/cost} on a server given the owned sites' rates ({@code fleetcast serve --site-rates}): the owned SKUs
 * of {@link TestFleetData} are costed per core from their catalog price, power and the rates, worked by hand.
 */
class CostSkuCostsApiTest {
    /** Days in an average month. */
    private static final double MONTH = 365.2425 / 12;

    @TempDir
    Path folder;

    /** The sites' rates: USD per kWh, PUE, USD of space per server-day. */
    static final Map<String, double[]> RATES = Map.of(
            "dc-ash", new double[] {0.10, 1.5, 2.00},
            "dc-chi", new double[] {0.08, 1.4, 1.50},
            "dc-fra", new double[] {0.20, 1.2, 2.50});

    /** Writes {@link #RATES} as a site rates file in {@code folder}. */
    static Path writeSiteRates(Path folder) throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("site,usd_per_kwh,pue,space_per_server_day"));
        new TreeMap<>(RATES).forEach((site, r) -> lines.add(site + "," + r[0] + "," + r[1] + "," + r[2]));
        return Files.write(folder.resolve("site-rates.csv"), lines, UTF_8);
    }

    /** {@link TestCostData}'s store with {@link TestFleetData}'s SKU catalog and servers loaded too. */
    static FleetcastApp appWithOwnedServers(Path folder) throws IOException {
        FleetcastApp app = TestCostData.loadedApp(folder);
        Path fleet = Files.createDirectories(folder.resolve("fleet-files"));
        TestFleetData.writeFiles(fleet);
        for (Kind kind : List.of(Kind.SKUS, Kind.ASSETS)) {
            app.ingest().ingest(kind, List.of(fleet.resolve(kind.tableName() + ".csv")), false, IngestProgress.NONE);
        }
        return app;
    }

    @Test
    void theOwnedSkusAreCostedPerCoreAtTheGivenRates() throws IOException {
        Path rates = writeSiteRates(folder);
        FleetcastApp app = appWithOwnedServers(folder);
        // Servers in service on the cost lines' last day, per site and SKU.
        Map<String, Integer> servers = new TreeMap<>();
        for (TestFleetData.Asset asset : TestFleetData.assets()) {
            if (asset.cluster().siteKind().equals("datacenter") && asset.inServiceOn(TestCostData.LAST_DAY)) {
                servers.merge(asset.cluster().site() + "/" + asset.cluster().sku(), 1, Integer::sum);
            }
        }
        try (TestServer server = TestServer.start(app, ServerConfig.local(0).withSiteRates(rates))) {
            // One report: each forecasts every open budget.
            JsonNode report = server.json("/api/cost");
            JsonNode skus = report.get("sku_costs");

            assertThat(TestServer.texts(skus, "site")).hasSize(servers.size());
            // Every owned SKU: 15,000 USD over 60 months, 450 W. At dc-ash: 0.45 kW x 24 h x 1.5 x 0.10 = 1.62 USD a
            // day of power + 2.00 space = 3.62 USD a day to run.
            for (JsonNode sku : skus) {
                String key = sku.get("site").asText() + "/" + sku.get("sku").asText();
                double[] site = requireNonNull(RATES.get(sku.get("site").asText()));
                int count = requireNonNull(servers.get(key), key);
                double cores = TestFleetData.sku(sku.get("sku").asText()).cores();
                double running = (0.45 * 24 * site[1] * site[0] + site[2]) * MONTH;
                assertThat(sku.get("servers").asInt()).as(key).isEqualTo(count);
                assertThat(sku.get("running_per_core_month").asDouble())
                        .as(key)
                        .isCloseTo(running / cores, within(0.005));
                assertThat(sku.get("cost_per_core_month").asDouble())
                        .as(key)
                        .isCloseTo((15_000.0 / 60 + running) / cores, within(0.005));
                assertThat(sku.get("running_monthly").asDouble()).as(key).isCloseTo(count * running, within(0.005));
                // Both SKUs cost the same, so neither holds the other's capacity for less: nothing to replace.
                assertThat(sku.get("replacement").isNull()).as(key).isTrue();
            }
            assertThat(TestServer.texts(report.get("savings"), "kind")).doesNotContain("sku refresh");
        }
    }
}
