package io.fleetcast.planning.utilization;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A service's use of its allocation of one resource in one cluster.
 *
 * @param load what it used and had allocated
 * @param status the verdict
 * @param usedToAllocated P95 daily use over the current allocation; {@code null} without an allocation above 0
 */
public record ServiceAssessment(
        ServiceLoad load, ServiceStatus status, @Nullable Double usedToAllocated) {
    public ServiceAssessment {
        requireNonNull(load, "load is null");
        requireNonNull(status, "status is null");
    }
}
