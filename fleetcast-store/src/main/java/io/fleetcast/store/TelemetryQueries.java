package io.fleetcast.store;

import io.fleetcast.store.telemetry.FailureLabel;
import io.fleetcast.store.telemetry.FeatureQuery;
import io.fleetcast.store.telemetry.SignalFeatures;
import java.time.LocalDate;
import java.util.List;

/**
 * Read access to the assets' health signals (the {@code telemetry} data set), turned into features inside the store
 * so a fleet's readings are never all held in memory. Safe for use from several threads.
 */
public interface TelemetryQueries {
    /**
     * Each asset's signal features on each day from {@code query.from()} to {@code query.to()} that has a
     * reading, per window, sorted by asset, day, signal and window. A feature on a day uses readings of that day and
     * before only.
     */
    List<SignalFeatures> features(FeatureQuery query);

    /**
     * For each asset and day from {@code from} to {@code to} that has a reading, whether the asset failed within {@code
     * horizonDays} after it and when, from the stored assets' failure and retirement dates, with the data seen up to
     * {@code observedUntil} (the data's last day); sorted by asset and day.
     */
    List<FailureLabel> labels(LocalDate from, LocalDate to, int horizonDays, LocalDate observedUntil);
}
