/**
 * A small chart renderer without dependencies: a {@link io.fleetcast.app.plot.Chart} is a scene of lines, steps,
 * markers and text in data coordinates over two axes with their own scales (linear, logarithmic or any monotone
 * transform, such as a probability paper's), written as SVG text or rasterised to PNG with Java2D (headless).
 */
@NullMarked
package io.fleetcast.app.plot;

import org.jspecify.annotations.NullMarked;
