package io.fleetcast.app.plot;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lays a chart out on a canvas: grid, axes, ticks, labels, title, the layers clipped to the plot area, the legend. */
final class ChartPainter {
    static final Rgb BLACK = new Rgb(0, 0, 0);
    static final Rgb WHITE = new Rgb(255, 255, 255);
    private static final Rgb GRID = new Rgb(225, 225, 225);
    private static final Rgb LEGEND_OUTLINE = new Rgb(160, 160, 160);
    private static final double TICK_FONT = 11;
    private static final double LABEL_FONT = 12.5;
    private static final double TITLE_FONT = 15;
    private static final double SUBTITLE_FONT = 11;
    private static final double TICK_LENGTH = 5;
    /** Pixels are clamped to this far outside the image, so that a value far off the axis still draws its direction. */
    private static final double FAR = 1e6;

    private ChartPainter() {}

    static void paint(Frame frame, Canvas canvas) {
        Chart chart = frame.chart();
        double plotWidth = frame.right() - frame.left();
        double plotHeight = frame.bottom() - frame.top();
        canvas.rectangle(0, 0, frame.width(), frame.height(), WHITE, null);

        List<Tick> xTicks = visible(chart.x(), plotWidth, true);
        List<Tick> yTicks = visible(chart.y(), plotHeight, false);
        canvas.begin("grid", "");
        for (Tick tick : xTicks) {
            double x = frame.x(tick.value());
            canvas.polyline(new double[] {x, x}, new double[] {frame.top(), frame.bottom()}, GRID, 1, false);
        }
        for (Tick tick : yTicks) {
            double y = frame.y(tick.value());
            canvas.polyline(new double[] {frame.left(), frame.right()}, new double[] {y, y}, GRID, 1, false);
        }
        canvas.end();

        for (Tick tick : xTicks) {
            double x = frame.x(tick.value());
            canvas.begin("x-tick", Double.toString(tick.value()));
            canvas.polyline(
                    new double[] {x, x}, new double[] {frame.bottom(), frame.bottom() + TICK_LENGTH}, BLACK, 1, false);
            canvas.text(x, frame.bottom() + 18, tick.label(), TICK_FONT, Canvas.Anchor.MIDDLE, false, false);
            canvas.end();
        }
        yTicks(canvas, frame, chart.y(), "y-tick", frame.left(), -1, false);
        Optional<Axis> rightY = chart.rightY();
        rightY.ifPresent(axis -> yTicks(canvas, frame, axis, "right-y-tick", frame.right(), 1, true));

        canvas.text(
                (frame.left() + frame.right()) / 2,
                frame.height() - 14,
                chart.x().label(),
                LABEL_FONT,
                Canvas.Anchor.MIDDLE,
                false,
                false);
        double middle = (frame.top() + frame.bottom()) / 2;
        canvas.text(18, middle, chart.y().label(), LABEL_FONT, Canvas.Anchor.MIDDLE, false, true);
        rightY.ifPresent(axis ->
                canvas.text(frame.width() - 10, middle, axis.label(), LABEL_FONT, Canvas.Anchor.MIDDLE, false, true));
        double centre = frame.width() / 2.0;
        canvas.text(
                centre, 24, chart.title(), fit(chart.title(), TITLE_FONT, frame), Canvas.Anchor.MIDDLE, true, false);
        canvas.text(
                centre,
                44,
                chart.subtitle(),
                fit(chart.subtitle(), SUBTITLE_FONT, frame),
                Canvas.Anchor.MIDDLE,
                false,
                false);

        canvas.clip(frame.left(), frame.top(), plotWidth, plotHeight);
        for (Layer layer : chart.layers()) {
            canvas.begin(layer instanceof Layer.Markers ? "markers" : "line", layer.name());
            if (layer instanceof Layer.Line line) {
                for (List<double[]> run : runs(frame, line)) {
                    double[] xs = run.stream().mapToDouble(p -> p[0]).toArray();
                    double[] ys = run.stream().mapToDouble(p -> p[1]).toArray();
                    canvas.polyline(xs, ys, line.colour(), line.widthPixels(), line.dashed());
                }
            } else if (layer instanceof Layer.Markers markers) {
                for (Point point : markers.points()) {
                    double x = frame.x(point.x());
                    double y = frame.row(markers, point.y());
                    if (Double.isFinite(x) && Double.isFinite(y)) {
                        canvas.circle(x, y, markers.radiusPixels(), markers.colour());
                    }
                }
            }
            canvas.end();
        }
        canvas.unclip();
        canvas.rectangle(frame.left(), frame.top(), plotWidth, plotHeight, null, BLACK);
        legend(frame, canvas);
    }

    private static void yTicks(
            Canvas canvas, Frame frame, Axis axis, String kind, double edge, int outwards, boolean right) {
        for (Tick tick : visible(axis, frame.bottom() - frame.top(), false)) {
            double y = frame.bottom() - axis.fraction(tick.value()) * (frame.bottom() - frame.top());
            canvas.begin(kind, Double.toString(tick.value()));
            canvas.polyline(new double[] {edge, edge + outwards * TICK_LENGTH}, new double[] {y, y}, BLACK, 1, false);
            canvas.text(
                    edge + outwards * (TICK_LENGTH + 3),
                    y + TICK_FONT * 0.35,
                    tick.label(),
                    TICK_FONT,
                    right ? Canvas.Anchor.START : Canvas.Anchor.END,
                    false,
                    false);
            canvas.end();
        }
    }

