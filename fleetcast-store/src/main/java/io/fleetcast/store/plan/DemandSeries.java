package io.fleetcast.store.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import java.time.Instant;
import java.util.List;

/**
 * One stored demand series at one grain and how far its data reaches.
 *
 * @param service the service
 * @param cluster the cluster
 * @param resource the resource code ({@code cpu}, {@code memory}, {@code storage})
 * @param grain the grain of its periods
 * @param first the start of its first period (UTC)
 * @param last the start of its last period (UTC): the series' data watermark
 * @param periods how many periods have a value (at most the periods from first to last)
 */
public record DemandSeries(
        String service, String cluster, String resource, DemandGrain grain, Instant first, Instant last, long periods) {
    /** Separates the parts of a {@link #key()}. */
    public static final String KEY_SEPARATOR = "/";

    public DemandSeries {
        requireNonNull(service, "service is null");
        requireNonNull(cluster, "cluster is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(grain, "grain is null");
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        checkArgument(!first.isAfter(last), "first %s is after last %s", first, last);
        checkArgument(periods >= 1, "periods must be >= 1, got %s", periods);
    }

    /** The parts of a series key {@code service/cluster/resource}: three for a well-formed key. */
    public static List<String> keyParts(String key) {
        return Splitter.on(KEY_SEPARATOR).splitToList(key);
    }

    /** {@code service/cluster/resource}: how plans name the series. */
    public String key() {
        return String.join(KEY_SEPARATOR, service, cluster, resource);
    }
}
