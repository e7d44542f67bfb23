package io.fleetcast.store.fleet;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSortedSet;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * The names the fleet's data knows: every cluster with its site and region (as the assets place them), and every
 * service.
 *
 * @param clusters each cluster once, sorted by region, site, cluster
 * @param services service names, sorted
 */
public record FleetTopology(List<ClusterPlacement> clusters, List<String> services) {
    public FleetTopology {
        clusters = List.copyOf(requireNonNull(clusters, "clusters is null"));
        services = List.copyOf(requireNonNull(services, "services is null"));
    }

    /** The regions, sorted. */
    public SortedSet<String> regions() {
        return clusters.stream()
                .map(ClusterPlacement::region)
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    /** The sites, sorted. */
    public SortedSet<String> sites() {
        return clusters.stream()
                .map(ClusterPlacement::site)
                .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
    }

    /** The placement of {@code cluster}, if the fleet has it. */
    public Optional<ClusterPlacement> cluster(String cluster) {
        return clusters.stream().filter(c -> c.cluster().equals(cluster)).findFirst();
    }

    /** The region {@code site} is in, if the fleet has the site. */
    public Optional<String> regionOfSite(String site) {
        return clusters.stream()
                .filter(c -> c.site().equals(site))
                .map(ClusterPlacement::region)
                .findFirst();
    }

    public boolean hasService(String service) {
        return services.contains(service);
    }
}
