package io.fleetcast.planning.utilization;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Capacity of one resource of a cluster that idles while another resource of the same cluster is near exhaustion.
 *
 * <p>With held fractions f (P95 daily allocated total over supply; see {@link ClusterLoad#heldFraction()}), the
 * binding resource b the most held one, and f_b at or above the exhaustion threshold, the stranded amount of another
 * resource r is {@code supply_r × (f_b − f_r)}: how much more of r would be held if r were held as fully as b. It is a
 * lower bound of what cannot be placed once b runs out: with the same mix of demand, r is then held at f_r / f_b, and
 * {@code supply_r × (1 − f_r / f_b) >= supply_r × (f_b − f_r)}.
 *
 * @param cluster the cluster
 * @param hostShapes the SKUs in service in the cluster; with exactly one, the stranding is on that host shape
 * @param binding the resource near exhaustion
 * @param bindingFraction its held fraction
 * @param resource the idling resource
 * @param fraction its held fraction
 * @param supply its supply, in its canonical unit
 * @param stranded the stranded amount, in its canonical unit
 * @param unit the canonical unit: cores, GiB or TB
 * @param usdPerMonth what the stranded amount costs a month at the cluster's unit rate, USD; {@code null} when the
 *     cluster's rates are unknown
 */
public record StrandedCapacity(
        String cluster,
        ImmutableList<String> hostShapes,
        Resource binding,
        double bindingFraction,
        Resource resource,
        double fraction,
        double supply,
        double stranded,
        String unit,
        @Nullable Double usdPerMonth) {
    public StrandedCapacity {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(hostShapes, "hostShapes is null");
        requireNonNull(binding, "binding is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(unit, "unit is null");
    }
}
