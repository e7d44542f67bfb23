package io.fleetcast.store.fleet;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How the servers of one SKU, one month or one region, site or cluster changed over a range of days: those in service
 * the day before it, those installed, failed and retired in it, and those in service on its last day. {@code closing =
 * opening + installed − failed − retired}, in servers and in capacity.
 *
 * @param key the SKU, the month as {@code YYYY-MM} (its days inside the range), or the region, site or cluster
 * @param opening in service the day before the range's (or month's) first day
 * @param installed installed on a day of it
 * @param failed failed on a day of it
 * @param retired retired or decommissioned on a day of it
 * @param closing in service on its last day
 */
public record SupplyChange(
        String key, Servers opening, Servers installed, Servers failed, Servers retired, Servers closing) {
    public SupplyChange {
        requireNonNull(key, "key is null");
        requireNonNull(opening, "opening is null");
        requireNonNull(installed, "installed is null");
        requireNonNull(failed, "failed is null");
        requireNonNull(retired, "retired is null");
        requireNonNull(closing, "closing is null");
    }

    /**
     * A number of servers and their capacity of the query's resource, in its canonical unit.
     *
     * @param servers how many
     * @param capacity their summed capacity
     */
    public record Servers(long servers, double capacity) {
        public static final Servers NONE = new Servers(0, 0);

        public Servers {
            checkArgument(servers >= 0, "servers must be >= 0, got %s", servers);
            checkArgument(capacity >= 0, "capacity must be >= 0, got %s", capacity);
        }

        /** {@code this + other}. */
        public Servers plus(Servers other) {
            return new Servers(servers + other.servers, capacity + other.capacity);
        }

        /** {@code this − other}: what is left after some left service. */
        Servers minus(Servers other) {
            return new Servers(servers - other.servers, Math.max(0, capacity - other.capacity));
        }
    }

    /** The change of a month that opens with {@code opening}: its closing follows from the flows. */
    public static SupplyChange of(String key, Servers opening, Servers installed, Servers failed, Servers retired) {
        return new SupplyChange(
                key,
                opening,
                installed,
                failed,
                retired,
                opening.plus(installed).minus(failed).minus(retired));
    }
}
