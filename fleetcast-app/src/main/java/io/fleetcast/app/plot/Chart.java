package io.fleetcast.app.plot;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * A chart: a title, a subtitle of notes, a horizontal axis, a left axis and optionally a right one, and the layers
 * drawn in order (later on top), with a legend in one corner of the plot area. Immutable; render it with
 * {@link ChartRenderer}.
 *
 * @param title the title, e.g. the fitted family and its parameters
 * @param subtitle a line of notes under the title (may be empty)
 * @param x the horizontal axis
 * @param y the left axis
 * @param rightY the right axis, for layers with {@link Layer#rightAxis()}
 * @param layers what is drawn, in drawing order
 * @param legend where the legend goes
 */
public record Chart(
        String title,
        String subtitle,
        Axis x,
        Axis y,
        Optional<Axis> rightY,
        ImmutableList<Layer> layers,
        Corner legend) {
    /** A corner of the plot area. */
    public enum Corner {
        UPPER_LEFT,
        UPPER_RIGHT,
        LOWER_LEFT,
        LOWER_RIGHT
    }

    public Chart {
        requireNonNull(title, "title is null");
        requireNonNull(subtitle, "subtitle is null");
        requireNonNull(x, "x is null");
        requireNonNull(y, "y is null");
        requireNonNull(rightY, "rightY is null");
        requireNonNull(layers, "layers is null");
        requireNonNull(legend, "legend is null");
        checkArgument(
                rightY.isPresent() || layers.stream().noneMatch(Layer::rightAxis),
                "a layer is on the right-hand axis, but the chart has none");
    }

    /** The layer named {@code name}. */
    public Optional<Layer> layer(String name) {
        return layers.stream().filter(layer -> layer.name().equals(name)).findFirst();
    }
}
