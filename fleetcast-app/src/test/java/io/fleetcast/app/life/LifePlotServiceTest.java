package io.fleetcast.app.life;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.plot.Chart;
import io.fleetcast.app.plot.ChartRenderer;
import io.fleetcast.app.plot.Frame;
import io.fleetcast.app.plot.Layer;
import io.fleetcast.app.plot.SvgReading;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetcast life plot}'s service: the drawn points, lines and steps read back from the SVG (through the axes'
 * tick marks and the test's own transforms) and from the PNG's pixels, against published values.
 */
class LifePlotServiceTest {
    /**
     * reliability-golden.json, {@code reliability_doc_median_ranks_and_rank_regression} (Python {@code reliability}'s
     * docs, "How are the plotting positions calculated"): 10 failures, their Benard median ranks and the RRY fit.
     */
    private static final double[] TEN_FAILURES = {25, 43, 53, 65, 76, 86, 95, 115, 132, 150};

    private static final double[] BENARD = {
        0.06730769,
        0.16346154,
        0.25961538,
        0.35576923,
        0.45192308,
        0.54807692,
        0.64423077,
        0.74038462,
        0.83653846,
        0.93269231
    };
    private static final double RRY_SCALE = 96.37348534;
    private static final double RRY_SHAPE = 2.02739073;

    /** The same case's censored variant: Johnson's adjusted ranks with 4 suspensions. */
    private static final double[] CENSORED_FAILURES = {150, 560, 800, 1720, 5230, 6890};

    private static final double[] CENSORED_SUSPENSIONS = {340, 1130, 2470, 4210};
    private static final double[] JOHNSON_BENARD = {
        0.06730769, 0.1741453, 0.28098291, 0.40562678, 0.61336657, 0.82110636
    };

    /** {@code reliability_doc_weibull2p_complete_n30}: 30 failures, MLE η = 51.858, β = 2.80086. */
    private static final double[] THIRTY_FAILURES = {
        58, 75, 36, 52, 63, 65, 22, 17, 28, 64, 23, 40, 73, 45, 52, 36, 52, 60, 13, 55, 82, 55, 34, 57, 23, 42, 66, 35,
        34, 25
    };

    /**
     * 95% Fisher bounds on F(t) for the 30 failures at t = 15, 30, 50, 80: {t, F, lower, upper}, from R survreg's
     * covariance by the delta method on the logit scale (src/test/resources/io/fleetcast/app/life/
     * probability-plot-bounds.R, its output beside it).
     */
    private static final double[][] THIRTY_BOUNDS = {
        {15, 0.030507, 0.009410, 0.094395},
        {30, 0.194183, 0.103120, 0.335574},
        {50, 0.594590, 0.449129, 0.725146},
        {80, 0.965530, 0.862896, 0.992042}
    };

    /**
     * reliability-golden.json, {@code reliability_doc_kaplan_meier_nelson_aalen} (Python {@code reliability}'s docs,
     * identical to R's survfit): 10 failures among 31 units, Kaplan–Meier, its 95% Greenwood bounds and Nelson–Aalen.
     */
    private static final double[] KM_FAILURES = {5248, 7454, 16890, 17200, 38700, 45000, 49390, 69040, 72280, 131900};

    private static final double[] KM_SUSPENSIONS = {
        3961, 4007, 4734, 6054, 7298, 10190, 23060, 27160, 28690, 37100, 40060, 45670, 53000, 67000, 69630, 77350,
        78470, 91680, 105700, 106300, 150400
    };
    private static final double[] KM = {
        0.964286, 0.925714, 0.885466, 0.845217, 0.795499, 0.742465, 0.685353, 0.616817, 0.539715, 0.269858
    };
    private static final double[] KM_LOWER = {
        0.895548, 0.826513, 0.76317, 0.705334, 0.633417, 0.560893, 0.48621, 0.396904, 0.300949, 0.0
    };
    private static final double[] KM_UPPER = {
        1, 1, 1, 0.985101, 0.95758, 0.924037, 0.884496, 0.836731, 0.778481, 0.662446
    };
    private static final double[] NELSON_AALEN_SF = {
        0.964916, 0.927081, 0.887637, 0.848193, 0.799738, 0.748161, 0.692768, 0.626842, 0.553186, 0.335524
    };

    /**
     * Pixels are written to a thousandth, and read back through two tick marks: values come back to about 1e-5 of
     * the axis' span; 1e-4 leaves room and still tells a median rank from its neighbour's (they differ by 0.1).
     */
    private static final double PIXEL_TOLERANCE = 1e-4;

