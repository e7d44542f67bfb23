package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.CapacityStore;
import io.fleetcast.store.capacity.InventoryGroup;
import io.fleetcast.store.capacity.PathDay;
import io.fleetcast.store.capacity.SkuRecord;
import io.fleetcast.store.capacity.StoredCapacityPlan;
import io.fleetcast.store.capacity.StoredOrder;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;

/** {@link CapacityStore} over the embedded DuckDB store. */
public final class DuckDbCapacityStore implements CapacityStore {
    private static final String PLAN_COLUMNS =
            "version, created_at, CAST(as_of AS VARCHAR), description, demand_plan_version, CAST(document AS VARCHAR)";

    private final DuckDbStore store;

    public DuckDbCapacityStore(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public List<InventoryGroup> inventory(LocalDate day) {
        String sql = "SELECT region, site, cluster, rack, sku, ownership, install_date, retire_date, count(*)::INTEGER,"
                + " batch FROM assets WHERE install_date <= ? AND (failure_date IS NULL OR failure_date > ?)"
                + " AND (retire_date IS NULL OR retire_date > ?) GROUP BY ALL ORDER BY cluster, rack NULLS LAST, sku,"
                + " install_date, retire_date NULLS LAST, ownership, batch NULLS LAST";
        return read(
                "the inventory",
                sql,
                statement -> {
                    statement.setObject(1, day);
                    statement.setObject(2, day);
                    statement.setObject(3, day);
                },
                rs -> {
                    ImmutableList.Builder<InventoryGroup> groups = ImmutableList.builder();
                    while (rs.next()) {
                        groups.add(new InventoryGroup(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getObject(7, LocalDate.class),
                                rs.getObject(8, LocalDate.class),
                                rs.getInt(9),
                                rs.getString(10)));
                    }
                    return groups.build();
                });
    }

    @Override
    public List<StoredOrder> orders() {
        String sql = "SELECT order_id, sku, site, cluster, quantity, ordered_date, promised_date, delivered_date,"
                + " status, source_file, source_line FROM orders ORDER BY ordered_date, order_id";
        return read("the orders", sql, rs -> {
            ImmutableList.Builder<StoredOrder> orders = ImmutableList.builder();
            while (rs.next()) {
                orders.add(new StoredOrder(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getLong(11)));
            }
            return orders.build();
        });
    }

    @Override
    public List<SkuRecord> skus() {
        String sql = "SELECT sku, kind, cores, memory_gib, storage_tb, price_usd, hourly_usd, lifetime_months"
                + " FROM skus ORDER BY sku";
        return read("the SKU catalog", sql, rs -> {
            ImmutableList.Builder<SkuRecord> skus = ImmutableList.builder();
            while (rs.next()) {
                long lifetime = rs.getLong(8);
                Long lifetimeMonths = rs.wasNull() ? null : lifetime;
                skus.add(new SkuRecord(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        decimal(rs, 6),
                        decimal(rs, 7),
                        lifetimeMonths));
            }
            return skus.build();
        });
    }

    @Override
    public void serviceDemand(ServiceSeriesVisitor visitor) {
        // One row per series with its days and amounts as lists, sorted by DuckDB on all cores.
        String sql = "SELECT service, cluster, resource, list(day ORDER BY day), list(used ORDER BY day) FROM ("
                + "SELECT service, cluster, resource, ((ts AT TIME ZONE 'UTC')::DATE - DATE '1970-01-01')::INTEGER"
                + " AS day, used FROM usage WHERE grain = 'day') GROUP BY service, cluster, resource";
        read("the services' daily demand", sql, rs -> {
            while (rs.next()) {
                Object[] days = (Object[]) rs.getArray(4).getArray();
                Object[] used = (Object[]) rs.getArray(5).getArray();
                int[] epochDays = new int[days.length];
                double[] values = new double[used.length];
                for (int i = 0; i < days.length; i++) {
                    epochDays[i] = ((Number) days[i]).intValue();
                    values[i] = ((Number) used[i]).doubleValue();
                }
                visitor.series(rs.getString(1), rs.getString(2), rs.getString(3), epochDays, values);
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public int writeCapacityPlan(
            String asOf,
            String description,
            @Nullable Integer demandPlanVersion,
            String document,
            List<PathDay> paths) {
        try (Connection connection = store.newConnection()) {
            connection.setAutoCommit(false);
            try {
                int version;
                try (PreparedStatement next = connection.prepareStatement(
                                "SELECT coalesce(max(version), 0) + 1 FROM capacity_plans");
                        ResultSet rs = next.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO capacity_plans (version,"
                        + " created_at, as_of, description, demand_plan_version, document)"
                        + " VALUES (?, ?, CAST(? AS DATE), ?, ?, CAST(? AS JSON))")) {
                    insert.setInt(1, version);
                    insert.setObject(2, OffsetDateTime.ofInstant(store.clock().instant(), ZoneOffset.UTC));
                    insert.setString(3, asOf);
                    insert.setString(4, description);
                    if (demandPlanVersion == null) {
                        insert.setNull(5, Types.INTEGER);
                    } else {
                        insert.setInt(5, demandPlanVersion);
                    }
                    insert.setString(6, document);
                    insert.executeUpdate();
                }
                // The appender: a plan has a row per cluster, resource and day (hundreds of thousands at fleet scale),
                // which batched INSERTs would write one at a time.
                DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
                try (DuckDBAppender appender =
                        duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "capacity_plan_paths")) {
                    for (PathDay day : paths) {
                        appender.beginRow();
                        appender.append(version);
                        appender.append(day.cluster());
                        appender.append(day.resource());
                        appender.append(day.day());
                        appender.append(day.demandP50());
                        appender.append(day.demandP90());
                        appender.append(day.demandP99());
                        appender.append(day.supply());
                        appender.append(day.supplySd());
                        appender.endRow();
                    }
                }
                connection.commit();
                return version;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("writing the capacity plan failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<PathDay> path(int version, String cluster, String resource) {
        return read(
                "the path of " + cluster + "/" + resource,
                "SELECT cluster, resource, day, demand_p50, demand_p90, demand_p99, supply, supply_sd"
                        + " FROM capacity_plan_paths WHERE version = ? AND cluster = ? AND resource = ? ORDER BY day",
                statement -> {
                    statement.setInt(1, version);
                    statement.setString(2, cluster);
                    statement.setString(3, resource);
                },
                rs -> {
                    ImmutableList.Builder<PathDay> days = ImmutableList.builder();
                    while (rs.next()) {
                        days.add(new PathDay(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getObject(3, LocalDate.class),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getDouble(6),
                                rs.getDouble(7),
                                rs.getDouble(8)));
                    }
                    return days.build();
                });
    }

    @Override
    public List<StoredCapacityPlan> capacityPlans() {
        return read(
                "the capacity plans",
                "SELECT " + PLAN_COLUMNS + " FROM capacity_plans ORDER BY version",
                DuckDbCapacityStore::plans);
    }

    @Override
    public Optional<StoredCapacityPlan> capacityPlan(int version) {
        List<StoredCapacityPlan> plans = read(
                "capacity plan " + version,
                "SELECT " + PLAN_COLUMNS + " FROM capacity_plans WHERE version = ?",
                statement -> statement.setInt(1, version),
                DuckDbCapacityStore::plans);
        return plans.stream().findFirst();
    }

    private static List<StoredCapacityPlan> plans(ResultSet rs) throws SQLException {
        ImmutableList.Builder<StoredCapacityPlan> plans = ImmutableList.builder();
        while (rs.next()) {
            int demand = rs.getInt(5);
            Integer demandPlanVersion = rs.wasNull() ? null : demand;
            plans.add(new StoredCapacityPlan(
                    rs.getInt(1),
                    rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    demandPlanVersion,
                    rs.getString(6)));
        }
        return plans.build();
    }

    private static @Nullable BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.stripTrailingZeros();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T read(String what, String sql, Reader<T> reader) {
        return read(what, sql, statement -> {}, reader);
    }

    private <T> T read(String what, String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("reading " + what + " failed: " + e.getMessage(), e);
        }
    }
}
