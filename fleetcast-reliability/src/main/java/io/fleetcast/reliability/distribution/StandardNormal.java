package io.fleetcast.reliability.distribution;

import org.hipparchus.special.Erf;

/** The standard normal distribution's functions, with tails accurate far out. */
public final class StandardNormal {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private StandardNormal() {}

    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** Φ(z), from the complementary error function so that the lower tail keeps its relative accuracy. */
    static double cdf(double z) {
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }

    /** ln Φ(z); for z far below 0, from the asymptotic series, where Φ(z) underflows. */
    static double logCdf(double z) {
        if (z > -30) {
            return Math.log(cdf(z));
        }
        double inverse = 1 / (z * z);
        return logPdf(z)
                - Math.log(-z)
                + Math.log1p(-inverse + 3 * inverse * inverse - 15 * inverse * inverse * inverse);
    }

    /** z such that a standard normal lies within ±z with probability {@code confidence}: 1.96 for 0.95. */
    public static double twoSided(double confidence) {
        return Math.sqrt(2) * Erf.erfInv(confidence);
    }

    /** Φ⁻¹(p). */
    static double quantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }
}
