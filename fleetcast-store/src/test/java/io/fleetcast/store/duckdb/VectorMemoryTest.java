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

/** Writing numbers straight into vector memory stores exactly what the driver's public setters store. */
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

    private QueryResult load(String name, List<String> lines, boolean direct) {
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve(name + ".duckdb")).withThreads(2),
                TestFleet.CLOCK,
                Migrations.latestVersion(),
                direct)) {
            TestFleet.loadTopology(store, folder);
            TestFleet.ingest(store, Kind.USAGE, TestFleet.write(folder, name + "-usage.csv", lines));
            return store.query(
                    "SELECT ts, service, cluster, used, allocated, source_line FROM usage ORDER BY source_line",
                    10_000);
        }
    }
}
