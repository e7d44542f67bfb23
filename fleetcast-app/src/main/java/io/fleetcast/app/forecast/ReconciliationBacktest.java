package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.store.PlanStore;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.SeriesGroups;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How much reconciliation helps on the fleet's own data: holds out the last {@code horizon} periods of every stored
 * series, forecasts every node of each resource's structure (the series and the aggregates, by the automatic method,
 * without events or drivers) from what is left, reconciles with every method, and scores each node's forecast of the
 * held-out periods by MASE (scaled by the in-sample seasonal naive error) and by whether the 95% interval holds them,
 * averaged per level (total, org, team, service, region, site, cluster, series). Pure apart from reading the store.
 */
public final class ReconciliationBacktest {
    /** The levels of the structure, top down, as the report names them. */
    static final ImmutableList<String> LEVELS =
            ImmutableList.of("total", "org", "team", "service", "region", "site", "cluster", "series");

    private final PlanStore plans;
    private final PlanForecastService.ForecasterFactory forecasters;

    public ReconciliationBacktest(PlanStore plans, PlanForecastService.ForecasterFactory forecasters) {
        this.plans = requireNonNull(plans, "plans is null");
        this.forecasters = requireNonNull(forecasters, "forecasters is null");
    }

    /**
     * Scores of one way of forecasting (the base forecasts, or a reconciliation) at one level.
     *
     * @param method "base" (the forecasts as made) or the reconciliation method's label
     * @param level one of {@link #LEVELS}
     * @param nodes how many series of the level were scored
     * @param mase the mean of their MASE
     * @param coverage95 the share of held-out values inside the 95% intervals
     */
    public record Score(String method, String level, int nodes, double mase, double coverage95) {}

    /**
     * The backtest's outcome.
     *
     * @param grain the grain of the series
     * @param horizon the periods held out
     * @param nodes the series forecast (stored and aggregates)
     * @param scores per method (base first), per level (total first), then {@code all}
     * @param notes resources or series left out, and fallbacks, with why
     * @param seconds the wall time
     */
    public record Result(
            DemandGrain grain,
            int horizon,
            int nodes,
            ImmutableList<Score> scores,
            ImmutableList<String> notes,
            double seconds) {}

