package io.fleetcast.planning.cost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds spikes in a daily spend series: days that cost much more than expected and after which spend went back down.
 *
 * <p>The expected spend on day t respects the weekly pattern: the median of the seven days before t, times the
 * weekday's factor, the median over the four previous same weekdays of that day's spend divided by the median of the
 * week around it. The spread is the robust standard deviation (1.4826 × MAD) of the relative errors of the
 * {@link #SCALE_DAYS} days before t, at least {@link Settings#minimumSpread()} (10% while fewer than seven days have
 * been judged). Day t is a spike when its excess over
 * the expected spend exceeds {@code threshold} spreads, {@code minimumRelative} of the expected spend and {@code
 * minimumAmount}, and spend fell back at least halfway in the {@link #SETTLE_DAYS} days after it: the median of those
 * days' excesses over day t's level times their own weekday factors is at most half of day t's excess. Excess that
 * stays is a level shift (new servers, a new service), not a spike. A spike with fewer than {@link #SETTLE_DAYS} days after it is
 * provisional.
 */
public final class SpikeDetector {
    /** Days of relative errors the spread is measured on. */
    public static final int SCALE_DAYS = 56;
    /** Days after a spike in which spend must fall back. */
    public static final int SETTLE_DAYS = 3;
    /** Days of history a day needs before it can be judged: the four weeks of weekday factors and one more. */
    public static final int WARM_UP_DAYS = 35;

    private final Settings settings;

    /**
     * How large an excess must be.
     *
     * @param threshold robust standard deviations of the relative error
     * @param minimumRelative fraction of the expected spend
     * @param minimumAmount money, in the series' currency
     * @param minimumSpread the least relative spread assumed, so flat series do not flag pennies
     */
    public record Settings(double threshold, double minimumRelative, double minimumAmount, double minimumSpread) {
        /** 5 spreads, 30% and 100 currency units, spread at least 2%. */
        public static final Settings DEFAULT = new Settings(5, 0.3, 100, 0.02);

        public Settings {
            if (!(threshold > 0) || !(minimumSpread > 0)) {
                throw new IllegalArgumentException(
                        "the anomaly threshold and spread must be positive: " + threshold + ", " + minimumSpread);
            }
            if (!(minimumRelative >= 0) || !(minimumAmount >= 0)) {
                throw new IllegalArgumentException("the smallest anomaly must not be negative: " + minimumRelative
                        + " of the expected spend, " + minimumAmount);
            }
        }
    }

    /**
     * A spike.
     *
     * @param day the day's index in the series
     * @param amount the spend that day
     * @param expected the spend expected that day
     * @param spread the relative spread it was judged against
     * @param provisional whether fewer than {@link #SETTLE_DAYS} days followed it
     */
    public record Spike(int day, double amount, double expected, double spread, boolean provisional) {
        /** Amount above the expected spend. */
        public double excess() {
            return amount - expected;
        }
    }

    public SpikeDetector(Settings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings is null");
    }

    /** The spikes on days {@code from} onwards (indices into {@code daily}), earliest first. */
    public List<Spike> detect(double[] daily, int from) {
        List<Spike> spikes = new ArrayList<>();
        int first = Math.max(from, WARM_UP_DAYS);
        double[] expectedByDay = new double[daily.length];
        for (int t = Math.max(WARM_UP_DAYS, first - SCALE_DAYS); t < daily.length; t++) {
            expectedByDay[t] = expected(daily, t);
        }
        for (int t = first; t < daily.length; t++) {
            double expected = expectedByDay[t];
            double excess = daily[t] - expected;
            if (excess <= settings.minimumAmount() || excess <= settings.minimumRelative() * expected) {
                continue;
            }
            double spread = spread(daily, expectedByDay, t);
            if (excess <= settings.threshold() * spread * expected) {
                continue;
            }
            int after = Math.min(SETTLE_DAYS, daily.length - 1 - t);
            if (after > 0) {
                // Each following day against what it would have cost had day t's level held, with its own weekday's
                // factor: a level shift stays above that, a spike's following days do not, and a weekend after a
                // weekday spike (or weekdays after a weekend one) are judged by their own pattern.
                double level = level(daily, t);
                double[] staying = new double[after];
                for (int i = 1; i <= after; i++) {
                    staying[i - 1] = daily[t + i] - level * weekdayFactor(daily, t + i);
                }
                if (median(staying) > 0.5 * excess) {
                    continue;
                }
            }
            spikes.add(new Spike(t, daily[t], expected, spread, after < SETTLE_DAYS));
        }
        return spikes;
    }

    /**
     * The spend expected on day {@code t} from the days before it (see the class comment); {@code t} must be at least
     * {@link #WARM_UP_DAYS}.
     */
    public static double expected(double[] daily, int t) {
        if (t < WARM_UP_DAYS) {
            throw new IllegalArgumentException("day " + t + " has fewer than " + WARM_UP_DAYS + " days before it");
        }
        return level(daily, t) * weekdayFactor(daily, t);
    }

    /** The median of the seven days before {@code t}. */
    private static double level(double[] daily, int t) {
        return median(Arrays.copyOfRange(daily, t - 7, t));
    }

    /**
     * Day {@code t}'s weekday factor: the median over the four previous same weekdays of that day's spend divided by
     * the median of the week around it (days before {@code t} only).
     */
    private static double weekdayFactor(double[] daily, int t) {
        double[] ratios = new double[4];
        int counted = 0;
        for (int k = 1; k <= 4; k++) {
            int day = t - 7 * k;
            double week = median(Arrays.copyOfRange(daily, day - 3, Math.min(day + 4, t)));
            if (week > 0) {
                ratios[counted++] = daily[day] / week;
            }
        }
        return counted == 0 ? 1 : median(Arrays.copyOf(ratios, counted));
    }

    private double spread(double[] daily, double[] expectedByDay, int t) {
        int start = Math.max(WARM_UP_DAYS, t - SCALE_DAYS);
        double[] errors = new double[t - start];
        int n = 0;
        for (int s = start; s < t; s++) {
            double expected = expectedByDay[s];
            if (expected > 0) {
                errors[n++] = daily[s] / expected - 1;
            }
        }
        if (n < 7) {
            return Math.max(settings.minimumSpread(), 0.1);
        }
        double[] used = Arrays.copyOf(errors, n);
        double center = median(used);
        for (int i = 0; i < n; i++) {
            used[i] = Math.abs(used[i] - center);
        }
        return Math.max(settings.minimumSpread(), 1.4826 * median(used));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
