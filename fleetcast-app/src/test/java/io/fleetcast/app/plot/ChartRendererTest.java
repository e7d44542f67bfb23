package io.fleetcast.app.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChartRendererTest {
    private static final Rgb RED = new Rgb(200, 0, 0);
    private static final Rgb BLUE = new Rgb(0, 0, 200);

    private static Chart chart(String title, List<Layer> layers, Optional<Axis> right) {
        Axis x = new Axis("time (days)", Scale.log(), 1, 1000, Ticks.log(1, 1000));
        Axis y = new Axis("share", Scale.linear(), 0, 1, Ticks.linear(0, 1));
        return new Chart(title, "a note", x, y, right, ImmutableList.copyOf(layers), Chart.Corner.UPPER_LEFT);
    }

    @Test
    void placesDataThroughTheAxesScalesAndBack() {
        Chart chart = chart("t", List.of(), Optional.empty());
        Frame frame = Frame.of(chart, 800, 600);

        assertThat(frame.x(1)).isEqualTo(frame.left());
        assertThat(frame.x(1000)).isCloseTo(frame.right(), within(1e-9));
        assertThat(frame.x(Math.sqrt(1000))).isCloseTo((frame.left() + frame.right()) / 2, within(1e-9));
        assertThat(frame.y(0)).isEqualTo(frame.bottom());
        assertThat(frame.y(0.25)).isCloseTo(frame.bottom() - 0.25 * (frame.bottom() - frame.top()), within(1e-9));
        assertThat(frame.valueAtX(frame.x(37.5))).isCloseTo(37.5, within(1e-9));
        assertThat(frame.valueAtY(frame.y(0.8))).isCloseTo(0.8, within(1e-12));
        assertThat(frame.x(0)).as("0 is off a log axis").isNaN();
    }

    @Test
    void svgIsWellFormedWithTextEscapedAndALineBrokenWhereItCannotBePlaced() {
        Layer line = new Layer.Line(
                "a < b & \"c\"",
                RED,
                2,
                false,
                false,
                ImmutableList.of(
                        new Point(1, 0.1),
                        new Point(10, 0.2),
                        new Point(0, 0.3), // off the log axis: the line breaks here
                        new Point(100, Double.NaN),
                        new Point(200, 0.5),
                        new Point(500, 0.6)));
        Layer twin = new Layer.Line("a < b & \"c\"", RED, 2, true, false, ImmutableList.of(new Point(2, 0.9)));

        SvgReading svg =
                SvgReading.of(ChartRenderer.svg(chart("η & β <fit>", List.of(line, twin), Optional.empty()), 640, 480));

        assertThat(svg.polylines("a < b & \"c\""))
                .hasSize(2)
                .allSatisfy(run -> assertThat(run).hasSize(2));
        assertThat(svg.root().getTextContent()).contains("η & β <fit>").contains("time (days)");
        assertThat(svg.groups("legend", "").get(0).getTextContent().strip())
                .as("one legend entry per name")
                .isEqualTo("a < b & \"c\"");
    }

    @Test
    void pngDrawsLinesAndMarkersInTheirColoursWhereTheFrameSays() {
        Layer line = new Layer.Line(
                "line", BLUE, 3, false, false, ImmutableList.of(new Point(1, 0.5), new Point(1000, 0.5)));
        Layer markers = new Layer.Markers("points", RED, 5, false, ImmutableList.of(new Point(100, 0.2)));
        Chart chart = chart("png", List.of(line, markers), Optional.empty());

        BufferedImage image = ChartRenderer.png(chart, 400, 300);

        Frame frame = Frame.of(chart, 400, 300);
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(image.getRGB((int) frame.x(300), (int) frame.y(0.5)) & 0xffffff)
                .isEqualTo(BLUE.packed());
        assertThat(image.getRGB((int) frame.x(100), (int) frame.y(0.2)) & 0xffffff)
                .isEqualTo(RED.packed());
        assertThat(image.getRGB((int) frame.x(300), (int) frame.y(0.7)) & 0xffffff)
                .isEqualTo(0xffffff);
    }

    @Test
    void refusesWhatItCannotDraw() {
        Layer right = new Layer.Line("r", RED, 1, false, true, ImmutableList.of());
        assertThatThrownBy(() -> chart("t", List.of(right), Optional.empty()))
                .hasMessageContaining("a layer is on the right-hand axis, but the chart has none");
        assertThatThrownBy(() -> new Axis("t", Scale.log(), 0, 10, ImmutableList.of()))
                .hasMessageContaining("axis \"t\" needs a range its scale can place");
        assertThatThrownBy(() -> Frame.of(chart("t", List.of(), Optional.empty()), 100, 600))
                .hasMessageContaining("must be 200 to 10000 pixels, got 100 × 600");
        assertThatThrownBy(() -> ChartRenderer.Format.of(Path.of("plot.jpeg")))
                .hasMessageContaining("cannot tell the image format of \"plot.jpeg\"; name it .svg or .png");
        assertThat(ChartRenderer.Format.of(Path.of("a/B.SVG"))).isEqualTo(ChartRenderer.Format.SVG);
    }
}
