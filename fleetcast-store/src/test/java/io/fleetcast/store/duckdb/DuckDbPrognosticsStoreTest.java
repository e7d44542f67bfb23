package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.PrognosticsStore;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.prognostics.FeatureShift;
import io.fleetcast.store.prognostics.JobRun;
import io.fleetcast.store.prognostics.NewPrediction;
import io.fleetcast.store.prognostics.StoredModel;
import io.fleetcast.store.prognostics.StoredPrediction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbPrognosticsStoreTest {
    private static final LocalDate DAY = LocalDate.of(2026, 10, 31);

    @TempDir
    Path folder;

    @Test
    void modelsPredictionsAndReviewsRoundTrip() {
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK)) {
            PrognosticsStore registry = new DuckDbPrognosticsStore(store);
            assertThat(registry.telemetrySpan()).isEmpty();
            StoredModel model = new StoredModel(
                    0,
                    TestFleet.CLOCK.instant(),
                    30,
                    DAY.minusDays(60),
                    DAY,
                    7,
                    "{\"features\": [\"a\"]}",
                    "model text");
            assertThat(registry.writeModel(model)).isEqualTo(1);
            assertThat(registry.writeModel(model)).isEqualTo(2);
            assertThat(registry.models()).extracting(StoredModel::version).containsExactly(2, 1);
            assertThat(registry.model(1)).hasValueSatisfying(stored -> {
                assertThat(stored.model()).isEqualTo("model text");
                assertThat(stored.seed()).isEqualTo(7);
                assertThat(stored.trainedFrom()).isEqualTo(DAY.minusDays(60));
            });

            registry.writePredictions(
                    2,
                    DAY,
                    30,
                    List.of(new NewPrediction("srv-1", 0.2, "[\"x\"]"), new NewPrediction("srv-2", 0.9, "[]")));
            List<StoredPrediction> predictions = registry.predictions(DAY);
            assertThat(predictions)
                    .extracting(StoredPrediction::assetId, StoredPrediction::risk)
                    .containsExactly(tuple("srv-2", 0.9), tuple("srv-1", 0.2));
            long riskiest = predictions.get(0).predictionId();
            registry.writeReview(riskiest, "defer", "look next week", "ana");
            registry.writeReview(riskiest, "confirm", "fan bearing noise", "ana");

            // Scoring the day again replaces unreviewed predictions and keeps the reviewed one as it was.
            registry.writePredictions(
                    2, DAY, 30, List.of(new NewPrediction("srv-1", 0.5, "[]"), new NewPrediction("srv-2", 0.1, "[]")));
            assertThat(registry.predictions(DAY))
                    .extracting(StoredPrediction::assetId, StoredPrediction::risk, StoredPrediction::verdict)
                    .containsExactly(tuple("srv-2", 0.9, "confirm"), tuple("srv-1", 0.5, null));
            assertThat(registry.reviews())
                    .extracting(review -> review.verdict())
                    .containsExactly("defer", "confirm");
            assertThat(registry.scoredDates()).containsExactly(DAY);
            assertThat(registry.predictionsOf("srv-2")).hasSize(1);

            assertThatThrownBy(() -> registry.writeReview(999, "confirm", "", "ana"))
                    .isInstanceOf(FleetcastException.class)
                    .hasMessage("no prediction has id 999");
            assertThatThrownBy(() -> registry.writeReview(riskiest, "maybe", "", "ana"))
                    .hasMessage("a verdict is confirm, reject or defer, got 'maybe'");
        }
    }

    @Test
    void telemetrySpanAndDailySignals() {
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK)) {
            TestFleet.loadTopology(store, folder);
            TestFleet.ingest(
                    store,
                    Kind.TELEMETRY,
                    TestFleet.write(
                            folder,
                            "telemetry.csv",
                            List.of(
                                    "asset_id,ts,signal,value,unit",
                                    "srv-1,2026-10-01T00:00:00Z,temp_c,50,C",
                                    "srv-1,2026-10-01T12:00:00Z,temp_c,52,C",
                                    "srv-1,2026-10-03T00:00:00Z,temp_c,60,C")));
            PrognosticsStore registry = new DuckDbPrognosticsStore(store);
            assertThat(registry.telemetrySpan())
                    .contains(new PrognosticsStore.Span(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3)));
            assertThat(registry.signals("srv-1", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2)))
                    .containsExactly(new PrognosticsStore.SignalDay(LocalDate.of(2026, 10, 1), "temp_c", 51));
        }
    }

    @Test
    void driftIsReplacedPerModelAndDayAndJobRunsRecordTheirEnd() {
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK)) {
            PrognosticsStore registry = new DuckDbPrognosticsStore(store);
            registry.writeDrift(
                    1, DAY, List.of(new FeatureShift("a", 0.02, 0, 0, 10), new FeatureShift("b", 0.4, 0.5, 0.1, 10)));
            registry.writeDrift(2, DAY, List.of(new FeatureShift("a", 0.3, 0, 0, 12)));
            registry.writeDrift(
                    1, DAY, List.of(new FeatureShift("a", 0.05, 0, 0, 11), new FeatureShift("c", 0.2, 0, 0, 11)));
            assertThat(registry.drift(1, DAY))
                    .extracting(FeatureShift::feature, FeatureShift::psi)
                    .containsExactly(tuple("c", 0.2), tuple("a", 0.05));
            assertThat(registry.drift(2, DAY)).containsExactly(new FeatureShift("a", 0.3, 0, 0, 12));
            assertThat(registry.drift(1, DAY.minusDays(1))).isEmpty();

            long first = registry.startJob("daily");
            registry.finishJob(first, "failed", "no model");
            long second = registry.startJob("daily");
            assertThat(second).isEqualTo(first + 1);
            assertThat(registry.jobRuns("daily", 5))
                    .extracting(JobRun::runId, JobRun::status, JobRun::message)
                    .containsExactly(tuple(second, "running", ""), tuple(first, "failed", "no model"));
            assertThat(registry.jobRuns("daily", 5).get(0).finishedAt()).isNull();
            assertThat(registry.jobRuns("daily", 5).get(1).finishedAt()).isEqualTo(TestFleet.CLOCK.instant());
            assertThat(registry.jobRuns("other", 5)).isEmpty();
        }
    }

    @Test
    void aReadOnlyStoreRefusesReviewsSayingWhy() {
        Path database = folder.resolve("fleetcast.duckdb");
        long predictionId;
        try (DuckDbStore store = DuckDbStore.open(StoreConfig.of(database).withThreads(2), TestFleet.CLOCK)) {
            PrognosticsStore registry = new DuckDbPrognosticsStore(store);
            registry.writePredictions(1, DAY, 30, List.of(new NewPrediction("srv-1", 0.5, "[]")));
            predictionId = registry.predictions(DAY).get(0).predictionId();
        }
        try (DuckDbStore store =
                DuckDbStore.open(StoreConfig.of(database).withThreads(2).withReadOnly(true), TestFleet.CLOCK)) {
            PrognosticsStore registry = new DuckDbPrognosticsStore(store);
            assertThatThrownBy(() -> registry.writeReview(predictionId, "confirm", "", "ana"))
                    .isInstanceOf(FleetcastException.class)
                    .hasMessageContaining("cannot store the review")
                    .hasMessageContaining("is open read-only (fleetcast serve --read-only)");
            assertThat(registry.reviews()).isEmpty();
        }
    }

    /**
     * A write that meets another transaction's uncommitted change to the same rows (a review while the daily job
     * rescoring the day, say) is tried again once the other commits, rather than failing.
     */
    @Test
    void aWriteThatConflictsWithAnotherTransactionIsRetried() throws Exception {
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK)) {
            PrognosticsStore registry = new DuckDbPrognosticsStore(store);
            long run = registry.startJob("daily");
            try (Connection other = store.newConnection()) {
                other.setAutoCommit(false);
                try (Statement statement = other.createStatement()) {
                    statement.executeUpdate("UPDATE job_runs SET message = 'other' WHERE run_id = " + run);
                }
                Thread committer = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                        other.commit();
                    } catch (InterruptedException | SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                committer.start();
                registry.finishJob(run, "ok", "mine");
                committer.join();
            }
            assertThat(registry.jobRuns("daily", 1).get(0).message()).isEqualTo("mine");
        }
    }
}
