package io.fleetcast.store.duckdb;

import io.fleetcast.store.Store;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.StoreContractTest;
import io.fleetcast.store.TestFleet;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class DuckDbStoreContractTest extends StoreContractTest {
    @Override
    protected Store open(Path folder) {
        return DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
    }

    @Override
    protected void writeParquet(Path file, String valuesSql) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM (VALUES " + valuesSql
                    + ") t(ts, grain, service, cluster, resource, unit, used, allocated)) TO '" + file
                    + "' (FORMAT parquet)");
        } catch (SQLException e) {
            throw new AssertionError("writing the Parquet fixture " + file, e);
        }
    }
}
