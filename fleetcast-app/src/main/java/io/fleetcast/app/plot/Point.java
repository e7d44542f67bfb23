package io.fleetcast.app.plot;

/**
 * A point in data coordinates. A non-finite coordinate breaks a line there.
 *
 * @param x along the horizontal axis
 * @param y along the vertical axis (left or right, as the layer says)
 */
public record Point(double x, double y) {}
