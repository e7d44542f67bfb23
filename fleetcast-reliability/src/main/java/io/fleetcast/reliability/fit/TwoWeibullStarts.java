package io.fleetcast.reliability.fit;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import java.util.ArrayList;
import java.util.List;

/**
 * Starting points for a fit with two Weibull components ({@link Family#WEIBULL_MIXTURE}, {@link Family#WEIBULL_CR}):
 * the failure times split at five quantiles (0.15 to 0.85) and at their widest gap on the log scale, a Weibull started on each side by
 * log-moments; for competing risks also the single Weibull's fit with a second mode beside it. The likelihood of
 * two components has several local maxima, so the fit climbs from each start and keeps the best.
 */
final class TwoWeibullStarts {
    private static final double[] SPLITS = {0.15, 0.3, 0.5, 0.7, 0.85};

    private TwoWeibullStarts() {}

    /** The starts of {@code family} on {@code data}, in the family's parameter order. */
    static ImmutableList<double[]> of(Family family, LifeData data, double[] single) {
        List<Double> times = Family.failureTimes(data);
        times.sort(null);
        int n = times.size();
        List<Integer> cuts = new ArrayList<>();
        for (double split : SPLITS) {
            cuts.add((int) Math.round(split * n));
        }
        int widest = 0;
        double widestGap = 0;
        for (int i = 1; i < n; i++) {
            double gap = Math.log(Math.max(times.get(i), 1e-300)) - Math.log(Math.max(times.get(i - 1), 1e-300));
            if (gap > widestGap) {
                widestGap = gap;
                widest = i;
            }
        }
        cuts.add(widest);
        ImmutableList.Builder<double[]> starts = ImmutableList.builder();
        for (int cut : cuts) {
            if (distinct(times.subList(0, Math.max(0, cut))) < 2 || distinct(times.subList(Math.min(n, cut), n)) < 2) {
                continue;
            }
            double[] low = weibull(times.subList(0, cut));
            double[] high = weibull(times.subList(cut, n));
            starts.add(
                    family == Family.WEIBULL_MIXTURE
                            ? new double[] {low[0], low[1], high[0], high[1], (double) cut / n}
                            : new double[] {low[0], low[1], high[0], high[1]});
        }
        double scale = single[0];
        double shape = single[1];
        if (family == Family.WEIBULL_MIXTURE) {
            starts.add(new double[] {scale * 0.7, shape, scale * 1.3, shape, 0.5});
        } else {
            // A second mode later and steeper (wear-out behind random failures), or earlier and flatter (infant
            // mortality ahead of wear-out).
            starts.add(new double[] {scale * 1.1, shape, scale * 1.5, Math.max(4 * shape, 5)});
            starts.add(new double[] {scale * 1.1, shape, scale * 3, 2 * shape});
            starts.add(new double[] {scale * 3, 0.8, scale * 1.1, 1.5 * shape});
        }
        return starts.build();
    }

    private static long distinct(List<Double> times) {
        return times.stream().distinct().count();
    }

    /** A Weibull's scale and shape from the mean and spread of the log times (as {@link Family#start} does). */
    private static double[] weibull(List<Double> times) {
        LifeData.Builder part = LifeData.builder();
        for (double t : times) {
            part.failure(t, 1);
        }
        return Family.WEIBULL_2P.start(part.build());
    }
}
