package io.fleetcast.app.capacity;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.allocation.Pool;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A what-if on a capacity plan: demand scaled, supply added, open orders delayed, extra capacity to allocate.
 *
 * @param demandScale factor on demand per cluster; key {@code *} for every cluster
 * @param added extra servers
 * @param delays days each named open order slips by
 * @param extraCapacity capacity to hand out to the requests on top of each pool's free supply, in the resource's
 *     canonical unit: the plan then lists the requests whose grant it changes
 * @param mixLines whether orders may mix the newest SKU of every product line in (memory servers in a compute
 *     cluster, say) at the least cost, where a plan orders a cluster's own SKU
 */
public record WhatIf(
        ImmutableMap<String, Double> demandScale,
        ImmutableList<AddedSupply> added,
        ImmutableMap<String, Integer> delays,
        ImmutableMap<Pool, Double> extraCapacity,
        boolean mixLines) {

    /** No change. */
    public static final WhatIf NONE =
            new WhatIf(ImmutableMap.of(), ImmutableList.of(), ImmutableMap.of(), ImmutableMap.of(), false);

    private static final Pattern SCALE = Pattern.compile("(?:([^=]+)=)?([0-9]*\\.?[0-9]+)");
    private static final Pattern ADD = Pattern.compile("([^:]+):([^:]+):(-?[0-9]+)(?:@(.+))?");
    private static final Pattern DELAY = Pattern.compile("([^:]+):(-?[0-9]+)");
    private static final Pattern EXTRA = Pattern.compile("([^:]+):([^:]+):(-?[0-9]*\\.?[0-9]+)");

    // The largest what-ifs a plan takes: beyond these it is a slip of the keyboard, not a scenario.
    private static final int MAX_FACTOR = 1000;
    private static final long MAX_SERVERS = 10_000_000;
    private static final long MAX_DELAY_DAYS = 3650;

    /**
     * Servers added to a cluster.
     *
     * @param date the first day they are usable; {@code null} for the SKU's median lead time from the plan's start
     */
    public record AddedSupply(
            String cluster,
            String sku,
            long quantity,
            @Nullable LocalDate date) {
        public String describe() {
            return "+" + quantity + " × " + sku + " in " + cluster
                    + (date == null ? " after the median lead time" : " from " + date);
        }
    }

    public WhatIf {
        demandScale = ImmutableMap.copyOf(demandScale);
        added = ImmutableList.copyOf(added);
        delays = ImmutableMap.copyOf(delays);
        extraCapacity = ImmutableMap.copyOf(extraCapacity);
    }

    /** Whether it changes anything. */
    public boolean isEmpty() {
        return demandScale.isEmpty() && added.isEmpty() && delays.isEmpty() && extraCapacity.isEmpty() && !mixLines;
    }

    /** This what-if with orders that mix the newest SKU of every product line in. */
    public WhatIf withMixedLines() {
        return new WhatIf(demandScale, added, delays, extraCapacity, true);
    }

    /** The factor on {@code cluster}'s demand. */
    public double scale(String cluster) {
        Double own = demandScale.get(cluster);
        return own != null ? own : demandScale.getOrDefault("*", 1.0);
    }

    /** What it does, one line per change, for people. */
    public ImmutableList<String> describe() {
        ImmutableList.Builder<String> lines = ImmutableList.builder();
        demandScale.forEach((cluster, factor) ->
                lines.add("demand × " + factor + (cluster.equals("*") ? " everywhere" : " in " + cluster)));
        added.forEach(supply -> lines.add(supply.describe()));
        delays.forEach((order, days) -> lines.add("order " + order + " " + days + " days later"));
        extraCapacity.forEach((pool, amount) -> lines.add(String.format(
                Locale.ROOT,
                "%,.0f %s more for requests in %s",
                amount,
                pool.resource().canonicalUnit(),
                pool.cluster())));
        if (mixLines) {
            lines.add("orders mix the newest SKU of every product line in, at the least cost");
        }
        return lines.build();
    }

    /**
     * Parses the command line's what-if options.
     *
     * @param scales {@code FACTOR} or {@code CLUSTER=FACTOR}, e.g. {@code 1.2}
     * @param adds {@code CLUSTER:SKU:QUANTITY[@YYYY-MM-DD]}
     * @param delays {@code ORDER_ID:DAYS}
     * @throws FleetcastException {@code BAD_INPUT} naming the option that does not parse
     */
    public static WhatIf parse(List<String> scales, List<String> adds, List<String> delays) {
        return parse(scales, adds, delays, List.of());
    }

    /**
     * Parses the command line's what-if options, with extra capacity to allocate.
     *
     * @param extras {@code CLUSTER:RESOURCE:AMOUNT} in the resource's canonical unit, e.g. {@code c01:cpu:500}
     * @throws FleetcastException {@code BAD_INPUT} naming the option that does not parse
     */
    public static WhatIf parse(List<String> scales, List<String> adds, List<String> delays, List<String> extras) {
        ImmutableMap.Builder<String, Double> scale = ImmutableMap.builder();
        for (String text : scales) {
            Matcher matcher = SCALE.matcher(text.trim());
            if (!matcher.matches()) {
                throw FleetcastException.badInput(
                        "--scale-demand " + text + ": expected FACTOR or CLUSTER=FACTOR, e.g. 1.2 or c01=1.5");
            }
            double factor = Double.parseDouble(matcher.group(2));
            if (!(factor > 0 && factor <= MAX_FACTOR)) {
                throw FleetcastException.badInput(
                        "--scale-demand " + text + ": the factor must be above 0 and at most " + MAX_FACTOR);
            }
            String cluster = matcher.group(1);
            scale.put(cluster == null ? "*" : cluster.trim(), factor);
        }
        ImmutableList.Builder<AddedSupply> added = ImmutableList.builder();
        for (String text : adds) {
            Matcher matcher = ADD.matcher(text.trim());
            if (!matcher.matches()) {
                throw FleetcastException.badInput(
                        "--add-supply " + text + ": expected CLUSTER:SKU:QUANTITY[@YYYY-MM-DD]");
            }
            long quantity = whole(matcher.group(3), MAX_SERVERS + 1);
            if (quantity < 1 || quantity > MAX_SERVERS) {
                throw FleetcastException.badInput("--add-supply " + text + ": the quantity must be 1 to " + MAX_SERVERS
                        + " servers, got " + matcher.group(3));
            }
            LocalDate date = null;
            if (matcher.group(4) != null) {
                try {
                    date = LocalDate.parse(matcher.group(4));
                } catch (DateTimeParseException e) {
                    throw FleetcastException.badInput(
                            "--add-supply " + text + ": " + matcher.group(4) + " is not a date (YYYY-MM-DD)");
                }
            }
            added.add(new AddedSupply(matcher.group(1), matcher.group(2), quantity, date));
        }
        ImmutableMap.Builder<String, Integer> delay = ImmutableMap.builder();
        for (String text : delays) {
            Matcher matcher = DELAY.matcher(text.trim());
            if (!matcher.matches()) {
                throw FleetcastException.badInput("--delay-order " + text + ": expected ORDER_ID:DAYS, e.g. PO-1:30");
            }
            long days = whole(matcher.group(2), MAX_DELAY_DAYS + 1);
            if (Math.abs(days) > MAX_DELAY_DAYS) {
                throw FleetcastException.badInput("--delay-order " + text + ": the delay must be within ±"
                        + MAX_DELAY_DAYS + " days, got " + matcher.group(2));
            }
            delay.put(matcher.group(1), (int) days);
        }
        ImmutableMap.Builder<Pool, Double> extra = ImmutableMap.builder();
        for (String text : extras) {
            Matcher matcher = EXTRA.matcher(text.trim());
            if (!matcher.matches()) {
                throw FleetcastException.badInput(
                        "--extra-capacity " + text + ": expected CLUSTER:RESOURCE:AMOUNT, e.g. c01:cpu:500");
            }
            Resource resource = Resource.parse(matcher.group(2).trim())
                    .orElseThrow(() -> FleetcastException.badInput("--extra-capacity " + text + ": " + matcher.group(2)
                            + " is not a resource (cpu, memory or storage)"));
            double amount = Double.parseDouble(matcher.group(3));
            if (!(amount > 0 && Double.isFinite(amount))) {
                throw FleetcastException.badInput(
                        "--extra-capacity " + text + ": the amount must be positive, in " + resource.canonicalUnit());
            }
            extra.put(new Pool(matcher.group(1).trim(), resource), amount);
        }
        try {
            return new WhatIf(scale.buildOrThrow(), added.build(), delay.buildOrThrow(), extra.buildOrThrow(), false);
        } catch (IllegalArgumentException duplicate) {
            throw FleetcastException.badInput(
                    "a what-if names the same cluster or order twice: " + duplicate.getMessage());
        }
    }

    /** {@code digits} (an optional sign and digits) as a number, or {@code ±beyond} when it is longer than a long. */
    private static long whole(String digits, long beyond) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLong) {
            return digits.startsWith("-") ? -beyond : beyond;
        }
    }
}
