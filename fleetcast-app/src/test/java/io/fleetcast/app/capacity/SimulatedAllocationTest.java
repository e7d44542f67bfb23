package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.allocation.Pool;
import io.fleetcast.simulator.FleetSimulator;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.duckdb.DuckDbRequestStore;
import io.fleetcast.store.duckdb.DuckDbStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated fleet's requests loaded into a real DuckDB file (with the skus, assets and services they refer to) and
 * allocated. Free supply: for
 * the pools truth.json says run out, what is usable the day after the end less the expected use at the end; for the
 * others, plenty. The first are short whatever share they get; the others serve every request in full.
 */
class SimulatedAllocationTest {
    @TempDir
    Path folder;

    @Test
    void theClustersThatRunOutCannotServeTheirRequestsAndTheOthersCan() throws IOException {
        Path data = folder.resolve("data");
        new FleetSimulator()
                .simulate(
                        new SimulationConfig(1200, 800, 42, LocalDate.of(2026, 10, 31)), data, SimulationListener.NONE);
        JsonNode truth = new ObjectMapper().readTree(data.resolve("truth.json").toFile());
        long lines;
        try (var stream = Files.lines(data.resolve("requests.csv"))) {
            lines = stream.count() - 1;
        }
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC))) {
            IngestService ingest = new IngestService(store);
            for (Kind kind : List.of(Kind.SKUS, Kind.ASSETS, Kind.SERVICES, Kind.REQUESTS)) {
                ingest.ingest(kind, List.of(data.resolve(FleetSimulator.fileName(kind))), false, IngestProgress.NONE);
            }
            AllocationService service = new AllocationService(new DuckDbRequestStore(store));

            Map<Pool, Double> supply = new HashMap<>();
            Set<Pool> shortPools = new HashSet<>();
            for (Pool pool : service.requestedPools()) {
                supply.put(pool, 1e9);
            }
            for (JsonNode exhaustion : truth.get("exhaustion")) {
                Pool pool = new Pool(
                        exhaustion.get("cluster").asText(),
                        Resource.parse(exhaustion.get("resource").asText()).orElseThrow());
                if (exhaustion.get("designed").asBoolean() && supply.containsKey(pool)) {
                    supply.put(
                            pool,
                            exhaustion.get("usable_capacity_after_end").asDouble()
                                    - exhaustion.get("expected_used_at_end").asDouble());
                    shortPools.add(pool);
                }
            }
            AllocationService.Result result = service.allocate(supply);

            assertThat(result.allocations()).hasSize((int) lines);
            assertThat(shortPools).isNotEmpty();
            for (AllocationService.PoolSummary pool : result.pools()) {
                Pool key =
                        new Pool(pool.cluster(), Resource.parse(pool.resource()).orElseThrow());
                if (shortPools.contains(key)) {
                    assertThat(pool.unmet()).as(key.toString()).isPositive();
                    assertThat(pool.shortPriority()).as(key.toString()).isNotNull();
                    assertThat(pool.granted()).as(key.toString()).isLessThanOrEqualTo(pool.supply() * (1 + 1e-12));
                } else {
                    assertThat(pool.unmet()).as(key.toString()).isZero();
                }
            }
            assertThat(result.allocations())
                    .allSatisfy(allocation -> assertThat(allocation.source()).contains("requests.csv:"));
        }
    }
}
