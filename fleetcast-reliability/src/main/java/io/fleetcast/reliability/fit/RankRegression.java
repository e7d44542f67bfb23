package io.fleetcast.reliability.fit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.Weibull;
import io.fleetcast.reliability.nonparametric.MedianRanks;

/**
 * Least-squares fits on probability paper: the failures' median ranks (Johnson's adjusted ranks among suspensions,
 * Benard's approximation) straightened by the distribution's linearising transform, and a line fitted by regressing Y on
 * X (RRY, as most handbooks) or X on Y (RRX, as Weibull++ by default).
 */
public final class RankRegression {
    /** Which variable the regression takes as exact. */
    public enum Axis {
        /** Regress time (X) on the transformed unreliability: Weibull++'s default. */
        X,
        /** Regress the transformed unreliability (Y) on time. */
        Y
    }

    private RankRegression() {}

    /**
     * The 2-parameter Weibull by rank regression: on Weibull paper, ln(−ln(1 − F)) = β ln t − β ln η.
     *
     * @throws IllegalArgumentException with fewer than 2 distinct failure times, or with left- or interval-censored data
     */
    public static Weibull weibull(LifeData data, Axis axis) {
        ImmutableList<MedianRanks.Position> positions = MedianRanks.of(data);
        int n = positions.size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            MedianRanks.Position position = positions.get(i);
            checkArgument(position.time() > 0, "rank regression on Weibull paper needs failure times above 0");
            x[i] = Math.log(position.time());
            y[i] = Math.log(-Math.log1p(-position.unreliability()));
        }
        if (axis == Axis.Y) {
            double[] line = line(x, y);
            double shape = line[1];
            return Weibull.of(Math.exp(-line[0] / shape), shape);
        }
        double[] line = line(y, x);
        return Weibull.of(Math.exp(line[0]), 1 / line[1]);
    }

    /** The least-squares line {intercept, slope} of {@code v} on {@code u}. */
    private static double[] line(double[] u, double[] v) {
        int n = u.length;
        double meanU = 0;
        double meanV = 0;
        for (int i = 0; i < n; i++) {
            meanU += u[i] / n;
            meanV += v[i] / n;
        }
        double suu = 0;
        double suv = 0;
        for (int i = 0; i < n; i++) {
            suu += (u[i] - meanU) * (u[i] - meanU);
            suv += (u[i] - meanU) * (v[i] - meanV);
        }
        checkArgument(n >= 2 && suu > 0, "rank regression needs at least 2 distinct failure times, got %s failures", n);
        double slope = suv / suu;
        return new double[] {meanV - slope * meanU, slope};
    }
}