    /**
     * Runs the backtest on the series of the resources {@code selector} touches (empty: all).
     *
     * @throws FleetcastException {@code BAD_INPUT} if no series is long enough or none matches
     */
    public Result run(DemandGrain grain, int horizon, String selector, PlanProgress progress) {
        long started = System.nanoTime();
        PlanRequest request = new PlanRequest(selector, grain, horizon, ImmutableList.of());
        List<DemandSeries> all = plans.demandSeries(grain);
        List<String> resources = all.stream()
                .filter(series -> request.selects(series.key()))
                .map(DemandSeries::resource)
                .distinct()
                .toList();
        List<String> notes = new ArrayList<>();
        Map<String, double[]> full = new HashMap<>();
        Map<String, double[]> training = new HashMap<>();
        List<DemandSeries> fullSeries = new ArrayList<>();
        List<DemandSeries> trainingSeries = new ArrayList<>();
        for (DemandSeries series : all) {
            if (!resources.contains(series.resource())) {
                continue;
            }
            double[] values;
            try {
                values = PlanForecastService.storedValues(plans, series);
            } catch (PlanForecastService.SkippedSeries e) {
                notes.add(series.key() + ": " + e.getMessage());
                continue;
            }
            if (values.length <= 2 * horizon) {
                notes.add(series.key() + ": " + grain.count(values.length) + " of data; the backtest needs more than "
                        + grain.count(2L * horizon));
                continue;
            }
            FileForecastService.interpolate(values);
            full.put(series.key(), values);
            fullSeries.add(series);
            training.put(series.key(), Arrays.copyOf(values, values.length - horizon));
            trainingSeries.add(new DemandSeries(
                    series.service(),
                    series.cluster(),
                    series.resource(),
                    grain,
                    series.first(),
                    grain.plus(series.last(), -horizon),
                    series.periods()));
        }
        if (trainingSeries.isEmpty()) {
            throw FleetcastException.badInput("no " + grain.code() + " demand series is long enough to hold out "
                    + grain.count(horizon) + (notes.isEmpty() ? "" : " (" + notes.get(0) + ")"));
        }
        SeriesGroups where = plans.seriesGroups();
        PlanHierarchies fitted = PlanHierarchies.of(trainingSeries, training, where);
        PlanHierarchies actual = PlanHierarchies.of(fullSeries, full, where);
        fitted.excluded().forEach((key, why) -> notes.add(key + ": " + why));

        // Every node: its training history and its held-out values.
        Map<String, double[]> histories = new LinkedHashMap<>();
        Map<String, double[]> heldOut = new HashMap<>();
        Map<String, DemandSeries> byKey = new HashMap<>();
        for (DemandSeries aggregate : actual.aggregates()) {
            double[] sum = actual.history(aggregate, full).orElseThrow();
            heldOut.put(aggregate.key(), Arrays.copyOfRange(sum, sum.length - horizon, sum.length));
        }
        for (DemandSeries aggregate : fitted.aggregates()) {
            histories.put(aggregate.key(), fitted.history(aggregate, training).orElseThrow());
            byKey.put(aggregate.key(), aggregate);
        }
        for (DemandSeries series : trainingSeries) {
            if (fitted.contains(series.key())) {
                histories.put(series.key(), requireNonNull(training.get(series.key())));
                double[] values = requireNonNull(full.get(series.key()));
                heldOut.put(series.key(), Arrays.copyOfRange(values, values.length - horizon, values.length));
                byKey.put(series.key(), series);
            }
        }

        Map<String, PlanHierarchies.Base> bases = new TreeMap<>();
        Map<String, Double> scales = new HashMap<>();
        fitAll(histories, byKey, horizon, bases, scales, notes, progress);

        ImmutableList.Builder<Score> scores = ImmutableList.builder();
        Map<String, List<ForecastPoint>> baseForecasts = new HashMap<>();
        bases.forEach((key, base) -> baseForecasts.put(key, base.points()));
        scores.addAll(score("base", baseForecasts, heldOut, scales));
        for (ReconciliationMethod method : List.of(
                ReconciliationMethod.BOTTOM_UP,
                ReconciliationMethod.OLS,
                ReconciliationMethod.WLS_STRUCTURAL,
                ReconciliationMethod.WLS_VARIANCE,
                ReconciliationMethod.MINT_SHRINK)) {
            Map<String, String> left = new TreeMap<>();
            Map<String, List<ForecastPoint>> reconciled = new HashMap<>();
            fitted.reconcile(method, bases, left).forEach((resource, result) -> {
                reconciled.putAll(result.points());
                result.note().ifPresent(note -> notes.add(method.label() + ", " + resource + ": " + note));
            });
            left.values().forEach(notes::add);
            scores.addAll(score(method.label(), reconciled, heldOut, scales));
        }
        return new Result(
                grain,
                horizon,
                bases.size(),
                scores.build(),
                ImmutableList.copyOf(notes),
                (System.nanoTime() - started) / 1e9);
    }

