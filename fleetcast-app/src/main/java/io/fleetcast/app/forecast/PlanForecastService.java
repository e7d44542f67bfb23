package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.auto.AutomaticForecaster;
import io.fleetcast.forecast.backtest.Backtest;
import io.fleetcast.forecast.backtest.BacktestPlan;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.forecast.regression.Regressor;
import io.fleetcast.store.PlanStore;
import io.fleetcast.store.plan.CarriedRun;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandPoint;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.NewPlan;
import io.fleetcast.store.plan.NewRun;
import io.fleetcast.store.plan.Plan;
import io.fleetcast.store.plan.PlanLineage;
import io.fleetcast.store.plan.RunInputs;
import io.fleetcast.store.plan.StoredAdjustment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Forecasts the stored demand series (hourly, daily, weekly or monthly) into plan versions, refitting only what has new data, and explains what
 * changed between two versions. Immutable and safe for use from several threads.
 *
 * <p>Watermarks: a series is refitted when it was never fitted, when its last stored day is after the last day its run
 * in the latest plan was trained on, or when the requested horizon differs from its run's; otherwise its run is
 * carried forward unchanged (copied, points and provenance, into the new version). Runs of the latest plan whose
 * series are not selected are carried too, so every version is a whole plan.
 *
 * <p>Each series is the periods of the requested grain from its first to its last stored one (hours and days as
 * stored, weeks and months averaged by the store); missing periods inside are filled by linear
 * interpolation (as {@link FileForecastService} does), and a series with more than {@value
 * FileForecastService#MAXIMUM_MISSING_SHARE} of its periods missing, or too short for the method, is skipped and
 * reported. Seasonal periods are 24 and 168 hours, 7 and 365 days, 52 weeks or 12 months, each only where the series
 * shows it twice. Each grain has its own line of plan versions: a plan's parent is the newest plan of its grain.
 *
 * <p>With a reconciliation method ({@link PlanRequest#reconciliation()}), the plan also forecasts the aggregates of
 * each resource ({@link PlanHierarchies}; an aggregate is refitted, too, when the series under it change) and stores
 * every node's coherent forecast next to its statistical one, with the adjustments applied on top of it.
 */
public final class PlanForecastService {
    private static final ImmutableMap<DemandGrain, int[]> SEASONAL_PERIODS = ImmutableMap.of(
            DemandGrain.HOUR, new int[] {24, 168},
            DemandGrain.DAY, new int[] {7, 365},
            DemandGrain.WEEK, new int[] {52},
            DemandGrain.MONTH, new int[] {12});
    private static final ImmutableMap<DemandGrain, String> ADJECTIVES = ImmutableMap.of(
            DemandGrain.HOUR,
            "hourly",
            DemandGrain.DAY,
            "daily",
            DemandGrain.WEEK,
            "weekly",
            DemandGrain.MONTH,
            "monthly");

    private final PlanStore plans;
    private final ForecasterFactory forecasters;

    /** Forecasts with the methods {@code forecasters} makes (the automatic method by default, see {@code FleetcastApp}). */
    public PlanForecastService(PlanStore plans, ForecasterFactory forecasters) {
        this.plans = requireNonNull(plans, "plans is null");
        this.forecasters = requireNonNull(forecasters, "forecasters is null");
    }

    /** Makes the method that forecasts one series, given its events and drivers. */
    @FunctionalInterface
    public interface ForecasterFactory {
        /**
         * The method for one series.
         *
         * @param regressors the series' events and drivers over its days and the horizon; may be empty
         * @param followDrivers whether a driver scenario applies, so the forecast must follow the drivers
         */
        Forecaster forSeries(List<Regressor> regressors, boolean followDrivers);

        /**
         * The default: the automatic method, with the regression model among its candidates when there are
         * regressors, and the regression model alone when a scenario applies.
         */
        static ForecasterFactory automatic() {
            return (regressors, followDrivers) -> {
                if (followDrivers) {
                    return AutomaticForecaster.regressionWith(regressors);
                }
                return regressors.isEmpty()
                        ? new AutomaticForecaster()
                        : AutomaticForecaster.withRegressors(regressors);
            };
        }
    }

    /**
     * Refits the selected series with data newer than their watermark and writes the next plan version.
     *
     * @throws FleetcastException {@code BAD_INPUT} if the store has no daily demand, or no series matches the
     *     selector, or another plan was written meanwhile
     */
    public PlanForecast forecast(PlanRequest request, PlanProgress progress) {
        requireNonNull(request, "request is null");
        requireNonNull(progress, "progress is null");
        DemandGrain grain = request.grain();
        List<DemandSeries> all = plans.demandSeries(grain);
        if (all.isEmpty()) {
            String source = grain == DemandGrain.HOUR
                    ? "usage rows of grain hour"
                    : "usage rows of grain day" + (grain == DemandGrain.DAY ? "" : " covering a whole " + grain.code());
            throw FleetcastException.badInput("the store has no " + ADJECTIVES.get(grain) + " demand to forecast: load "
                    + source + " first (fleetcast ingest usage FILE..., or fleetcast demo)");
        }
        List<DemandSeries> selected =
                all.stream().filter(series -> request.selects(series.key())).toList();
        if (selected.isEmpty()) {
            throw FleetcastException.badInput("no " + ADJECTIVES.get(grain) + " demand series matches \""
                    + request.selector() + "\"; keys are" + " service/cluster/resource, e.g. "
                    + all.get(0).key() + " (a prefix, or a glob with * and ?)");
        }
        // With reconciliation, every series of each resource the selection touches takes part, and the aggregates.
        Map<String, double[]> histories = new HashMap<>();
        PlanHierarchies hierarchies = null;
        if (request.reconciliation().isPresent()) {
            Set<String> resources = new TreeSet<>();
            selected.forEach(series -> resources.add(series.resource()));
            List<DemandSeries> bottoms = all.stream()
                    .filter(series -> resources.contains(series.resource()))
                    .toList();
            for (DemandSeries series : bottoms) {
                try {
                    double[] values = values(series);
                    FileForecastService.interpolate(values);
                    histories.put(series.key(), values);
                } catch (SkippedSeries e) {
                    // Forecast alone below, where it is reported as skipped.
                }
            }
            hierarchies = PlanHierarchies.of(bottoms, histories, plans.seriesGroups());
            List<DemandSeries> withAggregates = new ArrayList<>(bottoms);
            withAggregates.addAll(hierarchies.aggregates());
            selected = withAggregates;
        }
        ForecastInputs inputs =
                ForecastInputs.of(plans.events(), plans.clusterRegions(), plans.drivers(), request.scenarios());
        List<StoredAdjustment> adjustments = plans.adjustments();
        Optional<Plan> parent = plans.latestPlan(grain);
        Map<String, ForecastRun> previous = new TreeMap<>();
        parent.ifPresent(plan -> plans.runs(plan.version()).forEach(run -> previous.put(run.seriesKey(), run)));

        Map<String, PlanLineage.Entry> lineage = new TreeMap<>();
        Map<String, PlanForecast.SeriesOutcome> outcomes = new TreeMap<>();
        List<CarriedRun> carried = new ArrayList<>();
        List<DemandSeries> toFit = new ArrayList<>();
        Map<String, String> fitReasons = new LinkedHashMap<>();
        Map<String, ForecastInputs.SeriesInputs> seriesInputs = new LinkedHashMap<>();
        for (DemandSeries series : selected) {
            ForecastRun run = previous.get(series.key());
            ForecastInputs.SeriesInputs regressors = inputs.forSeries(series, request.horizon());
            if (hierarchies != null && PlanHierarchies.isAggregate(series.key())) {
                regressors = hierarchies.withMembers(series.key(), regressors);
            }
            Optional<String> refitReason = refitReason(series, run, request.horizon(), regressors.inputs());
            if (run == null || refitReason.isPresent()) {
                toFit.add(series);
                fitReasons.put(series.key(), refitReason.orElse("first fit"));
                seriesInputs.put(series.key(), regressors);
            } else {
                String reason = "no new data since " + grain.label(run.trainEnd());
                carry(grain, run, reason, adjustments, lineage, outcomes, carried);
            }
        }
        for (ForecastRun run : previous.values()) {
            // An aggregate's forecast belongs to a reconciled plan only: a plan that is not reconciled drops it.
            boolean dropped = hierarchies == null && PlanHierarchies.isAggregate(run.seriesKey());
            if (!dropped && !lineage.containsKey(run.seriesKey()) && !fitReasons.containsKey(run.seriesKey())) {
                carry(grain, run, "not selected", adjustments, lineage, outcomes, carried);
            }
        }
        List<NewRun> fitted = new ArrayList<>();
        boolean reconciling = hierarchies != null;
        int skipped = 0;
        int done = 0;
        // Series are read from the store one by one, then fitted on every core: the fits are pure and independent.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<NewRun>> runs = new ArrayList<>();
            for (DemandSeries series : toFit) {
                try {
                    double[] values = history(series, hierarchies, histories);
                    ForecastInputs.SeriesInputs regressors = requireNonNull(seriesInputs.get(series.key()));
                    runs.add(pool.submit(
                            () -> fit(series, values, request.horizon(), regressors, adjustments, reconciling)));
                } catch (SkippedSeries e) {
                    runs.add(CompletableFuture.failedFuture(e));
                }
            }
            for (int i = 0; i < toFit.size(); i++) {
                DemandSeries series = toFit.get(i);
                String reason = requireNonNull(fitReasons.get(series.key()));
                try {
                    NewRun run = result(runs.get(i));
                    fitted.add(run);
                    lineage.put(series.key(), PlanLineage.Entry.refit(series.key(), reason));
                    outcomes.put(
                            series.key(),
                            new PlanForecast.SeriesOutcome(
                                    series.key(),
                                    "refit",
                                    reason,
                                    run.model(),
                                    run.trainEnd(),
                                    run.inputs().regressors(),
                                    run.adjustments().keySet().asList()));
                } catch (SkippedSeries e) {
                    skipped++;
                    outcomes.put(
                            series.key(),
                            new PlanForecast.SeriesOutcome(
                                    series.key(),
                                    "skipped",
                                    e.getMessage(),
                                    null,
                                    null,
                                    ImmutableList.of(),
                                    ImmutableList.of()));
                    ForecastRun old = previous.get(series.key());
                    if (old != null) {
                        carry(grain, old, "kept: " + e.getMessage(), adjustments, lineage, outcomes, carried);
                    }
                }
                progress.fitted(++done, toFit.size(), series.key());
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> notes = new ArrayList<>();
        String method = null;
        if (hierarchies != null) {
            ReconciliationMethod asked = request.reconciliation().orElseThrow();
            method = asked.label();
            reconcile(asked, hierarchies, grain, adjustments, fitted, carried, outcomes, notes);
        }
        Integer parentVersion = parent.map(Plan::version).orElse(null);
        StringBuilder scenarios = new StringBuilder();
        request.scenarios().forEach(scenario -> scenarios.append(" --scenario ").append(scenario.argument()));
        String description = String.format(
                Locale.ROOT,
                "fleetcast forecast%s%s --horizon %d%s%s: %d refitted, %d carried",
                grain == DemandGrain.DAY ? "" : " --grain " + grain.code(),
                request.selector().isEmpty() ? "" : " --series " + request.selector(),
                request.horizon(),
                scenarios,
                request.reconciliation()
                        .map(m -> " --reconcile " + PlanRequest.reconciliationName(m))
                        .orElse(""),
                fitted.size(),
                carried.size());
        Plan written = plans.writePlan(new NewPlan(
                grain,
                parentVersion,
                description,
                PlanLineage.of(ImmutableList.copyOf(lineage.values())),
                ImmutableList.copyOf(fitted),
                ImmutableList.copyOf(carried),
                method));
        return new PlanForecast(
                written.version(),
                parentVersion,
                grain,
                request.horizon(),
                fitted.size(),
                carried.size(),
                skipped,
                ImmutableList.copyOf(outcomes.values()),
                method,
                ImmutableList.copyOf(notes));
    }

    /**
     * The history to fit: an aggregate's sum of its bottom series, a bottom series already read for the hierarchy (gaps
     * filled), else the stored series (gaps as {@code NaN}).
     */
    private double[] history(
            DemandSeries series, @Nullable PlanHierarchies hierarchies, Map<String, double[]> histories) {
        if (hierarchies != null) {
            Optional<double[]> sum = hierarchies.history(series, histories);
            if (sum.isPresent()) {
                return sum.orElseThrow();
            }
        }
        double[] read = histories.get(series.key());
        return read != null ? read.clone() : values(series);
    }

    /**
     * Replaces the runs of every reconciled node (fitted or carried) with ones carrying their coherent forecast, and
     * the adjustments applied anew on top of it (aggregates moved by their bottom series' adjustments).
     */
    private void reconcile(
            ReconciliationMethod method,
            PlanHierarchies hierarchies,
            DemandGrain grain,
            List<StoredAdjustment> adjustments,
            List<NewRun> fitted,
            List<CarriedRun> carried,
            Map<String, PlanForecast.SeriesOutcome> outcomes,
            List<String> notes) {
        Map<String, PlanHierarchies.Base> bases = new HashMap<>();
        for (NewRun run : fitted) {
            bases.put(run.seriesKey(), new PlanHierarchies.Base(run.model(), run.points(), run.backtestErrors()));
        }
        for (CarriedRun run : carried) {
            ForecastRun source = run.source();
            if (hierarchies.contains(source.seriesKey())) {
                bases.put(
                        source.seriesKey(),
                        new PlanHierarchies.Base(
                                source.model(), plans.points(source.runId()), source.backtestErrors()));
            }
        }
        Map<String, String> byResource = new TreeMap<>();
        Map<String, PlanHierarchies.Reconciled> reconciled = hierarchies.reconcile(method, bases, byResource);
        notes.addAll(byResource.values());
        hierarchies.excluded().forEach((key, why) -> notes.add(key + ": " + why));
        Map<String, ImmutableList<ForecastPoint>> points = new HashMap<>();
        Map<String, PlanAdjustments.Applied> applied = new HashMap<>();
        reconciled.forEach((resource, result) -> {
            points.putAll(result.points());
            applied.putAll(hierarchies.adjust(resource, result.points(), adjustments, grain));
            result.note().ifPresent(note -> notes.add(resource + ": " + note));
        });
        PlanAdjustments.Applied none = new PlanAdjustments.Applied(ImmutableMap.of(), ImmutableList.of());
        for (int i = 0; i < fitted.size(); i++) {
            NewRun run = fitted.get(i);
            ImmutableList<ForecastPoint> coherent = points.get(run.seriesKey());
            if (coherent != null) {
                PlanAdjustments.Applied adjusted = applied.getOrDefault(run.seriesKey(), none);
                fitted.set(
                        i,
                        new NewRun(
                                run.seriesKey(),
                                run.model(),
                                run.parameters(),
                                run.trainStart(),
                                run.trainEnd(),
                                run.trainRows(),
                                run.points(),
                                run.inputs(),
                                adjusted.descriptions(),
                                adjusted.adjusted(),
                                run.backtestErrors(),
                                coherent));
                withAdjustments(outcomes, run.seriesKey(), adjusted);
            }
        }
        for (int i = 0; i < carried.size(); i++) {
            CarriedRun run = carried.get(i);
            ImmutableList<ForecastPoint> coherent = points.get(run.seriesKey());
            if (coherent != null) {
                PlanAdjustments.Applied adjusted = applied.getOrDefault(run.seriesKey(), none);
                carried.set(i, new CarriedRun(run.source(), adjusted.descriptions(), adjusted.adjusted(), coherent));
                withAdjustments(outcomes, run.seriesKey(), adjusted);
            }
        }
    }

    private static void withAdjustments(
            Map<String, PlanForecast.SeriesOutcome> outcomes, String key, PlanAdjustments.Applied adjusted) {
        PlanForecast.SeriesOutcome outcome = outcomes.get(key);
        if (outcome != null) {
            outcomes.put(
                    key,
                    new PlanForecast.SeriesOutcome(
                            outcome.seriesKey(),
                            outcome.action(),
                            outcome.reason(),
                            outcome.model(),
                            outcome.trainEnd(),
                            outcome.regressors(),
                            adjusted.descriptions().keySet().asList()));
        }
    }

    private Optional<String> refitReason(
            DemandSeries series, @Nullable ForecastRun run, int horizon, RunInputs inputs) {
        if (run == null) {
            return Optional.empty();
        }
        DemandGrain grain = series.grain();
        if (series.last().isAfter(run.trainEnd())) {
            return Optional.of("new data: " + grain.count(grain.between(run.trainEnd(), series.last())) + " after "
                    + grain.label(run.trainEnd()));
        }
        int stored = plans.points(run.runId()).size();
        if (stored != horizon) {
            return Optional.of("horizon changed from " + stored + " to " + grain.count(horizon));
        }
        if (!run.inputs().fingerprint().equals(inputs.fingerprint())) {
            boolean sameRegressors = run.inputs().regressors().equals(inputs.regressors())
                    && run.inputs().scenarios().equals(inputs.scenarios());
            if (sameRegressors && PlanHierarchies.isAggregate(series.key())) {
                return Optional.of("its series changed (one joined, left or moved to another team or site)");
            }
            return Optional.of(inputsChange(run.inputs(), inputs));
        }
        return Optional.empty();
    }

    /** Why a series' events, drivers or scenarios differ from its run's, for people. */
    private static String inputsChange(RunInputs before, RunInputs after) {
        List<String> parts = new ArrayList<>();
        Set<String> added = new TreeSet<>(after.regressors());
        before.regressors().forEach(added::remove);
        Set<String> removed = new TreeSet<>(before.regressors());
        after.regressors().forEach(removed::remove);
        added.forEach(name -> parts.add("+" + name));
        removed.forEach(name -> parts.add("-" + name));
        if (!before.scenarios().equals(after.scenarios())) {
            parts.add("scenarios " + (before.scenarios().isEmpty() ? "none" : String.join(", ", before.scenarios()))
                    + " -> " + (after.scenarios().isEmpty() ? "none" : String.join(", ", after.scenarios())));
        }
        if (parts.isEmpty()) {
            parts.add("event or driver values changed");
        }
        return "inputs changed: " + String.join("; ", parts);
    }

    /** Carries {@code run} forward, with the adjustments in force now applied to its statistical forecast. */
    private void carry(
            DemandGrain grain,
            ForecastRun run,
            String reason,
            List<StoredAdjustment> adjustments,
            Map<String, PlanLineage.Entry> lineage,
            Map<String, PlanForecast.SeriesOutcome> outcomes,
            List<CarriedRun> carried) {
        PlanAdjustments.Applied applied =
                PlanAdjustments.apply(adjustments, run.seriesKey(), grain, plans.points(run.runId()));
        lineage.put(run.seriesKey(), PlanLineage.Entry.carried(run.seriesKey(), reason, run));
        outcomes.putIfAbsent(
                run.seriesKey(),
                new PlanForecast.SeriesOutcome(
                        run.seriesKey(),
                        "carried",
                        reason,
                        run.model(),
                        run.trainEnd(),
                        run.inputs().regressors(),
                        applied.descriptions().keySet().asList()));
        carried.add(new CarriedRun(run, applied.descriptions(), applied.adjusted()));
    }

    /** A fit's result, or the {@link SkippedSeries} it threw; anything else is a bug and fails the run. */
    private static NewRun result(Future<NewRun> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FleetcastException.internal("interrupted while forecasting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SkippedSeries skipped) {
                throw skipped;
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw FleetcastException.internal("a forecast failed", e.getCause());
        }
    }

    /** The series' periods from its first to its last, with {@code NaN} where a period has no value. */
    private double[] values(DemandSeries series) {
        return storedValues(plans, series);
    }

    /**
     * The stored series' periods from its first to its last, with {@code NaN} where a period has no value.
     *
     * @throws SkippedSeries when too many periods have no value to fill them
     */
    static double[] storedValues(PlanStore plans, DemandSeries series) {
        DemandGrain grain = series.grain();
        List<DemandPoint> points = plans.demand(series.service(), series.cluster(), series.resource(), grain);
        int length = Math.toIntExact(grain.between(series.first(), series.last()) + 1);
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        for (DemandPoint point : points) {
            values[Math.toIntExact(grain.between(series.first(), point.ts()))] = point.used();
        }
        int missing = length - points.size();
        if (missing > FileForecastService.MAXIMUM_MISSING_SHARE * length) {
            throw new SkippedSeries(String.format(
                    Locale.ROOT,
                    "%d of %s have no value; more than %.0f%% missing is too many to fill",
                    missing,
                    grain.count(length),
                    100 * FileForecastService.MAXIMUM_MISSING_SHARE));
        }
        return values;
    }

    /**
     * Fits one series and applies its adjustments (pure: safe on any thread). With {@code needErrors} (a reconciled
     * plan), a series too short for the method's own backtest is backtested on one window, as long as fits, so that
     * it has errors too.
     */
    private NewRun fit(
            DemandSeries series,
            double[] values,
            int horizon,
            ForecastInputs.SeriesInputs inputs,
            List<StoredAdjustment> adjustments,
            boolean needErrors) {
        int length = values.length;
        FileForecastService.interpolate(values);
        int[] periods = seasonalPeriods(series.grain(), length);
        Forecaster forecaster = forecasters.forSeries(inputs.regressors(), inputs.followDrivers());
        Forecast forecast;
        try {
            forecast = forecaster.forecast(Series.of(values, periods), horizon);
        } catch (IllegalArgumentException e) {
            throw new SkippedSeries(forecaster.name() + " cannot forecast it: " + e.getMessage());
        }
        ImmutableList<ForecastPoint> statistical = points(forecast, series);
        PlanAdjustments.Applied applied = PlanAdjustments.apply(adjustments, series.key(), series.grain(), statistical);
        Optional<double[]> backtestErrors = forecast.backtestErrors();
        if (backtestErrors.isEmpty() && needErrors) {
            backtestErrors = oneWindowErrors(forecaster, Series.of(values, periods), horizon);
        }
        ImmutableList<Double> errors = backtestErrors
                .map(e -> Arrays.stream(e).boxed().collect(ImmutableList.toImmutableList()))
                .orElse(ImmutableList.of());
        return new NewRun(
                series.key(),
                forecast.provenance().model(),
                forecast.provenance().parameters(),
                series.first(),
                series.last(),
                length,
                statistical,
                inputs.inputs(),
                applied.descriptions(),
                applied.adjusted(),
                errors,
                ImmutableList.of());
    }

    /** {@code forecast} as stored points, one per period after the last of {@code series}. */
    static ImmutableList<ForecastPoint> points(Forecast forecast, DemandSeries series) {
        ImmutableList.Builder<ForecastPoint> points = ImmutableList.builder();
        Instant ts = series.last();
        for (int step = 0; step < forecast.horizon(); step++) {
            ts = series.grain().next(ts);
            points.add(new ForecastPoint(
                    ts,
                    forecast.mean(step),
                    forecast.lower80()[step],
                    forecast.upper80()[step],
                    forecast.lower95()[step],
                    forecast.upper95()[step]));
        }
        return points.build();
    }

    /** The seasonal periods of {@code grain} that a series of {@code length} periods shows at least twice. */
    static int[] seasonalPeriods(DemandGrain grain, int length) {
        return FileForecastService.usablePeriods(
                requireNonNull(SEASONAL_PERIODS.get(grain)), length, new ArrayList<>());
    }

    /** The errors of one backtest window of the longest horizon (up to {@code horizon}) the series allows. */
    static Optional<double[]> oneWindowErrors(Forecaster forecaster, Series series, int horizon) {
        for (int window = horizon; window >= 1; window--) {
            BacktestPlan plan = BacktestPlan.of(window, 1);
            if (Backtest.fits(series, plan)) {
                try {
                    return Optional.of(Backtest.run(forecaster, series, plan).errors());
                } catch (IllegalArgumentException tooShort) {
                    // The method cannot fit this training window; a shorter test window leaves it more.
                }
            }
        }
        return Optional.empty();
    }

    /**
     * What changed per series from plan {@code fromVersion} to plan {@code toVersion}: new data, a model change, other
     * events, drivers or scenarios, adjustments added, changed or removed, and the mean forecast (adjusted where
     * adjustments apply) over the days both cover.
     *
     * @throws FleetcastException {@code BAD_INPUT} if either version does not exist, or they are of different grains
     */
    public PlanDiff diff(int fromVersion, int toVersion) {
        Plan to = requirePlan(toVersion);
        Plan from = requirePlan(fromVersion);
        DemandGrain grain = to.grain();
        if (from.grain() != grain) {
            throw FleetcastException.badInput("plan " + fromVersion + " forecasts demand by "
                    + from.grain().code() + " and plan " + toVersion + " by " + grain.code()
                    + "; compare plans of one grain");
        }
        Map<String, ForecastRun> before = byKey(plans.runs(fromVersion));
        Map<String, ForecastRun> after = byKey(plans.runs(toVersion));
        Map<String, PlanLineage.Entry> lineage = new TreeMap<>();
        to.lineage().series().forEach(entry -> lineage.put(entry.seriesKey(), entry));
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        ImmutableList.Builder<PlanDiff.SeriesChange> changes = ImmutableList.builder();
        for (String key : keys) {
            changes.add(change(grain, key, before.get(key), after.get(key), lineage.get(key)));
        }
        return new PlanDiff(fromVersion, toVersion, changes.build());
    }

    private Plan requirePlan(int version) {
        return plans.plan(version).orElseThrow(() -> {
            Optional<Plan> latest = plans.latestPlan();
            return FleetcastException.badInput("there is no plan version " + version + "; "
                    + latest.map(plan -> "versions are 1 to " + plan.version())
                            .orElse("no plan was written yet (run fleetcast forecast)"));
        });
    }

    private static Map<String, ForecastRun> byKey(List<ForecastRun> runs) {
        Map<String, ForecastRun> map = new TreeMap<>();
        runs.forEach(run -> map.put(run.seriesKey(), run));
        return map;
    }

    private PlanDiff.SeriesChange change(
            DemandGrain grain,
            String key,
            @Nullable ForecastRun before,
            @Nullable ForecastRun after,
            PlanLineage.@Nullable Entry lineage) {
        if (before == null || after == null) {
            ForecastRun only = before == null ? requireNonNull(after) : before;
            boolean added = before == null;
            String explanation = (added ? "added: first fit, " : "removed: was ") + only.model() + " trained to "
                    + grain.label(only.trainEnd());
            return new PlanDiff.SeriesChange(
                    key,
                    added ? "added" : "removed",
                    ImmutableList.of(),
                    before == null ? null : before.model(),
                    after == null ? null : after.model(),
                    before == null ? null : before.trainEnd(),
                    after == null ? null : after.trainEnd(),
                    0,
                    0,
                    before == null
                            ? ImmutableList.of()
                            : before.adjustments().keySet().asList(),
                    after == null
                            ? ImmutableList.of()
                            : after.adjustments().keySet().asList(),
                    null,
                    null,
                    null,
                    explanation);
        }
        List<ForecastPoint> pointsBefore = finalPoints(before);
        List<ForecastPoint> pointsAfter = finalPoints(after);
        Map<Instant, Double> meanBefore = new TreeMap<>();
        pointsBefore.forEach(point -> meanBefore.put(point.ts(), point.mean()));
        double sumBefore = 0;
        double sumAfter = 0;
        int common = 0;
        for (ForecastPoint point : pointsAfter) {
            Double old = meanBefore.get(point.ts());
            if (old != null) {
                sumBefore += old;
                sumAfter += point.mean();
                common++;
            }
        }
        Double averageBefore = common == 0 ? null : sumBefore / common;
        Double averageAfter = common == 0 ? null : sumAfter / common;
        Double percent = common == 0 || sumBefore == 0 ? null : 100 * (sumAfter - sumBefore) / Math.abs(sumBefore);

        List<String> reasons = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        boolean sameRun = lineage != null && lineage.action() == PlanLineage.Action.CARRIED && sameFit(before, after);
        boolean newData = after.trainEnd().isAfter(before.trainEnd()) || after.trainRows() != before.trainRows();
        if (newData) {
            reasons.add("new data");
            long rows = after.trainRows() - before.trainRows();
            parts.add("new data: " + (rows >= 0 ? "+" : "") + grain.count(rows) + " (trained to "
                    + grain.label(after.trainEnd()) + ", was " + grain.label(before.trainEnd()) + ")");
        }
        if (!after.model().equals(before.model())) {
            reasons.add("model change");
            parts.add("model " + before.model() + " -> " + after.model());
        }
        boolean newInputs = !after.inputs().fingerprint().equals(before.inputs().fingerprint());
        if (newInputs) {
            reasons.add("inputs change");
            parts.add(inputsChange(before.inputs(), after.inputs()));
        }
        if (!newData && !newInputs && !sameFit(before, after)) {
            reasons.add("refit on the same data");
            parts.add("refitted on the same data");
        }
        adjustmentChange(before.adjustments(), after.adjustments()).ifPresent(part -> {
            reasons.add("adjustment");
            parts.add(part);
        });
        if (pointsBefore.size() != pointsAfter.size()) {
            reasons.add("horizon change");
            parts.add("horizon " + pointsBefore.size() + " -> " + grain.count(pointsAfter.size()));
        }
        String status = reasons.isEmpty() ? "unchanged" : "changed";
        if (reasons.isEmpty()) {
            parts.add(
                    sameRun
                            ? "carried forward unchanged ("
                                    + requireNonNull(lineage).reason() + ")"
                            : "same fit");
        }
        if (common > 0 && !reasons.isEmpty()) {
            parts.add(String.format(
                    Locale.ROOT,
                    "mean forecast over %s in common %.4g -> %.4g%s",
                    grain.count(common),
                    averageBefore,
                    averageAfter,
                    percent == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)", percent)));
        } else if (common == 0 && !reasons.isEmpty()) {
            parts.add("no forecast periods in common");
        }
        return new PlanDiff.SeriesChange(
                key,
                status,
                ImmutableList.copyOf(reasons),
                before.model(),
                after.model(),
                before.trainEnd(),
                after.trainEnd(),
                after.trainRows() - before.trainRows(),
                common,
                before.adjustments().keySet().asList(),
                after.adjustments().keySet().asList(),
                averageBefore,
                averageAfter,
                percent,
                String.join("; ", parts));
    }

    /**
     * The run's forecast as the plan gives it: adjusted where adjustments apply, else the reconciled one in a
     * reconciled plan, else the statistical one.
     */
    private List<ForecastPoint> finalPoints(ForecastRun run) {
        List<ForecastPoint> adjusted = plans.adjustedPoints(run.runId());
        if (!adjusted.isEmpty()) {
            return adjusted;
        }
        List<ForecastPoint> reconciled = plans.reconciledPoints(run.runId());
        return reconciled.isEmpty() ? plans.points(run.runId()) : reconciled;
    }

    /** How the applied adjustments differ, for people; empty when they are the same. */
    private static Optional<String> adjustmentChange(Map<String, String> before, Map<String, String> after) {
        List<String> parts = new ArrayList<>();
        after.forEach((id, description) -> {
            String old = before.get(id);
            if (old == null) {
                parts.add("+" + description);
            } else if (!old.equals(description)) {
                parts.add("changed " + description + " (was " + old.substring(old.indexOf(':') + 2) + ")");
            }
        });
        before.forEach((id, description) -> {
            if (!after.containsKey(id)) {
                parts.add("-" + description);
            }
        });
        return parts.isEmpty() ? Optional.empty() : Optional.of("adjustments " + String.join(", ", parts));
    }

    /** Whether two runs are the same fit: one is a copy of the other (carried), or both fitted identically. */
    private static boolean sameFit(ForecastRun before, ForecastRun after) {
        return before.model().equals(after.model())
                && before.inputs().equals(after.inputs())
                && before.parameters().equals(after.parameters())
                && before.trainStart().equals(after.trainStart())
                && before.trainEnd().equals(after.trainEnd())
                && before.createdAt().equals(after.createdAt());
    }

    /** A selected series that cannot be forecast; reported, not fatal for the others. */
    static final class SkippedSeries extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SkippedSeries(String message) {
            super(message, null, false, false);
        }

        @Override
        public String getMessage() {
            return requireNonNull(super.getMessage());
        }
    }
}
