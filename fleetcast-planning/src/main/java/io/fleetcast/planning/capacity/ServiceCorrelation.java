package io.fleetcast.planning.capacity;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * How much the services of a cluster move together, and what that makes of the cluster's demand quantiles. A
 * cluster's P50 is the sum of its services' P50s, but adding their P99s assumes their errors always move together,
 * which overstates the cluster's P99 the more services it has; treating them as independent understates it when a
 * common shock (traffic, a holiday) moves them all. The measured middle: the services' week-over-week relative changes
 * over the last year give an average pairwise correlation ρ, weighted by size, and a quantile's spread above P50 is
 * √((1 − ρ) Σ dᵢ² + ρ (Σ dᵢ)²) for the services' spreads dᵢ.
 */
public final class ServiceCorrelation {
    /** Days of recent history the correlation is measured over. */
    public static final int WINDOW_DAYS = 365;

    private static final int LAG = 7;

    private ServiceCorrelation() {}

    /**
     * The size-weighted average pairwise correlation of the services' week-over-week relative changes, in [0, 1]; 1
     * (the cautious assumption) when fewer than two services have {@value #WINDOW_DAYS} + 7 days of positive amounts
     * or the changes do not vary.
     *
     * @param recent each service's daily amounts, ending on the same day (series shorter than the window plus a week,
     *     or with an amount not above 0 in it, are left out)
     */
    public static double of(List<double[]> recent) {
        int n = WINDOW_DAYS;
        double[][] changes = new double[recent.size()][];
        double[] weights = new double[recent.size()];
        int usable = 0;
        for (double[] series : recent) {
            if (series.length < n + LAG) {
                continue;
            }
            double[] change = new double[n];
            boolean positive = true;
            int offset = series.length - n;
            for (int t = 0; t < n && positive; t++) {
                double now = series[offset + t];
                double before = series[offset + t - LAG];
                positive = now > 0 && before > 0;
                change[t] = positive ? Math.log(now / before) : 0;
            }
            if (positive) {
                changes[usable] = change;
                weights[usable] = series[series.length - 1];
                usable++;
            }
        }
        if (usable < 2) {
            return 1;
        }
        double[] total = new double[n];
        double ownVariance = 0;
        double spreads = 0;
        for (int i = 0; i < usable; i++) {
            double variance = variance(changes[i]);
            ownVariance += weights[i] * weights[i] * variance;
            spreads += weights[i] * Math.sqrt(variance);
            for (int t = 0; t < n; t++) {
                total[t] += weights[i] * changes[i][t];
            }
        }
        double crossTerms = spreads * spreads - ownVariance;
        if (!(crossTerms > 0)) {
            return 1;
        }
        double rho = (variance(total) - ownVariance) / crossTerms;
        return Math.max(0, Math.min(1, rho));
    }

    /** The spread of a sum above its P50, from its parts' spreads {@code parts} (each at least 0) and {@code rho}. */
    public static double combine(double[] parts, double rho) {
        checkArgument(rho >= 0 && rho <= 1, "rho must be in [0, 1], got %s", rho);
        double squares = 0;
        double sum = 0;
        for (double part : parts) {
            squares += part * part;
            sum += part;
        }
        return Math.sqrt((1 - rho) * squares + rho * sum * sum);
    }

    private static double variance(double[] values) {
        double mean = 0;
        for (double value : values) {
            mean += value;
        }
        mean /= values.length;
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return sum / (values.length - 1);
    }
}
