package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing numbers and short strings straight into vector memory stores exactly what the driver's setters store. */
class VectorMemoryTest {
    @TempDir
    Path folder;

    @Test
    void theDriverStillHasTheFieldsDirectWritesUse() {
        assertThat(VectorMemory.isAvailable())
                .as("duckdb_jdbc changed its vector internals; loads fall back to the slower public setters")
                .isTrue();
    }

    @Test
    void directAndPublicVectorWritesStoreTheSameRows() {
        List<String> lines = new ArrayList<>();
        lines.add("ts,grain,service,cluster,resource,unit,used,allocated");
        // Several chunks of 2048 rows, one day each (distinct keys), with NULLs scattered through them.
        LocalDate first = LocalDate.of(2010, 1, 1);
        for (int i = 0; i < 5000; i++) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%s,day,%s,ash-c%d,cpu,cores,%d.%03d,%s",
                    first.plusDays(i),
                    i % 2 == 0 ? "checkout" : "search",
                    1 + i % 2,
                    i,
                    i % 1000,
                    i % 7 == 0 ? "" : Integer.toString(i * 3)));
        }

        assertThat(load("direct", lines, true)).isEqualTo(load("public", lines, false));
    }

    @Test
    void directAndPublicStringWritesStoreTheSameText() {
        List<String> lines = new ArrayList<>();
        lines.add("service,team,org,tier");
        // Chunks of 2048 rows: the first holds only short names (written inline), the second a few longer than 12
        // bytes (handed to the driver), the third names of exactly 12 bytes, multi-byte UTF-8 and NULL tiers.
        for (int i = 0; i < 6000; i++) {
            String service;
            if (i < 2048) {
                service = "s" + i;
            } else if (i < 4096) {
                service = i % 500 == 0 ? "a-rather-long-service-" + i : "t" + i;
            } else {
                service = i % 3 == 0 ? String.format(Locale.ROOT, "svc-%08d", i) : (i % 3 == 1 ? "é-ü" : "x") + i;
            }
            lines.add(service + ",team-" + (i % 7) + ",org," + (i % 5 == 0 ? "" : "tier" + (i % 3)));
        }

        QueryResult direct = loadServices("direct", lines, true);

        assertThat(direct).isEqualTo(loadServices("public", lines, false));
        assertThat(direct.rows()).hasSize(6000);
        assertThat(direct.rows().get(4099).get(0)).isEqualTo("é-ü4099");
        assertThat(direct.rows().get(4099).get(5)).isEqualTo(7L);
    }

    private DuckDbStore open(String name, boolean direct) {
        return DuckDbStore.open(
                StoreConfig.of(folder.resolve(name + ".duckdb")).withThreads(2),
                TestFleet.CLOCK,
                Migrations.latestVersion(),
                direct);
    }

    private QueryResult loadServices(String name, List<String> lines, boolean direct) {
        try (DuckDbStore store = open(name, direct)) {
            TestFleet.ingest(store, Kind.SERVICES, TestFleet.write(folder, name + "-services.csv", lines));
            // Equality and grouping compare whole string records: padding left dirty would show here.
            assertThat(TestFleet.value(store, "SELECT count(*) FROM services WHERE service = 'svc-00004101'"))
                    .isEqualTo(1L);
            assertThat(TestFleet.value(store, "SELECT count(DISTINCT team) FROM services"))
                    .isEqualTo(7L);
            return store.query(
                    "SELECT service, team, org, tier, source_line, length(service) FROM services"
                            + " ORDER BY source_line",
                    10_000);
        }
    }

    private QueryResult load(String name, List<String> lines, boolean direct) {
        try (DuckDbStore store = open(name, direct)) {
            TestFleet.loadTopology(store, folder);
            TestFleet.ingest(store, Kind.USAGE, TestFleet.write(folder, name + "-usage.csv", lines));
            return store.query(
                    "SELECT ts, service, cluster, used, allocated, source_line FROM usage ORDER BY source_line",
                    10_000);
        }
    }
}
