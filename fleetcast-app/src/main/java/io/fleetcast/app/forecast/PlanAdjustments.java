package io.fleetcast.app.forecast;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.adjust.AdjustedForecast;
import io.fleetcast.forecast.adjust.Adjustment;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.StoredAdjustment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies the stored manual adjustments to one series' statistical forecast, which stays as it was. An adjustment
 * applies when its service and resource match the series and its cluster does (or it names none), and it changes at
 * least one forecast day. A step whose first day is on or before the series' last day of data is already in that data
 * (the launch happened), so it is not applied again.
 */
final class PlanAdjustments {
    private PlanAdjustments() {}

    /**
     * The adjustments applied to {@code statistical} (the forecast of series {@code seriesKey}, one point per day from
     * the day after its last day of data), described by id in the order applied, and the adjusted forecast; both empty
     * when none applies.
     */
    static Applied apply(List<StoredAdjustment> stored, String seriesKey, List<ForecastPoint> statistical) {
        List<String> key = Splitter.on(DemandSeries.KEY_SEPARATOR).splitToList(seriesKey);
        LocalDate origin = statistical.get(0).ts().atOffset(ZoneOffset.UTC).toLocalDate();
        int horizon = statistical.size();
        List<Adjustment> adjustments = new ArrayList<>();
        ImmutableMap.Builder<String, String> descriptions = ImmutableMap.builder();
        for (StoredAdjustment adjustment : stored) {
            if (key.size() != 3 || !adjustment.appliesTo(key.get(0), key.get(1), key.get(2))) {
                continue;
            }
            Adjustment.Kind kind = Adjustment.Kind.valueOf(adjustment.kind().toUpperCase(Locale.ROOT));
            int from = Math.toIntExact(ChronoUnit.DAYS.between(origin, adjustment.start()));
            if (kind == Adjustment.Kind.STEP && from < 0) {
                continue;
            }
            int to = kind == Adjustment.Kind.STEP || adjustment.end() == null
                    ? Integer.MAX_VALUE
                    : Math.toIntExact(ChronoUnit.DAYS.between(origin, adjustment.end()));
            if (to < 0 || from >= horizon) {
                continue;
            }
            adjustments.add(new Adjustment(
                    adjustment.id(),
                    kind,
                    from,
                    to,
                    adjustment.value(),
                    adjustment.author(),
                    adjustment.reason(),
                    adjustment.createdAt()));
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
                        adjustments)
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
}
