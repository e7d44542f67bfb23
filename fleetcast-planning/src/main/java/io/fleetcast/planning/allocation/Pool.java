package io.fleetcast.planning.allocation;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import java.util.Comparator;

/**
 * Where supply is shared: one resource of one cluster. Requests compete only with requests of the same pool.
 *
 * @param cluster the cluster
 * @param resource the resource; quantities of the pool are in its canonical unit (cores, GiB or TB)
 */
public record Pool(String cluster, Resource resource) implements Comparable<Pool> {
    private static final Comparator<Pool> ORDER =
            Comparator.comparing(Pool::cluster).thenComparing(Pool::resource);

    public Pool {
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        checkArgument(!cluster.isBlank(), "cluster is blank");
    }

    /** The unit of the pool's quantities: {@code cores}, {@code GiB} or {@code TB}. */
    public String unit() {
        return resource.canonicalUnit();
    }

    /** By cluster, then resource. */
    @Override
    public int compareTo(Pool other) {
        return ORDER.compare(this, other);
    }

    /** {@code ash-c1 cpu}. */
    @Override
    public String toString() {
        return cluster + " " + resource.code();
    }
}
