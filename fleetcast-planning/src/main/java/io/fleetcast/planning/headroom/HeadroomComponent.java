package io.fleetcast.planning.headroom;

import static java.util.Objects.requireNonNull;

/**
 * One part of a headroom buffer.
 *
 * @param name what it is: {@code forecast_error}, {@code supply_variance}, {@code statistical}, {@code
 *     disaster_recovery}, {@code utilization_ceiling}, {@code maintenance} or {@code failure_domains}
 * @param amount its size in the resource's unit
 * @param counted whether it is part of the total; the two stand-alone statistical amounts are shown for comparison
 *     only, their joint quantile ({@code statistical}) is counted
 * @param rule how it composes with the others, e.g. {@code "joint 99% quantile"}, {@code "added"}, {@code "÷ 0.85"}
 * @param explanation one line, with units
 */
public record HeadroomComponent(String name, double amount, boolean counted, String rule, String explanation) {
    public HeadroomComponent {
        requireNonNull(name, "name is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(explanation, "explanation is null");
    }
}
