package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.dataset.Column;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path folder;

    private StoreConfig config() {
        return StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(1);
    }

    @Test
    void aNewerFleetcastUpgradesAnOlderDatabaseAndKeepsItsData() {
        try (DuckDbStore old = DuckDbStore.open(config(), TestFleet.CLOCK, 1)) {
            assertThat(old.schemaVersion()).isEqualTo(1);
            TestFleet.loadTopology(old, folder);
            assertThatThrownBy(() -> old.query("SELECT * FROM life_records", 1)).hasMessageContaining("life_records");
        }

        try (DuckDbStore upgraded = DuckDbStore.open(config(), TestFleet.CLOCK)) {
            assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(TestFleet.value(upgraded, "SELECT count(*) FROM assets")).isEqualTo(4L);
            QueryResult life = upgraded.query(
                    "SELECT asset_id, state, end_date, age_days FROM life_records ORDER BY asset_id", 10);
            assertThat(life.rows().get(1)).containsExactly("srv-2", "F", java.time.LocalDate.of(2025, 6, 30), 515L);
            QueryResult versions = upgraded.query("SELECT version, script FROM schema_version ORDER BY version", 100);
            assertThat(versions.rows()).hasSize(Migrations.latestVersion());
        }
    }

    @Test
    void aDatabaseFromANewerFleetcastIsRefused() throws SQLException {
        try (DuckDbStore store = DuckDbStore.open(config(), TestFleet.CLOCK);
                Connection connection = store.newConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', current_timestamp)");
        }

        assertThatThrownBy(() -> DuckDbStore.open(config(), TestFleet.CLOCK))
                .isInstanceOfSatisfying(FleetcastException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(error.getMessage()).contains("schema version 99").contains("newer Fleetcast");
                });
    }

    @Test
    void everyIngestedTableHasTheDataSetsColumnsAndLineage() {
        try (DuckDbStore store = DuckDbStore.open(config(), TestFleet.CLOCK)) {
            for (Kind kind : Kind.loadOrder()) {
                QueryResult columns = store.query(
                        "SELECT column_name FROM information_schema.columns WHERE table_name = '" + kind.tableName()
                                + "' ORDER BY ordinal_position",
                        500);
                List<String> actual = new ArrayList<>();
                columns.rows()
                        .forEach(row -> actual.add(String.valueOf(row.get(0)).toLowerCase(Locale.ROOT)));
                List<String> expected = new ArrayList<>();
                for (Column column : kind.schema().columns()) {
                    expected.add(column.name().toLowerCase(Locale.ROOT));
                }
                expected.addAll(List.of("ingest_id", "source_file", "source_line", "extra"));
                assertThat(actual).as(kind.tableName()).isEqualTo(expected);
            }
        }
    }

    @Test
    void readOnlyOpeningNeedsAnExistingDatabase() {
        assertThatThrownBy(() -> DuckDbStore.open(config().withReadOnly(true), TestFleet.CLOCK))
                .isInstanceOfSatisfying(
                        FleetcastException.class,
                        error -> assertThat(error.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessageContaining("no Fleetcast database at");
    }
}
