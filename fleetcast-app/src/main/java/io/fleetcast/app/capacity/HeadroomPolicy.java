package io.fleetcast.app.capacity;

import io.fleetcast.core.error.FleetcastException;

/**
 * The deterministic parts of a capacity plan's headroom, the same for every cluster.
 *
 * @param maintenanceFraction capacity out for maintenance at any time
 * @param utilizationCeiling the largest fraction of capacity that may be used
 * @param surviveRacks how many of a cluster's largest racks it must survive losing (N+k)
 * @param disasterRecoveryFraction capacity held for another site's failover, as a fraction of demand
 */
public record HeadroomPolicy(
        double maintenanceFraction, double utilizationCeiling, int surviveRacks, double disasterRecoveryFraction) {
    /** 2% in maintenance, at most 90% used, N+1 racks, no failover reserve. */
    public static final HeadroomPolicy DEFAULT = new HeadroomPolicy(0.02, 0.9, 1, 0);

    public HeadroomPolicy {
        if (!(maintenanceFraction >= 0 && maintenanceFraction < 1)) {
            throw FleetcastException.badInput("--maintenance must be in [0, 1), got " + maintenanceFraction);
        }
        if (!(utilizationCeiling > 0 && utilizationCeiling <= 1)) {
            throw FleetcastException.badInput("--utilization-ceiling must be in (0, 1], got " + utilizationCeiling);
        }
        if (surviveRacks < 0) {
            throw FleetcastException.badInput("--survive-racks must not be negative, got " + surviveRacks);
        }
        if (!(disasterRecoveryFraction >= 0)) {
            throw FleetcastException.badInput("--dr-reserve must not be negative, got " + disasterRecoveryFraction);
        }
    }
}
