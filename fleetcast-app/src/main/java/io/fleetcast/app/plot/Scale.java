package io.fleetcast.app.plot;

import static java.util.Objects.requireNonNull;

import java.util.function.DoubleUnaryOperator;

/**
 * How an axis places values: a monotone increasing transform to a position along the axis (linear in the position)
 * and its inverse. A value outside the transform's domain (0 on a log scale) maps to NaN and is not drawn.
 *
 * @param forward value to position
 * @param inverse position to value
 */
public record Scale(DoubleUnaryOperator forward, DoubleUnaryOperator inverse) {
    public Scale {
        requireNonNull(forward, "forward is null");
        requireNonNull(inverse, "inverse is null");
    }

    /** Values as they are. */
    public static Scale linear() {
        return new Scale(v -> v, p -> p);
    }

    /** Natural logarithm: equal ratios take equal lengths; values at or below 0 are not drawn. */
    public static Scale log() {
        return new Scale(v -> v > 0 ? Math.log(v) : Double.NaN, Math::exp);
    }

    /** The position of {@code value}. */
    public double position(double value) {
        return forward.applyAsDouble(value);
    }

    /** The value at {@code position}. */
    public double value(double position) {
        return inverse.applyAsDouble(position);
    }
}
