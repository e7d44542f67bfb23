package io.fleetcast.app.capacity;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.regression.RegressionForecaster;
import io.fleetcast.forecast.regression.RegressionModel;
import io.fleetcast.forecast.regression.RegressionModel.Scale;
import io.fleetcast.forecast.regression.RegressionModel.Season;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.store.capacity.ClusterDay;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.StoredAdjustment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Forecasts each cluster's total used demand per resource for a capacity plan, a year or more ahead. Service-level plan
 * forecasts pick their method on short backtests and often carry no trend, which a plan reaching the next year cannot
 * afford; here the cluster's total (its services' daily used amounts summed) is fitted with the decomposable regression
 * (piecewise-linear trend with penalised changepoints, weekly and yearly Fourier terms, the cluster's events and
 * fleet-wide traffic drivers), on the log scale for positive series.
 *
 * <p>Planned launches ({@code step} adjustments) and {@code add} adjustments are known changes, not demand to learn
 * from: they are taken out of the history before the fit and added to the forecast on their days. Quantiles come from
 * the fit's upper 95% interval: P90 and P99 are the normal quantiles of the upper half-width over 1.96.
 */
final class ClusterDemandForecaster {
    private static final double Z90 = 1.2815515655446004;
    private static final double Z99 = 2.3263478740408408;
    private static final int MIN_HISTORY_DAYS = 56;

    private ClusterDemandForecaster() {}

    /** One cluster and resource's observed daily totals, oldest first, without gaps. */
    static final class History {
        private final String cluster;
        private final Resource resource;
        private final LocalDate first;
        private final double[] used;

        History(String cluster, Resource resource, LocalDate first, double[] used) {
            this.cluster = cluster;
            this.resource = resource;
            this.first = first;
            this.used = used;
        }

        String cluster() {
            return cluster;
        }

        Resource resource() {
            return resource;
        }

        LocalDate first() {
            return first;
        }

        double[] used() {
            return used;
        }
    }

    /** Groups the daily totals into gap-free histories (a missing day repeats the day before). */
    static List<History> histories(List<ClusterDay> days) {
        Map<String, List<ClusterDay>> grouped = new LinkedHashMap<>();
        for (ClusterDay day : days) {
            grouped.computeIfAbsent(day.cluster() + "/" + day.resource(), key -> new ArrayList<>())
                    .add(day);
        }
        List<History> histories = new ArrayList<>();
        for (List<ClusterDay> series : grouped.values()) {
            ClusterDay first = series.get(0);
            Resource resource = Resource.parse(first.resource()).orElse(null);
            if (resource == null) {
                continue;
            }
            LocalDate start = first.day();
            int length = (int) ChronoUnit.DAYS.between(
                            start, series.get(series.size() - 1).day())
                    + 1;
            double[] used = new double[length];
            int filled = -1;
            for (ClusterDay day : series) {
                int index = (int) ChronoUnit.DAYS.between(start, day.day());
                for (int i = filled + 1; i < index; i++) {
                    used[i] = filled >= 0 ? used[filled] : day.used();
                }
                used[index] = day.used();
                filled = index;
            }
            histories.add(new History(first.cluster(), resource, start, used));
        }
        return histories;
    }

