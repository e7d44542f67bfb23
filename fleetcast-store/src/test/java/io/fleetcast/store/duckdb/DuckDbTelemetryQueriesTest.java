package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.dataset.Kind;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.telemetry.FailureLabel;
import io.fleetcast.store.telemetry.FeatureQuery;
import io.fleetcast.store.telemetry.SignalFeatures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Telemetry features worked by hand, and shown to be point in time: changing the future changes nothing before it. The
 * failure labels of days, worked by hand.
 */
class DuckDbTelemetryQueriesTest {
    private static final String HEADER = "asset_id,ts,signal,value,unit";
    private static final LocalDate CUT = LocalDate.of(2026, 10, 4);

    @TempDir
    Path folder;

    private static FeatureQuery query(LocalDate to, int window) {
        return new FeatureQuery(LocalDate.of(2026, 10, 1), to, List.of(window), Map.of("temp_c", 52.5));
    }

    /** A new store in {@code folder/name} with the test fleet and {@code telemetry} loaded. */
    private static DuckDbStore storeWith(Path folder, String name, List<String> telemetry) {
        Path own = folder.resolve(name);
        try {
            Files.createDirectories(own);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DuckDbStore store =
                DuckDbStore.open(StoreConfig.of(own.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
        TestFleet.loadTopology(store, own);
        TestFleet.ingest(store, Kind.TELEMETRY, TestFleet.write(own, "telemetry.csv", telemetry));
        return store;
    }

    private static List<SignalFeatures> features(Path folder, String name, List<String> telemetry, LocalDate to) {
        try (DuckDbStore store = storeWith(folder, name, telemetry)) {
            return new DuckDbTelemetryQueries(store).features(query(to, 3));
        }
    }

    @Test
    void eachWindowsFeaturesAreWorkedByHand() {
        List<String> telemetry = List.of(
                HEADER,
                "srv-1,2026-10-01T00:00:00Z,temp_c,50,C",
                "srv-1,2026-10-01T12:00:00Z,temp_c,52,C",
                "srv-1,2026-10-02T00:00:00Z,temp_c,53,C",
                "srv-1,2026-10-04T00:00:00Z,temp_c,60,C",
                "srv-1,2026-10-10T00:00:00Z,temp_c,55,C",
                "srv-1,2026-10-04T00:00:00Z,fan_rpm,6000,rpm");
        List<SignalFeatures> rows = features(folder, "hand", telemetry, LocalDate.of(2026, 10, 10));

        assertThat(rows)
                .extracting(row -> row.day() + " " + row.signal())
                .containsExactly(
                        "2026-10-01 temp_c",
                        "2026-10-02 temp_c",
                        "2026-10-04 fan_rpm",
                        "2026-10-04 temp_c",
                        "2026-10-10 temp_c");
        // 10-01: the day's two readings average to 51; one value, so no spread or slope.
        SignalFeatures first = rows.get(0);
        assertThat(first.last()).isEqualTo(51);
        assertThat(first.std()).isNull();
        assertThat(first.slope()).isNull();
        assertThat(first.ewma()).isEqualTo(51);
        assertThat(first.crossings()).isZero();
        assertThat(first.sinceFirst()).isZero();
        // 10-04, window 10-02..10-04: 53 and 60. Mean 56.5, sample std √24.5, slope 7 over 2 days, EWMA with τ = 1.5
        // days: (53 e^(−2/1.5) + 60) / (e^(−2/1.5) + 1) = 58.5397; both above 52.5; 60 − 51 since the first; age from
        // the install on 2024-02-01: 976 days.
        SignalFeatures fourth = rows.get(3);
        assertThat(fourth.mean()).isEqualTo(56.5);
        assertThat(fourth.std()).isCloseTo(Math.sqrt(24.5), within(1e-9));
        assertThat(fourth.min()).isEqualTo(53);
        assertThat(fourth.max()).isEqualTo(60);
        assertThat(fourth.slope()).isCloseTo(3.5, within(1e-9));
        assertThat(fourth.ewma()).isCloseTo(58.539740, within(1e-6));
        assertThat(fourth.crossings()).isEqualTo(2);
        assertThat(fourth.sinceFirst()).isEqualTo(9);
        assertThat(fourth.ageDays()).isEqualTo(976);
        // A signal without a threshold counts no crossings.
        assertThat(rows.get(2).crossings()).isNull();
        // 10-10: nothing else in its window.
        assertThat(rows.get(4).mean()).isEqualTo(55);
        assertThat(rows.get(4).std()).isNull();
    }

    @Test
    void labelsSayWhetherAndWhenEachAssetFailedAfterADay() {
        try (DuckDbStore store = storeWith(
                folder,
                "labels",
                List.of(
                        HEADER,
                        // srv-2 failed on 2025-06-30.
                        "srv-2,2025-05-01T00:00:00Z,temp_c,50,C",
                        "srv-2,2025-05-31T00:00:00Z,temp_c,51,C",
                        "srv-2,2025-06-10T00:00:00Z,temp_c,58,C",
                        "srv-2,2025-06-10T12:00:00Z,fan_rpm,7000,rpm",
                        // srv-1 runs on; the data end on 2026-10-31.
                        "srv-1,2026-09-01T00:00:00Z,temp_c,50,C",
                        "srv-1,2026-10-15T00:00:00Z,temp_c,50,C"))) {
            List<FailureLabel> labels = new DuckDbTelemetryQueries(store)
                    .labels(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 10, 31), 30, LocalDate.of(2026, 10, 31));

            assertThat(labels)
                    .extracting(
                            FailureLabel::assetId,
                            FailureLabel::day,
                            FailureLabel::failsWithin,
                            FailureLabel::daysToFailure)
                    .containsExactly(
                            // Seen running through 2026-10-01: no failure within 30 days, none to come.
                            tuple("srv-1", LocalDate.of(2026, 9, 1), false, null),
                            // 2026-11-14 is after the data's end: not known.
                            tuple("srv-1", LocalDate.of(2026, 10, 15), null, null),
                            // 60 days before the failure: not within 30.
                            tuple("srv-2", LocalDate.of(2025, 5, 1), false, 60L),
                            // Exactly 30 days before: within.
                            tuple("srv-2", LocalDate.of(2025, 5, 31), true, 30L),
                            // One label per day, whatever the signals.
                            tuple("srv-2", LocalDate.of(2025, 6, 10), true, 20L));
        }
    }

    @Test
    void shufflingTheFutureChangesNothingBeforeIt() {
        List<String> past = new ArrayList<>(List.of(HEADER));
        List<String> futureValues = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(3);
        for (int day = 1; day <= 20; day++) {
            LocalDate date = LocalDate.of(2026, 9, 20).plusDays(day);
            for (String asset : List.of("srv-1", "srv-3")) {
                String row = asset + "," + date + "T06:00:00Z,temp_c," + (40 + random.nextInt(30)) + ",C";
                if (date.isAfter(CUT)) {
                    futureValues.add(row);
                } else {
                    past.add(row);
                }
            }
        }
        List<String> asIs = new ArrayList<>(past);
        asIs.addAll(futureValues);
        // The same past; the future's values shuffled among its rows, and a reading more on the day after the cut.
        List<String> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String row : futureValues) {
            int cut = row.indexOf(",temp_c,") + ",temp_c,".length();
            keys.add(row.substring(0, cut));
            values.add(row.substring(cut));
        }
        Collections.shuffle(values, new Random(5));
        List<String> shuffled = new ArrayList<>(past);
        for (int i = 0; i < keys.size(); i++) {
            shuffled.add(keys.get(i) + values.get(i));
        }
        shuffled.add("srv-1," + CUT.plusDays(1) + "T01:00:00Z,temp_c,99,C");

        LocalDate to = LocalDate.of(2026, 10, 10);
        List<SignalFeatures> original = features(folder, "as-is", asIs, to).stream()
                .filter(row -> !row.day().isAfter(CUT))
                .toList();
        List<SignalFeatures> changed = features(folder, "shuffled", shuffled, to).stream()
                .filter(row -> !row.day().isAfter(CUT))
                .toList();

        assertThat(original).hasSize(2 * 4);
        assertThat(changed).isEqualTo(original);
        // The features after the cut did change, so the comparison could fail.
        assertThat(features(folder, "as-is-2", asIs, to)).isNotEqualTo(features(folder, "shuffled-2", shuffled, to));
    }
}
