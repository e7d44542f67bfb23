package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import java.util.Arrays;

/**
 * Forecasts the sum of daily spend over days ahead, with an error measured rather than assumed: the method chosen for
 * the series is run again from {@link #ORIGINS} earlier origins, a fortnight apart, each forecasting the same days
 * ahead, and the
 * standard error is the root mean square of those sums' errors (bias included). Only the last {@link #WINDOW_DAYS}
 * days are fitted; spend older than a year says little about next quarter's.
 */
public final class SpendForecaster {
    /** Backtest origins. */
    public static final int ORIGINS = 8;
    /** Days between backtest origins. */
    public static final int SPACING_DAYS = 14;
    /** Days of history fitted. */
    public static final int WINDOW_DAYS = 365;
    /** The fewest days a fit needs: eight weeks, so a weekly pattern is seen several times. */
    public static final int MINIMUM_DAYS = 56;

    private final Chooser chooser;

    /** Picks the method for a series and horizon, e.g. {@code new AutomaticForecaster()::choose}. */
    @FunctionalInterface
    public interface Chooser {
        Forecaster choose(Series series, int horizon);
    }

    /** Forecasts with the method {@code chooser} picks on the whole window, run again at each backtest origin. */
    public SpendForecaster(Chooser chooser) {
        this.chooser = requireNonNull(chooser, "chooser is null");
    }

    /** The outlook for the {@code days} days right after {@code history}; see {@link #outlook(double[], int, int)}. */
    public SpendOutlook outlook(double[] history, int days) {
        return outlook(history, 0, days);
    }

    /**
     * The outlook for {@code days} days that start {@code gap} days after the end of {@code history} (daily spend,
     * oldest first).
     *
     * @return {@link SpendOutlook#NONE} when {@code days} is 0, whatever the history
     * @throws IllegalArgumentException when {@code gap} or {@code days} is negative, or days are asked for and the
     *     history is shorter than {@link #MINIMUM_DAYS}
     */
    public SpendOutlook outlook(double[] history, int gap, int days) {
        if (days < 0 || gap < 0) {
            throw new IllegalArgumentException("days ahead must not be negative: " + gap + ", " + days);
        }
        if (days == 0) {
            return SpendOutlook.NONE;
        }
        if (history.length < MINIMUM_DAYS) {
            throw new IllegalArgumentException(
                    "spend forecasts need at least " + MINIMUM_DAYS + " days of history, not " + history.length);
        }
        int horizon = gap + days;
        Forecaster method = chooser.choose(window(history, history.length), horizon);
        Forecast forecast = method.forecast(window(history, history.length), horizon);
        double p50 = Math.max(0, sum(forecast.mean(), gap));
        double squares = 0;
        int origins = 0;
        for (int k = 0; k < ORIGINS; k++) {
            int end = history.length - horizon - k * SPACING_DAYS;
            if (end < MINIMUM_DAYS) {
                break;
            }
            double predicted = Math.max(
                    0, sum(method.forecast(window(history, end), horizon).mean(), gap));
            double actual = sum(Arrays.copyOfRange(history, end + gap, end + horizon), 0);
            squares += (actual - predicted) * (actual - predicted);
            origins++;
        }
        double error;
        if (origins > 0) {
            error = Math.sqrt(squares / origins);
        } else {
            // No room to backtest: the method's own 80% half-widths, summed as if fully correlated (wide, not narrow).
            double halfWidths = 0;
            for (int step = gap; step < horizon; step++) {
                halfWidths += (forecast.upper80()[step] - forecast.mean(step)) / Forecast.Z80;
            }
            error = halfWidths;
        }
        return new SpendOutlook(days, p50, error, forecast.provenance().model(), origins);
    }

    /** The last {@link #WINDOW_DAYS} days before {@code end}, with a weekly season. */
    private static Series window(double[] history, int end) {
        int start = Math.max(0, end - WINDOW_DAYS);
        return Series.of(Arrays.copyOfRange(history, start, end), 7);
    }

    /** The sum of {@code values} from index {@code from} on. */
    private static double sum(double[] values, int from) {
        double total = 0;
        for (int i = from; i < values.length; i++) {
            total += values[i];
        }
        return total;
    }
}