    /** Fits every node on every core; a node that cannot be forecast is noted and left out. */
    private void fitAll(
            Map<String, double[]> histories,
            Map<String, DemandSeries> byKey,
            int horizon,
            Map<String, PlanHierarchies.Base> bases,
            Map<String, Double> scales,
            List<String> notes,
            PlanProgress progress) {
        Forecaster forecaster = forecasters.forSeries(ImmutableList.of(), false);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            Map<String, Future<PlanHierarchies.Base>> futures = new LinkedHashMap<>();
            histories.forEach((key, values) -> futures.put(
                    key, pool.submit(() -> fit(forecaster, requireNonNull(byKey.get(key)), values, horizon))));
            int done = 0;
            for (Map.Entry<String, Future<PlanHierarchies.Base>> entry : futures.entrySet()) {
                try {
                    bases.put(entry.getKey(), entry.getValue().get());
                    double[] values = requireNonNull(histories.get(entry.getKey()));
                    scales.put(entry.getKey(), naiveScale(values, byKey, entry.getKey()));
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof IllegalArgumentException)) {
                        throw FleetcastException.internal("a forecast failed", e.getCause());
                    }
                    notes.add(entry.getKey() + ": cannot be forecast: "
                            + e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw FleetcastException.internal("interrupted while forecasting", e);
                }
                progress.fitted(++done, futures.size(), entry.getKey());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static PlanHierarchies.Base fit(Forecaster forecaster, DemandSeries series, double[] values, int horizon) {
        Series history = Series.of(values, PlanForecastService.seasonalPeriods(series.grain(), values.length));
        Forecast forecast = forecaster.forecast(history, horizon);
        Optional<double[]> errors = forecast.backtestErrors();
        if (errors.isEmpty()) {
            errors = PlanForecastService.oneWindowErrors(forecaster, history, horizon);
        }
        return new PlanHierarchies.Base(
                forecast.provenance().model(),
                PlanForecastService.points(forecast, series),
                errors.map(e -> Arrays.stream(e).boxed().toList()).orElse(List.of()));
    }

    /** The in-sample mean absolute error of the seasonal naive method (at the first seasonal period, else lag 1). */
    private static double naiveScale(double[] values, Map<String, DemandSeries> byKey, String key) {
        int[] periods = PlanForecastService.seasonalPeriods(
                requireNonNull(byKey.get(key)).grain(), values.length);
        int lag = periods.length > 0 ? periods[0] : 1;
        double sum = 0;
        for (int t = lag; t < values.length; t++) {
            sum += Math.abs(values[t] - values[t - lag]);
        }
        return sum / (values.length - lag);
    }

    /** Per level and over all, the mean MASE and the 95% coverage of {@code forecasts} on the held-out values. */
    private static List<Score> score(
            String method,
            Map<String, List<ForecastPoint>> forecasts,
            Map<String, double[]> heldOut,
            Map<String, Double> scales) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        LEVELS.forEach(level -> sums.put(level, new double[4]));
        sums.put("all", new double[4]);
        forecasts.forEach((key, points) -> {
            double[] actual = heldOut.get(key);
            Double scale = scales.get(key);
            if (actual == null || scale == null || !(scale > 0)) {
                return;
            }
            double error = 0;
            int inside = 0;
            for (int step = 0; step < actual.length; step++) {
                ForecastPoint point = points.get(step);
                error += Math.abs(actual[step] - point.mean());
                inside += actual[step] >= point.lo95() && actual[step] <= point.hi95() ? 1 : 0;
            }
            for (String level : List.of(level(key), "all")) {
                double[] sum = requireNonNull(sums.get(level));
                sum[0] += 1;
                sum[1] += error / actual.length / scale;
                sum[2] += inside;
                sum[3] += actual.length;
            }
        });
        List<Score> scores = new ArrayList<>();
        sums.forEach((level, sum) -> {
            if (sum[0] > 0) {
                scores.add(new Score(method, level, (int) sum[0], sum[1] / sum[0], sum[2] / sum[3]));
            }
        });
        return scores;
    }

    /** The level of a node from its key: every service and every cluster is the total, {@code team:x} a team, and so on. */
    static String level(String key) {
        List<String> parts = DemandSeries.keyParts(key);
        String service = parts.get(0);
        String cluster = parts.get(1);
        boolean everyService = service.equals(PlanHierarchies.EVERY);
        boolean everyCluster = cluster.equals(PlanHierarchies.EVERY);
        if (everyService && everyCluster) {
            return "total";
        }
        if (everyCluster) {
            return service.startsWith("org:") ? "org" : service.startsWith("team:") ? "team" : "service";
        }
        if (everyService) {
            return cluster.startsWith("region:") ? "region" : cluster.startsWith("site:") ? "site" : "cluster";
        }
        return "series";
    }

    /** The scores as a table: a row per level, a column per method. */
    public static ImmutableMap<String, Map<String, Score>> table(Result result) {
        Map<String, Map<String, Score>> byLevel = new LinkedHashMap<>();
        for (Score score : result.scores()) {
            byLevel.computeIfAbsent(score.level(), level -> new LinkedHashMap<>())
                    .put(score.method(), score);
        }
        return ImmutableMap.copyOf(byLevel);
    }
}
