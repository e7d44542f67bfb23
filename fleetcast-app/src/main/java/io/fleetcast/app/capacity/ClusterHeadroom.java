package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.headroom.DisasterRecoveryReserve;
import io.fleetcast.planning.headroom.FailureDomain;
import io.fleetcast.planning.headroom.ForecastErrors;
import io.fleetcast.planning.headroom.HeadroomRequest;
import io.fleetcast.planning.headroom.HeadroomSizer;
import io.fleetcast.planning.headroom.HeadroomSizing;
import io.fleetcast.planning.headroom.OrderInFlight;
import io.fleetcast.planning.headroom.SupplyPool;
import io.fleetcast.planning.supply.EmpiricalDays;
import io.fleetcast.planning.supply.InFlightOrder;
import io.fleetcast.planning.supply.LeadTimes;
import io.fleetcast.planning.supply.ServerCohort;
import io.fleetcast.planning.supply.ServerShape;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.store.capacity.InventoryGroup;
import io.fleetcast.store.plan.StoredAdjustment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sizes one cluster and resource's headroom ({@link HeadroomSizer}) from the stored fleet: the demand forecast's
 * relative errors {@code L} days ahead from a rolling-origin backtest of the plan's own method on the cluster's
 * services ({@value #ORIGINS} origins {@value #ORIGIN_STEP} days apart, pooled with other clusters' errors scaled to
 * this one's), each SKU's chance of failing within {@code L} from its fitted life, the open orders due within {@code L}
 * with their learned slips, the cluster's racks as failure domains, and the policy.
 */
final class ClusterHeadroom {
    /** Origins of the backtest: each refits every service of the cluster, so they are few and a fortnight apart. */
    static final int ORIGINS = 12;

    private static final int ORIGIN_STEP = 14;

    /**
     * The least share of a cluster's use at an origin that its settled services must carry for the origin to count: a
     * sum of a few services errs by more, relative to it, than the whole cluster does.
     */
    private static final double MIN_COVERED = 0.5;

    private static final String METHOD = "the plan's per-service forecasts, summed";

    private ClusterHeadroom() {}

    /** What a cluster's headroom is sized from, besides its demand. */
    record Context(
            LocalDate asOf,
            List<InventoryGroup> groups,
            List<InFlightOrder> open,
            Map<String, ServerShape> shapes,
            Map<String, LifeDistribution> lives,
            LeadTimes leadTimes,
            double serviceLevel,
            HeadroomPolicy policy,
            ForecastInputs inputs,
            Map<String, List<ClusterDemandForecaster.History>> services,
            LocalDate dataFirst,
            List<StoredAdjustment> adjustments,
            YearlyProfiles profiles) {}

    /**
     * One cluster and resource's own backtest: its relative errors {@code days} ahead, one per usable origin (see
     * {@link #errors}), at most {@value #ORIGINS}.
     */
    record Backtest(String cluster, Resource resource, int days, ImmutableList<Double> errors) {
        /** Whether every origin was usable: the cluster's services had settled over the whole backtest. */
        boolean complete() {
            return errors.size() == ORIGINS;
        }
    }

    /**
     * The cluster's own backtest for a headroom over {@code leadTime} days (within the forecast's horizon), or empty
     * when the forecast demand that far ahead is not positive and there is nothing to size.
     */
    static Optional<Backtest> backtest(Resource resource, DemandForecast demand, int leadTime, Context context) {
        int days = days(leadTime, demand);
        if (!(demand.p50(days - 1) > 0)) {
            return Optional.empty();
        }
        return Optional.of(new Backtest(
                demand.cluster(), resource, days, ImmutableList.copyOf(errors(resource, demand, days, context))));
    }

    /**
     * The errors a cluster's headroom is sized from. Its own dozen are too few for a 99% quantile (the largest of 12
     * reaches it with 11% confidence), so where other clusters have a complete backtest of the same resource, their
     * errors join them: each divided by its own cluster's root mean square, so that they show the shape of the fleet's
     * errors, and multiplied by this cluster's, so that they keep its scale. The scale of a cluster with fewer origins
     * (a cluster that services are still moving into) is the larger of its own and that of the complete clusters with
     * the same lead time (or all of them, where none has it): young clusters err more, and a few errors say little of
     * how much. Relative errors, so they scale to the cluster's demand. Measured on 39 simulated fleets
     * (docs/capacity.md), the buffer sized a lead time (61–131 days) before the data's end fell short of the demand at
     * the end for 7.6% of 576 cluster resources with their own errors alone, and for 2.3% pooled ({@code
     * scripts/headroom-pooling.py}). The forecast's own P99 spread stands in where there are no errors at all.
     *
     * @param all every cluster's backtest
     */
    static ForecastErrors errors(Backtest own, Collection<Backtest> all, DemandForecast demand) {
        List<Double> shape = new ArrayList<>();
        List<Double> sameLeadTime = new ArrayList<>();
        List<Double> anyLeadTime = new ArrayList<>();
        int donors = 0;
        for (Backtest other : all) {
            if (other.complete()
                    && other.resource() == own.resource()
                    && !other.cluster().equals(own.cluster())) {
                double spread = rootMeanSquare(other.errors());
                if (spread > 0) {
                    other.errors().forEach(error -> shape.add(error / spread));
                    donors++;
                }
                anyLeadTime.addAll(other.errors());
                if (other.days() == own.days()) {
                    sameLeadTime.addAll(other.errors());
                }
            }
        }
        List<Double> values = new ArrayList<>(own.errors());
        if (donors > 0) {
            double ownSpread = rootMeanSquare(own.errors());
            double fleetSpread = rootMeanSquare(sameLeadTime.isEmpty() ? anyLeadTime : sameLeadTime);
            double scale = own.complete() ? ownSpread : Math.max(ownSpread, fleetSpread);
            shape.forEach(error -> values.add(error * scale));
            String others = String.format(
                    Locale.ROOT,
                    "%d of %s (%s errors, any lead time), each divided by its cluster's root mean square and"
                            + " multiplied by %s",
                    shape.size(),
                    donors == 1 ? "1 other cluster" : donors + " other clusters",
                    own.resource().code(),
                    percentOf(scale));
            String method = own.complete()
                    ? String.format(
                            Locale.ROOT,
                            "%s: its own %d and %s, its own",
                            METHOD,
                            own.errors().size(),
                            others)
                    : String.format(
                            Locale.ROOT,
                            "%s: %d errors of this cluster's own (at its other origins its services had not settled) and"
                                    + " %s, the larger of its own (%s) and that of the complete clusters%s (%s)",
                            METHOD,
                            own.errors().size(),
                            others,
                            own.errors().isEmpty() ? "none" : percentOf(ownSpread),
                            sameLeadTime.isEmpty() ? " (none has its lead time)" : " with the same lead time",
                            percentOf(fleetSpread));
            return ForecastErrors.of(method, ForecastErrors.Form.RELATIVE, own.days(), values);
        }
        if (!values.isEmpty()) {
            return ForecastErrors.of(METHOD, ForecastErrors.Form.RELATIVE, own.days(), values);
        }
        int last = own.days() - 1;
        double spread = (demand.quantile(0.99, last) - demand.p50(last)) / Math.max(demand.p50(last), 1e-9);
        return ForecastErrors.of(
                "the forecast's own P99 (no history to backtest "
                        + own.resource().code() + ")",
                ForecastErrors.Form.RELATIVE,
                own.days(),
                List.of(spread));
    }

    /**
     * The sizing, over the backtest's days, from {@code errors} ({@link #errors(Backtest, Collection,
     * DemandForecast)}).
     */
    static HeadroomSizing size(Resource resource, DemandForecast demand, ForecastErrors errors, Context context) {
        int days = errors.horizon();
        double p50 = demand.p50(days - 1);
        HeadroomRequest.Builder request = HeadroomRequest.builder(
                        resource.canonicalUnit(), context.serviceLevel(), days)
                .demand(p50, errors)
                .seed(demand.cluster().hashCode() * 31L + resource.code().hashCode())
                .maintenanceFraction(context.policy().maintenanceFraction())
                .utilizationCeiling(context.policy().utilizationCeiling())
                .disasterRecovery(
                        context.policy().disasterRecoveryFraction() > 0
                                ? DisasterRecoveryReserve.fractionOfDemand(
                                        context.policy().disasterRecoveryFraction())
                                : DisasterRecoveryReserve.NONE);
        Map<String, int[]> serversBySku = new TreeMap<>();
        Map<String, double[]> survivalBySku = new TreeMap<>();
        Map<String, Double> racks = new TreeMap<>();
        for (InventoryGroup group : context.groups()) {
            ServerShape shape = context.shapes().get(group.sku());
            if (shape == null || !group.ownership().equals("owned")) {
                continue;
            }
            LifeDistribution life = ServerCohort.lifeOf(context.lives(), group.sku(), group.batch());
            double age = ChronoUnit.DAYS.between(group.installed(), context.asOf());
            double survive = life == null || life.sf(age) <= 0 ? 1 : life.sf(age + days) / life.sf(age);
            serversBySku.computeIfAbsent(group.sku(), sku -> new int[1])[0] += group.count();
            survivalBySku.computeIfAbsent(group.sku(), sku -> new double[1])[0] += group.count() * survive;
            String rack = group.rack();
            if (rack != null) {
                racks.merge(rack, group.count() * shape.capacity(resource), Double::sum);
            }
        }
        serversBySku.forEach((sku, servers) -> {
            double perServer = requireNonNull(context.shapes().get(sku)).capacity(resource);
            double failing = 1 - requireNonNull(survivalBySku.get(sku))[0] / servers[0];
            if (perServer > 0) {
                request.pool(new SupplyPool(sku, servers[0], perServer, Math.max(0, Math.min(1, failing))));
            }
        });
        for (InFlightOrder order : context.open()) {
            Optional<EmpiricalDays> slips = context.leadTimes().slip(order.sku());
            ServerShape shape = context.shapes().get(order.sku());
            int promisedIn = (int) ChronoUnit.DAYS.between(context.asOf(), order.promised());
            if (slips.isPresent() && shape != null && promisedIn <= days && shape.capacity(resource) > 0) {
                request.order(new OrderInFlight(
                        order.sku(), order.quantity() * shape.capacity(resource), promisedIn, slips.orElseThrow()));
            }
        }
        int survive = context.policy().surviveRacks();
        if (survive > 0 && racks.size() > survive) {
            List<FailureDomain> domains = new ArrayList<>();
            racks.forEach((rack, capacity) -> {
                if (capacity > 0) {
                    domains.add(new FailureDomain(rack, capacity));
                }
            });
            if (domains.size() > survive) {
                request.failureDomains(domains, survive);
            }
        }
        return HeadroomSizer.size(request.build());
    }

    private static String percentOf(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static double rootMeanSquare(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum / values.size());
    }

    private static int days(int leadTime, DemandForecast demand) {
        return Math.max(1, Math.min(leadTime, demand.days()));
    }

    /**
     * Relative errors {@code days} ahead of the plan's own method, from a rolling-origin backtest: at each origin (the
     * last {@code days} before the data's end, then every {@value #ORIGIN_STEP} days earlier) each service of the
     * cluster settled then (see {@link ClusterDemandForecaster#settled}) is forecast from its days up to the origin,
     * and the sum is compared with what those same services used {@code days} later. Services arriving or still
     * ramping up at the origin are left out: their growth is new demand, which reaches a plan as a request or a launch,
     * not an error of the trend. A service that left counts as using nothing. An origin counts only where the settled
     * services carried at least {@value #MIN_COVERED} of the cluster's use that day: in a cluster that services are
     * still moving into, the first to settle are a few small ones, and their relative error is no measure of the
     * whole's.
     */
    private static List<Double> errors(Resource resource, DemandForecast demand, int days, Context context) {
        List<ClusterDemandForecaster.History> services =
                context.services().getOrDefault(demand.cluster() + "/" + resource.code(), List.of());
        List<Double> errors = new ArrayList<>();
        for (int k = 0; k < ORIGINS; k++) {
            LocalDate origin = context.asOf().minusDays(days + (long) k * ORIGIN_STEP);
            LocalDate target = origin.plusDays(days);
            double forecast = 0;
            double actual = 0;
            double present = 0;
            double covered = 0;
            LocalDate clusterLast = LocalDate.MIN;
            for (ClusterDemandForecaster.History service : services) {
                if (!service.first().isAfter(origin)) {
                    // Its last day known at the origin, without copying its days as until(origin) would.
                    LocalDate last = service.last().isBefore(origin) ? service.last() : origin;
                    clusterLast = ClusterDemandForecaster.later(clusterLast, last);
                }
            }
            for (ClusterDemandForecaster.History service : services) {
                if (service.first().isAfter(origin)) {
                    continue;
                }
                ClusterDemandForecaster.History known = service.until(origin);
                present += service.on(origin);
                if (!ClusterDemandForecaster.settled(known, context.dataFirst())) {
                    continue;
                }
                covered += service.on(origin);
                forecast += ClusterDemandForecaster.forecast(
                                known,
                                clusterLast,
                                context.dataFirst(),
                                origin,
                                days,
                                context.inputs(),
                                context.adjustments(),
                                context.profiles(),
                                false)
                        .p50(days - 1);
                actual += service.on(target);
            }
            if (forecast > 0 && covered >= MIN_COVERED * present) {
                errors.add((actual - forecast) / forecast);
            }
        }
        return errors;
    }
}
