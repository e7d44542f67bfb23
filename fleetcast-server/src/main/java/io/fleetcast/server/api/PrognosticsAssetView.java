package io.fleetcast.server.api;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.prognose.PrognosticsService.Prediction;
import io.fleetcast.store.PrognosticsStore.SignalDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/prognostics/assets/{assetId}}: one asset's daily signals up to a day, for its charts, and its
 * predictions on that day.
 *
 * @param assetId the asset
 * @param day the last day shown: the day scored
 * @param from the first day shown ({@code days} − 1 days before {@code day})
 * @param days the days shown
 * @param signals each signal's daily means, by signal name; a signal's name carries its unit ({@code temp_c},
 *     {@code fan_rpm})
 * @param predictions the asset's predictions on {@code day} (one per model that scored it), riskiest first; empty when
 *     it was not scored that day
 */
public record PrognosticsAssetView(
        String assetId,
        LocalDate day,
        LocalDate from,
        int days,
        List<SignalView> signals,
        List<PredictionView> predictions) {
    public PrognosticsAssetView {
        requireNonNull(assetId, "assetId is null");
        requireNonNull(day, "day is null");
        requireNonNull(from, "from is null");
        signals = ImmutableList.copyOf(signals);
        predictions = ImmutableList.copyOf(predictions);
    }

    static PrognosticsAssetView of(
            String assetId, LocalDate day, int days, List<SignalDay> signalDays, List<Prediction> predictions) {
        Map<String, List<PointView>> bySignal = new LinkedHashMap<>();
        for (SignalDay signalDay : signalDays) {
            bySignal.computeIfAbsent(signalDay.signal(), signal -> new ArrayList<>())
                    .add(new PointView(signalDay.day(), PrognosticsView.finite(signalDay.value())));
        }
        return new PrognosticsAssetView(
                assetId,
                day,
                day.minusDays(days - 1L),
                days,
                bySignal.entrySet().stream()
                        .map(entry -> new SignalView(entry.getKey(), entry.getValue()))
                        .toList(),
                predictions.stream().map(PredictionView::of).toList());
    }

    /**
     * One signal's daily means, oldest first; days without a reading are left out.
     *
     * @param signal its name, e.g. {@code temp_c}
     */
    public record SignalView(String signal, List<PointView> points) {
        public SignalView {
            requireNonNull(signal, "signal is null");
            points = ImmutableList.copyOf(points);
        }
    }

    /**
     * A day's mean of a signal's readings.
     *
     * @param value in the signal's unit; {@code null} if not finite
     */
    public record PointView(LocalDate day, @Nullable Double value) {
        public PointView {
            requireNonNull(day, "day is null");
        }
    }
}
