package io.fleetcast.store.duckdb;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.PrognosticsStore;
import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import io.fleetcast.store.prognostics.NewPrediction;
import io.fleetcast.store.prognostics.StoredModel;
import io.fleetcast.store.prognostics.StoredPrediction;
import io.fleetcast.store.prognostics.StoredReview;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@link PrognosticsStore} on the DuckDB store: tables {@code prognostic_models}, {@code predictions}, {@code reviews},
 * {@code feature_drift} and {@code job_runs}.
 */
public final class DuckDbPrognosticsStore implements PrognosticsStore {
    private static final Set<String> VERDICTS = Set.of("confirm", "reject", "defer");
    private static final String MODEL_COLUMNS =
            "version, created_at, horizon_days, trained_from, trained_to, seed, CAST(document AS VARCHAR), model";
    private static final String PREDICTION_QUERY = "SELECT p.prediction_id, p.model_version, p.asset_id,"
            + " p.scored_date, p.horizon_days, p.risk, CAST(p.reasons AS VARCHAR), r.verdict, r.note, r.author,"
            + " r.reviewed_at FROM predictions p LEFT JOIN (SELECT * FROM reviews QUALIFY row_number() OVER"
            + " (PARTITION BY prediction_id ORDER BY reviewed_at DESC, review_id DESC) = 1) r"
            + " ON r.prediction_id = p.prediction_id";

    /** How many times a transaction that conflicts with another is run. */
    private static final int CONFLICT_ATTEMPTS = 7;

    private final DuckDbStore store;

    public DuckDbPrognosticsStore(DuckDbStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public int writeModel(StoredModel model) {
        return requireNonNull(inTransaction("registering the model", connection -> {
            int version = (int) nextId(connection, "SELECT coalesce(max(version), 0) + 1 FROM prognostic_models");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO prognostic_models VALUES" + " (?, ?, ?, ?, ?, ?, CAST(? AS JSON), ?)")) {
                insert.setInt(1, version);
                insert.setObject(2, now());
                insert.setInt(3, model.horizonDays());
                insert.setObject(4, model.trainedFrom());
                insert.setObject(5, model.trainedTo());
                insert.setLong(6, model.seed());
                insert.setString(7, model.document());
                insert.setString(8, model.model());
                insert.executeUpdate();
            }
            return version;
        }));
    }

    @Override
    public List<StoredModel> models() {
        return read(
                "the models",
                "SELECT " + MODEL_COLUMNS + " FROM prognostic_models ORDER BY version DESC",
                statement -> {},
                DuckDbPrognosticsStore::model);
    }

    @Override
    public Optional<StoredModel> model(int version) {
        return read(
                        "model " + version,
                        "SELECT " + MODEL_COLUMNS + " FROM prognostic_models WHERE version = ?",
                        statement -> statement.setInt(1, version),
                        DuckDbPrognosticsStore::model)
                .stream()
                .findFirst();
    }

