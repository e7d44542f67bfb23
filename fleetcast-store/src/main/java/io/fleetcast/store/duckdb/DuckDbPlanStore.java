package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hashing;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.PlanStore;
import io.fleetcast.store.plan.CarriedRun;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandPoint;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.DriverDay;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.NewPlan;
import io.fleetcast.store.plan.NewRun;
import io.fleetcast.store.plan.Plan;
import io.fleetcast.store.plan.PlanLineage;
import io.fleetcast.store.plan.RunInputs;
import io.fleetcast.store.plan.SeriesGroups;
import io.fleetcast.store.plan.StoredAdjustment;
import io.fleetcast.store.plan.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * {@link PlanStore} on the DuckDB store. Run ids are allocated as one more than the largest stored, inside the writing
 * transaction; DuckDB's optimistic concurrency makes a second writer at the same time fail rather than collide.
 * Parameters are stored as a JSON object in the model's order; a non-finite parameter is stored as the string
 * {@code "NaN"} or {@code "Infinity"} (JSON has no such numbers).
 */
public final class DuckDbPlanStore implements PlanStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Double>> PARAMETERS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> DESCRIPTIONS = new TypeReference<>() {};
    private static final String RUN_COLUMNS = "run_id, plan_version, series_key, model, CAST(parameters AS VARCHAR),"
            + " train_start, train_end, train_rows, library_version, created_at, CAST(inputs AS VARCHAR),"
            + " CAST(adjustments AS VARCHAR), CAST(backtest_errors AS VARCHAR)";
    private static final String STATISTICAL = "statistical";
    private static final String ADJUSTED = "adjusted";
    private static final String RECONCILED = "reconciled";
    private static final TypeReference<List<Double>> ERRORS = new TypeReference<>() {};
    private static final String PLAN_COLUMNS =
            "plan_version, parent_version, created_at, description, CAST(lineage AS VARCHAR), grain, reconciliation";

    private final DuckDbStore store;
    private final String libraryVersion;

    public DuckDbPlanStore(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
        this.libraryVersion = FleetcastVersion.get();
    }

    @Override
    public List<DemandSeries> demandSeries(DemandGrain grain) {
        String sql = "SELECT service, cluster, resource, min(ts), max(ts), count(*) FROM (" + periods(grain, false)
                + ") GROUP BY service, cluster, resource";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            List<DemandSeries> series = new ArrayList<>();
            while (rs.next()) {
                series.add(new DemandSeries(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        grain,
                        instant(rs, 4),
                        instant(rs, 5),
                        rs.getLong(6)));
            }
            // Sorted here, not in SQL, so the order is the keys' as Java compares them, whatever the collation.
            series.sort(Comparator.comparing(DemandSeries::key));
            return ImmutableList.copyOf(series);
        } catch (SQLException e) {
            throw FleetcastException.internal(
                    "listing the " + grain.code() + " demand series failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DemandPoint> demand(String service, String cluster, String resource, DemandGrain grain) {
        String sql = "SELECT ts, used FROM (" + periods(grain, true) + ") ORDER BY ts";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, service);
            statement.setString(2, cluster);
            statement.setString(3, resource);
            ImmutableList.Builder<DemandPoint> points = ImmutableList.builder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    points.add(new DemandPoint(instant(rs, 1), rs.getDouble(2)));
                }
            }
            return points.build();
        } catch (SQLException e) {
            throw FleetcastException.internal(
                    "reading " + grain.code() + " demand of " + service + "/" + cluster + "/" + resource + " failed: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * SQL for the periods of the demand series at {@code grain} ({@code service, cluster, resource, ts, used}), of one
     * series (three parameters) when {@code oneSeries}. Weeks and months average the daily rows of each whole period
     * between a series' first and last day: a partial first or last week or month is left out.
     */
    private static String periods(DemandGrain grain, boolean oneSeries) {
        String filter = oneSeries ? " AND service = ? AND cluster = ? AND resource = ?" : "";
        return switch (grain) {
            case HOUR, DAY ->
                "SELECT service, cluster, resource, ts, used FROM usage WHERE grain = '" + grain.code() + "'" + filter;
            case WEEK, MONTH -> {
                String length = grain == DemandGrain.WEEK ? "INTERVAL 7 DAY" : "INTERVAL 1 MONTH";
                yield "WITH d AS (SELECT service, cluster, resource, ts, used FROM usage WHERE grain = 'day'" + filter
                        + "), b AS (SELECT service, cluster, resource, min(ts) AS first_day, max(ts) AS last_day FROM d"
                        + " GROUP BY ALL), p AS (SELECT service, cluster, resource, date_trunc('" + grain.code()
                        + "', ts) AS ts, avg(used) AS used FROM d GROUP BY ALL) SELECT p.service, p.cluster,"
                        + " p.resource, p.ts, p.used FROM p JOIN b ON p.service = b.service AND p.cluster = b.cluster"
                        + " AND p.resource = b.resource WHERE p.ts >= b.first_day AND p.ts + " + length
                        + " <= b.last_day + INTERVAL 1 DAY";
            }
        };
    }

    @Override
    public Optional<Plan> latestPlan(DemandGrain grain) {
        return onePlan(
                "SELECT " + PLAN_COLUMNS + " FROM plans WHERE grain = '" + grain.code()
                        + "' ORDER BY plan_version DESC LIMIT 1",
                null);
    }

    @Override
    public Optional<Plan> latestPlan() {
        return onePlan("SELECT " + PLAN_COLUMNS + " FROM plans ORDER BY plan_version DESC LIMIT 1", null);
    }

    @Override
    public List<Plan> plans() {
        return planList("SELECT " + PLAN_COLUMNS + " FROM plans ORDER BY plan_version", null);
    }

    @Override
    public Optional<Plan> plan(int version) {
        return onePlan("SELECT " + PLAN_COLUMNS + " FROM plans WHERE plan_version = ?", version);
    }

    private Optional<Plan> onePlan(String sql, @Nullable Integer version) {
        return planList(sql, version).stream().findFirst();
    }

    private List<Plan> planList(String sql, @Nullable Integer version) {
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (version != null) {
                statement.setInt(1, version);
            }
            ImmutableList.Builder<Plan> plans = ImmutableList.builder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int parent = rs.getInt(2);
                    OptionalInt parentVersion = rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(parent);
                    DemandGrain grain = DemandGrain.parse(rs.getString(6))
                            .orElseThrow(() -> FleetcastException.internal("a stored plan has an unknown grain", null));
                    plans.add(new Plan(
                            rs.getInt(1),
                            grain,
                            parentVersion,
                            instant(rs, 3),
                            rs.getString(4),
                            lineage(rs.getString(5)),
                            Optional.ofNullable(rs.getString(7))));
                }
            }
            return plans.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading plans failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ForecastRun> runs(int version) {
        String sql = "SELECT " + RUN_COLUMNS + " FROM forecast_runs WHERE plan_version = ?";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, version);
            List<ForecastRun> runs = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    runs.add(new ForecastRun(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            parameters(rs.getString(5)),
                            instant(rs, 6),
                            instant(rs, 7),
                            rs.getLong(8),
                            rs.getString(9),
                            instant(rs, 10),
                            inputs(rs.getString(11)),
                            descriptions(rs.getString(12)),
                            errors(rs.getString(13))));
                }
            }
            runs.sort(Comparator.comparing(ForecastRun::seriesKey));
            return ImmutableList.copyOf(runs);
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the runs of plan " + version + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ForecastPoint> points(long runId) {
        return points(runId, STATISTICAL);
    }

    @Override
    public List<ForecastPoint> adjustedPoints(long runId) {
        return points(runId, ADJUSTED);
    }

    @Override
    public List<ForecastPoint> reconciledPoints(long runId) {
        return points(runId, RECONCILED);
    }

    private List<ForecastPoint> points(long runId, String kind) {
        String sql = "SELECT ts, mean, lo80, hi80, lo95, hi95 FROM forecast_points WHERE run_id = ? AND kind = ?"
                + " ORDER BY ts";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, runId);
            statement.setString(2, kind);
            ImmutableList.Builder<ForecastPoint> points = ImmutableList.builder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    points.add(new ForecastPoint(
                            instant(rs, 1),
                            rs.getDouble(2),
                            nullableDouble(rs, 3),
                            nullableDouble(rs, 4),
                            nullableDouble(rs, 5),
                            nullableDouble(rs, 6)));
                }
            }
            return points.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the points of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredEvent> events() {
        String sql =
                "SELECT name, kind, start_date, end_date, scope, scope_value FROM events ORDER BY start_date, name";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<StoredEvent> events = ImmutableList.builder();
            while (rs.next()) {
                events.add(new StoredEvent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6)));
            }
            return events.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the events failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DriverDay> drivers() {
        String sql =
                "SELECT date, driver, service, value, unit FROM drivers ORDER BY driver, service NULLS FIRST, date";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<DriverDay> days = ImmutableList.builder();
            while (rs.next()) {
                days.add(new DriverDay(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getString(5)));
            }
            return days.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the traffic drivers failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> clusterRegions() {
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT cluster, region FROM clusters");
                ResultSet rs = statement.executeQuery()) {
            ImmutableMap.Builder<String, String> regions = ImmutableMap.builder();
            while (rs.next()) {
                regions.put(rs.getString(1), rs.getString(2));
            }
            return regions.buildOrThrow();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the clusters' regions failed: " + e.getMessage(), e);
        }
    }

    @Override
    public SeriesGroups seriesGroups() {
        try (Connection connection = store.newConnection();
                PreparedStatement owners = connection.prepareStatement(
                        "SELECT service, min(team), min(org) FROM services GROUP BY service");
                PreparedStatement places = connection.prepareStatement("SELECT cluster, site, region FROM clusters")) {
            ImmutableMap.Builder<String, SeriesGroups.Owner> byService = ImmutableMap.builder();
            try (ResultSet rs = owners.executeQuery()) {
                while (rs.next()) {
                    byService.put(rs.getString(1), new SeriesGroups.Owner(rs.getString(2), rs.getString(3)));
                }
            }
            ImmutableMap.Builder<String, SeriesGroups.Place> byCluster = ImmutableMap.builder();
            try (ResultSet rs = places.executeQuery()) {
                while (rs.next()) {
                    byCluster.put(rs.getString(1), new SeriesGroups.Place(rs.getString(2), rs.getString(3)));
                }
            }
            return new SeriesGroups(byService.buildOrThrow(), byCluster.buildOrThrow());
        } catch (SQLException e) {
            throw FleetcastException.internal(
                    "reading the services' teams and clusters' sites failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredAdjustment> adjustments() {
        String sql =
                "SELECT adjustment_id, service, cluster, resource, kind, value, unit, start_date, end_date, author,"
                        + " reason, created_at FROM adjustments ORDER BY created_at, adjustment_id";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<StoredAdjustment> adjustments = ImmutableList.builder();
            while (rs.next()) {
                adjustments.add(new StoredAdjustment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getDouble(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class),
                        rs.getString(10),
                        rs.getString(11),
                        instant(rs, 12)));
            }
            return adjustments.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading the adjustments failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean saveAdjustment(StoredAdjustment adjustment, String source) {
        requireNonNull(adjustment, "adjustment is null");
        requireNonNull(source, "source is null");
        store.requireWritable("save the adjustment");
        Instant now = store.clock().instant();
        try (Connection connection = store.newConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                boolean replaced = delete(connection, adjustment.id());
                long ingestId;
                try (PreparedStatement statement = connection.prepareStatement("SELECT nextval('ingest_id_seq')");
                        ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    ingestId = rs.getLong(1);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO ingest_log VALUES (?, 'adjustments', ?, ?, 'api', ?, 0, 1, 1, 0, ?,"
                                + " []::VARCHAR[], ?, ?, ?)")) {
                    insert.setLong(1, ingestId);
                    insert.setString(2, source);
                    insert.setString(3, source);
                    insert.setString(
                            4,
                            Hashing.sha256()
                                    .hashString(adjustment.toString(), StandardCharsets.UTF_8)
                                    .toString());
                    insert.setLong(5, replaced ? 1 : 0);
                    insert.setObject(6, timestamp(now));
                    insert.setObject(7, timestamp(now));
                    insert.setString(8, libraryVersion);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO adjustments (adjustment_id,"
                        + " service, cluster, resource, kind, value, unit, start_date, end_date, author, reason,"
                        + " created_at, ingest_id, source_file, source_line) VALUES"
                        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                    insert.setString(1, adjustment.id());
                    insert.setString(2, adjustment.service());
                    insert.setString(3, adjustment.cluster());
                    insert.setString(4, adjustment.resource());
                    insert.setString(5, adjustment.kind());
                    insert.setDouble(6, adjustment.value());
                    insert.setString(7, adjustment.unit());
                    insert.setObject(8, adjustment.start());
                    insert.setObject(9, adjustment.end());
                    insert.setString(10, adjustment.author());
                    insert.setString(11, adjustment.reason());
                    insert.setObject(12, timestamp(adjustment.createdAt()));
                    insert.setLong(13, ingestId);
                    insert.setString(14, source);
                    insert.executeUpdate();
                }
                connection.commit();
                committed = true;
                return replaced;
            } finally {
                if (!committed) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw FleetcastException.internal(
                    "saving adjustment " + adjustment.id() + " failed; nothing was written: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean deleteAdjustment(String id) {
        requireNonNull(id, "id is null");
        store.requireWritable("delete the adjustment");
        try (Connection connection = store.newConnection()) {
            return delete(connection, id);
        } catch (SQLException e) {
            throw FleetcastException.internal("deleting adjustment " + id + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM adjustments WHERE adjustment_id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    @Override
    public Plan writePlan(NewPlan plan) {
        requireNonNull(plan, "plan is null");
        Instant now = store.clock().instant();
        try (Connection connection = store.newConnection()) {
            connection.setAutoCommit(false);
            boolean committed = false;
            try {
                int version = nextPlanVersion(connection, plan.grain(), plan.parentVersion());
                insertPlan(connection, version, plan, now);
                long runId = maxRunId(connection);
                for (NewRun run : plan.fitted()) {
                    runId++;
                    insertRun(connection, runId, version, run, now);
                    insertPoints(connection, runId, run.points(), STATISTICAL);
                    insertPoints(connection, runId, run.adjusted(), ADJUSTED);
                    insertPoints(connection, runId, run.reconciled(), RECONCILED);
                }
                for (CarriedRun carried : plan.carried()) {
                    runId++;
                    copyRun(connection, runId, version, carried);
                    insertPoints(connection, runId, carried.adjusted(), ADJUSTED);
                    insertPoints(connection, runId, carried.reconciled(), RECONCILED);
                }
                connection.commit();
                committed = true;
                OptionalInt parent =
                        plan.parentVersion() == null ? OptionalInt.empty() : OptionalInt.of(plan.parentVersion());
                return new Plan(
                        version,
                        plan.grain(),
                        parent,
                        now,
                        plan.description(),
                        plan.lineage(),
                        Optional.ofNullable(plan.reconciliation()));
            } finally {
                if (!committed) {
                    connection.rollback();
                }
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("writing a plan failed; nothing was written: " + e.getMessage(), e);
        }
    }

    /** One more than the newest plan, if the newest plan of {@code grain} is still {@code parentVersion}. */
    private static int nextPlanVersion(Connection connection, DemandGrain grain, @Nullable Integer parentVersion)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT max(plan_version) FILTER (WHERE grain = ?), coalesce(max(plan_version), 0) FROM plans")) {
            statement.setString(1, grain.code());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int latest = rs.getInt(1);
                boolean none = rs.wasNull();
                int expected = parentVersion == null ? 0 : parentVersion;
                if ((none ? 0 : latest) != expected) {
                    throw FleetcastException.badInput("plan " + latest + " was written while this one was made from "
                            + (parentVersion == null ? "no plan" : "plan " + parentVersion) + "; run again");
                }
                return rs.getInt(2) + 1;
            }
        }
    }

    private static long maxRunId(Connection connection) throws SQLException {
        try (PreparedStatement statement =
                        connection.prepareStatement("SELECT coalesce(max(run_id), 0) FROM forecast_runs");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insertPlan(Connection connection, int version, NewPlan plan, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO plans (plan_version, parent_version, created_at, description, lineage, grain,"
                        + " reconciliation) VALUES (?, ?, ?, ?, CAST(? AS JSON), ?, ?)")) {
            statement.setInt(1, version);
            if (plan.parentVersion() == null) {
                statement.setNull(2, Types.INTEGER);
            } else {
                statement.setInt(2, plan.parentVersion());
            }
            statement.setObject(3, timestamp(now));
            statement.setString(4, plan.description());
            statement.setString(5, json(plan.lineage()));
            statement.setString(6, plan.grain().code());
            statement.setString(7, plan.reconciliation());
            statement.executeUpdate();
        }
    }

    private void insertRun(Connection connection, long runId, int version, NewRun run, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO forecast_runs (run_id,"
                + " plan_version, series_key, model, parameters, train_start, train_end, train_rows, seed,"
                + " library_version, created_at, inputs, adjustments, backtest_errors) VALUES (?, ?, ?, ?,"
                + " CAST(? AS JSON), ?, ?, ?, NULL, ?, ?, CAST(? AS JSON), CAST(? AS JSON), CAST(? AS JSON))")) {
            statement.setLong(1, runId);
            statement.setInt(2, version);
            statement.setString(3, run.seriesKey());
            statement.setString(4, run.model());
            statement.setString(5, json(run.parameters()));
            statement.setObject(6, timestamp(run.trainStart()));
            statement.setObject(7, timestamp(run.trainEnd()));
            statement.setLong(8, run.trainRows());
            statement.setString(9, libraryVersion);
            statement.setObject(10, timestamp(now));
            statement.setString(11, json(run.inputs()));
            statement.setString(12, jsonText(run.adjustments()));
            statement.setString(13, run.backtestErrors().isEmpty() ? null : jsonErrors(run.backtestErrors()));
            statement.executeUpdate();
        }
    }

    private static void insertPoints(Connection connection, long runId, List<ForecastPoint> points, String kind)
            throws SQLException {
        if (points.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO forecast_points (run_id, ts, mean,"
                + " lo80, hi80, lo95, hi95, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ForecastPoint point : points) {
                statement.setLong(1, runId);
                statement.setObject(2, timestamp(point.ts()));
                statement.setDouble(3, point.mean());
                setDouble(statement, 4, point.lo80());
                setDouble(statement, 5, point.hi80());
                setDouble(statement, 6, point.lo95());
                setDouble(statement, 7, point.hi95());
                statement.setString(8, kind);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void copyRun(Connection connection, long runId, int version, CarriedRun carried)
            throws SQLException {
        ForecastRun source = carried.source();
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO forecast_runs (run_id,"
                + " plan_version, series_key, model, parameters, train_start, train_end, train_rows, seed,"
                + " library_version, created_at, inputs, adjustments, backtest_errors) SELECT ?, ?, series_key, model,"
                + " parameters, train_start, train_end, train_rows, seed, library_version, created_at, inputs,"
                + " CAST(? AS JSON), backtest_errors FROM forecast_runs WHERE run_id = ?")) {
            statement.setLong(1, runId);
            statement.setInt(2, version);
            statement.setString(3, jsonText(carried.adjustments()));
            statement.setLong(4, source.runId());
            if (statement.executeUpdate() != 1) {
                throw FleetcastException.badInput("run " + source.runId() + " (" + source.seriesKey()
                        + ") does not exist; it cannot be carried forward");
            }
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO forecast_points (run_id, ts, mean,"
                + " lo80, hi80, lo95, hi95, kind) SELECT ?, ts, mean, lo80, hi80, lo95, hi95, kind FROM forecast_points"
                + " WHERE run_id = ? AND kind = '"
                + STATISTICAL + "'")) {
            statement.setLong(1, runId);
            statement.setLong(2, source.runId());
            statement.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }

    private static double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String json(ImmutableMap<String, Double> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("writing parameters as JSON failed", e);
        }
    }

    private static String jsonErrors(List<Double> errors) {
        try {
            return JSON.writeValueAsString(errors);
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("writing backtest errors as JSON failed", e);
        }
    }

    private static ImmutableList<Double> errors(@Nullable String json) {
        if (json == null) {
            return ImmutableList.of();
        }
        try {
            return ImmutableList.copyOf(JSON.readValue(json, ERRORS));
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("stored backtest errors cannot be read: " + json, e);
        }
    }

    private static String jsonText(ImmutableMap<String, String> descriptions) {
        try {
            return JSON.writeValueAsString(descriptions);
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("writing adjustments as JSON failed", e);
        }
    }

    private static ImmutableMap<String, String> descriptions(@Nullable String json) {
        if (json == null) {
            return ImmutableMap.of();
        }
        try {
            return ImmutableMap.copyOf(JSON.readValue(json, DESCRIPTIONS));
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("stored adjustments are not a JSON object of text: " + json, e);
        }
    }

    private static String json(RunInputs inputs) {
        ObjectNode root = JSON.createObjectNode();
        root.put("fingerprint", inputs.fingerprint());
        inputs.regressors().forEach(root.putArray("regressors")::add);
        inputs.scenarios().forEach(root.putArray("scenarios")::add);
        return root.toString();
    }

    private static RunInputs inputs(@Nullable String json) {
        if (json == null) {
            return RunInputs.NONE;
        }
        try {
            JsonNode root = JSON.readTree(json);
            ImmutableList.Builder<String> regressors = ImmutableList.builder();
            root.path("regressors").forEach(node -> regressors.add(node.asText()));
            ImmutableList.Builder<String> scenarios = ImmutableList.builder();
            root.path("scenarios").forEach(node -> scenarios.add(node.asText()));
            return new RunInputs(root.path("fingerprint").asText(), regressors.build(), scenarios.build());
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("stored run inputs cannot be read: " + json, e);
        }
    }

    private static ImmutableMap<String, Double> parameters(String json) {
        try {
            return ImmutableMap.copyOf(JSON.readValue(json, PARAMETERS));
        } catch (JsonProcessingException e) {
            throw FleetcastException.internal("stored parameters are not a JSON object of numbers: " + json, e);
        }
    }

    private static String json(PlanLineage lineage) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode series = root.putArray("series");
        for (PlanLineage.Entry entry : lineage.series()) {
            ObjectNode node = series.addObject();
            node.put("series_key", entry.seriesKey());
            node.put("action", entry.action().name().toLowerCase(Locale.ROOT));
            node.put("reason", entry.reason());
            if (entry.sourceRunId() != null) {
                node.put("source_run_id", entry.sourceRunId());
            }
            if (entry.sourcePlanVersion() != null) {
                node.put("source_plan_version", entry.sourcePlanVersion());
            }
        }
        return root.toString();
    }

    private static PlanLineage lineage(@Nullable String json) {
        if (json == null) {
            return PlanLineage.of(List.of());
        }
        try {
            List<PlanLineage.Entry> entries = new ArrayList<>();
            for (JsonNode node : JSON.readTree(json).path("series")) {
                JsonNode run = node.path("source_run_id");
                JsonNode plan = node.path("source_plan_version");
                entries.add(new PlanLineage.Entry(
                        node.path("series_key").asText(),
                        PlanLineage.Action.valueOf(node.path("action").asText().toUpperCase(Locale.ROOT)),
                        node.path("reason").asText(),
                        run.isNumber() ? run.asLong() : null,
                        plan.isNumber() ? plan.asInt() : null));
            }
            return PlanLineage.of(entries);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw FleetcastException.internal("a stored plan lineage cannot be read: " + json, e);
        }
    }
}
