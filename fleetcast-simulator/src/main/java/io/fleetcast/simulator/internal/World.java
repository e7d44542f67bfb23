package io.fleetcast.simulator.internal;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.organization.Organization;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import io.fleetcast.simulator.internal.topology.Topology;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The simulated fleet's models, before any file is written; each is drawn from its own random stream of the seed. */
public record World(
        Timeline timeline,
        SkuCatalog catalog,
        Topology topology,
        Organization organization,
        DemandModel demand,
        Supply supply) {
    public World {
        requireNonNull(timeline, "timeline is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(topology, "topology is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(demand, "demand is null");
        requireNonNull(supply, "supply is null");
    }

    /** The fleet of {@code servers} servers over {@code days} days of history ending on {@code end}. */
    public static World build(int servers, int days, LocalDate end, long seed) {
        Timeline timeline = Timeline.ofHistory(days, end);
        SkuCatalog catalog = SkuCatalog.build(timeline, RandomStream.of(seed, "catalog"));
        Topology topology = Topology.build(servers, timeline, RandomStream.of(seed, "topology"));
        Set<Family> families = EnumSet.noneOf(Family.class);
        for (Cluster cluster : topology.clusters()) {
            if (!cluster.isCloud()) {
                families.add(cluster.family());
            }
        }
        Organization organization = Organization.build(servers, families, RandomStream.of(seed, "organization"));
        DemandModel demand =
                DemandModel.build(timeline, servers, topology, organization, catalog, RandomStream.of(seed, "demand"));
        Supply supply = Supply.build(timeline, topology, catalog, demand, RandomStream.of(seed, "supply"));
        return new World(timeline, catalog, topology, organization, demand, supply);
    }
}
