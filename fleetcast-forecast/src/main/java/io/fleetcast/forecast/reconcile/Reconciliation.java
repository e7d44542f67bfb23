package io.fleetcast.forecast.reconcile;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Coherent forecasts of every node of a hierarchy and how they were reconciled.
 *
 * @param requestedMethod the method asked for
 * @param method the method used: {@code requestedMethod}, or {@link ReconciliationMethod#WLS_VARIANCE} when MinT could
 *     not estimate a usable covariance (then {@code fallbackReason} says why)
 * @param forecasts the reconciled forecast of every node, in the hierarchy's node order
 * @param standardDeviationRatios per node, the reconciled forecast's standard deviation over the base forecast's: each
 *     interval's half-widths are the base ones times this ratio (see {@link Reconciler})
 * @param shrinkageIntensity the Schäfer–Strimmer λ of the residual covariance when residuals with at least 2 rows were
 *     given
 * @param fallbackReason why {@code method} differs from {@code requestedMethod}; empty when it does not
 */
public record Reconciliation(
        ReconciliationMethod requestedMethod,
        ReconciliationMethod method,
        ImmutableMap<String, Forecast> forecasts,
        ImmutableMap<String, Double> standardDeviationRatios,
        OptionalDouble shrinkageIntensity,
        Optional<String> fallbackReason) {
    public Reconciliation {
        requireNonNull(requestedMethod, "requestedMethod is null");
        requireNonNull(method, "method is null");
        requireNonNull(forecasts, "forecasts is null");
        requireNonNull(standardDeviationRatios, "standardDeviationRatios is null");
        requireNonNull(shrinkageIntensity, "shrinkageIntensity is null");
        requireNonNull(fallbackReason, "fallbackReason is null");
        checkArgument(
                (method == requestedMethod) == fallbackReason.isEmpty(),
                "a fallback reason is given exactly when the method used differs from the one requested");
    }

    /**
     * The reconciled forecast of {@code node}.
     *
     * @throws IllegalArgumentException when {@code node} is not a node of the hierarchy
     */
    public Forecast forecast(String node) {
        Forecast forecast = forecasts.get(node);
        checkArgument(forecast != null, "\"%s\" is not a node of the hierarchy", node);
        return forecast;
    }
}
