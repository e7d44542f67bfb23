package io.fleetcast.simulator.internal.demand;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;

/**
 * A planned launch entered as a step adjustment: from {@code startDay} on, the expected used {@code resource} of the
 * service in the cluster is higher by {@code step} (canonical unit), on top of everything else.
 *
 * @param adjustmentId adjustments.csv identifier
 * @param placement the service and cluster it applies to
 * @param resource the resource it adds
 * @param startDay first epoch day of the step
 * @param step added quantity, in the resource's canonical unit
 * @param createdDay epoch day it was entered (before {@code startDay}, never after the end of the history)
 * @param createdMinute minute of that day it was entered (UTC)
 * @param author who entered it
 * @param reason why
 */
public record Launch(
        String adjustmentId,
        Placement placement,
        Resource resource,
        int startDay,
        double step,
        int createdDay,
        int createdMinute,
        String author,
        String reason) {
    public Launch {
        requireNonNull(adjustmentId, "adjustmentId is null");
        requireNonNull(placement, "placement is null");
        requireNonNull(resource, "resource is null");
        checkArgument(step > 0, "step must be > 0, got %s", step);
        checkArgument(createdDay < startDay, "created %s not before start %s", createdDay, startDay);
        checkArgument(createdMinute >= 0 && createdMinute < 1440, "createdMinute out of range");
        requireNonNull(author, "author is null");
        requireNonNull(reason, "reason is null");
    }
}
