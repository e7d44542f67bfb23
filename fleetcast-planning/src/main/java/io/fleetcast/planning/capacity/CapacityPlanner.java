package io.fleetcast.planning.capacity;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.supply.ServerShape;
import io.fleetcast.planning.supply.SupplyPath;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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

    /** The least saving, as a fraction of the cost, that a mix with other lines' SKUs is worth a note for. */
    static final double MIX_SAVING = 0.01;

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
                orders.addAll(orders(inputs, resources, serviceLevel, notes));
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

    /**
     * The orders of {@code inputs}: of its own SKU, or mixed with the other lines' when it says so; when it does not,
     * a note says what the mix would save.
     */
    private static List<OrderRecommendation> orders(
            ClusterInputs inputs, List<ResourcePlan> resources, double serviceLevel, List<String> notes) {
        OrderOption own = inputs.option().orElseThrow();
        List<OrderOption> cheaper = cheapestOfSomeResource(own, inputs.otherLines());
        if (cheaper.isEmpty()) {
            return tranches(inputs, resources, List.of(own), serviceLevel, notes);
        }
        List<OrderOption> all = new ArrayList<>();
        all.add(own);
        all.addAll(cheaper);
        // Both are worked out; the notes are those of the orders given.
        List<String> aside = new ArrayList<>();
        List<OrderRecommendation> alone =
                tranches(inputs, resources, List.of(own), serviceLevel, inputs.mixLines() ? aside : notes);
        List<OrderRecommendation> mixed =
                tranches(inputs, resources, all, serviceLevel, inputs.mixLines() ? notes : aside);
        double aloneCost = cost(alone);
        double mixedCost = cost(mixed);
        List<String> mixedIn = mixed.stream()
                .map(OrderRecommendation::sku)
                .filter(sku -> !sku.equals(own.sku()))
                .distinct()
                .toList();
        if (mixedIn.isEmpty() || (!alone.isEmpty() && mixedCost >= aloneCost * (1 - MIX_SAVING))) {
            return inputs.mixLines() ? mixed : alone;
        }
        String others = String.join(" and ", mixedIn);
        if (inputs.mixLines()) {
            notes.add(String.format(
                    Locale.ROOT,
                    "orders mix %s in (what-if): %s USD, where %s alone %s",
                    others,
                    amount(mixedCost),
                    own.sku(),
                    alone.isEmpty() ? "holds none of the shortfalls" : "would cost " + amount(aloneCost) + " USD"));
            return mixed;
        }
        String newest = mixedIn.size() == 1
                ? "the newest SKU of another product line"
                : "the newest SKUs of other product lines";
        notes.add(
                alone.isEmpty()
                        ? String.format(
                                Locale.ROOT,
                                "%s holds none of the shortfalls; %s, %s, would hold them for %s USD (what-if:"
                                        + " fleetcast plan --mix-lines)",
                                own.sku(),
                                others,
                                newest,
                                amount(mixedCost))
                        : String.format(
                                Locale.ROOT,
                                "mixing in %s, %s, would hold the same shortfalls for %s USD, not %s USD (%.0f%% less;"
                                        + " what-if: fleetcast plan --mix-lines)",
                                others,
                                newest,
                                amount(mixedCost),
                                amount(aloneCost),
                                100 * (1 - mixedCost / aloneCost)));
        return alone;
    }

    /**
     * The SKUs of {@code others} that hold some resource for less per unit than {@code own} and every other: the only
     * ones worth mixing in, as a rule, and at most one per resource, which keeps the search small in a fleet of many
     * lines.
     */
    private static List<OrderOption> cheapestOfSomeResource(OrderOption own, List<OrderOption> others) {
        List<OrderOption> kept = new ArrayList<>();
        for (Resource resource : Resource.values()) {
            OrderOption cheapest = own;
            for (OrderOption other : others) {
                if (perUnit(other, resource) < perUnit(cheapest, resource)) {
                    cheapest = other;
                }
            }
            if (!cheapest.equals(own) && !kept.contains(cheapest)) {
                kept.add(cheapest);
            }
        }
        return kept;
    }

    private static double perUnit(OrderOption option, Resource resource) {
        double capacity = option.shape().capacity(resource);
        return capacity > 0 ? option.unitCostUsd() / capacity : Double.POSITIVE_INFINITY;
    }

    private static double cost(List<OrderRecommendation> orders) {
        return orders.stream().mapToDouble(OrderRecommendation::costUsd).sum();
    }

    /**
     * The tranches of servers from {@code options} (the cluster's own SKU first): each from the first day the earlier
     * ones leave any resource short, holding the largest shortfall of each resource over {@link #TRANCHE_DAYS} days,
     * at the least cost ({@link SkuMix}).
     */
    private static List<OrderRecommendation> tranches(
            ClusterInputs inputs,
            List<ResourcePlan> resources,
            List<OrderOption> options,
            double serviceLevel,
            List<String> notes) {
        List<Gap> gaps = new ArrayList<>();
        for (ResourcePlan plan : resources) {
            if (plan.shortfall() <= 0) {
                continue;
            }
            if (options.stream().noneMatch(option -> option.shape().capacity(plan.resource()) > 0)) {
                // No number of these servers helps: said as a note, whether or not other resources get orders.
                notes.add(String.format(
                        Locale.ROOT,
                        "%s: short by %s %s, but %s holds no %s",
                        plan.resource().code(),
                        amount(plan.shortfall()),
                        plan.unit(),
                        options.stream().map(OrderOption::sku).collect(Collectors.joining(" or ")),
                        plan.resource().code()));
                continue;
            }
            double[] gap = gaps(
                    requireNonNull(inputs.demand().get(plan.resource())),
                    inputs.supply().get(plan.resource()),
                    plan.headroom());
            gaps.add(new Gap(plan, gap));
        }
        List<OrderRecommendation> orders = new ArrayList<>();
        LocalDate start = firstDay(inputs);
        long[] ordered = new long[options.size()];
        int from = 0;
        while (true) {
            // The first day the servers ordered so far leave any resource short.
            int need = Integer.MAX_VALUE;
            for (Gap gap : gaps) {
                double held = held(options, ordered, gap.plan.resource());
                for (int day = from; day < gap.gap.length && day < need; day++) {
                    if (gap.gap[day] > held + 1e-9) {
                        need = day;
                    }
                }
            }
            if (need == Integer.MAX_VALUE) {
                break;
            }
            int until = need + TRANCHE_DAYS;
            Map<Resource, Double> needed = new EnumMap<>(Resource.class);
            Map<Resource, Double> largest = new EnumMap<>(Resource.class);
            Map<Resource, String> lines = new EnumMap<>(Resource.class);
            boolean earlier = Arrays.stream(ordered).sum() > 0;
            for (Gap gap : gaps) {
                double held = held(options, ordered, gap.plan.resource());
                int worst = -1;
                for (int day = need; day < Math.min(until, gap.gap.length); day++) {
                    if (worst < 0 || gap.gap[day] > gap.gap[worst]) {
                        worst = day;
                    }
                }
                if (worst < 0 || gap.gap[worst] <= held + 1e-9) {
                    continue;
                }
                needed.put(gap.plan.resource(), gap.gap[worst] - held);
                largest.put(gap.plan.resource(), gap.gap[worst]);
                // This resource's own first day short: the tranche starts at the earliest over all resources.
                int first = need;
                while (gap.gap[first] <= held + 1e-9) {
                    first++;
                }
                lines.put(
                        gap.plan.resource(),
                        String.format(
                                Locale.ROOT,
                                "%s: P50 demand + %s %s headroom first exceeds usable capacity%s on %s; the largest"
                                        + " shortfall before %s is %s %s on %s",
                                gap.plan.resource().code(),
                                amount(gap.plan.headroom()),
                                gap.plan.unit(),
                                earlier ? " with the earlier orders" : "",
                                start.plusDays(first),
                                start.plusDays(until),
                                amount(gap.gap[worst]),
                                gap.plan.unit(),
                                start.plusDays(worst)));
            }
            long[] more = options.size() == 1
                    ? new long[] {0}
                    : SkuMix.cheapest(options, needed).orElseThrow();
            boolean ownOnly = Arrays.stream(more, 1, more.length).allMatch(count -> count == 0);
            List<String> why = new ArrayList<>();
            Resource binding = lines.keySet().iterator().next();
            if (ownOnly) {
                // The cluster's own SKU: each resource's count, the largest of them ordered.
                OrderOption own = options.get(0);
                boolean othersBefore = Arrays.stream(ordered, 1, ordered.length).anyMatch(count -> count > 0);
                long servers = othersBefore ? 0 : ordered[0];
                for (Map.Entry<Resource, String> line : lines.entrySet()) {
                    Resource resource = line.getKey();
                    double perServer = own.shape().capacity(resource);
                    // Counted from nothing when only this SKU was ordered before, else beyond what was.
                    long count = (long) Math.ceil((othersBefore
                                            ? requireNonNull(needed.get(resource))
                                            : requireNonNull(largest.get(resource)))
                                    / perServer
                            - 1e-9);
                    why.add(line.getValue()
                            + String.format(
                                    Locale.ROOT,
                                    "; %s holds %s %s per server, so %d %s%s",
                                    own.sku(),
                                    amount(perServer),
                                    resource.canonicalUnit(),
                                    count,
                                    othersBefore
                                            ? (count == 1 ? "more server" : "more servers")
                                            : (count == 1 ? "server" : "servers"),
                                    earlier && !othersBefore
                                            ? " in all, " + (count - ordered[0]) + " more than already ordered"
                                            : ""));
                    if (count > servers) {
                        servers = count;
                        binding = resource;
                    }
                }
                more[0] = othersBefore ? servers : servers - ordered[0];
            } else {
                why.addAll(lines.values());
                why.add(mixLine(options, more, needed, earlier));
            }
            for (int k = 0; k < options.size(); k++) {
                if (more[k] > 0) {
                    orders.add(order(
                            inputs,
                            options.get(k),
                            serviceLevel,
                            start.plusDays(need),
                            more[k],
                            ownOnly ? binding : bindingOf(options.get(k), more[k], needed),
                            new ArrayList<>(why)));
                    ordered[k] += more[k];
                }
            }
            from = until;
        }
        return orders;
    }

    /** What the servers ordered so far hold of {@code resource}. */
    private static double held(List<OrderOption> options, long[] ordered, Resource resource) {
        double held = 0;
        for (int k = 0; k < options.size(); k++) {
            held += ordered[k] * options.get(k).shape().capacity(resource);
        }
        return held;
    }

    /** The resource a mixed-in SKU's servers hold the largest share of the tranche's need of. */
    private static Resource bindingOf(OrderOption option, long servers, Map<Resource, Double> needed) {
        Resource binding = null;
        double share = -1;
        for (Map.Entry<Resource, Double> need : needed.entrySet()) {
            double part = servers * option.shape().capacity(need.getKey()) / need.getValue();
            if (part > share) {
                share = part;
                binding = need.getKey();
            }
        }
        return requireNonNull(binding);
    }

    /** The reason line of a mixed tranche: each SKU's count and shape, and what the cluster's own SKU alone takes. */
    private static String mixLine(
            List<OrderOption> options, long[] more, Map<Resource, Double> needed, boolean earlier) {
        List<String> parts = new ArrayList<>();
        double cost = 0;
        for (int k = 0; k < options.size(); k++) {
            if (more[k] > 0) {
                OrderOption option = options.get(k);
                ServerShape shape = option.shape();
                parts.add(String.format(
                        Locale.ROOT,
                        "%d × %s (%s cores, %s GiB, %s TB; %s USD)",
                        more[k],
                        option.sku(),
                        amount(shape.cores()),
                        amount(shape.memoryGib()),
                        amount(shape.storageTb()),
                        amount(option.unitCostUsd())));
                cost += more[k] * option.unitCostUsd();
            }
        }
        OrderOption own = options.get(0);
        String alone = SkuMix.cheapest(List.of(own), needed)
                .map(counts -> String.format(
                        Locale.ROOT,
                        "; %s alone would take %d %s, %s USD",
                        own.sku(),
                        counts[0],
                        counts[0] == 1 ? "server" : "servers",
                        amount(counts[0] * own.unitCostUsd())))
                .orElse("; " + own.sku() + " alone cannot hold them");
        return String.format(
                Locale.ROOT,
                "the least-cost mix that holds these%s: %s = %s USD%s",
                earlier ? " beyond the earlier orders" : "",
                String.join(" + ", parts),
                amount(cost),
                alone);
    }

    /** A resource's daily shortfall: P50 demand + headroom − usable supply. */
    private static final class Gap {
        final ResourcePlan plan;
        final double[] gap;

        Gap(ResourcePlan plan, double[] gap) {
            this.plan = plan;
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
