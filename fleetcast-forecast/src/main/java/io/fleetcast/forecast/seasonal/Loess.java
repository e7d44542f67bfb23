package io.fleetcast.forecast.seasonal;

/**
 * Local regression of degree 0 or 1 with tricube weights over the {@code span} nearest positions, on equally spaced
 * positions 1..n, as STL uses it. Positions in this class are 1-based, to keep the window arithmetic readable.
 *
 * <p>The normalised weights depend only on where the window lies around the fitted position, the same for every fit
 * inside the series: a Loess keeps those of the last window (its work buffer), and computes them again, with their
 * divisions, only for a window of another shape. Not for use by several threads at once.
 */
final class Loess {
    /** The normalised weights of the last window, by position in it. */
    private final double[] weights;
    // The last window's shape: its first and last positions relative to the fitted one, and its bandwidth; and
    // whether some weight in it is positive.
    private int shapeLeft;
    private int shapeRight;
    private double shapeBandwidth = Double.NaN;
    private boolean shapeUsable;

    /** For windows of up to {@code capacity} positions. */
    Loess(int capacity) {
        this.weights = new double[capacity];
    }

    /** Smooths {@code y[0..n)} into {@code into[0..n)}. */
    void smooth(double[] y, int n, int span, int degree, int jump, double[] into) {
        smooth(y, n, span, degree, jump, into, 0);
    }

    /**
     * Smooths {@code y[0..n)} into {@code into[offset..offset + n)}, fitting at every {@code jump}-th position and the
     * last one and interpolating linearly in between.
     */
    void smooth(double[] y, int n, int span, int degree, int jump, double[] into, int offset) {
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
            into[offset + x - 1] = estimate(y, n, span, degree, x, left, right, y[x - 1]);
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
            into[offset + n - 1] = estimate(y, n, span, degree, n, left, n, y[n - 1]);
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
    double estimate(double[] y, int n, int span, int degree, int x, int left, int right, double fallback) {
        double h = Math.max(x - left, right - x);
        if (span > n) {
            h += Math.floorDiv(span - n, 2); // whole steps, as in the original STL
        }
        if (left - x != shapeLeft || right - x != shapeRight || h != shapeBandwidth) {
            weigh(x, left, right, h);
        }
        if (!shapeUsable) {
            return fallback;
        }
        double fit = 0;
        if (h > 0 && degree > 0) {
            double centre = 0;
            for (int j = left; j <= right; j++) {
                centre += weights[j - left] * j;
            }
            double spread = 0;
            for (int j = left; j <= right; j++) {
                spread += weights[j - left] * (j - centre) * (j - centre);
            }
            if (Math.sqrt(spread) > 0.001 * (n - 1)) {
                double slope = (x - centre) / spread;
                for (int j = left; j <= right; j++) {
                    fit += weights[j - left] * (slope * (j - centre) + 1) * y[j - 1];
                }
                return fit;
            }
        }
        for (int j = left; j <= right; j++) {
            fit += weights[j - left] * y[j - 1];
        }
        return fit;
    }

    /** Computes the normalised tricube weights of the window {@code left..right} around {@code x}, bandwidth h. */
    private void weigh(int x, int left, int right, double h) {
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
            weights[j - left] = weight;
        }
        shapeLeft = left - x;
        shapeRight = right - x;
        shapeBandwidth = h;
        shapeUsable = !(total <= 0);
        if (shapeUsable) {
            for (int j = left; j <= right; j++) {
                weights[j - left] /= total;
            }
        }
    }
}
