package io.fleetcast.forecast;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A point forecast with its 80% and 95% prediction intervals, one value per step ahead, and how it was made.
 * Immutable.
 */
public final class Forecast {
    /** Standard normal quantile of a central 80% interval. */
    public static final double Z80 = 1.2815515655446004;
    /** Standard normal quantile of a central 95% interval. */
    public static final double Z95 = 1.959963984540054;

    private final Provenance provenance;
    private final double[] mean;
    private final double[] lower80;
    private final double[] upper80;
    private final double[] lower95;
    private final double[] upper95;
    private final double @Nullable [] backtestErrors;

    private Forecast(
            Provenance provenance,
            double[] mean,
            double[] lower80,
            double[] upper80,
            double[] lower95,
            double[] upper95) {
        this(provenance, mean, lower80, upper80, lower95, upper95, null);
    }

    private Forecast(
            Provenance provenance,
            double[] mean,
            double[] lower80,
            double[] upper80,
            double[] lower95,
            double[] upper95,
            double @Nullable [] backtestErrors) {
        this.provenance = requireNonNull(provenance, "provenance is null");
        int horizon = mean.length;
        checkArgument(
                lower80.length == horizon
                        && upper80.length == horizon
                        && lower95.length == horizon
                        && upper95.length == horizon,
                "every interval bound needs one value per step");
        this.mean = mean;
        this.lower80 = lower80;
        this.upper80 = upper80;
        this.lower95 = lower95;
        this.upper95 = upper95;
        this.backtestErrors = backtestErrors;
    }

    /** A forecast with the given bounds (copied). */
    public static Forecast of(
            Provenance provenance,
            double[] mean,
            double[] lower80,
            double[] upper80,
            double[] lower95,
            double[] upper95) {
        return new Forecast(
                provenance, mean.clone(), lower80.clone(), upper80.clone(), lower95.clone(), upper95.clone());
    }

    /**
     * A forecast whose errors are normal with standard deviation {@code standardErrors[step]}: the intervals are the
     * mean plus and minus the normal quantiles times the standard error.
     */
    public static Forecast normal(Provenance provenance, double[] mean, double[] standardErrors) {
        checkArgument(mean.length == standardErrors.length, "one standard error per step");
        int horizon = mean.length;
        double[] lower80 = new double[horizon];
        double[] upper80 = new double[horizon];
        double[] lower95 = new double[horizon];
        double[] upper95 = new double[horizon];
        for (int step = 0; step < horizon; step++) {
            lower80[step] = mean[step] - Z80 * standardErrors[step];
            upper80[step] = mean[step] + Z80 * standardErrors[step];
            lower95[step] = mean[step] - Z95 * standardErrors[step];
            upper95[step] = mean[step] + Z95 * standardErrors[step];
        }
        return new Forecast(provenance, mean.clone(), lower80, upper80, lower95, upper95);
    }

    /** A function of the step ahead (0-based) and a value of the forecast. */
    @FunctionalInterface
    public interface StepFunction {
        double apply(int step, double value);
    }

    /**
     * This forecast with {@code function} applied to the point forecast and every bound, under {@code provenance}.
     * The function must be increasing in the value (adding a seasonal term, the exponential), so bounds stay in order.
     */
    public Forecast map(Provenance provenance, StepFunction function) {
        return new Forecast(
                provenance,
                apply(mean, function),
                apply(lower80, function),
                apply(upper80, function),
                apply(lower95, function),
                apply(upper95, function));
    }

    /** This forecast under another provenance (its backtest errors kept). */
    public Forecast withProvenance(Provenance provenance) {
        return new Forecast(provenance, mean, lower80, upper80, lower95, upper95, backtestErrors);
    }

    /**
     * This forecast with the errors its method made in a rolling-origin backtest on the same series (copied): actual
     * minus point forecast over the last periods of the series, oldest first, ending with the last observation.
     * Reconciliation estimates how the errors of several series vary together from them.
     */
    public Forecast withBacktestErrors(double[] errors) {
        return new Forecast(provenance, mean, lower80, upper80, lower95, upper95, errors.clone());
    }

    /** The backtest errors (a copy), oldest first; empty when the method was not backtested on the series. */
    public Optional<double[]> backtestErrors() {
        return backtestErrors == null ? Optional.empty() : Optional.of(backtestErrors.clone());
    }

    private static double[] apply(double[] values, StepFunction function) {
        double[] result = new double[values.length];
        for (int step = 0; step < values.length; step++) {
            result[step] = function.apply(step, values[step]);
        }
        return result;
    }

    public Provenance provenance() {
        return provenance;
    }

    public int horizon() {
        return mean.length;
    }

    /** The point forecast {@code step} steps ahead, 0-based (0 = the step after the last observation). */
    public double mean(int step) {
        return mean[step];
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] lower80() {
        return lower80.clone();
    }

    public double[] upper80() {
        return upper80.clone();
    }

    public double[] lower95() {
        return lower95.clone();
    }

    public double[] upper95() {
        return upper95.clone();
    }
}
