package io.fleetcast.app.plot;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Where a chart's plot area lies in an image of a given size, and the mapping between data and pixel coordinates
 * (x to the right, y downwards from the top-left corner, as SVG and Java2D both count).
 */
public final class Frame {
    /** The smallest image a chart is drawn into; below it the labels would cover the plot. */
    public static final int MIN_SIZE = 200;

    /** The largest (a PNG of 10,000 × 10,000 pixels takes 400 MB of memory to draw). */
    public static final int MAX_SIZE = 10_000;

    private static final double LEFT_MARGIN = 80;
    private static final double RIGHT_MARGIN = 24;
    private static final double RIGHT_AXIS_MARGIN = 80;
    private static final double TOP_MARGIN = 64;
    private static final double BOTTOM_MARGIN = 56;

    private final Chart chart;
    private final int width;
    private final int height;
    private final double left;
    private final double top;
    private final double right;
    private final double bottom;

    private Frame(Chart chart, int width, int height) {
        this.chart = chart;
        this.width = width;
        this.height = height;
        this.left = LEFT_MARGIN;
        this.top = TOP_MARGIN;
        this.right = width - (chart.rightY().isPresent() ? RIGHT_AXIS_MARGIN : RIGHT_MARGIN);
        this.bottom = height - BOTTOM_MARGIN;
    }

    /**
     * The frame of {@code chart} in an image {@code width} × {@code height} pixels.
     *
     * @throws IllegalArgumentException for a size outside {@link #MIN_SIZE} to {@link #MAX_SIZE}
     */
    public static Frame of(Chart chart, int width, int height) {
        checkArgument(
                width >= MIN_SIZE && width <= MAX_SIZE && height >= MIN_SIZE && height <= MAX_SIZE,
                "a chart's width and height must be %s to %s pixels, got %s × %s",
                MIN_SIZE,
                MAX_SIZE,
                width,
                height);
        return new Frame(chart, width, height);
    }

    /** The chart drawn. */
    public Chart chart() {
        return chart;
    }

    /** The image's width in pixels. */
    public int width() {
        return width;
    }

    /** The image's height in pixels. */
    public int height() {
        return height;
    }

    /** The plot area's left edge, in pixels from the image's left. */
    public double left() {
        return left;
    }

    /** The plot area's top edge, in pixels from the image's top. */
    public double top() {
        return top;
    }

    /** The plot area's right edge. */
    public double right() {
        return right;
    }

    /** The plot area's bottom edge. */
    public double bottom() {
        return bottom;
    }

    /** The pixel column of data value {@code value} on the horizontal axis; NaN where its scale cannot place it. */
    public double x(double value) {
        return left + chart.x().fraction(value) * (right - left);
    }

    /** The pixel row of {@code value} on the left axis; NaN where its scale cannot place it. */
    public double y(double value) {
        return row(chart.y(), value);
    }

    /** The pixel row of {@code value} on the right axis. */
    public double rightY(double value) {
        return row(rightAxis(), value);
    }

    /** The horizontal axis' value at pixel column {@code pixel} (the inverse of {@link #x}). */
    public double valueAtX(double pixel) {
        return chart.x().valueAt((pixel - left) / (right - left));
    }

    /** The left axis' value at pixel row {@code pixel} (the inverse of {@link #y}). */
    public double valueAtY(double pixel) {
        return chart.y().valueAt((bottom - pixel) / (bottom - top));
    }

    /** The row of {@code layer}'s value {@code value} on the axis it belongs to. */
    double row(Layer layer, double value) {
        return layer.rightAxis() ? rightY(value) : y(value);
    }

    private double row(Axis axis, double value) {
        return bottom - axis.fraction(value) * (bottom - top);
    }

    private Axis rightAxis() {
        return chart.rightY().orElseThrow(() -> new IllegalStateException("the chart has no right-hand axis"));
    }
}
