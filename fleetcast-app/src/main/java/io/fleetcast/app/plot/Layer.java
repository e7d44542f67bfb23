package io.fleetcast.app.plot;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/** Something drawn in the plot area, in data coordinates, clipped to it, and named in the legend. */
public sealed interface Layer permits Layer.Line, Layer.Markers {
    /** The name shown in the legend (and in the SVG's {@code data-name}). */
    String name();

    /** The layer's colour. */
    Rgb colour();

    /** Whether its values are on the right-hand axis rather than the left. */
    boolean rightAxis();

    /** The points in data coordinates. */
    ImmutableList<Point> points();

    /**
     * A line through its points in order; a point with a non-finite coordinate, or one its axes cannot place, breaks it.
     *
     * @param name the legend's name
     * @param colour the colour
     * @param widthPixels the stroke width in pixels
     * @param dashed whether it is drawn dashed (confidence bounds, by convention)
     * @param rightAxis whether its y values are on the right-hand axis
     * @param points the points
     */
    record Line(
            String name, Rgb colour, double widthPixels, boolean dashed, boolean rightAxis, ImmutableList<Point> points)
            implements Layer {
        public Line {
            requireNonNull(name, "name is null");
            requireNonNull(colour, "colour is null");
            requireNonNull(points, "points is null");
            checkArgument(widthPixels > 0, "a line's width must be > 0, got %s", widthPixels);
        }

        /**
         * A step function that starts at {@code (startX, startY)} and, at each {@code steps} point's x, jumps to its y;
         * it is drawn on to {@code endX} at the last level (a Kaplan–Meier curve, Nelson–Aalen steps).
         */
        public static ImmutableList<Point> steps(double startX, double startY, List<Point> steps, double endX) {
            ImmutableList.Builder<Point> points = ImmutableList.builder();
            points.add(new Point(startX, startY));
            double level = startY;
            for (Point step : steps) {
                points.add(new Point(step.x(), level));
                points.add(step);
                level = step.y();
            }
            double lastX =
                    steps.isEmpty() ? startX : steps.get(steps.size() - 1).x();
            if (endX > lastX) {
                points.add(new Point(endX, level));
            }
            return points.build();
        }
    }

    /**
     * Filled circles at its points (data points: median ranks, suspensions).
     *
     * @param name the legend's name
     * @param colour the fill colour
     * @param radiusPixels the radius in pixels
     * @param rightAxis whether its y values are on the right-hand axis
     * @param points the points
     */
    record Markers(String name, Rgb colour, double radiusPixels, boolean rightAxis, ImmutableList<Point> points)
            implements Layer {
        public Markers {
            requireNonNull(name, "name is null");
            requireNonNull(colour, "colour is null");
            requireNonNull(points, "points is null");
            checkArgument(radiusPixels > 0, "a marker's radius must be > 0, got %s", radiusPixels);
        }
    }
}