    @TempDir
    Path folder;

    private Path csv(double[] failures, double[] suspensions) throws IOException {
        StringBuilder text = new StringBuilder("time,state\n");
        for (double t : failures) {
            text.append(t).append(",F\n");
        }
        for (double t : suspensions) {
            text.append(t).append(",S\n");
        }
        Path file = folder.resolve("life.csv");
        Files.write(file, text.toString().getBytes(UTF_8));
        return file;
    }

    private LifePlotService.Request request(
            Path input, LifePlotService.Kind kind, @Nullable String dist, String method, String out) {
        return new LifePlotService.Request(input, kind, dist, method, 0.95, "hours", folder.resolve(out), 800, 600);
    }

    private static double weibullPaper(double f) {
        return Math.log(-Math.log1p(-f));
    }

    private static double fromWeibullPaper(double y) {
        return -Math.expm1(-Math.exp(y));
    }

    private static SvgReading.AxisReading logTime(SvgReading svg) {
        return svg.axis("x-tick", Math::log, Math::exp);
    }

    private static SvgReading.AxisReading weibullProbability(SvgReading svg) {
        return svg.axis("y-tick", LifePlotServiceTest::weibullPaper, LifePlotServiceTest::fromWeibullPaper);
    }

    private static SvgReading svg(ChartRenderer.Written written) throws IOException {
        assertThat(written.format()).isEqualTo(ChartRenderer.Format.SVG);
        return SvgReading.of(Files.readString(written.file(), UTF_8));
    }

    @Test
    void probabilityPlotPutsEachFailureAtItsTimeAndBenardMedianRankOnWeibullPaper() throws IOException {
        Path input = csv(TEN_FAILURES, new double[0]);

        SvgReading svg = svg(LifePlotService.plot(
                request(input, LifePlotService.Kind.PROBABILITY, "weibull2p", "rry", "ranks.svg")));

        SvgReading.AxisReading time = logTime(svg);
        SvgReading.AxisReading probability = weibullProbability(svg);
        List<double[]> points = svg.circles("failures");
        assertThat(points).hasSize(TEN_FAILURES.length);
        for (int i = 0; i < points.size(); i++) {
            assertThat(time.value(points.get(i)[0]))
                    .as("time of point %s", i)
                    .isCloseTo(TEN_FAILURES[i], within(TEN_FAILURES[i] * PIXEL_TOLERANCE));
            assertThat(probability.value(points.get(i)[1]))
                    .as("median rank of point %s", i)
                    .isCloseTo(BENARD[i], within(PIXEL_TOLERANCE));
        }
        assertThat(svg.root().getAttribute("width")).isEqualTo("800");
        assertThat(svg.root().getTextContent())
                .contains("Weibull_2P by RRY")
                .contains("n = 10: 10 failures, 0 suspensions")
                .contains("time (hours)")
                .contains("10%")
                .contains("90%");
    }

    @Test
    void probabilityPlotMovesFailuresUpByJohnsonsAdjustedRanksAmongSuspensions() throws IOException {
        Path input = csv(CENSORED_FAILURES, CENSORED_SUSPENSIONS);

        SvgReading svg = svg(
                LifePlotService.plot(request(input, LifePlotService.Kind.PROBABILITY, null, "mle", "censored.svg")));

        SvgReading.AxisReading time = logTime(svg);
        SvgReading.AxisReading probability = weibullProbability(svg);
        List<double[]> points = svg.circles("failures");
        assertThat(points).hasSize(CENSORED_FAILURES.length);
        for (int i = 0; i < points.size(); i++) {
            assertThat(time.value(points.get(i)[0]))
                    .isCloseTo(CENSORED_FAILURES[i], within(CENSORED_FAILURES[i] * PIXEL_TOLERANCE));
            assertThat(probability.value(points.get(i)[1])).isCloseTo(JOHNSON_BENARD[i], within(PIXEL_TOLERANCE));
        }
        assertThat(svg.root().getTextContent()).contains("n = 10: 6 failures, 4 suspensions");
    }

