package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.PlanStore;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandPoint;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.Plan;
import io.fleetcast.store.plan.PlanLineage;
import io.fleetcast.store.plan.SeriesGroups;
import io.fleetcast.store.plan.StoredAdjustment;
import io.fleetcast.store.plan.StoredEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the Forecast page and the forecast API show: plan versions, each version's series, one series' history with
 * its statistical and adjusted forecasts, the events and adjustments that concern it; and manual adjustments made
 * there. Safe for use from several threads.
 */
public final class ForecastViewService {
    /** The most history days a series view returns. */
    public static final int MAX_HISTORY_DAYS = 3_660;

    private final PlanStore plans;
    private final Clock clock;

    public ForecastViewService(PlanStore plans, Clock clock) {
        this.plans = requireNonNull(plans, "plans is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Every plan version, newest first. */
    public List<PlanSummary> plans() {
        return plans.plans().stream()
                .map(plan -> new PlanSummary(
                        plan.version(),
                        plan.grain(),
                        plan.parentVersion().isPresent() ? plan.parentVersion().orElseThrow() : null,
                        plan.createdAt(),
                        plan.description(),
                        count(plan, PlanLineage.Action.REFIT),
                        count(plan, PlanLineage.Action.CARRIED)))
                .collect(ImmutableList.toImmutableList())
                .reverse();
    }

    private static int count(Plan plan, PlanLineage.Action action) {
        return (int) plan.lineage().series().stream()
                .filter(entry -> entry.action() == action)
                .count();
    }

    /**
     * The series of plan {@code version} (the latest when {@code null}), in key order.
     *
     * @throws FleetcastException {@code BAD_INPUT} if there is no such plan (or none at all)
     */
    public PlanSeries planSeries(@Nullable Integer version) {
        Plan plan = plan(version);
        ImmutableList<SeriesSummary> series = plans.runs(plan.version()).stream()
                .map(run -> new SeriesSummary(
                        run.seriesKey(),
                        unit(run.seriesKey()),
                        run.model(),
                        run.trainEnd(),
                        run.inputs().regressors(),
                        run.adjustments().keySet().asList()))
                .collect(ImmutableList.toImmutableList());
        return new PlanSeries(plan.version(), plan.grain(), plan.createdAt(), plan.description(), series);
    }

    /**
     * One series of plan {@code version} (the latest when {@code null}): its last {@code historyDays} days of data,
     * its forecasts, the events in its scope over that span, and the stored adjustments that concern it.
     *
     * @throws FleetcastException {@code BAD_INPUT} if the plan or the series in it does not exist, or the history is
     *     out of range
     */
    public SeriesView series(@Nullable Integer version, String seriesKey, int historyDays) {
        requireNonNull(seriesKey, "seriesKey is null");
        if (historyDays < 0 || historyDays > MAX_HISTORY_DAYS) {
            throw FleetcastException.badInput("history must be 0 to " + MAX_HISTORY_DAYS + " days, got " + historyDays);
        }
        Plan plan = plan(version);
        ForecastRun run = plans.runs(plan.version()).stream()
                .filter(candidate -> candidate.seriesKey().equals(seriesKey))
                .findFirst()
                .orElseThrow(() -> FleetcastException.badInput("plan " + plan.version() + " has no series " + seriesKey
                        + " (keys are service/cluster/resource)"));
        List<String> key = DemandSeries.keyParts(seriesKey);
        DemandGrain grain = plan.grain();
        List<DemandPoint> points = PlanHierarchies.isAggregate(seriesKey)
                ? aggregateHistory(seriesKey, grain)
                : plans.demand(key.get(0), key.get(1), key.get(2), grain);
        Instant from = grain.next(run.trainEnd()).minus(Duration.ofDays(historyDays));
        ImmutableList<DemandPoint> history = points.stream()
                .filter(point -> !point.ts().isBefore(from) && !point.ts().isAfter(run.trainEnd()))
                .collect(ImmutableList.toImmutableList());
        List<ForecastPoint> forecast = plans.points(run.runId());
        List<ForecastPoint> adjusted = plans.adjustedPoints(run.runId());
        List<ForecastPoint> reconciled = plans.reconciledPoints(run.runId());
        LocalDate first = day(from);
        LocalDate last = forecast.isEmpty()
                ? day(run.trainEnd())
                : day(forecast.get(forecast.size() - 1).ts());
        String region = plans.clusterRegions().get(key.get(1));
        ImmutableList<StoredEvent> events = plans.events().stream()
                .filter(event -> event.appliesTo(key.get(0), region))
                .filter(event -> !event.end().isBefore(first) && !event.start().isAfter(last))
                .collect(ImmutableList.toImmutableList());
        ImmutableList<AdjustmentView> adjustments = plans.adjustments().stream()
                .filter(adjustment -> adjustment.appliesTo(key.get(0), key.get(1), key.get(2)))
                .map(adjustment -> new AdjustmentView(
                        adjustment, adjustment.describe(), run.adjustments().containsKey(adjustment.id())))
                .collect(ImmutableList.toImmutableList());
        return new SeriesView(
                plan.version(),
                grain,
                seriesKey,
                unit(seriesKey),
                run.model(),
                run.parameters(),
                run.trainStart(),
                run.trainEnd(),
                run.trainRows(),
                run.inputs().regressors(),
                run.inputs().scenarios(),
                history,
                ImmutableList.copyOf(forecast),
                ImmutableList.copyOf(adjusted),
                ImmutableList.copyOf(reconciled),
                events,
                adjustments);
    }

    /** An aggregate's history: per period, the sum of the stored series under it. */
    private List<DemandPoint> aggregateHistory(String seriesKey, DemandGrain grain) {
        SeriesGroups groups = plans.seriesGroups();
        Map<Instant, Double> sums = new TreeMap<>();
        for (DemandSeries series : plans.demandSeries(grain)) {
            if (PlanHierarchies.covers(seriesKey, series, groups)) {
                for (DemandPoint point : plans.demand(series.service(), series.cluster(), series.resource(), grain)) {
                    sums.merge(point.ts(), point.used(), Double::sum);
                }
            }
        }
        List<DemandPoint> history = new ArrayList<>();
        sums.forEach((ts, used) -> history.add(new DemandPoint(ts, used)));
        return history;
    }

    /**
     * Stores a manual adjustment made by {@code author}, replacing the one with its id if there is one; it applies
     * from the next plan version on ({@code fleetcast forecast}, or {@link PlanForecastService#forecast}). Values
     * with a unit are converted to the resource's canonical unit.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the field if the adjustment is not valid
     */
    public StoredAdjustment saveAdjustment(AdjustmentInput input, String author) {
        requireNonNull(input, "input is null");
        requireNonNull(author, "author is null");
        Resource resource = Resource.parse(input.resource())
                .orElseThrow(() -> FleetcastException.badInput(
                        "resource must be cpu, memory or storage, got \"" + input.resource() + "\""));
        String kind = input.kind().toLowerCase(Locale.ROOT);
        if (!StoredAdjustment.KINDS.contains(kind)) {
            throw FleetcastException.badInput(
                    "kind must be add, multiply, override or step, got \"" + input.kind() + "\"");
        }
        if (!Double.isFinite(input.value())) {
            throw FleetcastException.badInput("value must be a number");
        }
        if (kind.equals("multiply") && !(input.value() > 0)) {
            throw FleetcastException.badInput(
                    "a multiply adjustment's value is a factor above 0, got " + input.value());
        }
        if (input.reason().isBlank()) {
            throw FleetcastException.badInput("reason is required: say why");
        }
        if (input.service().isBlank()) {
            throw FleetcastException.badInput("service is required");
        }
        LocalDate end = kind.equals("step") ? null : input.end();
        if (!kind.equals("step") && end == null) {
            throw FleetcastException.badInput("end is required for " + kind + " (only a step lasts)");
        }
        if (end != null && end.isBefore(input.start())) {
            throw FleetcastException.badInput("end " + end + " is before start " + input.start());
        }
        double value = input.value();
        String unit = null;
        if (!kind.equals("multiply")) {
            String given = input.unit() == null || input.unit().isBlank() ? resource.canonicalUnit() : input.unit();
            OptionalDouble factor = resource.toCanonical(given);
            if (factor.isEmpty()) {
                throw FleetcastException.badInput("unit \"" + given + "\" is not one of " + resource.code()
                        + "'s units " + resource.acceptedUnits().keySet());
            }
            value *= factor.orElseThrow();
            unit = resource.canonicalUnit();
        }
        String id = input.id() == null || input.id().isBlank()
                ? "ADJ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT)
                : input.id().trim();
        StoredAdjustment adjustment = new StoredAdjustment(
                id,
                input.service().trim(),
                input.cluster() == null || input.cluster().isBlank()
                        ? null
                        : input.cluster().trim(),
                resource.code(),
                kind,
                value,
                unit,
                input.start(),
                end,
                author,
                input.reason().trim(),
                clock.instant());
        plans.saveAdjustment(adjustment, "api");
        return adjustment;
    }

    /**
     * Removes adjustment {@code id}; plan versions already written keep it.
     *
     * @throws FleetcastException {@code BAD_INPUT} if there is no such adjustment
     */
    public void deleteAdjustment(String id) {
        if (!plans.deleteAdjustment(requireNonNull(id, "id is null"))) {
            throw FleetcastException.badInput("there is no adjustment " + id);
        }
    }

    /** Every stored adjustment, in the order they apply. */
    public List<StoredAdjustment> adjustments() {
        return plans.adjustments();
    }

    private Plan plan(@Nullable Integer version) {
        Optional<Plan> plan = version == null ? plans.latestPlan() : plans.plan(version);
        return plan.orElseThrow(() -> FleetcastException.badInput(plans.latestPlan()
                .map(latest -> "there is no plan version " + version + "; versions are 1 to " + latest.version())
                .orElse("no plan was written yet (run fleetcast forecast)")));
    }

    private static String unit(String seriesKey) {
        List<String> parts = DemandSeries.keyParts(seriesKey);
        String resource = parts.get(parts.size() - 1);
        return Resource.parse(resource).map(Resource::canonicalUnit).orElse("");
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** One plan version, for a picker. */
    public record PlanSummary(
            int version,
            DemandGrain grain,
            @Nullable Integer parentVersion,
            Instant createdAt,
            String description,
            int refitted,
            int carried) {}

    /** A plan version's series. */
    public record PlanSeries(
            int version,
            DemandGrain grain,
            Instant createdAt,
            String description,
            ImmutableList<SeriesSummary> series) {}

    /**
     * One series in a plan.
     *
     * @param unit the canonical unit of its values (cores, GiB, TB)
     * @param adjustments the ids of the adjustments applied to it in the plan
     */
    public record SeriesSummary(
            String seriesKey,
            String unit,
            String model,
            Instant trainEnd,
            ImmutableList<String> regressors,
            ImmutableList<String> adjustments) {}

    /**
     * One series of a plan, for the chart.
     *
     * @param grain the plan's grain
     * @param history its stored periods over the last days asked for, up to the run's training end; periods without
     *     data are absent
     * @param forecast the statistical forecast
     * @param adjusted the forecast with the plan's adjustments applied; empty when none applies
     * @param events the events in its scope that touch the span shown
     * @param adjustments every stored adjustment that concerns the series, and whether this plan applied it
     */
    public record SeriesView(
            int version,
            DemandGrain grain,
            String seriesKey,
            String unit,
            String model,
            ImmutableMap<String, Double> parameters,
            Instant trainStart,
            Instant trainEnd,
            long trainRows,
            ImmutableList<String> regressors,
            ImmutableList<String> scenarios,
            ImmutableList<DemandPoint> history,
            ImmutableList<ForecastPoint> forecast,
            ImmutableList<ForecastPoint> adjusted,
            ImmutableList<ForecastPoint> reconciled,
            ImmutableList<StoredEvent> events,
            ImmutableList<AdjustmentView> adjustments) {}

    /**
     * A stored adjustment as the page lists it.
     *
     * @param description one line for people
     * @param applied whether the plan shown applied it (a new or changed one applies from the next plan)
     */
    public record AdjustmentView(StoredAdjustment adjustment, String description, boolean applied) {}

    /**
     * An adjustment as a person enters it.
     *
     * @param id its identifier; a new random one ({@code ADJ-} and 8 hex digits) when {@code null} or blank; an
     *     existing id replaces that adjustment
     * @param service the service
     * @param cluster the cluster; {@code null} or blank for all of the service's clusters
     * @param resource cpu, memory or storage
     * @param kind add, multiply, override or step
     * @param value the quantity (in {@code unit}) or, for multiply, the factor
     * @param unit the value's unit; the resource's canonical unit when {@code null}; ignored for multiply
     * @param start the first day
     * @param end the last day (inclusive); required except for a step
     * @param reason why
     */
    public record AdjustmentInput(
            @Nullable String id,
            String service,
            @Nullable String cluster,
            String resource,
            String kind,
            double value,
            @Nullable String unit,
            LocalDate start,
            @Nullable LocalDate end,
            String reason) {
        public AdjustmentInput {
            requireNonNull(service, "service is null");
            requireNonNull(resource, "resource is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(start, "start is null");
            requireNonNull(reason, "reason is null");
        }
    }
}
