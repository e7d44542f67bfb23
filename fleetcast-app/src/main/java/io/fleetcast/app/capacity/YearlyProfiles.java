package io.fleetcast.app.capacity;

import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each service's yearly seasonal profile per resource, from its longest history in any cluster, so that a placement
 * too young to show a year of its own (a service that arrived in a cluster last spring) borrows the shape its service
 * shows elsewhere: without it, the trend of a few months absorbs half a seasonal swing and carries it on.
 *
 * <p>The profile is a classical ratio-to-moving-average estimate: each day's amount over the centred 365-day mean
 * around it, averaged by day of the year, smoothed over a circular 31-day window (which also removes the weekly
 * pattern) and scaled to a mean of 1. It needs two years of positive amounts. Immutable and thread-safe.
 */
final class YearlyProfiles {
    /** No profiles: every service shows its own year or none. */
    static final YearlyProfiles NONE = new YearlyProfiles(Map.of(), Double.NaN);

    private static final int YEAR = 365;
    private static final int HALF_YEAR = YEAR / 2;
    private static final int SMOOTHING_HALF_WIDTH = 15;

    private final Map<String, double[]> profiles;
    private final double swingSd;

    private YearlyProfiles(Map<String, double[]> profiles, double swingSd) {
        this.profiles = profiles;
        this.swingSd = swingSd;
    }

    /** The profiles of every service and resource with two years of positive amounts in some cluster. */
    static YearlyProfiles of(List<ClusterDemandForecaster.History> histories) {
        Map<String, ClusterDemandForecaster.History> longest = new HashMap<>();
        for (ClusterDemandForecaster.History history : histories) {
            if (history.days() >= 2 * YEAR && history.positive()) {
                longest.merge(
                        key(history.service(), history.resource()), history, (a, b) -> a.days() >= b.days() ? a : b);
            }
        }
        Map<String, double[]> profiles = new HashMap<>();
        longest.forEach((key, history) -> profiles.put(key, profile(history)));
        double squares = 0;
        for (double[] profile : profiles.values()) {
            double sine = 0;
            double cosine = 0;
            for (int day = 0; day < YEAR; day++) {
                double angle = 2 * Math.PI * day / YEAR;
                sine += Math.log(profile[day]) * Math.sin(angle) * 2 / YEAR;
                cosine += Math.log(profile[day]) * Math.cos(angle) * 2 / YEAR;
            }
            squares += (sine * sine + cosine * cosine) / 2;
        }
        return new YearlyProfiles(
                Map.copyOf(profiles), profiles.isEmpty() ? Double.NaN : Math.sqrt(squares / profiles.size()));
    }

    /**
     * How large yearly swings are in this fleet: the root mean square of the coefficients of the first yearly
     * harmonic (a sine and a cosine of log amount) over the profiles; NaN without any. A swing of amplitude A has
     * coefficients whose squares add up to A², so for amplitudes A this is the root of mean(A²) / 2: the standard
     * deviation of a normal prior on a young placement's own yearly harmonic.
     */
    double swingSd() {
        return swingSd;
    }

    /**
     * The profile of {@code service}'s {@code resource} on each of {@code length} days from {@code first}; empty when
     * none is known.
     */
    Optional<double[]> values(String service, Resource resource, LocalDate first, int length) {
        double[] profile = profiles.get(key(service, resource));
        if (profile == null) {
            return Optional.empty();
        }
        double[] values = new double[length];
        for (int t = 0; t < length; t++) {
            values[t] = profile[first.plusDays(t).getDayOfYear() - 1];
        }
        return Optional.of(values);
    }

    /** Ratios to the centred yearly mean, by day of the year (index 0 is 1 January, 365 is 31 December of leap years). */
    private static double[] profile(ClusterDemandForecaster.History history) {
        double[] used = history.values();
        double[] sum = new double[YEAR + 1];
        int[] count = new int[YEAR + 1];
        double window = 0;
        for (int t = 0; t < YEAR; t++) {
            window += used[t];
        }
        for (int t = HALF_YEAR; t + HALF_YEAR < used.length; t++) {
            if (t > HALF_YEAR) {
                window += used[t + HALF_YEAR] - used[t - HALF_YEAR - 1];
            }
            int day = history.first().plusDays(t).getDayOfYear() - 1;
            sum[day] += used[t] / (window / YEAR);
            count[day]++;
        }
        double[] raw = new double[YEAR + 1];
        for (int day = 0; day <= YEAR; day++) {
            // Day 366 (31 December of a leap year) takes 30 December's ratio when no leap year was seen.
            raw[day] = count[day] > 0 ? sum[day] / count[day] : sum[day - 1] / Math.max(1, count[day - 1]);
        }
        double[] smooth = new double[YEAR + 1];
        double mean = 0;
        for (int day = 0; day <= YEAR; day++) {
            double total = 0;
            for (int k = -SMOOTHING_HALF_WIDTH; k <= SMOOTHING_HALF_WIDTH; k++) {
                total += raw[Math.floorMod(day + k, YEAR + 1)];
            }
            smooth[day] = total / (2 * SMOOTHING_HALF_WIDTH + 1);
            mean += smooth[day];
        }
        mean /= YEAR + 1;
        for (int day = 0; day <= YEAR; day++) {
            smooth[day] /= mean;
        }
        return smooth;
    }

    private static String key(String service, Resource resource) {
        return service + "/" + resource.code();
    }
}
