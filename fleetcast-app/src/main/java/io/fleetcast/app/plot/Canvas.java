package io.fleetcast.app.plot;

import org.jspecify.annotations.Nullable;

/** The drawing operations a chart needs, in pixel coordinates; one implementation per output format. */
interface Canvas {
    /** How text lines up with its anchor point. */
    enum Anchor {
        START,
        MIDDLE,
        END
    }

    /** Starts a group of what follows, of a {@code kind} (an SVG class) and a {@code name}; PNG ignores groups. */
    void begin(String kind, String name);

    /** Ends the group begun last. */
    void end();

    /** Clips what follows to the rectangle until {@link #unclip()}. */
    void clip(double x, double y, double width, double height);

    /** Ends the clipping. */
    void unclip();

    /** A rectangle, filled and outlined in the colours given (no fill or outline where null). */
    void rectangle(double x, double y, double width, double height, @Nullable Rgb fill, @Nullable Rgb outline);

    /** A straight line or a polyline through the points. */
    void polyline(double[] xs, double[] ys, Rgb colour, double width, boolean dashed);

    /** A filled circle. */
    void circle(double x, double y, double radius, Rgb fill);

    /**
     * Text with its baseline at {@code y}, lined up on {@code x} as {@code anchor} says; {@code vertical} turns it a
     * quarter left (read bottom to top) about its anchor point.
     */
    void text(double x, double y, String text, double size, Anchor anchor, boolean bold, boolean vertical);
}
