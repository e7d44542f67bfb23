package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What headroom sizing needs for one cluster and resource, as plain values the capacity plan reads from the store. Build
 * it with {@link #builder}; every setting but the service level, lead time, demand and seed has a neutral default (no
 * supply risk, no failure domains, no maintenance, no ceiling, no disaster-recovery reserve, a 20% flat rule).
 *
 * @param unit the resource's unit, e.g. {@code "cores"}
 * @param serviceLevel the target p: P(demand &gt; usable supply) ≤ 1 − p over the lead time, in (0, 1)
 * @param confidence γ: how sure the buffer must be to reach p, given that it is estimated from a sample of errors,
 *     in (0, 1) (default {@value #DEFAULT_CONFIDENCE})
 * @param leadTimeDays the lead time L in days, at least 1
 * @param demandP50 the P50 (point) demand forecast L days ahead, in the unit, at least 0
 * @param forecastErrors the backtest errors of that forecast at about L days ahead
 * @param pools installed servers per SKU with their failure probability over L
 * @param orders orders in flight; those promised within L count as supply that may slip
 * @param failureDomains the cluster's failure domains; empty for none
 * @param domainsToSurvive k: the demand must still fit after losing the k largest domains; less than their number
 * @param maintenanceFraction capacity out for maintenance at any time, in [0, 1)
 * @param utilizationCeiling the largest fraction of capacity that may be used, in (0, 1]
 * @param disasterRecovery capacity held for another site's failover
 * @param flatRuleFraction the flat rule compared with: a buffer of this fraction of P50 demand, at least 0
 * @param supplyDraws Monte Carlo draws of the supply loss, at least 100
 * @param seed seed of those draws
 */
public record HeadroomRequest(
        String unit,
        double serviceLevel,
        double confidence,
        int leadTimeDays,
        double demandP50,
        ForecastErrors forecastErrors,
        ImmutableList<SupplyPool> pools,
        ImmutableList<OrderInFlight> orders,
        ImmutableList<FailureDomain> failureDomains,
        int domainsToSurvive,
        double maintenanceFraction,
        double utilizationCeiling,
        DisasterRecoveryReserve disasterRecovery,
        double flatRuleFraction,
        int supplyDraws,
        long seed) {
    /** The default number of supply draws. */
    public static final int DEFAULT_SUPPLY_DRAWS = 4000;
    /** The default confidence γ. */
    public static final double DEFAULT_CONFIDENCE = 0.9;
    /** The default flat rule: 20% of P50 demand. */
    public static final double DEFAULT_FLAT_RULE = 0.2;

    public HeadroomRequest {
        requireNonNull(unit, "unit is null");
        requireNonNull(forecastErrors, "forecastErrors is null");
        requireNonNull(disasterRecovery, "disasterRecovery is null");
        pools = ImmutableList.copyOf(pools);
        orders = ImmutableList.copyOf(orders);
        failureDomains = ImmutableList.copyOf(failureDomains);
        check(serviceLevel > 0 && serviceLevel < 1, "the service level must be in (0, 1), got " + serviceLevel);
        check(confidence > 0 && confidence < 1, "the confidence must be in (0, 1), got " + confidence);
        check(leadTimeDays >= 1, "the lead time must be at least 1 day, got " + leadTimeDays);
        check(demandP50 >= 0 && Double.isFinite(demandP50), "the P50 demand must be at least 0, got " + demandP50);
        check(domainsToSurvive >= 0, "the failure domains to survive must be at least 0, got " + domainsToSurvive);
        check(
                domainsToSurvive == 0 || domainsToSurvive < failureDomains.size(),
                "surviving the loss of " + domainsToSurvive + " failure domains needs more than that many, got "
                        + failureDomains.size());
        check(
                maintenanceFraction >= 0 && maintenanceFraction < 1,
                "the maintenance fraction must be in [0, 1), got " + maintenanceFraction);
        check(
                utilizationCeiling > 0 && utilizationCeiling <= 1,
                "the utilization ceiling must be in (0, 1], got " + utilizationCeiling);
        check(
                flatRuleFraction >= 0 && Double.isFinite(flatRuleFraction),
                "the flat rule fraction must be at least 0, got " + flatRuleFraction);
        check(supplyDraws >= 100, "at least 100 supply draws are needed, got " + supplyDraws);
    }

    private static void check(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** A builder for one cluster and resource, in {@code unit}, at service level p over {@code leadTimeDays}. */
    public static Builder builder(String unit, double serviceLevel, int leadTimeDays) {
        return new Builder(unit, serviceLevel, leadTimeDays);
    }

    /** Collects the settings; {@link #build} validates them. */
    public static final class Builder {
        private final String unit;
        private final double serviceLevel;
        private final int leadTimeDays;
        private double confidence = DEFAULT_CONFIDENCE;
        private double demandP50 = Double.NaN;
        private @Nullable ForecastErrors forecastErrors;
        private final ImmutableList.Builder<SupplyPool> pools = ImmutableList.builder();
        private final ImmutableList.Builder<OrderInFlight> orders = ImmutableList.builder();
        private ImmutableList<FailureDomain> failureDomains = ImmutableList.of();
        private int domainsToSurvive;
        private double maintenanceFraction;
        private double utilizationCeiling = 1;
        private DisasterRecoveryReserve disasterRecovery = DisasterRecoveryReserve.NONE;
        private double flatRuleFraction = DEFAULT_FLAT_RULE;
        private int supplyDraws = DEFAULT_SUPPLY_DRAWS;
        private @Nullable Long seed;

        private Builder(String unit, double serviceLevel, int leadTimeDays) {
            this.unit = requireNonNull(unit, "unit is null");
            this.serviceLevel = serviceLevel;
            this.leadTimeDays = leadTimeDays;
        }

        /** The P50 demand L days ahead (in the unit) and the backtest errors of its forecast. Required. */
        public Builder demand(double demandP50, ForecastErrors forecastErrors) {
            this.demandP50 = demandP50;
            this.forecastErrors = requireNonNull(forecastErrors, "forecastErrors is null");
            return this;
        }

        /** γ: how sure the buffer must be to reach the service level (default {@value HeadroomRequest#DEFAULT_CONFIDENCE}). */
        public Builder confidence(double confidence) {
            this.confidence = confidence;
            return this;
        }

        /** Adds installed servers that may fail. */
        public Builder pool(SupplyPool pool) {
            pools.add(requireNonNull(pool, "pool is null"));
            return this;
        }

        /** Adds an order in flight that may slip. */
        public Builder order(OrderInFlight order) {
            orders.add(requireNonNull(order, "order is null"));
            return this;
        }

        /** The demand must fit after losing the {@code survive} largest of {@code domains}. */
        public Builder failureDomains(List<FailureDomain> domains, int survive) {
            this.failureDomains = ImmutableList.copyOf(domains);
            this.domainsToSurvive = survive;
            return this;
        }

        /** Capacity out for maintenance at any time, a fraction in [0, 1). */
        public Builder maintenanceFraction(double fraction) {
            this.maintenanceFraction = fraction;
            return this;
        }

        /** The largest fraction of capacity that may be used, in (0, 1]. */
        public Builder utilizationCeiling(double ceiling) {
            this.utilizationCeiling = ceiling;
            return this;
        }

        /** Capacity held for another site's or region's failover. */
        public Builder disasterRecovery(DisasterRecoveryReserve reserve) {
            this.disasterRecovery = requireNonNull(reserve, "reserve is null");
            return this;
        }

        /** The flat rule to compare with, as a fraction of P50 demand (default 0.2). */
        public Builder flatRule(double fraction) {
            this.flatRuleFraction = fraction;
            return this;
        }

        /** Monte Carlo draws of the supply loss (default {@value HeadroomRequest#DEFAULT_SUPPLY_DRAWS}). */
        public Builder draws(int draws) {
            this.supplyDraws = draws;
            return this;
        }

        /** The seed of the supply draws. Required. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The request.
         *
         * @throws IllegalArgumentException if the demand or the seed is missing, or a setting is out of its range
         */
        public HeadroomRequest build() {
            ForecastErrors errors = forecastErrors;
            Long chosenSeed = seed;
            if (errors == null) {
                throw new IllegalArgumentException("headroom sizing needs the P50 demand and its forecast errors");
            }
            if (chosenSeed == null) {
                throw new IllegalArgumentException("headroom sizing needs a seed for its supply draws");
            }
            return new HeadroomRequest(
                    unit,
                    serviceLevel,
                    confidence,
                    leadTimeDays,
                    demandP50,
                    errors,
                    pools.build(),
                    orders.build(),
                    failureDomains,
                    domainsToSurvive,
                    maintenanceFraction,
                    utilizationCeiling,
                    disasterRecovery,
                    flatRuleFraction,
                    supplyDraws,
                    chosenSeed);
        }
    }
}
