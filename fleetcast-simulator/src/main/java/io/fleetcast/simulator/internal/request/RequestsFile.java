package io.fleetcast.simulator.internal.request;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.demand.Placement;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.supply.Asset;
import io.fleetcast.simulator.internal.supply.PurchaseOrder;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import io.fleetcast.simulator.internal.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes requests.csv: 3-8 requests for capacity per owned cluster, from teams whose services run there. A pool's
 * requests add up to 5-20% of the cluster's expected use of the resource at the end of the history; in a cluster built
 * to run out, to 25-50% of it or 1.2-1.6 times the pool's spare capacity at the end (servers in service and open
 * orders, less the expected use), whichever is more, so those pools are oversubscribed even before their demand grows.
 * Draws only from its own stream, so the other files do not change.
 */
public final class RequestsFile {
    private static final List<String> PRIORITIES = List.of("P0", "P1", "P2", "P3");
    private static final double[] PRIORITY_WEIGHTS = {0.1, 0.3, 0.4, 0.2};
    private static final List<String> GROWTH = List.of(
            "organic growth over the next two quarters",
            "holiday peak",
            "new feature launch",
            "migration off older clusters",
            "disaster-recovery replica",
            "load test before launch",
            "backfill and reprocessing",
            "new customer onboarding");

    private RequestsFile() {}

    /** A request before it is written. */
    private record Draft(Service service, boolean teamOnly, Resource resource, double share, int neededDay) {}

    public static void write(
            Timeline timeline,
            Topology topology,
            DemandModel demand,
            Supply supply,
            RandomStream random,
            CsvTableWriter writer) {
        int id = writer.column("request_id");
        int team = writer.column("team");
        int service = writer.column("service");
        int cluster = writer.column("cluster");
        int resource = writer.column("resource");
        int quantity = writer.column("quantity");
        int unit = writer.column("unit");
        int needed = writer.column("needed_date");
        int priority = writer.column("priority");
        int weight = writer.column("weight");
        int justification = writer.column("justification");
        int end = timeline.lastDay();
        int sequence = 0;
        for (Cluster owned : topology.clusters()) {
            List<Service> tenants = new ArrayList<>();
            for (Placement placement : demand.placementsIn(owned)) {
                if (placement.startDay() <= end) {
                    tenants.add(placement.service());
                }
            }
            if (owned.isCloud() || owned.buildDay() > end || tenants.isEmpty()) {
                continue;
            }
            RandomStream draws = random.derive(owned.name());
            List<Draft> drafts = new ArrayList<>();
            int count = draws.integer(3, 8);
            for (int i = 0; i < count; i++) {
                drafts.add(new Draft(
                        draws.pick(tenants),
                        draws.chance(0.1),
                        resource(owned, draws),
                        draws.uniform(0.2, 1.0),
                        end + draws.integer(14, 300)));
            }
            double asked = owned.designedToExhaust() ? draws.uniform(0.25, 0.5) : draws.uniform(0.05, 0.2);
            double overSpare = draws.uniform(1.2, 1.6);
            for (Draft draft : drafts) {
                double poolShares = drafts.stream()
                        .filter(other -> other.resource() == draft.resource())
                        .mapToDouble(Draft::share)
                        .sum();
                double expected = demand.clusterExpected(owned.index(), draft.resource(), end);
                double total = expected * asked;
                if (owned.designedToExhaust()) {
                    double spare = Math.max(0, capacityAtEnd(supply, owned, draft.resource(), end) - expected);
                    total = Math.max(total, spare * overSpare);
                }
                double amount = twoSignificantDigits(total * draft.share() / poolShares);
                String priorityCode = PRIORITIES.get(draws.weightedIndex(PRIORITY_WEIGHTS));
                sequence++;
                writer.text(id, String.format(Locale.ROOT, "REQ-%04d", sequence))
                        .text(team, draft.service().team());
                if (!draft.teamOnly()) {
                    writer.text(service, draft.service().name());
                }
                writer.text(cluster, owned.name())
                        .text(resource, draft.resource().code())
                        .number(quantity, amount, 2)
                        .text(unit, draft.resource().canonicalUnit())
                        .date(needed, draft.neededDay())
                        .text(priority, priorityCode);
                if (draws.chance(0.2)) {
                    writer.number(weight, draws.pick(List.of(0.5, 2.0, 3.0)), 1);
                }
                String why = draws.pick(GROWTH);
                writer.text(
                        justification,
                        draft.teamOnly()
                                ? why + " (" + draft.service().team() + ")"
                                : why + " of " + draft.service().name());
                writer.endRow();
            }
        }
    }

    /** Capacity of the servers in service on {@code end} and of the orders still open then. */
    private static double capacityAtEnd(Supply supply, Cluster cluster, Resource resource, int end) {
        double capacity = 0;
        for (Asset asset : supply.owned()) {
            if (asset.cluster().index() == cluster.index() && asset.inServiceOn(end)) {
                capacity += asset.sku().capacity(resource);
            }
        }
        for (PurchaseOrder order : supply.orders()) {
            if (order.cluster().index() == cluster.index() && order.status(end).equals("open")) {
                capacity += order.quantity() * order.sku().capacity(resource);
            }
        }
        return capacity;
    }

    /** Mostly the cluster family's main resource. */
    private static Resource resource(Cluster cluster, RandomStream draws) {
        double draw = draws.nextDouble();
        return switch (cluster.family()) {
            case COMPUTE -> draw < 0.7 ? Resource.CPU : Resource.MEMORY;
            case MEMORY -> draw < 0.7 ? Resource.MEMORY : Resource.CPU;
            case STORAGE -> draw < 0.8 ? Resource.STORAGE : Resource.CPU;
        };
    }

    /** Rounds as people ask: 1234.5 → 1200, 0.0457 → 0.046. */
    private static double twoSignificantDigits(double value) {
        if (value <= 0) {
            return 0;
        }
        double scale = StrictMath.pow(10, Math.floor(StrictMath.log10(value)) - 1);
        return Math.round(value / scale) * scale;
    }
}
