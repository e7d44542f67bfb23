package io.fleetcast.store.duckdb;

import static io.fleetcast.store.TestFleet.ingest;
import static io.fleetcast.store.TestFleet.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.fleet.FleetScope;
import io.fleetcast.store.utilization.UtilizationFigures;
import io.fleetcast.store.utilization.UtilizationQuery;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The usage rollups hold exactly what the stored rows give, through every kind of load and after an upgrade. */
class UsageRollupTest {
    private static final String HEADER = "ts,grain,service,cluster,resource,unit,used,allocated";

    /** The rollup's rows that the stored usage does not give, and the other way round. */
    private static final String MISMATCHES = "SELECT count(*) FROM ((SELECT * FROM usage_cluster_day EXCEPT ALL"
            + " SELECT cluster, resource, CAST(ts AS DATE), sum(CAST(used AS DECIMAL(38, 9))),"
            + " sum(CAST(allocated AS DECIMAL(38, 9))), count(*) FROM usage WHERE grain = 'day' GROUP BY ALL)"
            + " UNION ALL (SELECT cluster, resource, CAST(ts AS DATE), sum(CAST(used AS DECIMAL(38, 9))),"
            + " sum(CAST(allocated AS DECIMAL(38, 9))), count(*) FROM usage WHERE grain = 'day' GROUP BY ALL"
            + " EXCEPT ALL SELECT * FROM usage_cluster_day))";

    @TempDir
    Path folder;

    @Test
    void theRollupHoldsTheRowsSumsThroughNewReplacingAndRejectedLoads() {
        try (DuckDbStore store = DuckDbStore.open(config(), TestFleet.CLOCK)) {
            TestFleet.loadTopology(store, folder);
            List<String> first = new ArrayList<>(List.of(HEADER));
            Random random = new Random(11);
            for (int day = 1; day <= 28; day++) {
                String date = LocalDate.of(2025, 2, day).toString();
                for (String cluster : List.of("ash-c1", "ash-c2")) {
                    first.add(date + ",day,checkout," + cluster + ",cpu,cores," + (random.nextInt(900) / 100.0) + ","
                            + (day % 3 == 0 ? "" : "12"));
                    first.add(date + ",day,search," + cluster + ",cpu,cores,0.1,0.3");
                    first.add(date + ",day,search," + cluster + ",memory,GiB," + random.nextInt(50) + ",64");
                }
                first.add(date + "T05:00:00Z,hour,checkout,ash-c1,cpu,cores,999,999");
            }
            ingest(store, Kind.USAGE, write(folder, "usage-1.csv", first));
            assertThat(TestFleet.value(store, MISMATCHES)).isEqualTo(0L);
            assertThat(TestFleet.value(store, "SELECT count(*) FROM usage_cluster_day"))
                    .isEqualTo(28L * 4);

            // A newer file replaces one day's rows and adds a day.
            ingest(
                    store,
                    Kind.USAGE,
                    write(
                            folder,
                            "usage-2.csv",
                            List.of(
                                    HEADER,
                                    "2025-02-10,day,checkout,ash-c1,cpu,cores,2.5,4",
                                    "2025-02-10,day,search,ash-c1,cpu,cores,0.25,",
                                    "2025-03-01,day,search,ash-c2,cpu,cores,1,2")));
            assertThat(TestFleet.value(store, MISMATCHES)).isEqualTo(0L);
            QueryResult replaced = store.query(
                    "SELECT used, allocated, services FROM usage_cluster_day WHERE cluster = 'ash-c1'"
                            + " AND resource = 'cpu' AND day = DATE '2025-02-10'",
                    2);
            assertThat(replaced.rows()).hasSize(1);
            assertThat(replaced.rows().get(0).get(0)).isEqualTo(new BigDecimal("2.750000000"));
            assertThat(replaced.rows().get(0).get(1)).isEqualTo(new BigDecimal("4.000000000"));
            assertThat(replaced.rows().get(0).get(2)).isEqualTo(2L);

            // A file with a bad row loads nothing, and the rollup stays as it was.
            assertThatThrownBy(() -> ingest(
                            store,
                            Kind.USAGE,
                            write(
                                    folder,
                                    "usage-3.csv",
                                    List.of(
                                            HEADER,
                                            "2025-03-02,day,search,ash-c2,cpu,cores,1,2",
                                            "2025-03-03,day,search,ash-c2,cpu,cores,lots,2"))))
                    .hasMessageContaining("usage-3.csv");
            assertThat(TestFleet.value(store, MISMATCHES)).isEqualTo(0L);
            assertThat(TestFleet.value(store, "SELECT count(*) FROM usage_cluster_day"))
                    .isEqualTo(28L * 4 + 1);
        }
    }

