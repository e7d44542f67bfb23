package io.fleetcast.planning.capacity;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One cluster's plan for one resource.
 *
 * @param supply usable capacity on the plan's first day
 * @param supplyAtEnd usable capacity on the horizon's last day (expected failures, retirements, open orders from their
 *     median arrival day)
 * @param demandP50 P50 demand on the plan's first day
 * @param demandP50AtEnd P50 demand on the horizon's last day
 * @param exhaustionP50 the first day P50 demand exceeds usable capacity; empty when it does not in the horizon
 * @param exhaustionP90 the same for P90 demand
 * @param exhaustionP99 the same for P99 demand
 * @param headroom the buffer held above P50 demand
 * @param needBy the first day P50 demand plus headroom exceeds usable capacity; empty when it does not
 * @param shortfall the largest amount by which P50 demand plus headroom exceeds usable capacity in the horizon (0 when
 *     it never does)
 * @param shortfallDay the day of that largest shortfall
 * @param failuresExpected capacity expected to fail over the horizon, of what is installed
 * @param retiring capacity retiring by plan over the horizon
 * @param arriving capacity of open orders whose median arrival day is inside the horizon
 */
public record ResourcePlan(
        Resource resource,
        double supply,
        double supplyAtEnd,
        double demandP50,
        double demandP50AtEnd,
        Optional<LocalDate> exhaustionP50,
        Optional<LocalDate> exhaustionP90,
        Optional<LocalDate> exhaustionP99,
        double headroom,
        Optional<LocalDate> needBy,
        double shortfall,
        Optional<LocalDate> shortfallDay,
        double failuresExpected,
        double retiring,
        double arriving) {

    /** The resource's unit. */
    public String unit() {
        return resource.canonicalUnit();
    }
}
