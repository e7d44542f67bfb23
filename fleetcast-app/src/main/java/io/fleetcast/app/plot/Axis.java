package io.fleetcast.app.plot;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;

/**
 * An axis: its label, its scale, the range of data values it shows and its ticks (those outside the range are not
 * drawn).
 *
 * @param label the axis title, with the unit, e.g. {@code time (hours)}
 * @param scale how values are placed
 * @param min the value at the start of the axis (left or bottom)
 * @param max the value at its end
 * @param ticks the labelled marks
 */
public record Axis(String label, Scale scale, double min, double max, ImmutableList<Tick> ticks) {
    public Axis {
        requireNonNull(label, "label is null");
        requireNonNull(scale, "scale is null");
        requireNonNull(ticks, "ticks is null");
        double from = scale.position(min);
        double to = scale.position(max);
        checkArgument(
                Double.isFinite(from) && Double.isFinite(to) && from < to,
                "axis \"%s\" needs a range its scale can place, from low to high; got %s to %s",
                label,
                min,
                max);
    }

    /** Where {@code value} lies along the axis: 0 at {@code min}, 1 at {@code max}; NaN outside the scale's domain. */
    public double fraction(double value) {
        double from = scale.position(min);
        return (scale.position(value) - from) / (scale.position(max) - from);
    }

    /** The value at {@code fraction} of the way along the axis (the inverse of {@link #fraction}). */
    public double valueAt(double fraction) {
        double from = scale.position(min);
        return scale.value(from + fraction * (scale.position(max) - from));
    }

    /** Whether {@code value} lies on the axis, ends included. */
    public boolean covers(double value) {
        double fraction = fraction(value);
        return fraction >= -1e-9 && fraction <= 1 + 1e-9;
    }
}
