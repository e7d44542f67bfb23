package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One stored daily demand series (usage rows of grain {@code day}) and how far its data reaches.
 *
 * @param service the service
 * @param cluster the cluster
 * @param resource the resource code ({@code cpu}, {@code memory}, {@code storage})
 * @param firstDay the start of the first stored day (UTC)
 * @param lastDay the start of the last stored day (UTC): the series' data watermark
 * @param days how many days have a stored value (at most the days from first to last)
 */
public record DemandSeries(
        String service, String cluster, String resource, Instant firstDay, Instant lastDay, long days) {
    /** Separates the parts of a {@link #key()}. */
    public static final String KEY_SEPARATOR = "/";

    public DemandSeries {
        requireNonNull(service, "service is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(lastDay, "lastDay is null");
        checkArgument(!firstDay.isAfter(lastDay), "firstDay %s is after lastDay %s", firstDay, lastDay);
        checkArgument(days >= 1, "days must be >= 1, got %s", days);
    }

    /** {@code service/cluster/resource}: how plans name the series. */
    public String key() {
        return String.join(KEY_SEPARATOR, service, cluster, resource);
    }
}
