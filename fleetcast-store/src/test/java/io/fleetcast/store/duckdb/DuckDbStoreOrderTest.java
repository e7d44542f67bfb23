package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store turns DuckDB's preserve_insertion_order off so that loads insert from several threads. With it off, DuckDB
 * 2.0.0 returns a prepared statement's ORDER BY rows out of order once the result spans several threads' chunks: in
 * the bench fleet, the life records sorted by asset came back rotated, which changed the order the fleet's common
 * Weibull shape summed its SKUs in, and so its 7th digit, from run to run. Every connection but a load's keeps the
 * order for its session.
 */
class DuckDbStoreOrderTest {
    private static final String SORTED = "SELECT x FROM range(3000000) t(x) ORDER BY x";

    @TempDir
    Path folder;

    @Test
    void aPreparedQuerysOrderByHoldsOnTheStoresConnections() throws SQLException {
        try (DuckDbStore store = open()) {
            for (int run = 0; run < 3; run++) {
                try (Connection connection = store.newConnection()) {
                    assertThat(firstOutOfOrder(connection)).as("run %s", run).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void onlyALoadsConnectionLetsRowsComeInAnyOrder() throws SQLException {
        try (DuckDbStore store = open();
                Connection query = store.newConnection();
                Connection load = store.newLoadConnection()) {
            assertThat(setting(query)).isEqualTo("true");
            assertThat(setting(load)).isEqualTo("false");
        }
    }

    private DuckDbStore open() {
        return DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
    }

    /** The index of the first row of {@link #SORTED} that is not its own index, or −1. */
    private static long firstOutOfOrder(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SORTED);
                ResultSet rows = statement.executeQuery()) {
            long index = 0;
            while (rows.next()) {
                if (rows.getLong(1) != index) {
                    return index;
                }
                index++;
            }
            return index == 3_000_000 ? -1 : index;
        }
    }

    private static String setting(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT current_setting('preserve_insertion_order')::VARCHAR");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
