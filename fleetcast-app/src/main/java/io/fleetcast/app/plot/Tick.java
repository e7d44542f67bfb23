package io.fleetcast.app.plot;

import static java.util.Objects.requireNonNull;

/**
 * A labelled mark on an axis, with a grid line across the plot.
 *
 * @param value where, in data units
 * @param label what it says, e.g. {@code 10%}
 */
public record Tick(double value, String label) {
    public Tick {
        requireNonNull(label, "label is null");
    }
}