    @Override
    public void writePredictions(
            int modelVersion, LocalDate scoredDate, int horizonDays, List<NewPrediction> predictions) {
        inTransaction("writing the predictions", connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM predictions WHERE model_version = ? AND scored_date = ?"
                            + " AND prediction_id NOT IN (SELECT prediction_id FROM reviews)")) {
                delete.setString(1, String.valueOf(modelVersion));
                delete.setObject(2, scoredDate);
                delete.executeUpdate();
            }
            long next = nextId(connection, "SELECT coalesce(max(prediction_id), 0) + 1 FROM predictions");
            // A reviewed prediction is kept as it was; its asset is not scored again for the day by this model.
            Set<String> reviewed = new HashSet<>();
            try (PreparedStatement kept = connection.prepareStatement(
                    "SELECT asset_id FROM predictions" + " WHERE model_version = ? AND scored_date = ?")) {
                kept.setString(1, String.valueOf(modelVersion));
                kept.setObject(2, scoredDate);
                try (ResultSet rs = kept.executeQuery()) {
                    while (rs.next()) {
                        reviewed.add(rs.getString(1));
                    }
                }
            }
            OffsetDateTime now = now();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO predictions VALUES" + " (?, ?, ?, ?, ?, ?, CAST(? AS JSON), ?)")) {
                for (NewPrediction prediction : predictions) {
                    if (reviewed.contains(prediction.assetId())) {
                        continue;
                    }
                    insert.setLong(1, next++);
                    insert.setString(2, String.valueOf(modelVersion));
                    insert.setString(3, prediction.assetId());
                    insert.setObject(4, scoredDate);
                    insert.setInt(5, horizonDays);
                    insert.setDouble(6, prediction.risk());
                    insert.setString(7, prediction.reasons());
                    insert.setObject(8, now);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public void writeDrift(int modelVersion, LocalDate scoredDate, List<FeatureShift> shifts) {
        inTransaction("writing the feature drift", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM feature_drift WHERE model_version = ? AND scored_date = ?")) {
                delete.setInt(1, modelVersion);
                delete.setObject(2, scoredDate);
                delete.executeUpdate();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO feature_drift VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (FeatureShift shift : shifts) {
                    insert.setInt(1, modelVersion);
                    insert.setObject(2, scoredDate);
                    insert.setString(3, shift.feature());
                    insert.setDouble(4, shift.psi());
                    insert.setDouble(5, shift.missingShare());
                    insert.setDouble(6, shift.referenceMissingShare());
                    insert.setInt(7, shift.rows());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<FeatureShift> drift(int modelVersion, LocalDate scoredDate) {
        return read(
                "the feature drift of " + scoredDate,
                "SELECT feature, psi, missing_share, reference_missing_share, rows FROM feature_drift"
                        + " WHERE model_version = ? AND scored_date = ? ORDER BY psi DESC, feature",
                statement -> {
                    statement.setInt(1, modelVersion);
                    statement.setObject(2, scoredDate);
                },
                rs -> new FeatureShift(
                        rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5)));
    }

    @Override
    public long startJob(String job) {
        return requireNonNull(inTransaction("recording the start of " + job, connection -> {
            long id = nextId(connection, "SELECT coalesce(max(run_id), 0) + 1 FROM job_runs");
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO job_runs VALUES (?, ?, ?, NULL, 'running', '')")) {
                insert.setLong(1, id);
                insert.setString(2, job);
                insert.setObject(3, now());
                insert.executeUpdate();
            }
            return id;
        }));
    }

    @Override
    public void finishJob(long runId, String status, String message) {
        if (!status.equals("ok") && !status.equals("failed")) {
            throw new IllegalArgumentException("a job ends ok or failed, not " + status);
        }
        inTransaction("recording the end of job run " + runId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE job_runs SET finished_at = ?, status = ?, message = ? WHERE run_id = ?")) {
                update.setObject(1, now());
                update.setString(2, status);
                update.setString(3, message);
                update.setLong(4, runId);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<JobRun> jobRuns(String job, int limit) {
        return read(
                "the runs of " + job,
                "SELECT run_id, job, started_at, finished_at, status, message FROM job_runs WHERE job = ?"
                        + " ORDER BY run_id DESC LIMIT ?",
                statement -> {
                    statement.setString(1, job);
                    statement.setInt(2, limit);
                },
                rs -> new JobRun(
                        rs.getLong(1),
                        rs.getString(2),
                        instant(rs, 3),
                        rs.getObject(4) == null ? null : instant(rs, 4),
                        rs.getString(5),
                        rs.getString(6)));
    }

    @Override
    public List<LocalDate> scoredDates() {
        return read(
                "the scored days",
                "SELECT DISTINCT scored_date FROM predictions ORDER BY scored_date DESC",
                statement -> {},
                rs -> rs.getObject(1, LocalDate.class));
    }

    @Override
    public List<StoredPrediction> predictions(LocalDate scoredDate) {
        return read(
                "the predictions of " + scoredDate,
                PREDICTION_QUERY + " WHERE p.scored_date = ? ORDER BY p.risk DESC, p.asset_id",
                statement -> statement.setObject(1, scoredDate),
                DuckDbPrognosticsStore::prediction);
    }

    @Override
    public Optional<StoredPrediction> prediction(long predictionId) {
        return read(
                        "prediction " + predictionId,
                        PREDICTION_QUERY + " WHERE p.prediction_id = ?",
                        statement -> statement.setLong(1, predictionId),
                        DuckDbPrognosticsStore::prediction)
                .stream()
                .findFirst();
    }

    @Override
    public List<StoredPrediction> predictionsOf(String assetId) {
        return read(
                "the predictions of " + assetId,
                PREDICTION_QUERY + " WHERE p.asset_id = ? ORDER BY p.scored_date DESC, p.prediction_id DESC",
                statement -> statement.setString(1, assetId),
                DuckDbPrognosticsStore::prediction);
    }

    @Override
    public long writeReview(long predictionId, String verdict, String note, String author) {
        if (!VERDICTS.contains(verdict)) {
            throw FleetcastException.badInput("a verdict is confirm, reject or defer, got '" + verdict + "'");
        }
        StoredPrediction prediction = prediction(predictionId)
                .orElseThrow(() -> FleetcastException.badInput("no prediction has id " + predictionId));
        store.requireWritable("store the review");
        return requireNonNull(inTransaction("storing the review", connection -> {
            long id = nextId(connection, "SELECT coalesce(max(review_id), 0) + 1 FROM reviews");
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO reviews VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, predictionId);
                insert.setString(3, prediction.assetId());
                insert.setString(4, verdict);
                insert.setString(5, note);
                insert.setString(6, author);
                insert.setObject(7, now());
                insert.executeUpdate();
            }
            return id;
        }));
    }

    @Override
    public List<StoredReview> reviews() {
        return read(
                "the reviews",
                "SELECT r.review_id, r.prediction_id, r.asset_id, p.scored_date, r.verdict,"
                        + " r.note, r.author, r.reviewed_at FROM reviews r JOIN predictions p"
                        + " ON p.prediction_id = r.prediction_id ORDER BY r.reviewed_at, r.review_id",
                statement -> {},
                rs -> new StoredReview(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        instant(rs, 8)));
    }

    @Override
    public Optional<Span> telemetrySpan() {
        return read(
                        "the telemetry's days",
                        "SELECT CAST(min(ts) AS DATE), CAST(max(ts) AS DATE) FROM telemetry",
                        statement -> {},
                        rs -> rs.getObject(1) == null
                                ? null
                                : new Span(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .stream()
                .findFirst();
    }

    @Override
    public List<SignalDay> signals(String assetId, LocalDate from, LocalDate to) {
        return read(
                "the signals of " + assetId,
                "SELECT CAST(ts AS DATE) AS day, signal, avg(value) FROM telemetry"
                        + " WHERE asset_id = ? AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)"
                        + " GROUP BY ALL ORDER BY signal, day",
                statement -> {
                    statement.setString(1, assetId);
                    statement.setObject(2, from);
                    statement.setObject(3, to.plusDays(1));
                },
                rs -> new SignalDay(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getDouble(3)));
    }

    private static StoredModel model(ResultSet rs) throws SQLException {
        return new StoredModel(
                rs.getInt(1),
                instant(rs, 2),
                rs.getInt(3),
                rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8));
    }

    private static StoredPrediction prediction(ResultSet rs) throws SQLException {
        return new StoredPrediction(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getInt(5),
                rs.getDouble(6),
                rs.getString(7) == null ? "[]" : rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getObject(11) == null ? null : instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static long nextId(Connection connection, String sql) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(sql);
                ResultSet rs = next.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(store.clock().instant(), ZoneOffset.UTC);
    }

    private interface Work<T> {
        @Nullable
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction, rolled back if it fails; {@code what} names it in the error. A transaction
     * that meets another's uncommitted change to the same rows (a review while the daily job rescores the day) is run
     * again from the start, waiting 50 ms, then twice as long each time (at most 1 s), up to about 2.5 s in all.
     */
    private <T> @Nullable T inTransaction(String what, Work<T> work) {
        long wait = 50;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = store.newConnection()) {
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt >= CONFLICT_ATTEMPTS
                        || !String.valueOf(e.getMessage()).contains("Conflict")) {
                    throw FleetcastException.internal(what + " failed: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw FleetcastException.internal(what + " was interrupted", e);
            }
            wait = Math.min(2 * wait, 1000);
        }
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private interface Reader<T> {
        @Nullable
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> read(String what, String sql, Binder binder, Reader<T> reader) {
        try (Connection connection = store.newConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            ImmutableList.Builder<T> rows = ImmutableList.builder();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    T row = reader.read(rs);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            return rows.build();
        } catch (SQLException e) {
            throw FleetcastException.internal("reading " + what + " failed: " + e.getMessage(), e);
        }
    }
}
