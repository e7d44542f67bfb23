package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.plan.DemandGrain;
import java.util.regex.Pattern;

/**
 * What {@code fleetcast forecast} forecasts.
 *
 * @param selector which series: empty for all; a prefix of the key {@code service/cluster/resource} (e.g. {@code
 *     checkout/}); or a glob on the whole key, where {@code *} matches any text and {@code ?} one character (e.g.
 *     {@code *cpu}, {@code checkout/eu-?})
 * @param grain the grain of the series to forecast
 * @param horizon periods of that grain to forecast past each series' last one; 1 to the grain's maximum
 * @param scenarios driver scenarios: the series whose drivers they change are forecast by the regression model on
 *     the changed drivers
 */
public record PlanRequest(String selector, DemandGrain grain, int horizon, ImmutableList<DriverScenario> scenarios) {
    /** @throws FleetcastException {@code BAD_INPUT} if the horizon is out of range */
    public PlanRequest {
        requireNonNull(selector, "selector is null");
        requireNonNull(grain, "grain is null");
        requireNonNull(scenarios, "scenarios is null");
        if (horizon < 1 || horizon > grain.maxHorizon()) {
            throw FleetcastException.badInput(
                    "the horizon must be 1 to " + grain.count(grain.maxHorizon()) + ", got " + horizon);
        }
    }

    /** Daily, without scenarios. */
    public PlanRequest(String selector, int horizonDays) {
        this(selector, DemandGrain.DAY, horizonDays, ImmutableList.of());
    }

    /** Whether the series named {@code key} is selected. */
    public boolean selects(String key) {
        if (selector.isEmpty()) {
            return true;
        }
        if (selector.indexOf('*') < 0 && selector.indexOf('?') < 0) {
            return key.startsWith(selector);
        }
        return key.matches(globToRegex(selector));
    }

    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
