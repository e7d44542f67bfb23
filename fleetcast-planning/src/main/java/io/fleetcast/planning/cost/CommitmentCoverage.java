package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Commitment coverage: on-demand usage that never falls below some number of instances would be cheaper committed
 * (reserved instances, savings plans). The steady part is the {@link #STEADY_QUANTILE} quantile of the daily
 * instance-equivalents (hours / 24) over the window, rounded down to whole instances: usage stayed above it on 90% of
 * the days, so a commitment of that size stays in use. Days without on-demand use count as zero, so usage that began
 * recently or comes and goes commits to little or nothing. The saving is those instances' hours in a month at the
 * on-demand rate actually paid minus the committed rate.
 */
public final class CommitmentCoverage {
    /** The quantile of daily usage committed to. */
    public static final double STEADY_QUANTILE = 0.10;
    /** Average hours in a month (365.2425 × 24 / 12). */
    public static final double HOURS_PER_MONTH = 730.485;

    private CommitmentCoverage() {}

    /** On-demand use of one SKU in one region over a window of days. */
    public static final class Use {
        private final String sku;
        private final String region;
        private final double[] dailyHours;
        private final double paidRate;
        private final double committedRate;
        private final String rateSource;

        /**
         * @param sku the SKU
         * @param region the region
         * @param dailyHours on-demand hours per day over the window, zero on days without use (copied)
         * @param paidRate what an on-demand hour cost on average over the window
         * @param committedRate what an hour costs under a commitment
         * @param rateSource where the committed rate comes from, for people
         */
        public Use(
                String sku,
                String region,
                double[] dailyHours,
                double paidRate,
                double committedRate,
                String rateSource) {
            this.sku = requireNonNull(sku, "sku is null");
            this.region = requireNonNull(region, "region is null");
            this.dailyHours = dailyHours.clone();
            this.paidRate = paidRate;
            this.committedRate = committedRate;
            this.rateSource = requireNonNull(rateSource, "rateSource is null");
            if (dailyHours.length == 0) {
                throw new IllegalArgumentException("no days of on-demand use of " + sku + " in " + region);
            }
        }
    }

    /** The commitment worth making for {@code use}, if any saves money. */
    public static Optional<Saving> recommend(Use use, String currency) {
        double[] instances = use.dailyHours.clone();
        for (int i = 0; i < instances.length; i++) {
            instances[i] /= 24;
        }
        Arrays.sort(instances);
        double steady = quantile(instances, STEADY_QUANTILE);
        long committed = (long) Math.floor(steady + 1e-9);
        double perHour = use.paidRate - use.committedRate;
        if (committed < 1 || !(perHour > 0)) {
            return Optional.empty();
        }
        double saving = committed * HOURS_PER_MONTH * perHour;
        double median = quantile(instances, 0.5);
        String subject = use.sku + " in " + use.region;
        String text = String.format(
                Locale.ROOT,
                "commit to %d %s in %s: on-demand use stayed above %.1f instances on 90%% of the last %d days (median"
                        + " %.1f); at %.4f instead of %.4f %s an hour (%s) that saves %,.2f %s a month, for a"
                        + " commitment of %,.2f %s a month",
                committed,
                use.sku,
                use.region,
                steady,
                instances.length,
                median,
                use.committedRate,
                use.paidRate,
                currency,
                use.rateSource,
                saving,
                currency,
                committed * HOURS_PER_MONTH * use.committedRate,
                currency);
        return Optional.of(new Saving(Saving.Kind.COMMITMENT, null, null, subject, saving, text));
    }

    /** The {@code p} quantile of sorted values, linear between order statistics (type 7). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
