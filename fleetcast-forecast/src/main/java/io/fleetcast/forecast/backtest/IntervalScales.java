package io.fleetcast.forecast.backtest;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import java.util.Arrays;
import java.util.Optional;

/**
 * Factors that make a method's 80% and 95% prediction intervals hold as often as they claim on the series' own recent
 * past (split conformal calibration; Vovk, Gammerman and Shafer 2005, with the interval's scale from the method).
 * From a backtest: every fold's and step's error in units of the method's implied standard error, {@code |actual -
 * mean| / (half-width of the 95% interval / 1.96)}, pooled; the conformal 80% and 95% quantiles of these, over the
 * normal quantiles, are the factors. Applying them moves each side of each interval away from (factor above 1) or
 * towards (below 1) the point forecast, which stays as it was.
 */
public record IntervalScales(double scale80, double scale95) {
    /** Backtest errors needed to estimate the factors. */
    public static final int MINIMUM_ERRORS = 20;

    public IntervalScales {
        checkArgument(scale80 > 0 && scale95 > 0, "interval scales must be positive, got %s and %s", scale80, scale95);
    }

    /**
     * The factors from {@code backtest}, or empty when it has fewer than {@value #MINIMUM_ERRORS} usable errors (an
     * interval of zero width gives none).
     */
    public static Optional<IntervalScales> from(BacktestResult backtest) {
        int count = 0;
        for (BacktestResult.Fold fold : backtest.folds()) {
            count += fold.horizon();
        }
        double[] standardised = new double[count];
        int used = 0;
        for (BacktestResult.Fold fold : backtest.folds()) {
            double[] actual = fold.actual();
            Forecast forecast = fold.forecast();
            double[] mean = forecast.mean();
            double[] lower = forecast.lower95();
            double[] upper = forecast.upper95();
            for (int step = 0; step < actual.length; step++) {
                double standardError = (upper[step] - lower[step]) / (2 * Forecast.Z95);
                if (standardError > 0) {
                    standardised[used++] = Math.abs(actual[step] - mean[step]) / standardError;
                }
            }
        }
        if (used < MINIMUM_ERRORS) {
            return Optional.empty();
        }
        double[] sorted = Arrays.copyOf(standardised, used);
        Arrays.sort(sorted);
        double scale80 = Math.max(1, quantile(sorted, 0.80) / Forecast.Z80);
        double scale95 = Math.max(1, quantile(sorted, 0.95) / Forecast.Z95);
        if (!(scale80 > 0 && scale95 > 0)) {
            return Optional.empty();
        }
        return Optional.of(new IntervalScales(scale80, scale95));
    }

    /** The conformal quantile: the ceil((n + 1) level)-th smallest value, the largest when that exceeds n. */
    static double quantile(double[] sorted, double level) {
        int rank = (int) Math.ceil((sorted.length + 1) * level);
        return sorted[Math.min(rank, sorted.length) - 1];
    }

    /** {@code forecast} with its intervals rescaled; the provenance gains {@code intervalScale80/95}. */
    public Forecast apply(Forecast forecast) {
        double[] mean = forecast.mean();
        return Forecast.of(
                forecast.provenance().with(ImmutableMap.of("intervalScale80", scale80, "intervalScale95", scale95)),
                mean,
                rescale(mean, forecast.lower80(), scale80),
                rescale(mean, forecast.upper80(), scale80),
                rescale(mean, forecast.lower95(), scale95),
                rescale(mean, forecast.upper95(), scale95));
    }

    private static double[] rescale(double[] mean, double[] bound, double factor) {
        double[] scaled = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            scaled[i] = mean[i] + factor * (bound[i] - mean[i]);
        }
        return scaled;
    }
}
