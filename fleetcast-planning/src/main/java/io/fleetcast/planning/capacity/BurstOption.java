package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.supply.ServerShape;
import io.fleetcast.planning.supply.SupplyPath;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The cloud instance type a cluster of owned servers and cloud instances runs on demand when its owned servers and
 * reserved instances are not enough.
 *
 * @param sku the instance type (the one most of the cluster's on-demand instances are)
 * @param shape what one instance holds
 * @param hourlyUsd its on-demand price, USD an hour
 */
public record BurstOption(String sku, ServerShape shape, double hourlyUsd) {
    public BurstOption {
        requireNonNull(sku, "sku is null");
        requireNonNull(shape, "shape is null");
        if (!(hourlyUsd >= 0 && Double.isFinite(hourlyUsd))) {
            throw new IllegalArgumentException(
                    "the hourly price of " + sku + " must be finite and >= 0, got " + hourlyUsd);
        }
    }

    /**
     * Demand at quantile {@code level} above usable supply, run on these instances: each day as many whole instances as
     * the resource that needs the most of them asks, for 24 hours. A resource without a supply path has none usable;
     * resources one instance holds none of are left out (no number of instances helps them).
     */
    public Burst run(double level, Map<Resource, DemandForecast> demand, Map<Resource, SupplyPath> supply) {
        int days = Integer.MAX_VALUE;
        for (Map.Entry<Resource, DemandForecast> entry : demand.entrySet()) {
            SupplyPath path = supply.get(entry.getKey());
            days = Math.min(
                    days,
                    path == null
                            ? entry.getValue().days()
                            : Math.min(entry.getValue().days(), path.days()));
        }
        if (demand.isEmpty() || days == 0) {
            return Burst.NONE;
        }
        LocalDate start = demand.values().iterator().next().start();
        long peak = 0;
        long instanceDays = 0;
        int first = -1;
        for (int day = 0; day < days; day++) {
            long instances = 0;
            for (Map.Entry<Resource, DemandForecast> entry : demand.entrySet()) {
                SupplyPath path = supply.get(entry.getKey());
                double gap = entry.getValue().quantile(level, day) - (path == null ? 0 : path.mean(day));
                instances =
                        Math.max(instances, instancesFor(entry.getKey(), gap).orElse(0));
            }
            if (instances > 0 && first < 0) {
                first = day;
            }
            peak = Math.max(peak, instances);
            instanceDays += instances;
        }
        return new Burst(
                first < 0 ? Optional.empty() : Optional.of(start.plusDays(first)),
                peak,
                instanceDays,
                dailyCostUsd(instanceDays));
    }

    /**
     * The whole instances that hold {@code quantity} of {@code resource}: 0 for none or less; empty when an instance
     * holds none of it.
     */
    public OptionalLong instancesFor(Resource resource, double quantity) {
        double perInstance = shape.capacity(resource);
        if (!(perInstance > 0)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(quantity > 0 ? (long) Math.ceil(quantity / perInstance - 1e-9) : 0);
    }

    /**
     * For people: what running {@code unmet} of {@code resource} on demand would take, e.g. {@code the 40.0 cores unmet
     * would take 3 m6id.4xlarge instances on demand (16.0 cores each), about 68.3 USD a day at 0.9492 USD/h}.
     */
    public String describeUnmet(Resource resource, double unmet) {
        String quantity = CapacityPlanner.amount(unmet) + " " + resource.canonicalUnit();
        OptionalLong instances = instancesFor(resource, unmet);
        if (instances.isEmpty()) {
            return "the %s unmet cannot run on demand, as a %s holds no %s".formatted(quantity, sku, resource.code());
        }
        long count = instances.orElseThrow();
        return "the %s unmet would take %d %s %s on demand (%s %s each), about %s USD a day at %s USD/h"
                .formatted(
                        quantity,
                        count,
                        sku,
                        count == 1 ? "instance" : "instances",
                        CapacityPlanner.amount(shape.capacity(resource)),
                        resource.canonicalUnit(),
                        CapacityPlanner.amount(dailyCostUsd(count)),
                        price());
    }

    /** The hourly price as people read it: {@code 0.9492}. */
    String price() {
        return BigDecimal.valueOf(hourlyUsd).stripTrailingZeros().toPlainString();
    }

    /** What {@code instances} cost a day on demand, 24 hours at the hourly price, USD. */
    public double dailyCostUsd(long instances) {
        return instances * 24 * hourlyUsd;
    }

    /**
     * What running demand above usable supply on demand takes over the horizon.
     *
     * @param first the first day it needs an instance; empty when it never does
     * @param peakInstances the most instances any one day needs
     * @param instanceDays instances summed over the days
     * @param costUsd what they cost at the on-demand price, USD
     */
    public record Burst(Optional<LocalDate> first, long peakInstances, long instanceDays, double costUsd) {
        static final Burst NONE = new Burst(Optional.empty(), 0, 0, 0);

        public Burst {
            requireNonNull(first, "first is null");
        }
    }
}
