package io.fleetcast.reliability.fit;

import java.util.function.DoubleUnaryOperator;

/** Golden-section search for the maximum of a unimodal function on an interval. */
final class GoldenSection {
    private GoldenSection() {}

    /**
     * The point of [{@code low}, {@code high}] where {@code f} is largest, after at most {@code iterations} steps or
     * once the bracket is narrower than {@code tolerance}.
     */
    static double maximum(DoubleUnaryOperator f, double low, double high, int iterations, double tolerance) {
        double ratio = (Math.sqrt(5) - 1) / 2;
        double a = high - ratio * (high - low);
        double b = low + ratio * (high - low);
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        for (int i = 0; i < iterations && high - low > tolerance; i++) {
            if (fa >= fb) {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = f.applyAsDouble(a);
            } else {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = f.applyAsDouble(b);
            }
        }
        return fa >= fb ? a : b;
    }
}