    @Test
    void fittedLineIsThePublishedRankRegressionFit() throws IOException {
        Path input = csv(TEN_FAILURES, new double[0]);

        SvgReading svg = svg(
                LifePlotService.plot(request(input, LifePlotService.Kind.PROBABILITY, "weibull2p", "rry", "rry.svg")));

        SvgReading.AxisReading time = logTime(svg);
        SvgReading.AxisReading probability = weibullProbability(svg);
        List<List<double[]>> lines = svg.polylines("fitted Weibull_2P");
        assertThat(lines).hasSize(1);
        for (double t : new double[] {30, 60, 96.37, 140}) {
            double expected = -Math.expm1(-Math.pow(t / RRY_SCALE, RRY_SHAPE));
            double drawn = probability.value(SvgReading.rowAt(lines.get(0), time.pixel(t)));
            assertThat(drawn).as("F(%s)", t).isCloseTo(expected, within(PIXEL_TOLERANCE));
        }
        assertThat(svg.groups("line", "95% bounds"))
                .as("rank regression has no Fisher bounds")
                .isEmpty();
    }

    @Test
    void maximumLikelihoodLineHasFisherBoundsOnEitherSideAsRComputesThem() throws IOException {
        Path input = csv(THIRTY_FAILURES, new double[0]);

        SvgReading svg = svg(LifePlotService.plot(
                request(input, LifePlotService.Kind.PROBABILITY, "weibull2p", "mle", "bounds.svg")));

        SvgReading.AxisReading time = logTime(svg);
        SvgReading.AxisReading probability = weibullProbability(svg);
        List<double[]> line = svg.polylines("fitted Weibull_2P").get(0);
        List<List<double[]>> bounds = svg.polylines("95% bounds");
        assertThat(bounds).hasSize(2);
        for (double[] reference : THIRTY_BOUNDS) {
            double x = time.pixel(reference[0]);
            double fitted = probability.value(SvgReading.rowAt(line, x));
            double first = probability.value(SvgReading.rowAt(bounds.get(0), x));
            double second = probability.value(SvgReading.rowAt(bounds.get(1), x));
            double lower = Math.min(first, second);
            double upper = Math.max(first, second);
            assertThat(fitted).as("F(%s)", reference[0]).isCloseTo(reference[1], within(2e-4));
            assertThat(lower).as("lower bound at %s", reference[0]).isLessThan(fitted);
            assertThat(upper).as("upper bound at %s", reference[0]).isGreaterThan(fitted);
            // The bounds are curves drawn as 400 chords on the log-time axis: a chord strays below 1e-4 here.
            assertThat(lower).isCloseTo(reference[2], within(3e-4));
            assertThat(upper).isCloseTo(reference[3], within(3e-4));
        }
        assertThat(svg.root().getTextContent()).contains("Weibull_2P by MLE: scale = 51.86, shape = 2.801");
    }

