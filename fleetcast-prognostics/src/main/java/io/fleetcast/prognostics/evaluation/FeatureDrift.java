package io.fleetcast.prognostics.evaluation;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Arrays;
import java.util.List;

/**
 * A feature's distribution when a model learned, and the population stability index (PSI) of a later sample against
 * it.
 *
 * <p>The reference cuts the training values at their deciles. A bin holds the values above its lower edge up to and
 * including its upper one, so ties (a count that is mostly 0) stay in one bin, and missing values (NaN) are a bin of
 * their own. PSI sums (a − e) · ln(a / e) over the bins, with e the reference's share and a the sample's, each at least
 * 0.0001 so an empty bin counts as rare rather than impossible. The usual reading: below 0.1 stable, 0.1 to 0.25 a
 * moderate shift, above 0.25 a major one.
 *
 * @param edges the bins' upper edges, increasing; the last bin has no upper edge
 * @param shares the share of non-missing reference values in each bin (one more than edges), of all values
 * @param missingShare the share of reference values that were missing
 */
public record FeatureDrift(List<Double> edges, List<Double> shares, double missingShare) {
    /** Bins of the reference: deciles. */
    public static final int BINS = 10;

    /** Below this PSI a feature is read as stable. */
    public static final double MODERATE = 0.1;

    /** Above this PSI a feature has shifted a lot. */
    public static final double MAJOR = 0.25;

    private static final double FLOOR = 1e-4;

    public FeatureDrift {
        edges = ImmutableList.copyOf(edges);
        shares = ImmutableList.copyOf(shares);
        checkArgument(shares.size() == edges.size() + 1, "%s shares for %s edges", shares.size(), edges.size());
        checkArgument(missingShare >= 0 && missingShare <= 1, "the missing share must be in [0, 1]");
    }

    /** The reference distribution of {@code values} (NaN is missing). */
    public static FeatureDrift reference(double[] values) {
        checkArgument(values.length > 0, "a reference needs values");
        double[] present =
                Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        ImmutableList.Builder<Double> edges = ImmutableList.builder();
        double previous = Double.NaN;
        for (int i = 1; i < BINS && present.length > 0; i++) {
            // The value at the i-th decile (lower empirical quantile).
            double edge = present[Math.max(0, (int) Math.ceil(i * present.length / (double) BINS) - 1)];
            if (!(edge == previous)) {
                edges.add(edge);
                previous = edge;
            }
        }
        List<Double> cuts = edges.build();
        double[] counts = counts(cuts, values);
        ImmutableList.Builder<Double> shares = ImmutableList.builder();
        for (int b = 0; b < cuts.size() + 1; b++) {
            shares.add(counts[b] / values.length);
        }
        return new FeatureDrift(cuts, shares.build(), counts[cuts.size() + 1] / values.length);
    }

    /** The population stability index of {@code values} (NaN is missing) against this reference. */
    public double psi(double[] values) {
        checkArgument(values.length > 0, "PSI needs values");
        double[] counts = counts(edges, values);
        double psi = 0;
        for (int b = 0; b < counts.length; b++) {
            double expected = Math.max(FLOOR, b < shares.size() ? shares.get(b) : missingShare);
            double actual = Math.max(FLOOR, counts[b] / values.length);
            psi += (actual - expected) * Math.log(actual / expected);
        }
        return psi;
    }

    /** How a PSI reads: {@code stable} below {@link #MODERATE}, {@code moderate} up to {@link #MAJOR}, {@code major} above. */
    public static String level(double psi) {
        checkArgument(!Double.isNaN(psi), "PSI is NaN");
        return isMajor(psi) ? "major" : psi >= MODERATE ? "moderate" : "stable";
    }

    /** Whether a PSI reads as a major shift: above {@link #MAJOR}. */
    public static boolean isMajor(double psi) {
        return psi > MAJOR;
    }

    /** The share of {@code values} that are missing. */
    public static double missing(double[] values) {
        return values.length == 0
                ? 0
                : Arrays.stream(values).filter(Double::isNaN).count() / (double) values.length;
    }

    /** Counts per bin, then the missing values last. */
    private static double[] counts(List<Double> edges, double[] values) {
        double[] cuts = edges.stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = new double[cuts.length + 2];
        for (double value : values) {
            if (Double.isNaN(value)) {
                counts[cuts.length + 1]++;
            } else {
                // The first edge at or above the value (edges are distinct); past the last edge, the last bin.
                int at = Arrays.binarySearch(cuts, value);
                counts[at >= 0 ? at : -at - 1]++;
            }
        }
        return counts;
    }
}