    /**
     * The demand of {@code history} for {@code horizon} days after {@code asOf}.
     *
     * @param serviceClusters each service's clusters, to place adjustments that name no cluster
     */
    static DemandForecast forecast(
            History history,
            LocalDate asOf,
            int horizon,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            Map<String, Set<String>> serviceClusters) {
        int observed = history.used().length;
        LocalDate lastDay = history.first().plusDays(observed - 1);
        // Days between the history's end and the plan's start (a cluster whose data stopped early) are forecast too.
        int gap = (int) Math.max(0, ChronoUnit.DAYS.between(lastDay, asOf));
        int steps = gap + horizon;
        double[] known = new double[observed + steps];
        List<String> launches = new ArrayList<>();
        for (StoredAdjustment adjustment : adjustments) {
            if (!applies(adjustment, history, serviceClusters)) {
                continue;
            }
            double value = history.resource()
                            .toCanonical(
                                    adjustment.unit() == null
                                            ? history.resource().canonicalUnit()
                                            : adjustment.unit())
                            .orElse(1)
                    * adjustment.value();
            int from = (int) ChronoUnit.DAYS.between(history.first(), adjustment.start());
            int to = adjustment.kind().equals("step") || adjustment.end() == null
                    ? known.length
                    : (int) ChronoUnit.DAYS.between(history.first(), adjustment.end()) + 1;
            for (int t = Math.max(0, from); t < Math.min(to, known.length); t++) {
                known[t] += value;
            }
            if (to > observed) {
                launches.add(adjustment.id() + " " + adjustment.service() + " " + (value >= 0 ? "+" : "")
                        + Math.round(value) + " " + history.resource().canonicalUnit() + " from "
                        + adjustment.start());
            }
        }
        double[] learned = new double[observed];
        boolean positive = true;
        for (int t = 0; t < observed; t++) {
            learned[t] = history.used()[t] - known[t];
            positive &= learned[t] > 0;
        }
        double lastWeek = 0;
        for (int t = Math.max(0, observed - 7); t < observed; t++) {
            lastWeek += history.used()[t];
        }
        lastWeek /= Math.min(7, observed);
        double[] p50 = new double[horizon];
        double[] p90 = new double[horizon];
        double[] p99 = new double[horizon];
        String model;
        if (observed < MIN_HISTORY_DAYS) {
            // Too short to learn a trend and a year: hold the last week's mean, no uncertainty to speak of.
            model = "LastWeekMean";
            for (int i = 0; i < horizon; i++) {
                p50[i] = p90[i] = p99[i] = lastWeek + known[observed + gap + i];
            }
        } else {
            List<Season> seasons = new ArrayList<>();
            seasons.add(new Season(7, 3));
            if (observed >= 2 * 365) {
                seasons.add(new Season(365.25, 10));
            }
            RegressionModel regression = RegressionModel.of(
                    positive ? Scale.MULTIPLICATIVE : Scale.ADDITIVE, seasons.toArray(Season[]::new));
            DemandSeries series = new DemandSeries(
                    "*",
                    history.cluster(),
                    history.resource().code(),
                    DemandGrain.DAY,
                    history.first().atStartOfDay().toInstant(ZoneOffset.UTC),
                    lastDay.atStartOfDay().toInstant(ZoneOffset.UTC),
                    observed);
            ForecastInputs.SeriesInputs regressors = inputs.forSeries(series, steps);
            Forecast forecast = new RegressionForecaster(regression, regressors.regressors())
                    .forecast(Series.of(learned, 7), steps);
            model = "Regression[" + (positive ? "log, " : "")
                    + regressors.regressors().size() + " regressors]";
            for (int i = 0; i < horizon; i++) {
                int step = gap + i;
                double mean = forecast.mean(step);
                double upper = Math.max(0, (forecast.upper95()[step] - mean) / Forecast.Z95);
                double add = known[observed + step];
                p50[i] = Math.max(0, mean) + add;
                p90[i] = Math.max(0, mean + Z90 * upper) + add;
                p99[i] = Math.max(0, mean + Z99 * upper) + add;
            }
        }
        return new DemandForecast(
                history.cluster(),
                history.resource(),
                asOf.plusDays(1),
                p50,
                p90,
                p99,
                lastWeek,
                model,
                ImmutableList.copyOf(launches));
    }

    private static boolean applies(
            StoredAdjustment adjustment, History history, Map<String, Set<String>> serviceClusters) {
        if (!adjustment.resource().equals(history.resource().code())) {
            return false;
        }
        if (!adjustment.kind().equals("step") && !adjustment.kind().equals("add")) {
            return false;
        }
        String cluster = adjustment.cluster();
        if (cluster != null) {
            return cluster.equals(history.cluster());
        }
        return serviceClusters.getOrDefault(adjustment.service(), Set.of()).contains(history.cluster());
    }

    /** Forecasts every history, reporting progress as (done, total). */
    static List<DemandForecast> forecastAll(
            List<History> histories,
            LocalDate asOf,
            int horizon,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            Map<String, Set<String>> serviceClusters,
            BiConsumer<Integer, Integer> progress) {
        List<DemandForecast> demands = new ArrayList<>();
        for (History history : histories) {
            demands.add(forecast(history, asOf, horizon, inputs, adjustments, serviceClusters));
            progress.accept(demands.size(), histories.size());
        }
        return demands;
    }
}
