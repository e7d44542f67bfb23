package io.fleetcast.app.fleet;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.fleet.FleetScope;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What a user asks the fleet overview: a scope, a range of days and a resource. Absent dates are filled in by
 * {@link FleetOverviewService}: {@code to} defaults to the data's last day, {@code from} to 365 days before {@code to}.
 *
 * @param scope the part of the fleet, as named by the user (checked against the fleet by the service)
 * @param from the first day, inclusive; {@code null} for the default
 * @param to the last day, inclusive; {@code null} for the default
 * @param resource the resource the breakdown and timeline show
 */
public record FleetOverviewRequest(
        FleetScope scope,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        Resource resource) {
    /** The parameters {@link #fromParameters} reads, in the order the API documents them. */
    public static final List<String> PARAMETERS =
            ImmutableList.of("region", "site", "cluster", "service", "from", "to", "resource");

    /** @throws FleetcastException {@code BAD_INPUT} if both dates are given and {@code from} is after {@code to} */
    public FleetOverviewRequest {
        requireNonNull(scope, "scope is null");
        requireNonNull(resource, "resource is null");
        if (from != null && to != null && from.isAfter(to)) {
            throw FleetcastException.badInput("from " + from + " is after to " + to);
        }
    }

    /** The whole fleet, default range, cpu. */
    public static FleetOverviewRequest defaults() {
        return new FleetOverviewRequest(FleetScope.FLEET, null, null, Resource.CPU);
    }

    /**
     * Reads a request from named text parameters (an HTTP query string, say): {@code region}, {@code site},
     * {@code cluster}, {@code service}, {@code from} and {@code to} as {@code YYYY-MM-DD}, and {@code resource} as
     * {@code cpu}, {@code memory} or {@code storage} (default {@code cpu}). Empty values count as absent.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the parameter for an unknown parameter, a malformed date,
     *     an unknown resource, or {@code from} after {@code to}
     */
    public static FleetOverviewRequest fromParameters(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw FleetcastException.badInput(
                        "unknown parameter \"" + name + "\"; expected " + String.join(", ", PARAMETERS));
            }
        }
        FleetScope scope = new FleetScope(
                text(parameters, "region"),
                text(parameters, "site"),
                text(parameters, "cluster"),
                text(parameters, "service"));
        String resourceText = text(parameters, "resource");
        Resource resource = resourceText == null
                ? Resource.CPU
                : Resource.parse(resourceText)
                        .orElseThrow(() -> FleetcastException.badInput("parameter \"resource\": expected one of "
                                + Arrays.stream(Resource.values())
                                        .map(Resource::code)
                                        .collect(Collectors.joining(", "))
                                + "; got \"" + resourceText + "\""));
        return new FleetOverviewRequest(scope, date(parameters, "from"), date(parameters, "to"), resource);
    }

    private static @Nullable String text(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static @Nullable LocalDate date(Map<String, String> parameters, String name) {
        String value = text(parameters, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new FleetcastException(
                    ErrorKind.BAD_INPUT,
                    "parameter \"" + name + "\": expected a date as YYYY-MM-DD, got \"" + value + "\"",
                    e);
        }
    }
}