    @Test
    void theRecentWindowsFiguresAreThoseOfItsRowsInEveryScope() throws SQLException {
        try (DuckDbStore store = DuckDbStore.open(config(), TestFleet.CLOCK)) {
            TestFleet.loadTopology(store, folder);
            List<String> usage = new ArrayList<>(List.of(HEADER));
            Random random = new Random(5);
            LocalDate first = LocalDate.of(2025, 1, 1);
            for (int day = 0; day < 120; day++) {
                String date = first.plusDays(day).toString();
                for (String cluster : List.of("ash-c1", "ash-c2", "euw-c1")) {
                    for (String service : List.of("checkout", "search")) {
                        if (service.equals("search") && cluster.equals("ash-c2") && day < 100) {
                            continue; // arrives inside the window
                        }
                        usage.add(date + ",day," + service + "," + cluster + ",cpu,cores," + random.nextInt(1000) / 10.0
                                + "," + (random.nextInt(4) == 0 ? "" : "120"));
                        usage.add(date + ",day," + service + "," + cluster + ",memory,GiB," + random.nextInt(400)
                                + ",512");
                    }
                }
            }
            ingest(store, Kind.USAGE, write(folder, "usage.csv", usage));
            DuckDbUtilizationQueries queries = new DuckDbUtilizationQueries(store);
            LocalDate last = queries.lastUsageDay().orElseThrow();
            assertThat(last).isEqualTo(first.plusDays(119));
            assertThat(TestFleet.value(
                            store,
                            "SELECT count(*) FROM usage_service_recent WHERE window_from = DATE '" + last.minusDays(89)
                                    + "' AND window_to = DATE '" + last + "'"))
                    .isEqualTo(12L);
            List<FleetScope> scopes = List.of(
                    FleetScope.FLEET,
                    new FleetScope("us-east", null, null, null),
                    new FleetScope(null, null, "ash-c2", null),
                    new FleetScope(null, null, null, "search"));
            List<UtilizationFigures> kept = new ArrayList<>();
            for (FleetScope scope : scopes) {
                kept.add(queries.utilization(new UtilizationQuery(scope, last.minusDays(89), last)));
            }
            assertThat(kept.get(0).services()).hasSize(12);

            // Without the kept statistics the same query aggregates the rows: the figures must not change.
            try (Connection connection = store.newConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM usage_service_recent");
            }
            for (int i = 0; i < scopes.size(); i++) {
                assertThat(queries.utilization(new UtilizationQuery(scopes.get(i), last.minusDays(89), last)))
                        .as("%s", scopes.get(i))
                        .isEqualTo(kept.get(i));
            }
        }
    }

    @Test
    void upgradingADatabaseBuildsTheRollupOfTheUsageAlreadyStored() {
        try (DuckDbStore old = DuckDbStore.open(config(), TestFleet.CLOCK, 7)) {
            TestFleet.loadTopology(old, folder);
            ingest(
                    old,
                    Kind.USAGE,
                    write(
                            folder,
                            "usage.csv",
                            List.of(
                                    HEADER,
                                    "2025-01-02,day,checkout,ash-c1,cpu,cores,2,20",
                                    "2025-01-02,day,search,ash-c1,cpu,cores,6,",
                                    "2025-01-02,day,search,ash-c2,cpu,cores,1,1")));
        }
        try (DuckDbStore upgraded = DuckDbStore.open(config(), TestFleet.CLOCK)) {
            assertThat(TestFleet.value(upgraded, MISMATCHES)).isEqualTo(0L);
            assertThat(TestFleet.value(upgraded, "SELECT count(*) FROM usage_service_recent"))
                    .isEqualTo(3L);
            assertThat(TestFleet.value(
                            upgraded,
                            "SELECT used FROM usage_cluster_day WHERE cluster = 'ash-c1' AND resource = 'cpu'"))
                    .isEqualTo(new BigDecimal("8.000000000"));
        }
    }

    private StoreConfig config() {
        return StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(1);
    }
}
