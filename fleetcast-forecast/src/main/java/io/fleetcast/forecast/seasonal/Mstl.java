package io.fleetcast.forecast.seasonal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * Decomposition into a trend, one seasonal component per cycle and a remainder (Bandara, Hyndman and Bergmeir 2021,
 * MSTL), as R's {@code forecast::mstl}: STL is applied to each period in turn, shortest first, each time to the series
 * without the other cycles' current estimates, and the whole round is done twice. Cycles whose period is not shorter
 * than half the series are left out. The seasonal window of the i-th cycle is {@code 7 + 4 i} (i = 1, 2, ...).
 */
public final class Mstl {
    private final int[] periods;
    private final double[][] seasonals;
    private final double[] trend;
    private final double[] adjusted;

    private Mstl(int[] periods, double[][] seasonals, double[] trend, double[] adjusted) {
        this.periods = periods;
        this.seasonals = seasonals;
        this.trend = trend;
        this.adjusted = adjusted;
    }

    /** Decomposes {@code values} at the given seasonal periods (any order; duplicates ignored). */
    public static Mstl decompose(double[] values, int... periods) {
        int n = values.length;
        int[] usable = Arrays.stream(periods)
                .distinct()
                .sorted()
                .filter(period -> period < n / 2.0)
                .toArray();
        for (int period : usable) {
            checkArgument(period >= 2, "a seasonal period must be at least 2, got %s", period);
        }
        double[][] seasonals = new double[usable.length][n];
        double[] deseasonalised = values.clone();
        double[] trend = new double[n];
        int rounds = usable.length > 1 ? 2 : 1;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < usable.length; i++) {
                for (int t = 0; t < n; t++) {
                    deseasonalised[t] += seasonals[i][t];
                }
                Stl stl = Stl.decompose(deseasonalised, usable[i], 7 + 4 * (i + 1));
                seasonals[i] = stl.seasonal();
                trend = stl.trend();
                for (int t = 0; t < n; t++) {
                    deseasonalised[t] -= seasonals[i][t];
                }
            }
        }
        return new Mstl(usable, seasonals, trend, deseasonalised);
    }

    /** The periods that were decomposed, shortest first (those shorter than half the series). */
    public int[] periods() {
        return periods.clone();
    }

    /** The seasonal component of the {@code index}-th decomposed period. */
    public double[] seasonal(int index) {
        return seasonals[index].clone();
    }

    /** The trend of the last STL pass; all zeros when no period was decomposed. */
    public double[] trend() {
        return trend.clone();
    }

    /** The series without its seasonal components (trend + remainder). */
    public double[] adjusted() {
        return adjusted.clone();
    }

    /**
     * The seasonal components' sum {@code step} steps after the last observation (0 = the next step): each cycle's
     * last full period repeated.
     */
    public double seasonalForecast(int step) {
        int n = adjusted.length;
        double sum = 0;
        for (int i = 0; i < periods.length; i++) {
            int period = periods[i];
            sum += seasonals[i][n - period + step % period];
        }
        return sum;
    }
}