    /**
     * The ticks inside the axis that leave room for their labels: going from the start of the horizontal axis and from
     * the top of vertical ones (where probability papers crowd their small percentages at the bottom), a tick closer
     * than {@code spacing} pixels to the last one kept is left out.
     */
    private static List<Tick> visible(Axis axis, double length, boolean horizontal) {
        List<Tick> inside = new ArrayList<>(axis.ticks().stream()
                .filter(tick -> axis.covers(tick.value()))
                .sorted(java.util.Comparator.comparingDouble(tick -> axis.fraction(tick.value())))
                .toList());
        if (!horizontal) {
            java.util.Collections.reverse(inside);
        }
        List<Tick> kept = new ArrayList<>();
        double last = Double.NaN;
        for (Tick tick : inside) {
            double at = axis.fraction(tick.value()) * length;
            double spacing = horizontal ? textWidth(tick.label(), TICK_FONT) + 10 : TICK_FONT * 1.6;
            if (Double.isNaN(last) || Math.abs(at - last) >= spacing) {
                kept.add(tick);
                last = at;
            }
        }
        return kept;
    }

    /** The line's stretches of drawable points, in pixels; a point that cannot be placed ends a stretch. */
    private static List<List<double[]>> runs(Frame frame, Layer.Line line) {
        List<List<double[]>> runs = new ArrayList<>();
        List<double[]> run = new ArrayList<>();
        for (Point point : line.points()) {
            double x = frame.x(point.x());
            double y = frame.row(line, point.y());
            if (Double.isFinite(x) && Double.isFinite(y)) {
                run.add(new double[] {clamp(x), clamp(y)});
            } else {
                if (run.size() > 1) {
                    runs.add(run);
                }
                run = new ArrayList<>();
            }
        }
        if (run.size() > 1) {
            runs.add(run);
        }
        return runs;
    }

    private static boolean drawable(Frame frame, Layer layer) {
        return layer.points().stream()
                .anyMatch(point -> Double.isFinite(frame.x(point.x())) && Double.isFinite(frame.row(layer, point.y())));
    }

    private static double clamp(double pixel) {
        return Math.max(-FAR, Math.min(FAR, pixel));
    }

    private static void legend(Frame frame, Canvas canvas) {
        java.util.Map<String, Layer> byName = new java.util.LinkedHashMap<>();
        for (Layer layer : frame.chart().layers()) {
            if (!layer.name().isEmpty() && drawable(frame, layer)) {
                byName.putIfAbsent(layer.name(), layer);
            }
        }
        ImmutableList<Layer> entries = ImmutableList.copyOf(byName.values());
        if (entries.isEmpty()) {
            return;
        }
        double rowHeight = 17;
        double textWidth = entries.stream()
                .mapToDouble(layer -> textWidth(layer.name(), TICK_FONT))
                .max()
                .orElse(0);
        double width = 40 + textWidth;
        double height = rowHeight * entries.size() + 8;
        double inset = 10;
        double x = switch (frame.chart().legend()) {
            case UPPER_LEFT, LOWER_LEFT -> frame.left() + inset;
            case UPPER_RIGHT, LOWER_RIGHT -> frame.right() - inset - width;
        };
        double y = switch (frame.chart().legend()) {
            case UPPER_LEFT, UPPER_RIGHT -> frame.top() + inset;
            case LOWER_LEFT, LOWER_RIGHT -> frame.bottom() - inset - height;
        };
        canvas.begin("legend", "");
        canvas.rectangle(x, y, width, height, WHITE, LEGEND_OUTLINE);
        for (int i = 0; i < entries.size(); i++) {
            Layer layer = entries.get(i);
            double rowY = y + 4 + rowHeight * (i + 0.5);
            if (layer instanceof Layer.Line line) {
                canvas.polyline(
                        new double[] {x + 6, x + 28},
                        new double[] {rowY, rowY},
                        line.colour(),
                        line.widthPixels(),
                        line.dashed());
            } else if (layer instanceof Layer.Markers markers) {
                canvas.circle(x + 17, rowY, markers.radiusPixels(), markers.colour());
            }
            canvas.text(x + 34, rowY + TICK_FONT * 0.35, layer.name(), TICK_FONT, Canvas.Anchor.START, false, false);
        }
        canvas.end();
    }

    /** {@code size}, or smaller so that {@code text} fits the image's width (not below 7 pixels). */
    private static double fit(String text, double size, Frame frame) {
        double room = frame.width() - 16;
        return Math.max(7, Math.min(size, size * room / Math.max(1, textWidth(text, size))));
    }

    /** An estimate of the width of {@code text} in pixels (both formats use it, so they lay out alike). */
    static double textWidth(String text, double size) {
        return 0.6 * size * text.length();
    }
}
