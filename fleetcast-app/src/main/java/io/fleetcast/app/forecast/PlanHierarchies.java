package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.reconcile.GroupedHierarchy;
import io.fleetcast.forecast.reconcile.Reconciler;
import io.fleetcast.forecast.reconcile.Reconciliation;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.forecast.reconcile.Residuals;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.RunInputs;
import io.fleetcast.store.plan.SeriesGroups;
import io.fleetcast.store.plan.StoredAdjustment;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The demand series of a plan grouped per resource into org → team → service and region → site → cluster, crossed
 * (a {@link GroupedHierarchy} per resource): the aggregate series to forecast besides the bottom ones, their history
 * (sums of the bottom series'), and the reconciliation of everyone's forecasts into coherent ones.
 *
 * <p>Aggregates are named like series keys, with {@code *} for "every": {@code org:commerce/*}{@code /cpu}, {@code
 * team:payments/*}{@code /cpu}, {@code checkout/*}{@code /cpu} (one service, every cluster), {@code *}{@code
 * /region:us-east/cpu}, {@code *}{@code /site:dc-ash/cpu}, {@code *}{@code /ash-c1/cpu} (one cluster, every service),
 * and the total {@code *}{@code /*}{@code /cpu}. A resource's bottom series take part when their data reaches its
 * latest period (so every forecast covers the same periods); the others are forecast alone and reported.
 */
final class PlanHierarchies {
    /** Stands for "every service" or "every cluster" in an aggregate's key. */
    static final String EVERY = "*";

    private final ImmutableMap<String, Group> groups;
    private final ImmutableMap<String, String> excluded;

    /** One resource's structure: its hierarchy (nodes named by series keys) and its aggregate series. */
    private record Group(
            GroupedHierarchy hierarchy,
            ImmutableMap<String, DemandSeries> bottoms,
            ImmutableMap<String, DemandSeries> aggregates) {}

    private PlanHierarchies(ImmutableMap<String, Group> groups, ImmutableMap<String, String> excluded) {
        this.groups = groups;
        this.excluded = excluded;
    }

    /**
     * The structures of the resources of {@code bottoms} (every series of each resource to reconcile, each with its
     * interpolated history in {@code histories}; series without one are left out).
     *
     * @throws FleetcastException {@code BAD_INPUT} if a service has no team, a cluster no site, or a team is in two
     *     orgs or a site in two regions
     */
    static PlanHierarchies of(List<DemandSeries> bottoms, Map<String, double[]> histories, SeriesGroups where) {
        Map<String, List<DemandSeries>> byResource = new TreeMap<>();
        for (DemandSeries series : bottoms) {
            byResource
                    .computeIfAbsent(series.resource(), r -> new ArrayList<>())
                    .add(series);
        }
        ImmutableMap.Builder<String, Group> groups = ImmutableMap.builder();
        Map<String, String> excluded = new TreeMap<>();
        for (Map.Entry<String, List<DemandSeries>> entry : byResource.entrySet()) {
            String resource = entry.getKey();
            Instant last = entry.getValue().stream()
                    .filter(series -> histories.containsKey(series.key()))
                    .map(DemandSeries::last)
                    .max(Instant::compareTo)
                    .orElse(null);
            if (last == null) {
                continue;
            }
            List<DemandSeries> members = new ArrayList<>();
            for (DemandSeries series : entry.getValue()) {
                if (!histories.containsKey(series.key())) {
                    excluded.put(series.key(), "not reconciled: it could not be forecast");
                } else if (series.last().isBefore(last)) {
                    DemandGrain grain = series.grain();
                    excluded.put(
                            series.key(),
                            "not reconciled: its data ends " + grain.label(series.last()) + ", before the other "
                                    + resource + " series' " + grain.label(last));
                } else {
                    members.add(series);
                }
            }
            if (!members.isEmpty()) {
                groups.put(resource, group(resource, members, last, where));
            }
        }
        return new PlanHierarchies(groups.buildOrThrow(), ImmutableMap.copyOf(excluded));
    }

    private static Group group(String resource, List<DemandSeries> members, Instant last, SeriesGroups where) {
        GroupedHierarchy.Builder builder = GroupedHierarchy.builder(key(EVERY, EVERY, resource));
        Map<String, Instant> firstByNode = new LinkedHashMap<>();
        for (DemandSeries series : members) {
            SeriesGroups.Owner owner = where.owners().get(series.service());
            SeriesGroups.Place place = where.places().get(series.cluster());
            if (owner == null || place == null) {
                throw FleetcastException.badInput(series.key() + ": "
                        + (owner == null
                                ? "service " + series.service() + " has no team in the services file"
                                : "cluster " + series.cluster() + " has no site among the assets")
                        + "; reconciliation needs both");
            }
            List<String> byOwner = List.of(
                    key("org:" + owner.org(), EVERY, resource),
                    key("team:" + owner.team(), EVERY, resource),
                    key(series.service(), EVERY, resource));
            List<String> byPlace = List.of(
                    key(EVERY, "region:" + place.region(), resource),
                    key(EVERY, "site:" + place.site(), resource),
                    key(EVERY, series.cluster(), resource));
            builder.bottom(series.key(), List.of(byOwner, byPlace));
            for (String node : concat(byOwner, byPlace, List.of(key(EVERY, EVERY, resource)))) {
                firstByNode.merge(node, series.first(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        GroupedHierarchy hierarchy;
        try {
            hierarchy = builder.build();
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput("the " + resource + " series cannot be grouped: " + e.getMessage()
                    + " (a team must be in one org, a site in one region)");
        }
        DemandGrain grain = members.get(0).grain();
        ImmutableMap.Builder<String, DemandSeries> aggregates = ImmutableMap.builder();
        for (String node : hierarchy.nodes().subList(0, hierarchy.size() - hierarchy.bottomCount())) {
            List<String> parts = DemandSeries.keyParts(node);
            Instant first = requireNonNull(firstByNode.get(node));
            long periods = grain.between(first, last) + 1;
            aggregates.put(node, new DemandSeries(parts.get(0), parts.get(1), resource, grain, first, last, periods));
        }
        ImmutableMap.Builder<String, DemandSeries> bottoms = ImmutableMap.builder();
        members.forEach(series -> bottoms.put(series.key(), series));
        return new Group(hierarchy, bottoms.buildOrThrow(), aggregates.buildOrThrow());
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.addAll(c);
        return all;
    }

    static String key(String service, String cluster, String resource) {
        return String.join(DemandSeries.KEY_SEPARATOR, service, cluster, resource);
    }

    /** Every aggregate series to forecast, in key order per resource. */
    ImmutableList<DemandSeries> aggregates() {
        ImmutableList.Builder<DemandSeries> all = ImmutableList.builder();
        groups.values().forEach(group -> all.addAll(group.aggregates().values()));
        return all.build();
    }

    /** Bottom series left out of their resource's hierarchy, with why. */
    ImmutableMap<String, String> excluded() {
        return excluded;
    }

    /**
     * The history of aggregate {@code series}: per period, the sum of the (interpolated) histories of the bottom series
     * under it that have begun; empty when {@code series} is not an aggregate.
     */
    Optional<double[]> history(DemandSeries series, Map<String, double[]> histories) {
        Group group = groups.get(series.resource());
        if (group == null || !group.aggregates().containsKey(series.key())) {
            return Optional.empty();
        }
        DemandGrain grain = series.grain();
        double[] sum = new double[Math.toIntExact(grain.between(series.first(), series.last()) + 1)];
        for (String member : group.hierarchy().members(series.key())) {
            double[] values = requireNonNull(histories.get(member));
            Instant first = requireNonNull(group.bottoms().get(member)).first();
            int offset = Math.toIntExact(grain.between(series.first(), first));
            for (int t = 0; t < values.length; t++) {
                sum[offset + t] += values[t];
            }
        }
        return Optional.of(sum);
    }

    /** One node's base forecast as the plan holds it. */
    record Base(String model, List<ForecastPoint> points, List<Double> backtestErrors) {}

    /**
     * One resource's reconciled forecasts (coherent means, each series' own interval widths), by series key, and how:
     * the method used and, when it differs from the one asked for, why.
     */
    record Reconciled(
            ImmutableMap<String, ImmutableList<ForecastPoint>> points, String method, Optional<String> note) {}

    /**
     * Reconciles each resource whose nodes all have a base forecast in {@code bases}; a resource with a node missing
     * is left out and reported in {@code notes}. The backtest errors over the last periods all nodes' errors cover are
     * the residuals (for every method); when a node has none, MinT and WLS with variances fall back to structural
     * WLS.
     */
    Map<String, Reconciled> reconcile(ReconciliationMethod method, Map<String, Base> bases, Map<String, String> notes) {
        Map<String, Reconciled> result = new TreeMap<>();
        for (Map.Entry<String, Group> entry : groups.entrySet()) {
            GroupedHierarchy hierarchy = entry.getValue().hierarchy();
            List<String> missing = hierarchy.nodes().stream()
                    .filter(node -> !bases.containsKey(node))
                    .toList();
            if (!missing.isEmpty()) {
                notes.put(
                        entry.getKey(),
                        "the " + entry.getKey() + " series are not reconciled: " + missing.size()
                                + " of them have no forecast (" + missing.get(0) + (missing.size() > 1 ? ", ..." : "")
                                + ")");
                continue;
            }
            result.put(entry.getKey(), reconcileOne(method, hierarchy, bases));
        }
        return result;
    }

    private static Reconciled reconcileOne(
            ReconciliationMethod method, GroupedHierarchy hierarchy, Map<String, Base> bases) {
        Map<String, Forecast> forecasts = new LinkedHashMap<>();
        int horizon = -1;
        for (String node : hierarchy.nodes()) {
            Base base = requireNonNull(bases.get(node));
            forecasts.put(node, forecast(base));
            horizon = base.points().size();
        }
        List<String> why = new ArrayList<>();
        Optional<Residuals> residuals = residuals(hierarchy, bases, why);
        Reconciler reconciler = Reconciler.of(hierarchy);
        Reconciliation reconciliation;
        Optional<String> note = Optional.empty();
        if (residuals.isPresent()) {
            reconciliation = reconciler.reconcile(method, forecasts, residuals.orElseThrow());
            note = reconciliation.fallbackReason();
        } else if (method.needsResiduals()) {
            reconciliation = reconciler.reconcile(ReconciliationMethod.WLS_STRUCTURAL, forecasts);
            note = Optional.of(why.get(0) + "; reconciled by " + ReconciliationMethod.WLS_STRUCTURAL.label()
                    + " instead of " + method.label());
        } else {
            reconciliation = reconciler.reconcile(method, forecasts);
        }
        ImmutableMap.Builder<String, ImmutableList<ForecastPoint>> points = ImmutableMap.builder();
        for (String node : hierarchy.nodes()) {
            Forecast coherent = reconciliation.forecast(node);
            List<ForecastPoint> base = requireNonNull(bases.get(node)).points();
            ImmutableList.Builder<ForecastPoint> reconciled = ImmutableList.builder();
            // Each series keeps its own interval widths, moved to the coherent mean: MinT's variance formula takes the
            // error covariance as known, and estimated from a few dozen backtest errors it is optimistic (its 95%
            // intervals held 83% of held-out weeks on the demo fleet; these hold 95%: docs/forecasting.md).
            for (int step = 0; step < horizon; step++) {
                ForecastPoint own = base.get(step);
                double shift = coherent.mean(step) - own.mean();
                reconciled.add(new ForecastPoint(
                        own.ts(),
                        coherent.mean(step),
                        own.lo80() + shift,
                        own.hi80() + shift,
                        own.lo95() + shift,
                        own.hi95() + shift));
            }
            points.put(node, reconciled.build());
        }
        return new Reconciled(points.buildOrThrow(), reconciliation.method().label(), note);
    }

    private static Forecast forecast(Base base) {
        int horizon = base.points().size();
        double[][] columns = new double[5][horizon];
        for (int step = 0; step < horizon; step++) {
            ForecastPoint point = base.points().get(step);
            columns[0][step] = point.mean();
            columns[1][step] = point.lo80();
            columns[2][step] = point.hi80();
            columns[3][step] = point.lo95();
            columns[4][step] = point.hi95();
        }
        return Forecast.of(
                Provenance.of(base.model(), ImmutableMap.of(), 1),
                columns[0],
                columns[1],
                columns[2],
                columns[3],
                columns[4]);
    }

    /**
     * The nodes' backtest errors as residual rows: the last periods every node's errors cover (they all end with the
     * same period). Empty, with why in {@code why}, when a node has none or only zeros (too short to backtest, or
     * constant).
     */
    private static Optional<Residuals> residuals(
            GroupedHierarchy hierarchy, Map<String, Base> bases, List<String> why) {
        int rows = Integer.MAX_VALUE;
        List<String> without = new ArrayList<>();
        for (String node : hierarchy.nodes()) {
            List<Double> own = requireNonNull(bases.get(node)).backtestErrors();
            if (own.isEmpty() || own.stream().allMatch(error -> error == 0)) {
                without.add(node);
            }
            rows = Math.min(rows, own.size());
        }
        if (!without.isEmpty()) {
            why.add(without.size() + " of " + hierarchy.size() + " series have no backtest errors (too short to"
                    + " backtest, or constant), e.g. " + without.get(0));
            return Optional.empty();
        }
        double[][] errors = new double[rows][hierarchy.size()];
        for (int i = 0; i < hierarchy.size(); i++) {
            List<Double> own =
                    requireNonNull(bases.get(hierarchy.nodes().get(i))).backtestErrors();
            int skip = own.size() - rows;
            for (int t = 0; t < rows; t++) {
                errors[t][i] = own.get(skip + t);
            }
        }
        return Optional.of(Residuals.of(hierarchy.nodes(), errors));
    }

    /**
     * Adjustments in a reconciled plan: each bottom series' adjustments apply to its reconciled forecast, and every
     * aggregate moves by the sum of its bottom series' changes, so the adjusted plan adds up too. Returns the adjusted
     * forecast and the adjustments of every node some adjustment reaches.
     */
    Map<String, PlanAdjustments.Applied> adjust(
            String resource,
            Map<String, ImmutableList<ForecastPoint>> reconciled,
            List<StoredAdjustment> adjustments,
            DemandGrain grain) {
        Group group = requireNonNull(groups.get(resource));
        GroupedHierarchy hierarchy = group.hierarchy();
        Map<String, PlanAdjustments.Applied> applied = new LinkedHashMap<>();
        for (String bottom : hierarchy.bottomNodes()) {
            PlanAdjustments.Applied own =
                    PlanAdjustments.apply(adjustments, bottom, grain, requireNonNull(reconciled.get(bottom)));
            if (!own.adjusted().isEmpty()) {
                applied.put(bottom, own);
            }
        }
        if (applied.isEmpty()) {
            return applied;
        }
        for (String aggregate : group.aggregates().keySet()) {
            List<ForecastPoint> base = requireNonNull(reconciled.get(aggregate));
            double[] shift = new double[base.size()];
            ImmutableMap.Builder<String, String> descriptions = ImmutableMap.builder();
            Map<String, String> seen = new LinkedHashMap<>();
            for (String member : hierarchy.members(aggregate)) {
                PlanAdjustments.Applied own = applied.get(member);
                if (own == null) {
                    continue;
                }
                List<ForecastPoint> memberBase = requireNonNull(reconciled.get(member));
                for (int step = 0; step < shift.length; step++) {
                    shift[step] += own.adjusted().get(step).mean()
                            - memberBase.get(step).mean();
                }
                own.descriptions().forEach(seen::putIfAbsent);
            }
            if (seen.isEmpty()) {
                continue;
            }
            descriptions.putAll(seen);
            ImmutableList.Builder<ForecastPoint> moved = ImmutableList.builder();
            for (int step = 0; step < shift.length; step++) {
                ForecastPoint point = base.get(step);
                double d = shift[step];
                moved.add(new ForecastPoint(
                        point.ts(),
                        point.mean() + d,
                        point.lo80() + d,
                        point.hi80() + d,
                        point.lo95() + d,
                        point.hi95() + d));
            }
            applied.put(aggregate, new PlanAdjustments.Applied(descriptions.buildOrThrow(), moved.build()));
        }
        return applied;
    }

    /** Whether {@code key} names an aggregate (every service or every cluster), not a stored series. */
    static boolean isAggregate(String key) {
        List<String> parts = DemandSeries.keyParts(key);
        return parts.size() == 3 && (parts.get(0).equals(EVERY) || parts.get(1).equals(EVERY));
    }

    /**
     * Whether the stored series {@code series} lies under aggregate {@code aggregateKey} (its resource, and its service
     * and cluster within the aggregate's org, team or service and region, site or cluster).
     */
    static boolean covers(String aggregateKey, DemandSeries series, SeriesGroups where) {
        List<String> parts = DemandSeries.keyParts(aggregateKey);
        if (parts.size() != 3 || !parts.get(2).equals(series.resource())) {
            return false;
        }
        SeriesGroups.Owner owner = where.owners().get(series.service());
        SeriesGroups.Place place = where.places().get(series.cluster());
        String byOwner = parts.get(0);
        String byPlace = parts.get(1);
        boolean ownerMatches = byOwner.equals(EVERY)
                || byOwner.equals(series.service())
                || (owner != null && (byOwner.equals("team:" + owner.team()) || byOwner.equals("org:" + owner.org())));
        boolean placeMatches = byPlace.equals(EVERY)
                || byPlace.equals(series.cluster())
                || (place != null
                        && (byPlace.equals("site:" + place.site()) || byPlace.equals("region:" + place.region())));
        return ownerMatches && placeMatches;
    }

    /**
     * {@code inputs} of aggregate {@code key} with the series under it folded into the fingerprint, so that the
     * aggregate is refitted when a series joins, leaves or moves to another team or site.
     */
    ForecastInputs.SeriesInputs withMembers(String key, ForecastInputs.SeriesInputs inputs) {
        Group group = requireNonNull(groups.get(DemandSeries.keyParts(key).get(2)), key);
        Hasher hasher = Hashing.sha256().newHasher();
        hasher.putString(inputs.inputs().fingerprint(), StandardCharsets.UTF_8);
        for (String member : group.hierarchy().members(key)) {
            hasher.putString("|" + member, StandardCharsets.UTF_8);
        }
        RunInputs own = inputs.inputs();
        RunInputs folded = new RunInputs(hasher.hash().toString().substring(0, 16), own.regressors(), own.scenarios());
        return new ForecastInputs.SeriesInputs(inputs.regressors(), folded, inputs.followDrivers());
    }

    /** Whether {@code key} is a node of a resource's hierarchy. */
    boolean contains(String key) {
        List<String> parts = DemandSeries.keyParts(key);
        Group group = parts.size() == 3 ? groups.get(parts.get(2)) : null;
        return group != null && group.hierarchy().contains(key);
    }

    /** The resources with a hierarchy. */
    ImmutableList<String> resources() {
        return groups.keySet().asList();
    }
}
