package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.adjust.AdjustedForecast;
import io.fleetcast.forecast.adjust.Adjustment;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.StoredAdjustment;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the stored manual adjustments to one series' statistical forecast, which stays as it was. An adjustment
 * applies when its service and resource match the series and its cluster does (or it names none), and it changes at
 * least one forecast period. A step whose first day is before the first forecast period is already in the data (the
 * launch happened), so it is not applied again.
 */
final class PlanAdjustments {
    private PlanAdjustments() {}

    /**
     * The adjustments applied to {@code statistical} (the forecast of series {@code seriesKey} at {@code grain}, one
     * point per period from the one after its last period of data), described by id in the order applied, and the
     * adjusted forecast; both empty when none applies. A period an adjustment covers in part (a week, 3 of whose days
     * it covers) is adjusted by that share.
     */
    static Applied apply(
            List<StoredAdjustment> stored, String seriesKey, DemandGrain grain, List<ForecastPoint> statistical) {
        List<String> key = DemandSeries.keyParts(seriesKey);
        int horizon = statistical.size();
        Instant[] starts = new Instant[horizon + 1];
        for (int step = 0; step < horizon; step++) {
            starts[step] = statistical.get(step).ts();
        }
        starts[horizon] = grain.next(starts[horizon - 1]);
        List<Adjustment> adjustments = new ArrayList<>();
        Map<String, double[]> shares = new HashMap<>();
        ImmutableMap.Builder<String, String> descriptions = ImmutableMap.builder();
        for (StoredAdjustment adjustment : stored) {
            if (key.size() != 3 || !adjustment.appliesTo(key.get(0), key.get(1), key.get(2))) {
                continue;
            }
            Adjustment.Kind kind = Adjustment.Kind.valueOf(adjustment.kind().toUpperCase(Locale.ROOT));
            Instant from = midnight(adjustment.start());
            if (kind == Adjustment.Kind.STEP && from.isBefore(starts[0])) {
                continue;
            }
            Instant to = kind == Adjustment.Kind.STEP || adjustment.end() == null
                    ? starts[horizon]
                    : midnight(adjustment.end().plusDays(1));
            double[] covered = new double[horizon];
            int first = -1;
            int last = -1;
            for (int step = 0; step < horizon; step++) {
                long overlap = Duration.between(
                                from.isAfter(starts[step]) ? from : starts[step],
                                to.isBefore(starts[step + 1]) ? to : starts[step + 1])
                        .toSeconds();
                if (overlap > 0) {
                    covered[step] = (double) overlap
                            / Duration.between(starts[step], starts[step + 1]).toSeconds();
                    first = first < 0 ? step : first;
                    last = step;
                }
            }
            if (first < 0) {
                continue;
            }
            adjustments.add(new Adjustment(
                    adjustment.id(),
                    kind,
                    first,
                    last,
                    adjustment.value(),
                    adjustment.author(),
                    adjustment.reason(),
                    adjustment.createdAt()));
            shares.put(adjustment.id(), covered);
            descriptions.put(adjustment.id(), adjustment.describe());
        }
        if (adjustments.isEmpty()) {
            return new Applied(ImmutableMap.of(), ImmutableList.of());
        }
        double[] mean = new double[horizon];
        double[] lo80 = new double[horizon];
        double[] hi80 = new double[horizon];
        double[] lo95 = new double[horizon];
        double[] hi95 = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            ForecastPoint point = statistical.get(step);
            mean[step] = point.mean();
            lo80[step] = point.lo80();
            hi80[step] = point.hi80();
            lo95[step] = point.lo95();
            hi95[step] = point.hi95();
        }
        Forecast adjusted = AdjustedForecast.apply(
                        Forecast.of(Provenance.of("stored", ImmutableMap.of(), 1), mean, lo80, hi80, lo95, hi95),
                        adjustments,
                        (adjustment, step) -> requireNonNull(shares.get(adjustment.id()))[step])
                .adjusted();
        ImmutableList.Builder<ForecastPoint> points = ImmutableList.builder();
        for (int step = 0; step < horizon; step++) {
            points.add(new ForecastPoint(
                    statistical.get(step).ts(),
                    adjusted.mean()[step],
                    adjusted.lower80()[step],
                    adjusted.upper80()[step],
                    adjusted.lower95()[step],
                    adjusted.upper95()[step]));
        }
        return new Applied(descriptions.buildOrThrow(), points.build());
    }

    /**
     * @param descriptions the adjustments applied, id to description, in the order applied
     * @param adjusted the adjusted forecast; empty when none applies
     */
    record Applied(ImmutableMap<String, String> descriptions, ImmutableList<ForecastPoint> adjusted) {}

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
