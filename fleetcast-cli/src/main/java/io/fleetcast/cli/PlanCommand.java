package io.fleetcast.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.JsonDocuments;
import io.fleetcast.app.capacity.AllocationService;
import io.fleetcast.app.capacity.CapacityPlanDiff;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.app.capacity.HeadroomPolicy;
import io.fleetcast.app.capacity.WhatIf;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "Plan capacity: per cluster and resource, the demand forecast (P50/P90/P99) against usable supply (servers in"
                    + " service less expected failures and planned retirements, plus open orders from their median"
                    + " arrival day, learned from past delivery slips), the day each quantile runs out, the headroom to"
                    + " hold, and what to order: which SKU, how many, for which site, by when, at what cost, explained"
                    + " line by line.",
            "The plan is stored as the next capacity plan version unless it is a what-if; --diff V1 V2 says what changed"
                    + " between two stored plans.",
            "Example: fleetcast plan --horizon 365 --service-level 0.99; fleetcast plan --scale-demand 1.2"
                    + " --add-supply us-east-dc1-c01:compute-2024:40@2027-03-01 --delay-order PO-202609-00012:30"
        })
final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--horizon", paramLabel = "DAYS", description = "Days ahead (default 365).")
    int horizon = CapacityPlanService.DEFAULT_HORIZON_DAYS;

    @Option(
            names = "--service-level",
            paramLabel = "P",
            description = "Target chance that demand stays within usable supply, and that orders arrive in time"
                    + " (default 0.99).")
    double serviceLevel = 0.99;

    @Option(
            names = "--maintenance",
            paramLabel = "F",
            description = "Headroom: fraction of capacity out for maintenance at any time (default 0.02).")
    double maintenance = HeadroomPolicy.DEFAULT.maintenanceFraction();

    @Option(
            names = "--utilization-ceiling",
            paramLabel = "U",
            description = "Headroom: the largest fraction of capacity that may be used (default 0.9).")
    double ceiling = HeadroomPolicy.DEFAULT.utilizationCeiling();

    @Option(
            names = "--survive-racks",
            paramLabel = "K",
            description = "Headroom: demand must fit after losing a cluster's K largest racks (default 1).")
    int surviveRacks = HeadroomPolicy.DEFAULT.surviveRacks();

    @Option(
            names = "--dr-reserve",
            paramLabel = "F",
            description = "Headroom: capacity held for another site's failover, as a fraction of demand (default 0).")
    double drReserve = HeadroomPolicy.DEFAULT.disasterRecoveryFraction();

    @Option(
            names = "--scale-demand",
            paramLabel = "[CLUSTER=]FACTOR",
            description = "What-if: demand times FACTOR, everywhere or in one cluster. Repeatable.")
    List<String> scales = new ArrayList<>();

    @Option(
            names = "--add-supply",
            paramLabel = "CLUSTER:SKU:N[@DATE]",
            description = "What-if: N more servers of SKU in CLUSTER from DATE (default: after the SKU's median lead"
                    + " time). Repeatable.")
    List<String> adds = new ArrayList<>();

    @Option(
            names = "--delay-order",
            paramLabel = "ORDER:DAYS",
            description = "What-if: an open order arrives DAYS later than promised. Repeatable.")
    List<String> delays = new ArrayList<>();

    @Option(
            names = "--extra-capacity",
            paramLabel = "CLUSTER:RESOURCE:AMOUNT",
            description = "What-if: AMOUNT more of RESOURCE (cores, GiB or TB) to hand out to the requests in CLUSTER;"
                    + " the plan lists the requests whose grant changes. Repeatable.")
    List<String> extras = new ArrayList<>();

    @Option(
            names = "--mix-lines",
            description = "What-if: orders may mix the newest SKU of every product line in (memory servers in a"
                    + " compute cluster, say), at the least cost.")
    boolean mixLines;

    @Option(
            names = "--diff",
            arity = "2",
            paramLabel = "V",
            description = "Compare stored capacity plans V1 and V2 instead of planning.")
    @org.jspecify.annotations.Nullable
    List<Integer> diff;

    @Option(names = "--json", description = "Print the plan as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        List<Integer> versions = diff;
        if (versions != null) {
            CapacityPlanDiff result;
            try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
                result = app.capacity().diff(versions.get(0), versions.get(1));
            }
            if (json) {
                terminal.json(result);
                return 0;
            }
            for (CapacityPlanDiff.Change change : result.changes()) {
                if (!change.status().equals("unchanged")) {
                    terminal.say(String.format(
                            Locale.ROOT,
                            "%-9s %s/%s: %s",
                            change.status(),
                            change.cluster(),
                            change.resource(),
                            String.join("; ", change.what())));
                }
            }
            terminal.say(totalsLine(result));
            return 0;
        }
        WhatIf parsed = WhatIf.parse(scales, adds, delays, extras);
        WhatIf whatIf = mixLines ? parsed.withMixedLines() : parsed;
        CapacityPlanService.Request request = new CapacityPlanService.Request(
                horizon,
                serviceLevel,
                whatIf,
                whatIf.isEmpty(),
                new HeadroomPolicy(maintenance, ceiling, surviveRacks, drReserve));
        long started = System.nanoTime();
        CapacityPlanDocument plan;
        CapacityPlanDiff sincePrevious = null;
        try (FleetcastApp app = FleetcastApp.open(
                whatIf.isEmpty() ? store.config() : store.config().readOnly())) {
            plan = app.capacity().run(request, (step, done, total) -> {
                if (done == total || (total >= 10 && done * 4 / total != (done - 1) * 4 / total)) {
                    terminal.say(String.format(Locale.ROOT, "%s: %d of %d", step, done, total));
                }
            });
            Integer stored = plan.planVersion();
            if (stored != null && !json) {
                OptionalInt previous = app.capacity().previousVersion(stored);
                if (previous.isPresent()) {
                    sincePrevious = app.capacity().diff(previous.orElseThrow(), stored);
                }
            }
        }
        long nanos = System.nanoTime() - started;
        if (json) {
            terminal.json(plan);
            return 0;
        }
        report(terminal, plan);
        terminal.say(String.format(
                Locale.ROOT,
                "Capacity plan%s from %s, %d days ahead at service level %s, in %s",
                plan.planVersion() == null ? " (what-if, not stored)" : " " + plan.planVersion(),
                plan.asOf(),
                plan.horizonDays(),
                plan.serviceLevel(),
                Terminal.seconds(nanos)));
        if (sincePrevious != null) {
            terminal.say(totalsLine(sincePrevious)
                    + String.format(
                            Locale.ROOT,
                            " (each with: fleetcast plan --diff %d %d)",
                            sincePrevious.from(),
                            sincePrevious.to()));
        }
        return 0;
    }

    /** A diff's totals in a line: how many entries changed, and the orders and exhaustions before and after. */
    static String totalsLine(CapacityPlanDiff diff) {
        CapacityPlanDiff.Totals totals = diff.totals();
        return String.format(
                Locale.ROOT,
                "Capacity plan %d -> %d: %d of %d cluster resources changed; %d -> %d orders, %,.0f -> %,.0f USD;"
                        + " %d -> %d cluster resources running out at P50",
                diff.from(),
                diff.to(),
                totals.changed(),
                diff.changes().size(),
                totals.ordersBefore(),
                totals.ordersAfter(),
                totals.orderCostBefore(),
                totals.orderCostAfter(),
                totals.runningOutBefore(),
                totals.runningOutAfter());
    }

    /** The horizon as a column header reads it: "1 year", "2 years", "90 days". */
    static String horizon(int days) {
        if (days % 365 == 0) {
            return days == 365 ? "1 year" : days / 365 + " years";
        }
        return days + " days";
    }

    private static void report(Terminal terminal, CapacityPlanDocument plan) {
        plan.whatIf().forEach(line -> terminal.say("what-if: " + line));
        terminal.say(String.format(
                Locale.ROOT,
                "%-24s %-8s %14s %14s %16s  %-10s %-10s %-10s",
                "cluster",
                "resource",
                "supply",
                "demand P50",
                "P50 at " + horizon(plan.horizonDays()),
                "out P50",
                "out P90",
                "out P99"));
        for (CapacityPlanDocument.Entry entry : plan.clusters()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%-24s %-8s %14s %14s %16s  %-10s %-10s %-10s%s",
                    entry.cluster(),
                    entry.resource(),
                    amount(entry.supply(), entry.unit()),
                    amount(entry.demandP50(), entry.unit()),
                    amount(entry.demandP50AtEnd(), entry.unit()),
                    orNever(entry.exhaustionP50()),
                    orNever(entry.exhaustionP90()),
                    orNever(entry.exhaustionP99()),
                    cloudNote(entry)));
        }
        for (CapacityPlanDocument.Order order : ordersByCluster(plan)) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "order %d × %s for %s (%s) by %s%s, %,.0f USD:",
                    order.quantity(),
                    order.sku(),
                    order.cluster(),
                    order.site(),
                    order.orderBy(),
                    order.late() ? " (late: order now)" : "",
                    order.cost()));
            order.why().forEach(line -> terminal.say("    " + line));
        }
        orderNotes(plan).forEach(terminal::say);
        List<AllocationService.Change> changes = plan.allocationChanges();
        if (changes != null) {
            terminal.say(
                    changes.isEmpty()
                            ? "allocation: the extra capacity changes no request's grant"
                            : "allocation with the extra capacity:");
            changes.forEach(change -> terminal.say("    " + change.description()));
        }
        summary(plan).forEach(terminal::say);
        plan.notes().forEach(note -> terminal.say("note: " + note));
    }

    /**
     * The allocation and utilization sections in a line each, as the dashboard's tiles count them: the requests
     * granted in full, in part or not at all; the service allocations that are idle, under-used or above their
     * allocation; the stranded capacity and the rightsizing savings in USD a month. None for an empty section.
     */
    static List<String> summary(CapacityPlanDocument plan) {
        List<String> lines = new ArrayList<>();
        JsonNode requests = JsonDocuments.tree(plan.allocations());
        if (!requests.isEmpty()) {
            JsonNode pools = JsonDocuments.tree(plan.allocationPools());
            lines.add(String.format(
                    Locale.ROOT,
                    "requests: %d, %d granted in full, %d in part, %d not at all; %d of %d pools short",
                    requests.size(),
                    count(requests, "outcome", "full"),
                    count(requests, "outcome", "partial"),
                    count(requests, "outcome", "none"),
                    (int) stream(pools)
                            .filter(pool -> pool.path("unmet").asDouble() > 0)
                            .count(),
                    pools.size()));
        }
        JsonNode utilization = JsonDocuments.tree(plan.utilization());
        if (!utilization.isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "utilization: %d service allocations in %d clusters: %d idle, %d under-used, %d above their"
                            + " allocation, %d without one",
                    utilization.size(),
                    stream(utilization)
                            .map(row -> row.path("cluster").asText())
                            .distinct()
                            .count(),
                    count(utilization, "status", "idle"),
                    count(utilization, "status", "under_used"),
                    count(utilization, "status", "above_allocation"),
                    count(utilization, "status", "unallocated")));
        }
        JsonNode stranded = JsonDocuments.tree(plan.stranded());
        if (!stranded.isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "stranded: %,.0f USD/month in %s idle beside an exhausted one",
                    usdPerMonth(stranded),
                    count(stranded.size(), "resource")));
        }
        JsonNode rightsizing = JsonDocuments.tree(plan.rightsizing());
        if (!rightsizing.isEmpty()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "rightsizing: %s to shrink, saving %,.0f USD/month",
                    count(rightsizing.size(), "allocation"),
                    usdPerMonth(rightsizing)));
        }
        return lines;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    /** "1 resource", "2 resources". */
    private static String count(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static long count(JsonNode rows, String field, String value) {
        return stream(rows)
                .filter(row -> row.path(field).asText().equals(value))
                .count();
    }

    /** The sum of the rows' {@code usd_per_month}; an unpriced row adds nothing. */
    private static double usdPerMonth(JsonNode rows) {
        return stream(rows)
                .mapToDouble(row -> row.path("usd_per_month").asDouble(0))
                .sum();
    }

    private static String amount(double value, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s", value, unit);
    }

    /**
     * The plan's orders, cluster by cluster in the plan's order and each cluster's by the day they are needed, as the
     * dashboard lists them: a cluster's orders hang off the resource that sized each, and the earliest may be sized
     * by the resource listed last.
     */
    static List<CapacityPlanDocument.Order> ordersByCluster(CapacityPlanDocument plan) {
        Map<String, List<CapacityPlanDocument.Order>> byCluster = new LinkedHashMap<>();
        for (CapacityPlanDocument.Entry entry : plan.clusters()) {
            byCluster
                    .computeIfAbsent(entry.cluster(), cluster -> new ArrayList<>())
                    .addAll(entry.orders());
        }
        return byCluster.values().stream()
                .flatMap(orders -> orders.stream()
                        .sorted(Comparator.comparing(CapacityPlanDocument.Order::needBy)
                                .thenComparing(CapacityPlanDocument.Order::orderBy)))
                .toList();
    }

    /**
     * The notes of the clusters that get orders, once per cluster ("note on c01: ..."): what a mix with other lines'
     * servers would save, say. The notes that only say which resource's orders cover another are left out.
     */
    static List<String> orderNotes(CapacityPlanDocument plan) {
        Map<String, Set<String>> notes = new LinkedHashMap<>();
        for (CapacityPlanDocument.Entry entry : plan.clusters()) {
            if (!entry.orders().isEmpty()) {
                notes.computeIfAbsent(entry.cluster(), cluster -> new LinkedHashSet<>());
            }
        }
        for (CapacityPlanDocument.Entry entry : plan.clusters()) {
            Set<String> ofCluster = notes.get(entry.cluster());
            if (ofCluster != null) {
                entry.notes().stream()
                        .filter(note -> !note.startsWith(CapacityPlanDocument.COVERED_BY))
                        .forEach(ofCluster::add);
            }
        }
        List<String> lines = new ArrayList<>();
        notes.forEach((cluster, ofCluster) -> ofCluster.forEach(note -> lines.add("note on " + cluster + ": " + note)));
        return lines;
    }

    /**
     * After a cluster's row: a cloud cluster's reserved and on-demand capacity; for owned servers and cloud instances,
     * which of them the supply counts.
     */
    static String cloudNote(CapacityPlanDocument.Entry entry) {
        Double reserved = entry.reserved();
        Double onDemand = entry.onDemand();
        if (reserved == null || onDemand == null) {
            return entry.elastic() ? "  (cloud: elastic)" : "";
        }
        String reservedText = amount(reserved, entry.unit()) + " reserved";
        String onDemandText = amount(onDemand, entry.unit()) + " on demand";
        return entry.elastic()
                ? "  (cloud: " + reservedText + ", " + onDemandText + ")"
                : "  (owned + cloud: supply counts " + reservedText + ", not " + onDemandText + ")";
    }

    private static String orNever(@org.jspecify.annotations.Nullable String date) {
        return date == null ? "-" : date;
    }
}