    @Test
    void pngHasTheSizeAskedForTheFittedLineWhereItsComputedAndAMarkerAtAPoint() throws IOException {
        Path input = csv(TEN_FAILURES, new double[0]);
        LifePlotService.Request request = new LifePlotService.Request(
                input,
                LifePlotService.Kind.PROBABILITY,
                "weibull2p",
                "rry",
                0.95,
                "",
                folder.resolve("ranks.PNG"),
                640,
                480);

        ChartRenderer.Written written = LifePlotService.plot(request);

        assertThat(written.format()).isEqualTo(ChartRenderer.Format.PNG);
        BufferedImage image = ImageIO.read(written.file().toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        Chart chart = LifePlotService.chart(request);
        Frame frame = Frame.of(chart, 640, 480);
        Layer line = chart.layer("fitted Weibull_2P").orElseThrow();
        Layer markers = chart.layer("failures").orElseThrow();
        // Halfway (on the log scale) between neighbouring failures, where no marker covers the line.
        for (int i : new int[] {1, 4, 7}) {
            double t = Math.sqrt(TEN_FAILURES[i] * TEN_FAILURES[i + 1]);
            double f = -Math.expm1(-Math.pow(t / RRY_SCALE, RRY_SHAPE));
            for (int j = 0; j < TEN_FAILURES.length; j++) {
                assertThat(Math.hypot(frame.x(t) - frame.x(TEN_FAILURES[j]), frame.y(f) - frame.y(BENARD[j])))
                        .as("no marker near the spot checked")
                        .isGreaterThan(8);
            }
            assertThat(nearestColourDistance(
                            image, frame.x(t), frame.y(f), line.colour().packed()))
                    .as("the fitted line's colour at t = %s", t)
                    .isLessThan(12);
        }
        double t = TEN_FAILURES[4];
        assertThat(nearestColourDistance(
                        image, frame.x(t), frame.y(BENARD[4]), markers.colour().packed()))
                .as("a failure's marker")
                .isZero();
        // Far from every line and point (the lower right of the plot area) the image is white.
        assertThat(nearestColourDistance(image, frame.right() - 6, frame.bottom() - 6, 0xffffff))
                .isZero();
        assertThat(nearestColourDistance(
                        image,
                        frame.right() - 6,
                        frame.bottom() - 6,
                        line.colour().packed()))
                .isGreaterThan(100);
    }

    /** The smallest colour difference (largest channel difference) from {@code rgb} among the 3 × 3 pixels at x, y. */
    private static int nearestColourDistance(BufferedImage image, double x, double y, int rgb) {
        int best = Integer.MAX_VALUE;
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                int pixel = image.getRGB((int) Math.floor(x) + dx, (int) Math.floor(y) + dy) & 0xffffff;
                int distance = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    distance = Math.max(distance, Math.abs(((pixel >> shift) & 0xff) - ((rgb >> shift) & 0xff)));
                }
                best = Math.min(best, distance);
            }
        }
        return best;
    }

    @Test
    void kaplanMeierStepsAndGreenwoodBoundsAreThePublishedOnes() throws IOException {
        Path input = csv(KM_FAILURES, KM_SUSPENSIONS);

        SvgReading svg =
                svg(LifePlotService.plot(request(input, LifePlotService.Kind.KM, "weibull2p", "mle", "km.svg")));

        SvgReading.AxisReading time = svg.axis("x-tick", t -> t, t -> t);
        SvgReading.AxisReading reliability = svg.axis("y-tick", r -> r, r -> r);
        List<double[]> steps = svg.polylines("Kaplan–Meier").get(0);
        // Steps: (0, 1), then at each failure a corner at the old level and one at the new.
        assertThat(steps).hasSize(1 + 2 * KM_FAILURES.length + 1);
        for (int i = 0; i < KM_FAILURES.length; i++) {
            double[] corner = steps.get(2 + 2 * i);
            assertThat(time.value(corner[0])).isCloseTo(KM_FAILURES[i], within(KM_FAILURES[i] * PIXEL_TOLERANCE));
            assertThat(reliability.value(corner[1])).isCloseTo(KM[i], within(PIXEL_TOLERANCE));
        }
        List<List<double[]>> bounds = svg.polylines("95% bounds (Greenwood)");
        assertThat(bounds).hasSize(2);
        for (int i = 0; i < KM_FAILURES.length; i++) {
            assertThat(reliability.value(bounds.get(0).get(2 + 2 * i)[1])).isCloseTo(KM_LOWER[i], within(1e-4));
            assertThat(reliability.value(bounds.get(1).get(2 + 2 * i)[1])).isCloseTo(KM_UPPER[i], within(1e-4));
        }
        assertThat(svg.circles("suspensions")).hasSize(KM_SUSPENSIONS.length);
        assertThat(svg.polylines("fitted Weibull_2P")).hasSize(1);
    }

    @Test
    void hazardPlotStepsAreTheNelsonAalenCumulativeHazardAndTheFitIsAboveAndBelowThem() throws IOException {
        Path input = csv(KM_FAILURES, KM_SUSPENSIONS);

        SvgReading svg = svg(
                LifePlotService.plot(request(input, LifePlotService.Kind.HAZARD, "weibull2p", "mle", "hazard.svg")));

        SvgReading.AxisReading time = svg.axis("x-tick", t -> t, t -> t);
        SvgReading.AxisReading hazard = svg.axis("y-tick", h -> h, h -> h);
        List<double[]> steps = svg.polylines("Nelson–Aalen").get(0);
        for (int i = 0; i < KM_FAILURES.length; i++) {
            double[] corner = steps.get(2 + 2 * i);
            assertThat(time.value(corner[0])).isCloseTo(KM_FAILURES[i], within(KM_FAILURES[i] * PIXEL_TOLERANCE));
            assertThat(hazard.value(corner[1])).isCloseTo(-Math.log(NELSON_AALEN_SF[i]), within(PIXEL_TOLERANCE));
        }
        assertThat(svg.polylines("fitted H(t)")).hasSize(1);
        assertThat(svg.polylines("fitted h(t), right axis")).hasSize(1);
        assertThat(svg.root().getTextContent()).contains("hazard rate h(t) (1/hours)");
    }

    @Test
    void nonParametricPlotsNeedNoDistributionAndIntervalsArePlottedAtTheirMidpoints() throws IOException {
        Path input = folder.resolve("intervals.csv");
        Files.write(input, "lower,upper\n0,10\n10,20\n20,40\n30,\n15,15\n".getBytes(UTF_8));

        Chart km = LifePlotService.chart(request(input, LifePlotService.Kind.KM, null, "mle", "km.svg"));
        assertThat(km.layers()).noneMatch(layer -> layer.name().startsWith("fitted"));
        assertThat(km.subtitle()).contains("censored failures at their intervals' midpoints");

        Chart probability =
                LifePlotService.chart(request(input, LifePlotService.Kind.PROBABILITY, null, "mle", "p.svg"));
        Layer failures = probability.layer("failures").orElseThrow();
        assertThat(failures.points()).extracting(point -> point.x()).containsExactly(5.0, 15.0, 15.0, 30.0);
    }

    @Test
    void eachFamilyIsStraightOnItsOwnPaper() throws IOException {
        Path input = csv(THIRTY_FAILURES, new double[] {90, 90});
        for (String dist : List.of("weibull2p", "lognormal2p", "normal", "exponential1p", "gumbel", "loglogistic")) {
            Chart chart = LifePlotService.chart(request(input, LifePlotService.Kind.PROBABILITY, dist, "mle", "a.svg"));
            Layer line = chart.layers().stream()
                    .filter(layer -> layer.name().startsWith("fitted"))
                    .findFirst()
                    .orElseThrow();
            Frame frame = Frame.of(chart, 800, 600);
            // Three points of the drawn line, in pixels, must be collinear.
            double[][] pixels = new double[3][];
            int n = line.points().size();
            int[] picks = {n / 10, n / 2, 9 * n / 10};
            for (int i = 0; i < 3; i++) {
                var point = line.points().get(picks[i]);
                pixels[i] = new double[] {frame.x(point.x()), frame.y(point.y())};
            }
            double slope = (pixels[2][1] - pixels[0][1]) / (pixels[2][0] - pixels[0][0]);
            assertThat(pixels[1][1])
                    .as("%s is straight on %s paper", dist, chart.subtitle())
                    .isCloseTo(pixels[0][1] + slope * (pixels[1][0] - pixels[0][0]), within(0.01));
        }
    }

    @Test
    void threeParameterFitsArePlottedInTimeLessTheLocation() throws IOException {
        Path input = csv(THIRTY_FAILURES, new double[0]);

        Chart chart =
                LifePlotService.chart(request(input, LifePlotService.Kind.PROBABILITY, "weibull3p", "mle", "a.svg"));

        double location = Double.parseDouble(chart.x().label().replaceAll(".*location ", ""));
        assertThat(location).isPositive().isLessThan(13);
        Layer failures = chart.layer("failures").orElseThrow();
        assertThat(failures.points().get(0).x()).isCloseTo(13 - location, within(1e-3));
    }

    @Test
    void refusesBadRequestsWithTheReason() throws IOException {
        Path input = csv(TEN_FAILURES, new double[0]);

        assertBadInput(
                () -> LifePlotService.Kind.parse("pie"), "unknown plot kind \"pie\"; use probability, km or hazard");
        assertBadInput(
                () -> LifePlotService.plot(request(input, LifePlotService.Kind.KM, null, "mle", "plot.jpg")),
                "name it .svg or .png");
        assertBadInput(
                () -> LifePlotService.plot(request(input, LifePlotService.Kind.KM, null, "mle", "no/such/plot.svg")),
                "does not exist");
        assertBadInput(
                () -> LifePlotService.plot(
                        request(input, LifePlotService.Kind.PROBABILITY, "lognormal2p", "rrx", "plot.svg")),
                "rank regression (--method rrx) fits weibull2p so far");
        assertBadInput(
                () -> LifePlotService.plot(request(input, LifePlotService.Kind.PROBABILITY, "best", "mle", "p.svg")),
                "a plot draws one distribution");
        assertBadInput(
                () -> LifePlotService.plot(new LifePlotService.Request(
                        input, LifePlotService.Kind.KM, null, "mle", 0.95, "", folder.resolve("p.svg"), 50, 600)),
                "--width and --height must be 200 to 10000 pixels, got 50 × 600");
        Path suspended = csv(new double[0], new double[] {5, 6});
        assertBadInput(
                () -> LifePlotService.plot(request(suspended, LifePlotService.Kind.PROBABILITY, null, "mle", "s.svg")),
                "life.csv");
    }

    private static void assertBadInput(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FleetcastException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }
}
