package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.store.plan.DemandGrain;
import java.util.Locale;
import java.util.Optional;
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
 * @param reconciliation how to make the plan coherent across org → team → service and region → site → cluster;
 *     empty to forecast the series alone. With it, every series of each resource the selector touches takes part,
 *     and the aggregates are forecast too.
 */
public record PlanRequest(
        String selector,
        DemandGrain grain,
        int horizon,
        ImmutableList<DriverScenario> scenarios,
        Optional<ReconciliationMethod> reconciliation) {
    /** @throws FleetcastException {@code BAD_INPUT} if the horizon is out of range */
    public PlanRequest {
        requireNonNull(selector, "selector is null");
        requireNonNull(grain, "grain is null");
        requireNonNull(scenarios, "scenarios is null");
        requireNonNull(reconciliation, "reconciliation is null");
        if (horizon < 1 || horizon > grain.maxHorizon()) {
            throw FleetcastException.badInput(
                    "the horizon must be 1 to " + grain.count(grain.maxHorizon()) + ", got " + horizon);
        }
    }

    /** Without reconciliation. */
    public PlanRequest(String selector, DemandGrain grain, int horizon, ImmutableList<DriverScenario> scenarios) {
        this(selector, grain, horizon, scenarios, Optional.empty());
    }

    /** Daily, without scenarios or reconciliation. */
    public PlanRequest(String selector, int horizonDays) {
        this(selector, DemandGrain.DAY, horizonDays, ImmutableList.of());
    }

    /** The command-line name of {@code method}, as {@link #reconciliationMethod} reads it. */
    public static String reconciliationName(ReconciliationMethod method) {
        return switch (method) {
            case MINT_SHRINK -> "mint";
            case WLS_STRUCTURAL -> "wls";
            case OLS -> "ols";
            case BOTTOM_UP -> "bottom-up";
            case WLS_VARIANCE -> "wls-variance";
        };
    }

    /**
     * The reconciliation method a command-line or API name gives: {@code mint} (MinT with shrinkage), {@code wls}
     * (structural weights), {@code wls-variance} (weights from the backtest errors' variances), {@code ols} or {@code
     * bottom-up}.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the choices for any other name
     */
    public static ReconciliationMethod reconciliationMethod(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "mint" -> ReconciliationMethod.MINT_SHRINK;
            case "wls" -> ReconciliationMethod.WLS_STRUCTURAL;
            case "wls-variance" -> ReconciliationMethod.WLS_VARIANCE;
            case "ols" -> ReconciliationMethod.OLS;
            case "bottom-up" -> ReconciliationMethod.BOTTOM_UP;
            default ->
                throw FleetcastException.badInput(
                        "unknown reconciliation \"" + name + "\"; use mint, wls, wls-variance, ols or bottom-up");
        };
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
