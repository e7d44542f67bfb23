package io.fleetcast.planning.capacity;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.core.unit.Resource;
import java.util.Locale;

/**
 * A cloud cluster's capacity of one resource by how it is bought, in the resource's canonical unit: reserved
 * (committed, paid for whether used or not) and on demand (paid for while it runs). A cloud cluster does not run out;
 * the question is how much of its demand a commitment should carry.
 */
public record CloudCapacity(double reserved, double onDemand) {
    public CloudCapacity {
        checkArgument(reserved >= 0 && Double.isFinite(reserved), "reserved must be finite and >= 0, got %s", reserved);
        checkArgument(onDemand >= 0 && Double.isFinite(onDemand), "onDemand must be finite and >= 0, got %s", onDemand);
    }

    /**
     * How P50 demand over the horizon sits on the reserved base, for people: below it on its lowest day, part of the
     * commitment would sit idle; above it throughout, the base is always in use, and raising it to the lowest day's
     * demand would still be.
     */
    public String assess(Resource resource, DemandForecast demand) {
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int day = 0; day < demand.days(); day++) {
            lowest = Math.min(lowest, demand.p50(day));
            highest = Math.max(highest, demand.p50(day));
        }
        String unit = resource.canonicalUnit();
        String held = String.format(
                Locale.ROOT,
                "%s: %,.0f %s reserved and %,.0f on demand now; P50 demand %,.0f to %,.0f %s over the horizon",
                resource.code(),
                reserved,
                unit,
                onDemand,
                lowest,
                highest,
                unit);
        if (reserved > lowest) {
            return String.format(
                    Locale.ROOT,
                    "%s, so on its lowest day %,.0f %s of the reservation would sit idle",
                    held,
                    reserved - lowest,
                    unit);
        }
        return String.format(
                Locale.ROOT,
                "%s, so the reservation is always in use and %,.0f to %,.0f %s run on demand; up to %,.0f %s more"
                        + " could be reserved and stay in use",
                held,
                lowest - reserved,
                highest - reserved,
                unit,
                lowest - reserved,
                unit);
    }
}
