package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.supply.SupplyPath;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Plans one cluster: per resource, where P50/P90/P99 demand crosses usable supply (the exhaustion dates), and when P50
 * demand plus the headroom does (the need date); then orders of the cluster's SKU in tranches: each covers the
 * largest shortfall of any resource from its need date to {@link #TRANCHE_DAYS} days later (beyond what the earlier
 * tranches bring), and is due the lead time's service-level quantile before its need date. Buying a year's growth at
 * the first need would tie up capital for months; a tranche per quarter is how capacity is usually ordered. A cluster
 * of owned servers and cloud instances is planned so too, and also says what running its shortfall on demand would
 * take ({@link BurstOption}).
 */
public final class CapacityPlanner {
    /** Days of need one order covers: a quarter. */
    public static final int TRANCHE_DAYS = 91;

    private CapacityPlanner() {}

    /**
     * The plan of {@code inputs}.
     *
     * @param serviceLevel the chance an order must arrive in time, for the lead-time quantile (e.g. 0.99)
     */
    public static ClusterPlan plan(ClusterInputs inputs, double serviceLevel) {
        if (!(serviceLevel > 0 && serviceLevel < 1)) {
            throw new IllegalArgumentException("the service level must be between 0 and 1, got " + serviceLevel);
        }
        List<ResourcePlan> resources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            DemandForecast demand = inputs.demand().get(resource);
            SupplyPath supply = inputs.supply().get(resource);
            if (demand == null && supply == null) {
                continue;
            }
            if (demand == null || supply == null || inputs.elastic()) {
                ResourcePlan plan = partial(resource, demand, supply, inputs.elastic());
                if (plan.shortfall() > 0) {
                    notes.add(String.format(
                            Locale.ROOT,
                            "%s: up to %s %s of P50 demand, but no servers installed or ordered to serve it",
                            resource.code(),
                            amount(plan.shortfall()),
                            plan.unit()));
                }
                resources.add(plan);
                continue;
            }
            resources.add(resource(resource, demand, supply, inputs.headroom().getOrDefault(resource, 0.0)));
        }
        List<OrderRecommendation> orders = new ArrayList<>();
        if (inputs.elastic()) {
            notes.add("scales on demand (cloud): it does not run out and gets no orders");
            inputs.cloud().forEach((resource, capacity) -> {
                DemandForecast demand = inputs.demand().get(resource);
                if (demand != null && demand.days() > 0) {
                    notes.add(capacity.assess(resource, demand));
                }
            });
        } else if (resources.stream().anyMatch(plan -> plan.shortfall() > 0)) {
            if (inputs.option().isEmpty()) {
                notes.add("short of capacity, but no order can be recommended: no SKU with a price and a lead time is"
                        + " known for it");
            } else {
                orders.addAll(orders(inputs, resources, inputs.option().orElseThrow(), serviceLevel, notes));
            }
        }
        if (!inputs.elastic() && !inputs.cloud().isEmpty()) {
            notes.addAll(ownedAndCloud(inputs, orders));
        }
        return new ClusterPlan(
                inputs.cluster(),
                inputs.site(),
                inputs.region(),
                inputs.elastic(),
                ImmutableList.copyOf(resources),
                ImmutableList.copyOf(orders),
                ImmutableList.copyOf(notes));
    }

    private static ResourcePlan resource(Resource resource, DemandForecast demand, SupplyPath supply, double headroom) {
        int days = Math.min(demand.days(), supply.days());
        if (days == 0) {
            throw new IllegalArgumentException("empty demand or supply path for " + resource.code());
        }
        LocalDate start = supply.start();
        Optional<LocalDate> p50 = crossing(demand, 0.5, supply, days);
        Optional<LocalDate> p90 = crossing(demand, 0.9, supply, days);
        Optional<LocalDate> p99 = crossing(demand, 0.99, supply, days);
        Shortage shortage = Shortage.of(gaps(demand, supply, headroom), start);
        int last = days - 1;
        return new ResourcePlan(
                resource,
                supply.mean(0),
                supply.mean(last),
                demand.p50(0),
                demand.p50(last),
                p50,
                p90,
                p99,
                headroom,
                shortage.first(),
                shortage.largest(),
                shortage.largestDay(),
                supply.failed(last),
                supply.retired(last),
                supply.arriving(last));
    }

    /**
     * A resource planned without a crossing: an elastic cluster, supply without demand, or demand without supply (short
     * of all of it, from its first day).
     */
    private static ResourcePlan partial(
            Resource resource, @Nullable DemandForecast demand, @Nullable SupplyPath supply, boolean elastic) {
        double supplyNow = supply == null ? 0 : supply.mean(0);
        double supplyEnd = supply == null ? 0 : supply.mean(supply.days() - 1);
        double demandNow = demand == null ? 0 : demand.p50(0);
        double demandEnd = demand == null ? 0 : demand.p50(demand.days() - 1);
        // Demand with nothing to serve it is short of all of it, from the first day it is above zero.
        Shortage shortage = !elastic && supply == null && demand != null
                ? Shortage.of(gaps(demand, null, 0), demand.start())
                : Shortage.NONE;
        Optional<LocalDate> now = shortage.first();
        return new ResourcePlan(
                resource,
                supplyNow,
                supplyEnd,
                demandNow,
                demandEnd,
                now,
                now,
                now,
                0,
                now,
                shortage.largest(),
                shortage.largestDay(),
                supply == null ? 0 : supply.failed(supply.days() - 1),
                supply == null ? 0 : supply.retired(supply.days() - 1),
                supply == null ? 0 : supply.arriving(supply.days() - 1));
    }

    /** P50 demand + headroom − usable supply, day by day (no supply: none usable). */
    private static double[] gaps(DemandForecast demand, @Nullable SupplyPath supply, double headroom) {
        double[] gap = new double[supply == null ? demand.days() : Math.min(demand.days(), supply.days())];
        for (int day = 0; day < gap.length; day++) {
            gap[day] = demand.p50(day) + headroom - (supply == null ? 0 : supply.mean(day));
        }
        return gap;
    }

    /** The first day with a gap above zero, and the largest gap and its day. */
    private record Shortage(Optional<LocalDate> first, double largest, Optional<LocalDate> largestDay) {
        static final Shortage NONE = new Shortage(Optional.empty(), 0, Optional.empty());

        static Shortage of(double[] gap, LocalDate start) {
            int first = -1;
            int largest = -1;
            for (int day = 0; day < gap.length; day++) {
                if (gap[day] > 0 && first < 0) {
                    first = day;
                }
                if (gap[day] > 0 && (largest < 0 || gap[day] > gap[largest])) {
                    largest = day;
                }
            }
            return largest < 0
                    ? NONE
                    : new Shortage(
                            Optional.of(start.plusDays(first)), gap[largest], Optional.of(start.plusDays(largest)));
        }
    }

    private static Optional<LocalDate> crossing(DemandForecast demand, double level, SupplyPath supply, int days) {
        for (int day = 0; day < days; day++) {
            if (demand.quantile(level, day) > supply.mean(day)) {
                return Optional.of(supply.start().plusDays(day));
            }
        }
        return Optional.empty();
    }

    /** The tranches: each from the first day the earlier ones leave short, covering {@link #TRANCHE_DAYS} days. */
    private static List<OrderRecommendation> orders(
            ClusterInputs inputs,
            List<ResourcePlan> resources,
            OrderOption option,
            double serviceLevel,
            List<String> notes) {
        List<Gap> gaps = new ArrayList<>();
        for (ResourcePlan plan : resources) {
            if (plan.shortfall() <= 0) {
                continue;
            }
            double perServer = option.shape().capacity(plan.resource());
            if (perServer <= 0) {
                // No number of these servers helps: said as a note, whether or not other resources get orders.
                notes.add(String.format(
                        Locale.ROOT,
                        "%s: short by %s %s, but %s holds no %s",
                        plan.resource().code(),
                        amount(plan.shortfall()),
                        plan.unit(),
                        option.sku(),
                        plan.resource().code()));
                continue;
            }
            double[] gap = gaps(
                    requireNonNull(inputs.demand().get(plan.resource())),
                    inputs.supply().get(plan.resource()),
                    plan.headroom());
            gaps.add(new Gap(plan, perServer, gap));
        }
        List<OrderRecommendation> orders = new ArrayList<>();
        LocalDate start = firstDay(inputs);
        long ordered = 0;
        int from = 0;
        while (true) {
            // The first day the servers ordered so far leave any resource short.
            int need = Integer.MAX_VALUE;
            for (Gap gap : gaps) {
                for (int day = from; day < gap.gap.length && day < need; day++) {
                    if (gap.gap[day] > ordered * gap.perServer + 1e-9) {
                        need = day;
                    }
                }
            }
            if (need == Integer.MAX_VALUE) {
                break;
            }
            int until = need + TRANCHE_DAYS;
            List<String> why = new ArrayList<>();
            long servers = ordered;
            Resource binding = gaps.get(0).plan.resource();
            for (Gap gap : gaps) {
                int worst = -1;
                for (int day = need; day < Math.min(until, gap.gap.length); day++) {
                    if (worst < 0 || gap.gap[day] > gap.gap[worst]) {
                        worst = day;
                    }
                }
                if (worst < 0 || gap.gap[worst] <= ordered * gap.perServer + 1e-9) {
                    continue;
                }
                long needed = (long) Math.ceil(gap.gap[worst] / gap.perServer - 1e-9);
                // This resource's own first day short: the tranche starts at the earliest over all resources.
                int first = need;
                while (gap.gap[first] <= ordered * gap.perServer + 1e-9) {
                    first++;
                }
                why.add(String.format(
                        Locale.ROOT,
                        "%s: P50 demand + %s %s headroom first exceeds usable capacity%s on %s; the largest shortfall"
                                + " before %s is %s %s on %s; %s holds %s %s per server, so %d %s%s",
                        gap.plan.resource().code(),
                        amount(gap.plan.headroom()),
                        gap.plan.unit(),
                        ordered > 0 ? " with the earlier orders" : "",
                        start.plusDays(first),
                        start.plusDays(until),
                        amount(gap.gap[worst]),
                        gap.plan.unit(),
                        start.plusDays(worst),
                        option.sku(),
                        amount(gap.perServer),
                        gap.plan.unit(),
                        needed,
                        needed == 1 ? "server" : "servers",
                        ordered > 0 ? " in all, " + (needed - ordered) + " more than already ordered" : ""));
                if (needed > servers) {
                    servers = needed;
                    binding = gap.plan.resource();
                }
            }
            orders.add(order(inputs, option, serviceLevel, start.plusDays(need), servers - ordered, binding, why));
            ordered = servers;
            from = until;
        }
        return orders;
    }

    /** A resource's daily shortfall (P50 demand + headroom − usable supply) and what one server of the SKU holds. */
    private static final class Gap {
        final ResourcePlan plan;
        final double perServer;
        final double[] gap;

        Gap(ResourcePlan plan, double perServer, double[] gap) {
            this.plan = plan;
            this.perServer = perServer;
            this.gap = gap;
        }
    }

    private static OrderRecommendation order(
            ClusterInputs inputs,
            OrderOption option,
            double serviceLevel,
            LocalDate needBy,
            long quantity,
            Resource binding,
            List<String> why) {
        int leadTime = option.leadTime().quantile(serviceLevel);
        LocalDate start = firstDay(inputs);
        LocalDate orderBy = needBy.minusDays(leadTime);
        boolean late = orderBy.isBefore(start);
        if (late) {
            orderBy = start;
        }
        why.add(0, "SKU: " + option.sku() + ", " + option.choice());
        why.add(String.format(
                Locale.ROOT,
                "lead time: %d days at P%s (%s; median %d days)",
                leadTime,
                percent(serviceLevel),
                option.leadTimeSource(),
                option.leadTime().quantile(0.5)));
        why.add(
                late
                        ? String.format(
                                Locale.ROOT,
                                "order now: even ordered today it arrives about %d days after %s is needed",
                                ChronoUnit.DAYS.between(needBy, start.plusDays(leadTime)),
                                binding.code())
                        : String.format(Locale.ROOT, "order by %s to have it by %s", orderBy, needBy));
        double cost = quantity * option.unitCostUsd();
        why.add(String.format(
                Locale.ROOT, "cost: %d × %s USD = %s USD", quantity, amount(option.unitCostUsd()), amount(cost)));
        return new OrderRecommendation(
                option.sku(),
                quantity,
                inputs.site(),
                inputs.cluster(),
                needBy,
                orderBy,
                leadTime,
                late,
                cost,
                binding,
                ImmutableList.copyOf(why));
    }

    /**
     * For a cluster of owned servers and cloud instances: what its usable supply leaves out, and what running demand
     * above it on demand would take instead of (or until) the orders.
     */
    private static List<String> ownedAndCloud(ClusterInputs inputs, List<OrderRecommendation> orders) {
        List<String> notes = new ArrayList<>();
        List<String> onDemand = new ArrayList<>();
        inputs.cloud().forEach((resource, capacity) -> {
            if (capacity.onDemand() > 0) {
                onDemand.add(resource.code() + " " + amount(capacity.onDemand()) + " " + resource.canonicalUnit());
            }
        });
        notes.add("owned servers and cloud instances: usable supply is the owned servers and the reserved instances"
                + (onDemand.isEmpty()
                        ? ""
                        : "; the instances on demand now (" + String.join(", ", onDemand)
                                + ") are left out, as they come and go with demand"));
        inputs.burst().ifPresent(option -> {
            BurstOption.Burst p50 = option.run(0.5, inputs.demand(), inputs.supply());
            BurstOption.Burst p90 = option.run(0.9, inputs.demand(), inputs.supply());
            double ordered =
                    orders.stream().mapToDouble(OrderRecommendation::costUsd).sum();
            notes.add(String.format(
                    Locale.ROOT,
                    "on demand (%s at %s USD/h): %s; %s%s",
                    option.sku(),
                    option.price(),
                    burst("P50", p50),
                    burst("P90", p90),
                    orders.isEmpty()
                            ? ""
                            : "; the orders cost " + amount(ordered) + " USD, for servers that outlast the horizon"));
        });
        return notes;
    }

    private static String burst(String quantile, BurstOption.Burst burst) {
        if (burst.peakInstances() == 0) {
            return quantile + " demand stays within usable supply";
        }
        return String.format(
                Locale.ROOT,
                "%s demand above usable supply takes up to %d %s at once from %s, %,d instance-days over the horizon,"
                        + " about %s USD",
                quantile,
                burst.peakInstances(),
                burst.peakInstances() == 1 ? "instance" : "instances",
                burst.first().orElseThrow(),
                burst.instanceDays(),
                amount(burst.costUsd()));
    }

    private static LocalDate firstDay(ClusterInputs inputs) {
        return inputs.supply().isEmpty()
                ? inputs.demand().values().iterator().next().start()
                : inputs.supply().values().iterator().next().start();
    }

    private static String percent(double level) {
        double value = level * 100;
        return value == Math.rint(value) ? Long.toString(Math.round(value)) : Double.toString(value);
    }

    /** An amount for people: grouped thousands, at most one decimal. */
    static String amount(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
