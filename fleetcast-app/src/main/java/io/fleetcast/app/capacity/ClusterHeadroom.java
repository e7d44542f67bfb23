package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.regression.RegressionForecaster;
import io.fleetcast.forecast.regression.RegressionModel;
import io.fleetcast.forecast.regression.RegressionModel.Scale;
import io.fleetcast.forecast.regression.RegressionModel.Season;
import io.fleetcast.forecast.regression.Regressor;
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
import io.fleetcast.planning.supply.ServerShape;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.store.capacity.InventoryGroup;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sizes one cluster and resource's headroom ({@link HeadroomSizer}) from the stored fleet: the demand forecast's
 * relative errors {@code L} days ahead from a rolling-origin backtest of the cluster's total demand (the regression
 * the plan forecasts with, weekly origins), each SKU's chance of failing within {@code L} from its fitted life, the
 * open orders due within {@code L} with their learned slips, the cluster's racks as failure domains, and the policy.
 */
final class ClusterHeadroom {
    private static final int ORIGINS = 30;
    private static final int ORIGIN_STEP = 7;

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
            ForecastInputs inputs) {}

    /**
     * The sizing, or empty when the cluster has no demand history to backtest.
     *
     * @param history the cluster's daily total demand of the resource, oldest first, ending on the data's last day
     * @param leadTime days it takes to add capacity
     */
    static Optional<HeadroomSizing> size(
            Resource resource, DemandForecast demand, double[] history, int leadTime, Context context) {
        int days = Math.max(1, Math.min(leadTime, demand.days()));
        double p50 = demand.p50(days - 1);
        if (!(p50 > 0)) {
            return Optional.empty();
        }
        HeadroomRequest.Builder request = HeadroomRequest.builder(
                        resource.canonicalUnit(), context.serviceLevel(), days)
                .demand(p50, errors(resource, demand, history, days, context))
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
            LifeDistribution life = context.lives().get(group.sku());
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
        return Optional.of(HeadroomSizer.size(request.build()));
    }

    /** Relative backtest errors {@code days} ahead of the cluster's regression, or the forecast's own spread. */
    private static ForecastErrors errors(
            Resource resource, DemandForecast demand, double[] history, int days, Context context) {
        boolean positive = history.length > 0;
        for (double value : history) {
            positive &= value > 0;
        }
        if (positive) {
            List<Season> seasons = new ArrayList<>();
            seasons.add(new Season(7, 3));
            if (history.length >= 2 * 365 + days + ORIGINS * ORIGIN_STEP) {
                seasons.add(new Season(365.25, 10));
            }
            LocalDate first = context.asOf().minusDays(history.length - 1L);
            DemandSeries total = new DemandSeries(
                    "*",
                    demand.cluster(),
                    resource.code(),
                    DemandGrain.DAY,
                    first.atStartOfDay().toInstant(ZoneOffset.UTC),
                    context.asOf().atStartOfDay().toInstant(ZoneOffset.UTC),
                    history.length);
            // The cluster's events, as the plan's forecasts have them, so a holiday is not taken for an error.
            List<Regressor> events = context.inputs().events(total, days);
            // One straight log-linear trend, as the plan's service forecasts have.
            RegressionForecaster forecaster = new RegressionForecaster(
                    RegressionModel.of(Scale.MULTIPLICATIVE, seasons.toArray(Season[]::new))
                            .withChangepoints(0),
                    events);
            try {
                return ForecastErrors.backtest(
                        forecaster, Series.of(history, 7), days, ORIGINS, ORIGIN_STEP, ForecastErrors.Form.RELATIVE);
            } catch (IllegalArgumentException tooShort) {
                // Fall through to the forecast's own spread.
            }
        }
        int last = days - 1;
        double spread = (demand.quantile(0.99, last) - demand.p50(last)) / Math.max(demand.p50(last), 1e-9);
        return ForecastErrors.of(
                "the forecast's own P99 (no history to backtest " + resource.code() + ")",
                ForecastErrors.Form.RELATIVE,
                days,
                List.of(spread));
    }
}
