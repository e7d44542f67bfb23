package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.TelemetryQueries;
import io.fleetcast.store.telemetry.FailureLabel;
import io.fleetcast.store.telemetry.FeatureQuery;
import io.fleetcast.store.telemetry.SignalFeatures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@link TelemetryQueries} on the DuckDB store. A day's readings of a signal are averaged into its daily value; every
 * feature is a window function over those values ordered by day, with a frame that ends on the current day, and only
 * readings before the end of the last day asked for are read, so no feature sees the future.
 */
public final class DuckDbTelemetryQueries implements TelemetryQueries {
    private final DuckDbStore store;

    public DuckDbTelemetryQueries(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public List<SignalFeatures> features(FeatureQuery query) {
        requireNonNull(query, "query is null");
        List<SignalFeatures> rows = new ArrayList<>();
        try (Connection connection = store.newConnection()) {
            for (int window : query.windows()) {
                rows.addAll(features(connection, query, window));
            }
        } catch (SQLException e) {
            throw FleetcastException.internal("computing the telemetry features failed: " + e.getMessage(), e);
        }
        rows.sort(Comparator.comparing(SignalFeatures::assetId)
                .thenComparing(SignalFeatures::day)
                .thenComparing(SignalFeatures::signal)
                .thenComparingInt(SignalFeatures::window));
        return ImmutableList.copyOf(rows);
    }

    @Override
    public List<FailureLabel> labels(LocalDate from, LocalDate to, int horizonDays, LocalDate observedUntil) {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(observedUntil, "observedUntil is null");
        if (horizonDays < 1) {
            throw new IllegalArgumentException("the horizon must be at least 1 day, got " + horizonDays);
        }
        String end = "d.day + INTERVAL " + horizonDays + " DAYS";
        String sql = "WITH days AS (SELECT DISTINCT asset_id, CAST(ts AS DATE) AS day FROM telemetry"
                + " WHERE ts >= CAST(" + SqlLiterals.date(from) + " AS TIMESTAMPTZ)"
                + " AND ts < CAST(" + SqlLiterals.date(to.plusDays(1)) + " AS TIMESTAMPTZ)),"
                + " lives AS (SELECT asset_id, min(failure_date) AS failure_date, min(retire_date) AS retire_date"
                + " FROM assets GROUP BY asset_id)"
                + " SELECT d.asset_id, d.day,"
                + " CASE WHEN l.failure_date > d.day AND l.failure_date <= " + end + " THEN true"
                + " WHEN (l.failure_date IS NULL OR l.failure_date > " + end + ")"
                + " AND (l.retire_date IS NULL OR l.retire_date > " + end + ")"
                + " AND " + SqlLiterals.date(observedUntil) + " >= " + end + " THEN false END,"
                + " CASE WHEN l.failure_date > d.day THEN date_diff('day', d.day, l.failure_date) END"
                + " FROM days d LEFT JOIN lives l ON l.asset_id = d.asset_id ORDER BY d.asset_id, d.day";
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            ImmutableList.Builder<FailureLabel> labels = ImmutableList.builder();
            while (rs.next()) {
                labels.add(new FailureLabel(
                        rs.getString(1),
                        rs.getObject(2, LocalDate.class),
                        rs.getObject(3) == null ? null : rs.getBoolean(3),
                        rs.getObject(4) == null ? null : rs.getLong(4)));
            }
            return labels.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("labelling the telemetry days failed: " + e.getMessage(), e);
        }
    }

    private static List<SignalFeatures> features(Connection connection, FeatureQuery query, int window)
            throws SQLException {
        Map<String, Double> thresholds = query.thresholds();
        String thresholdRows = thresholds.isEmpty()
                ? "SELECT NULL::VARCHAR AS signal, NULL::DOUBLE AS threshold WHERE false"
                : "SELECT * FROM (VALUES "
                        + String.join(", ", Collections.nCopies(thresholds.size(), "(?, ?)"))
                        + ") t(signal, threshold)";
        String tau = String.format(Locale.ROOT, "%.6f", window / 2.0);
        String weight = "exp(-date_diff('day', p.dd, day) / " + tau + ")";
        String sql = "WITH daily AS (SELECT asset_id, signal, CAST(ts AS DATE) AS day, avg(value) AS v FROM telemetry"
                + " WHERE ts < CAST(" + SqlLiterals.date(query.to().plusDays(1)) + " AS TIMESTAMPTZ) GROUP BY ALL),"
                + " thresholds AS (" + thresholdRows + "),"
                + " installs AS (SELECT asset_id, min(install_date) AS install_date FROM assets GROUP BY asset_id),"
                + " feat AS (SELECT d.asset_id, d.day, d.signal, d.v,"
                + " avg(d.v) OVER win AS mean, stddev_samp(d.v) OVER win AS std, min(d.v) OVER win AS lo,"
                + " max(d.v) OVER win AS hi, regr_slope(d.v, epoch(d.day) / 86400.0) OVER win AS slope,"
                + " list(struct_pack(dd := d.day, x := d.v)) OVER win AS pts,"
                + " sum(CASE WHEN d.v > t.threshold THEN 1 ELSE 0 END) OVER win AS crossings, t.threshold,"
                + " d.v - first_value(d.v) OVER (PARTITION BY d.asset_id, d.signal ORDER BY d.day"
                + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS since_first,"
                + " date_diff('day', i.install_date, d.day) AS age"
                + " FROM daily d LEFT JOIN thresholds t ON t.signal = d.signal"
                + " LEFT JOIN installs i ON i.asset_id = d.asset_id"
                + " WINDOW win AS (PARTITION BY d.asset_id, d.signal ORDER BY d.day"
                + " RANGE BETWEEN INTERVAL " + (window - 1) + " DAYS PRECEDING AND CURRENT ROW))"
                + " SELECT asset_id, day, signal, v, mean, std, lo, hi, slope,"
                + " list_sum(list_transform(pts, lambda p: p.x * " + weight + "))"
                + " / list_sum(list_transform(pts, lambda p: " + weight + ")),"
                + " CASE WHEN threshold IS NULL THEN NULL ELSE crossings END, since_first, age"
                + " FROM feat WHERE day >= " + SqlLiterals.date(query.from());
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Map.Entry<String, Double> threshold : thresholds.entrySet()) {
                statement.setString(index++, threshold.getKey());
                statement.setDouble(index++, threshold.getValue());
            }
            List<SignalFeatures> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SignalFeatures(
                            rs.getString(1),
                            rs.getObject(2, LocalDate.class),
                            rs.getString(3),
                            window,
                            rs.getDouble(4),
                            rs.getDouble(5),
                            nullableDouble(rs, 6),
                            rs.getDouble(7),
                            rs.getDouble(8),
                            nullableDouble(rs, 9),
                            rs.getDouble(10),
                            rs.getObject(11) == null ? null : rs.getLong(11),
                            rs.getDouble(12),
                            rs.getLong(13)));
                }
            }
            return rows;
        }
    }

    /** The column's value; null when it is NULL or not a number. */
    private static @Nullable Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        // With one value in the window, DuckDB's sample spread and slope are NULL or NaN: both mean undefined.
        return rs.wasNull() || Double.isNaN(value) ? null : value;
    }
}
