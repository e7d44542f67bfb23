package io.fleetcast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.core.dataset.Kind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** requests.csv: a few requests per owned cluster, oversubscribing the clusters built to run out. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestsFileTest {
    private static final SimulationConfig CONFIG = new SimulationConfig(1200, 800, 42, LocalDate.of(2026, 10, 31));

    private List<CsvFile.Row> requests;
    private JsonNode truth;
    private final Set<String> ownedClusters = new HashSet<>();
    private final Map<String, String> teams = new HashMap<>();

    @BeforeAll
    void simulate(@TempDir Path folder) throws IOException {
        SimulationSummary summary = new FleetSimulator().simulate(CONFIG, folder, SimulationListener.NONE);
        requests = CsvFile.rows(folder.resolve(FleetSimulator.fileName(Kind.REQUESTS)));
        truth = new ObjectMapper().readTree(summary.truthFile().toFile());
        for (CsvFile.Row asset : CsvFile.rows(folder.resolve(FleetSimulator.fileName(Kind.ASSETS)))) {
            if (asset.get("site_kind").equals("datacenter")) {
                ownedClusters.add(asset.get("cluster"));
            }
        }
        for (CsvFile.Row service : CsvFile.rows(folder.resolve(FleetSimulator.fileName(Kind.SERVICES)))) {
            teams.put(service.get("service"), service.get("team"));
        }
    }

    @Test
    void everyOwnedClusterGetsThreeToEightRequestsFromTeamsRunningThere() {
        Map<String, Integer> perCluster = new HashMap<>();
        for (CsvFile.Row request : requests) {
            perCluster.merge(request.get("cluster"), 1, Integer::sum);
            String service = request.get("service");
            if (!service.isEmpty()) {
                assertThat(teams).containsEntry(service, request.get("team"));
            }
            assertThat(request.get("justification")).isNotBlank();
            LocalDate needed = LocalDate.parse(request.get("needed_date"));
            assertThat(needed).isBetween(CONFIG.end().plusDays(14), CONFIG.end().plusDays(300));
        }
        assertThat(perCluster.keySet()).isEqualTo(ownedClusters);
        assertThat(perCluster.values()).allSatisfy(count -> assertThat(count).isBetween(3, 8));
        assertThat(requests).extracting(row -> row.get("priority")).contains("P0", "P1", "P2", "P3");
    }

    /**
     * A pool of a cluster built to run out is asked at least 25% of its expected use at the end, and more than it has
     * spare the day after the end (usable capacity less expected use, both from truth.json). Two-digit rounding: ±5%.
     */
    @Test
    void theClustersBuiltToRunOutAreAskedForMoreThanTheyHaveSpare() {
        Map<String, Double> asked = new HashMap<>();
        for (CsvFile.Row request : requests) {
            asked.merge(
                    request.get("cluster") + " " + request.get("resource"),
                    Double.parseDouble(request.get("quantity")),
                    Double::sum);
        }
        int checked = 0;
        for (JsonNode exhaustion : truth.get("exhaustion")) {
            Double total = asked.get(exhaustion.get("cluster").asText() + " "
                    + exhaustion.get("resource").asText());
            if (!exhaustion.get("designed").asBoolean() || total == null) {
                continue;
            }
            double expected = exhaustion.get("expected_used_at_end").asDouble();
            double spare = exhaustion.get("usable_capacity_after_end").asDouble() - expected;
            assertThat(total).as(exhaustion.toString()).isGreaterThan(0.25 * 0.95 * expected);
            assertThat(total).as(exhaustion.toString()).isGreaterThan(spare);
            checked++;
        }
        assertThat(checked).isPositive();
    }
}
