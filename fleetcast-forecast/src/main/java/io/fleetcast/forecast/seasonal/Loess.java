package io.fleetcast.forecast.seasonal;

/**
 * Local regression of degree 0 or 1 with tricube weights over the {@code span} nearest positions, on equally spaced
 * positions 1..n, as STL uses it. Positions in this class are 1-based, to keep the window arithmetic readable.
 */
final class Loess {
    private Loess() {}

    /** Smooths {@code y[0..n)} into {@code into[0..n)}. */
    static void smooth(double[] y, int n, int span, int degree, int jump, double[] into, double[] weights) {
        smooth(y, n, span, degree, jump, into, 0, weights);
    }

    /**
     * Smooths {@code y[0..n)} into {@code into[offset..offset + n)}, fitting at every {@code jump}-th position and the
     * last one and interpolating linearly in between.
     */
    static void smooth(double[] y, int n, int span, int degree, int jump, double[] into, int offset, double[] weights) {
        if (n < 2) {
            into[offset] = y[0];
            return;
        }
        int step = Math.min(jump, n - 1);
        int half = (span + 1) / 2;
        int last = 1;
        for (int x = 1; x <= n; x += step) {
            int left;
            int right;
            if (span >= n) {
                left = 1;
                right = n;
            } else if (x < half) {
                left = 1;
                right = span;
            } else if (x >= n - half + 1) {
                left = n - span + 1;
                right = n;
            } else {
                left = x - half + 1;
                right = span + x - half;
            }
            into[offset + x - 1] = estimate(y, n, span, degree, x, left, right, weights, y[x - 1]);
            last = x;
        }
        if (step == 1) {
            return;
        }
        for (int x = 1; x + step <= n; x += step) {
            interpolate(into, offset, x, x + step);
        }
        if (last != n) {
            int left = Math.max(1, n - span + 1);
            into[offset + n - 1] = estimate(y, n, span, degree, n, left, n, weights, y[n - 1]);
            interpolate(into, offset, last, n);
        }
    }

    private static void interpolate(double[] into, int offset, int from, int to) {
        double a = into[offset + from - 1];
        double slope = (into[offset + to - 1] - a) / (to - from);
        for (int x = from + 1; x < to; x++) {
            into[offset + x - 1] = a + slope * (x - from);
        }
    }

    /**
     * The local fit at position {@code x} (which may lie outside 1..n) from the points {@code left..right}; {@code
     * fallback} when every weight is zero.
     */
    static double estimate(
            double[] y, int n, int span, int degree, int x, int left, int right, double[] weights, double fallback) {
        double h = Math.max(x - left, right - x);
        if (span > n) {
            h += Math.floorDiv(span - n, 2); // whole steps, as in the original STL
        }
        double near = 0.001 * h;
        double far = 0.999 * h;
        double total = 0;
        for (int j = left; j <= right; j++) {
            double distance = Math.abs(j - x);
            double weight = 0;
            if (distance <= far) {
                if (distance <= near) {
                    weight = 1;
                } else {
                    double u = distance / h;
                    double v = 1 - u * u * u;
                    weight = v * v * v;
                }
                total += weight;
            }
            weights[j - 1] = weight;
        }
        if (total <= 0) {
            return fallback;
        }
        for (int j = left; j <= right; j++) {
            weights[j - 1] /= total;
        }
        if (h > 0 && degree > 0) {
            double centre = 0;
            for (int j = left; j <= right; j++) {
                centre += weights[j - 1] * j;
            }
            double spread = 0;
            for (int j = left; j <= right; j++) {
                spread += weights[j - 1] * (j - centre) * (j - centre);
            }
            if (Math.sqrt(spread) > 0.001 * (n - 1)) {
                double slope = (x - centre) / spread;
                for (int j = left; j <= right; j++) {
                    weights[j - 1] *= slope * (j - centre) + 1;
                }
            }
        }
        double fit = 0;
        for (int j = left; j <= right; j++) {
            fit += weights[j - 1] * y[j - 1];
        }
        return fit;
    }
}
