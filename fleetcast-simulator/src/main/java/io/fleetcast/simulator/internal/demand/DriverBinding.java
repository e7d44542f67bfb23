package io.fleetcast.simulator.internal.demand;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.organization.Service;

/**
 * A service whose demand follows a traffic driver: its expected used cpu and memory are proportional to
 * {@code driver^elasticity} (times events, ramp-up and launch steps, which act on top), and its storage to the
 * driver's trend level to the same power.
 *
 * @param service the driven service
 * @param driver the driver it follows
 * @param elasticity the exponent, in (0, 2)
 */
public record DriverBinding(Service service, TrafficDriver driver, double elasticity) {
    public DriverBinding {
        requireNonNull(service, "service is null");
        requireNonNull(driver, "driver is null");
        checkArgument(elasticity > 0 && elasticity < 2, "elasticity must be in (0, 2), got %s", elasticity);
    }
}
