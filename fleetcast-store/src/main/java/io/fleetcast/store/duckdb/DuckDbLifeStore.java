package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.LifeStore;
import io.fleetcast.store.life.LifeRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** {@link LifeStore} over the embedded DuckDB store. */
public final class DuckDbLifeStore implements LifeStore {
    private final DuckDbStore store;

    public DuckDbLifeStore(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public List<LifeRecord> lifeRecords() {
        String sql = "SELECT l.asset_id, l.sku, l.region, l.site, l.cluster, l.batch, l.start_date, l.end_date,"
                + " l.state, l.age_days FROM life_records l ORDER BY l.asset_id";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<LifeRecord> records = ImmutableList.builder();
            while (rs.next()) {
                records.add(new LifeRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        "F".equals(rs.getString(9)),
                        rs.getLong(10)));
            }
            return records.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the life records failed: " + e.getMessage(), e);
        }
    }

    @Override
    public LocalDate asOf() {
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT as_of FROM fleet_as_of");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getObject(1, LocalDate.class);
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the data's last day failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, HoursReading> powerOnHours() {
        String sql = "SELECT t.asset_id, arg_max(t.value, t.ts), max(t.ts AT TIME ZONE 'UTC')::DATE"
                + " FROM telemetry t JOIN life_records l ON l.asset_id = t.asset_id"
                + " WHERE t.signal = 'power_on_hours' AND (t.ts AT TIME ZONE 'UTC')::DATE <= l.end_date"
                + " GROUP BY t.asset_id ORDER BY t.asset_id";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableMap.Builder<String, HoursReading> readings = ImmutableMap.builder();
            while (rs.next()) {
                readings.put(rs.getString(1), new HoursReading(rs.getDouble(2), rs.getObject(3, LocalDate.class)));
            }
            return readings.buildOrThrow();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the power-on hours failed: " + e.getMessage(), e);
        }
    }
}
