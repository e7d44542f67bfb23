package io.fleetcast.store.capacity;

import java.time.LocalDate;

/**
 * One day of a stored capacity plan's path for a cluster and resource, in the resource's canonical unit.
 *
 * @param supply the usable capacity (open orders from their median arrival day)
 * @param supplySd its standard deviation
 */
public record PathDay(
        String cluster,
        String resource,
        LocalDate day,
        double demandP50,
        double demandP90,
        double demandP99,
        double supply,
        double supplySd) {}
