package io.fleetcast.app.life;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.plot.Axis;
import io.fleetcast.app.plot.Chart;
import io.fleetcast.app.plot.ChartRenderer;
import io.fleetcast.app.plot.Frame;
import io.fleetcast.app.plot.Layer;
import io.fleetcast.app.plot.Point;
import io.fleetcast.app.plot.Rgb;
import io.fleetcast.app.plot.Scale;
import io.fleetcast.app.plot.Ticks;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import io.fleetcast.reliability.fit.RankRegression;
import io.fleetcast.reliability.nonparametric.MedianRanks;
import io.fleetcast.reliability.nonparametric.Survival;
import io.fleetcast.reliability.nonparametric.SurvivalStep;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code fleetcast life plot}: a life-data file drawn as a probability plot (median ranks on the fitted family's paper
 * with the fitted line and its confidence bounds), a Kaplan–Meier reliability plot or a cumulative hazard plot, written
 * as SVG or PNG. Stateless.
 */
public final class LifePlotService {
    /** The fitted distribution's colour. */
    static final Rgb FIT = new Rgb(31, 95, 191);

    private static final Rgb BOUNDS = new Rgb(120, 170, 225);
    private static final Rgb POINTS = new Rgb(214, 39, 40);
    private static final Rgb STEPS = new Rgb(30, 30, 30);
    private static final Rgb STEP_BOUNDS = new Rgb(140, 140, 140);
    private static final Rgb SUSPENSIONS = new Rgb(255, 140, 0);
    private static final Rgb HAZARD_RATE = new Rgb(0, 150, 80);
    /** Points on each fitted curve: smooth at any size the renderer allows. */
    private static final int CURVE_POINTS = 400;
    /** Median-rank points drawn at most; more are thinned evenly (a fleet's million failures would be a 100 MB SVG). */
    private static final int MAX_POINTS = 2_000;
    /** The standard probability ticks; those inside the plotted range are drawn. */
    private static final double[] PROBABILITY_TICKS = {
        0.0001, 0.001, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 0.999, 0.9999
    };

    /** What to draw. */
    public enum Kind {
        /** Median ranks on probability paper with the fitted line and its bounds on F(t). */
        PROBABILITY,
        /** The Kaplan–Meier reliability steps with Greenwood bounds, and the fitted R(t) if a distribution is given. */
        KM,
        /** The Nelson–Aalen cumulative hazard steps, and the fitted H(t) and hazard rate h(t) if one is given. */
        HAZARD;

        /**
         * The kind named {@code name} ({@code probability}, {@code km}, {@code hazard}; any case).
         *
         * @throws FleetcastException {@code BAD_INPUT} for another name
         */
        public static Kind parse(String name) {
            for (Kind kind : values()) {
                if (kind.name().equalsIgnoreCase(name)) {
                    return kind;
                }
            }
            throw FleetcastException.badInput("unknown plot kind \"" + name + "\"; use probability, km or hazard");
        }
    }

    /**
     * A plot to make.
     *
     * @param input the life-data CSV ({@code time,state[,count]} or {@code lower,upper[,count]}, as {@code life fit}
     *     reads)
     * @param kind what to draw
     * @param dist the distribution to fit ({@code weibull2p}, ...); null: {@code weibull2p} for a probability plot, none
     *     for the others
     * @param method {@code mle}, {@code rrx} or {@code rry}
     * @param confidence the two-sided level of the bounds drawn
     * @param timeUnit the unit of the file's times, for the axis label (e.g. {@code hours}); empty when not known
     * @param out the image file, {@code .svg} or {@code .png}
     * @param width the image's width in pixels
     * @param height the image's height in pixels
     */
    public record Request(
            Path input,
            Kind kind,
            @Nullable String dist,
            String method,
            double confidence,
            String timeUnit,
            Path out,
            int width,
            int height) {
        public Request {
            requireNonNull(input, "input is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(method, "method is null");
            requireNonNull(timeUnit, "timeUnit is null");
            requireNonNull(out, "out is null");
        }
    }

    /** A fitted distribution as plotted: its family, the estimates, how, and the Fisher bounds where there are some. */
    private record Fitted(Family family, LifeDistribution distribution, String method, Optional<LifeFit> fit) {
        double location() {
            return distribution.parameters().getOrDefault("location", 0.0);
        }

        String describe() {
            StringBuilder text = new StringBuilder(distribution.name() + " by " + method + ":");
            for (Map.Entry<String, Double> parameter : distribution.parameters().entrySet()) {
                text.append(text.charAt(text.length() - 1) == ':' ? " " : ", ")
                        .append(parameter.getKey())
                        .append(" = ")
                        .append(number(parameter.getValue()));
            }
            return text.toString();
        }
    }

    private LifePlotService() {}

    /**
     * Draws the plot {@code request} asks for and writes it.
     *
     * @throws FleetcastException {@code BAD_INPUT} for a bad file (naming the line), kind, distribution, method,
     *     confidence, size or output file name, for data the plot cannot be drawn from, and when the file cannot be
     *     written
     */
    public static ChartRenderer.Written plot(Request request) {
        checkOutput(request);
        Chart chart = chart(request);
        Path folder = request.out().toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw FleetcastException.badInput(
                    "cannot write " + request.out() + ": the folder " + folder + " does not exist");
        }
        try {
            return ChartRenderer.write(chart, request.out(), request.width(), request.height());
        } catch (IOException e) {
            throw FleetcastException.badInput("cannot write " + request.out() + ": " + e);
        }
    }

    private static void checkOutput(Request request) {
        try {
            ChartRenderer.Format.of(request.out());
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
        if (request.width() < Frame.MIN_SIZE
                || request.width() > Frame.MAX_SIZE
                || request.height() < Frame.MIN_SIZE
                || request.height() > Frame.MAX_SIZE) {
            throw FleetcastException.badInput(String.format(
                    Locale.ROOT,
                    "--width and --height must be %d to %d pixels, got %d × %d",
                    Frame.MIN_SIZE,
                    Frame.MAX_SIZE,
                    request.width(),
                    request.height()));
        }
    }

    /**
     * The chart {@code request} asks for, not written ({@code out}, {@code width} and {@code height} are not used).
     *
     * @throws FleetcastException {@code BAD_INPUT} as {@link #plot} says
     */
    public static Chart chart(Request request) {
        double confidence = request.confidence();
        if (!(confidence > 0 && confidence < 1)) {
            throw FleetcastException.badInput("--confidence must be between 0 and 1 (e.g. 0.95), got " + confidence);
        }
        String method = request.method().toLowerCase(Locale.ROOT);
        if (!List.of("mle", "rrx", "rry").contains(method)) {
            throw FleetcastException.badInput("unknown method \"" + request.method() + "\"; use mle, rrx or rry");
        }
        String dist = request.dist();
        if (dist == null && request.kind() == Kind.PROBABILITY) {
            dist = "weibull2p";
        }
        if (dist != null && dist.equalsIgnoreCase("best")) {
            throw FleetcastException.badInput(
                    "a plot draws one distribution; rank them with `life fit --dist best` and plot the best by name");
        }
        Optional<Family> family = dist == null ? Optional.empty() : Optional.of(LifeFitService.family(dist));
        LifeData data = LifeDataFile.read(request.input());
        try {
            Optional<Fitted> fitted = family.map(f -> fit(f, method, data, confidence));
            String timeLabel = request.timeUnit().isBlank() ? "time" : "time (" + request.timeUnit() + ")";
            return switch (request.kind()) {
                case PROBABILITY -> probability(data, fitted.orElseThrow(), timeLabel);
                case KM -> kaplanMeier(data, fitted, confidence, timeLabel);
                case HAZARD -> hazard(data, fitted, timeLabel, request.timeUnit());
            };
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(request.input() + ": " + e.getMessage());
        }
    }

    private static Fitted fit(Family family, String method, LifeData data, double confidence) {
        if (method.equals("mle")) {
            LifeFit fit = MaximumLikelihood.fit(family, data, confidence);
            return new Fitted(family, fit.distribution(), "MLE", Optional.of(fit));
        }
        if (family != Family.WEIBULL_2P) {
            throw FleetcastException.badInput("rank regression (--method " + method
                    + ") fits weibull2p so far; use --method mle for " + family.label());
        }
        RankRegression.Axis axis = method.equals("rrx") ? RankRegression.Axis.X : RankRegression.Axis.Y;
        return new Fitted(
                family, RankRegression.weibull(data, axis), method.toUpperCase(Locale.ROOT), Optional.empty());
    }

    private static Chart probability(LifeData data, Fitted fitted, String timeLabel) {
        LifePlotPaper paper = LifePlotPaper.of(fitted.family());
        // On log-time paper a location γ is taken off the times, so that the 3-parameter fit is straight (t − γ).
        double location = paper.logTime() ? fitted.location() : 0;
        List<String> notes = new ArrayList<>();
        notes.add(paper.label() + " paper");
        notes.add(census(data));
        ImmutableList<MedianRanks.Position> positions = MedianRanks.of(plotted(data, notes));
        int every = (positions.size() + MAX_POINTS - 1) / MAX_POINTS;
        List<Point> points = new ArrayList<>();
        int offPaper = 0;
        for (int i = 0; i < positions.size(); i += every) {
            double x = positions.get(i).time() - location;
            if (paper.logTime() && x <= 0) {
                offPaper++;
            } else {
                points.add(new Point(x, positions.get(i).unreliability()));
            }
        }
        notes.add("median ranks (Benard" + (data.rightCensored().isEmpty() ? ")" : ", Johnson)"));
        if (every > 1) {
            notes.add("1 in " + every + " of the " + positions.size() + " failures shown");
        }
        if (offPaper > 0) {
            notes.add(offPaper + " at or before the location not shown");
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no failure lies after the fitted location " + number(location));
        }
        double lowF = points.stream().mapToDouble(Point::y).min().orElseThrow();
        double highF = points.stream().mapToDouble(Point::y).max().orElseThrow();
        LifeDistribution distribution = fitted.distribution();
        double lowX = Math.min(
                points.stream().mapToDouble(Point::x).min().orElseThrow(), distribution.quantile(lowF) - location);
        double highX = Math.max(
                points.stream().mapToDouble(Point::x).max().orElseThrow(), distribution.quantile(highF) - location);
        Axis x = timeAxis(paper, lowX, highX, location > 0 ? timeLabel + " − location " + number(location) : timeLabel);
        if (fitted.family() == Family.GAMMA_2P) {
            notes.add("gamma is curved on it");
        }
        Axis y = probabilityAxis(paper, lowF, highF);

        List<Layer> layers = new ArrayList<>();
        fitted.fit().ifPresent(fit -> {
            String name = percent(fit.confidence()) + " bounds";
            List<Point> lower = new ArrayList<>();
            List<Point> upper = new ArrayList<>();
            for (double t : grid(x)) {
                LifeFit.Bounded reliability = fit.reliability(t + location);
                lower.add(new Point(t, 1 - reliability.upper()));
                upper.add(new Point(t, 1 - reliability.lower()));
            }
            layers.add(new Layer.Line(name, BOUNDS, 1.5, true, false, ImmutableList.copyOf(lower)));
            layers.add(new Layer.Line(name, BOUNDS, 1.5, true, false, ImmutableList.copyOf(upper)));
            notes.add(percent(fit.confidence()) + " Fisher bounds on F(t)");
        });
        layers.add(new Layer.Line(
                "fitted " + distribution.name(),
                FIT,
                2.5,
                false,
                false,
                curve(x, t -> distribution.cdf(t + location))));
        layers.add(new Layer.Markers("failures", POINTS, 4, false, ImmutableList.copyOf(points)));
        return new Chart(
                fitted.describe(),
                String.join(" · ", notes),
                x,
                y,
                Optional.empty(),
                ImmutableList.copyOf(layers),
                Chart.Corner.UPPER_LEFT);
    }

    private static Chart kaplanMeier(LifeData data, Optional<Fitted> fitted, double confidence, String timeLabel) {
        List<String> notes = new ArrayList<>(List.of(census(data)));
        LifeData plotted = plotted(data, notes);
        ImmutableList<SurvivalStep> steps = Survival.kaplanMeier(plotted, confidence);
        double end = lastTime(plotted);
        Axis x = sinceZero(timeLabel, end);
        Axis y = new Axis("reliability R(t)", Scale.linear(), 0, 1.02, Ticks.linear(0, 1));
        List<Layer> layers = new ArrayList<>();
        String bounds = percent(confidence) + " bounds (Greenwood)";
        layers.add(stepLine(bounds, STEP_BOUNDS, true, 1, steps, SurvivalStep::lower, end));
        layers.add(stepLine(bounds, STEP_BOUNDS, true, 1, steps, SurvivalStep::upper, end));
        fitted.ifPresent(fit -> {
            layers.add(new Layer.Line(
                    "fitted " + fit.distribution().name(), FIT, 2.5, false, false, curve(x, fit.distribution()::sf)));
            notes.add(fit.describe());
        });
        layers.add(stepLine("Kaplan–Meier", STEPS, false, 1, steps, SurvivalStep::survival, end));
        List<Point> suspended = new ArrayList<>();
        for (LifeData.Observation suspension : plotted.rightCensored()) {
            suspended.add(new Point(suspension.lower(), survivalAt(steps, suspension.lower())));
        }
        layers.add(new Layer.Markers("suspensions", SUSPENSIONS, 3, false, ImmutableList.copyOf(suspended)));
        return new Chart(
                "Kaplan–Meier reliability",
                String.join(" · ", notes),
                x,
                y,
                Optional.empty(),
                ImmutableList.copyOf(layers),
                Chart.Corner.LOWER_LEFT);
    }

    private static Chart hazard(LifeData data, Optional<Fitted> fitted, String timeLabel, String timeUnit) {
        List<String> notes = new ArrayList<>(List.of(census(data)));
        LifeData plotted = plotted(data, notes);
        ImmutableList<SurvivalStep> steps = Survival.nelsonAalen(plotted);
        double end = lastTime(plotted);
        Axis x = sinceZero(timeLabel, end);
        double top = steps.isEmpty() ? 0 : -Math.log(steps.get(steps.size() - 1).survival());
        if (fitted.isPresent()) {
            top = Math.max(top, fitted.orElseThrow().distribution().cumulativeHazard(end * 1.04));
        }
        top = top > 0 && Double.isFinite(top) ? top * 1.08 : 1;
        Axis y = new Axis("cumulative hazard H(t)", Scale.linear(), 0, top, Ticks.linear(0, top));
        List<Layer> layers = new ArrayList<>();
        Optional<Axis> rate = Optional.empty();
        if (fitted.isPresent()) {
            LifeDistribution distribution = fitted.orElseThrow().distribution();
            double highest = 0;
            for (double t : grid(x)) {
                double h = distribution.hazard(t);
                highest = Double.isFinite(h) ? Math.max(highest, h) : highest;
            }
            highest = highest > 0 ? highest * 1.08 : 1;
            String per = timeUnit.isBlank() ? "per unit of time" : "1/" + timeUnit;
            Axis rateAxis =
                    new Axis("hazard rate h(t) (" + per + ")", Scale.linear(), 0, highest, Ticks.linear(0, highest));
            rate = Optional.of(rateAxis);
            layers.add(new Layer.Line(
                    "fitted h(t), right axis", HAZARD_RATE, 2, true, true, curve(x, distribution::hazard)));
            layers.add(new Layer.Line("fitted H(t)", FIT, 2.5, false, false, curve(x, distribution::cumulativeHazard)));
            notes.add(fitted.orElseThrow().describe());
        }
        layers.add(stepLine("Nelson–Aalen", STEPS, false, 0, steps, s -> -Math.log(s.survival()), end));
        return new Chart(
                "Cumulative hazard",
                String.join(" · ", notes),
                x,
                y,
                rate,
                ImmutableList.copyOf(layers),
                Chart.Corner.UPPER_LEFT);
    }

    /**
     * The data as a plot shows them: exact failures and suspensions as they are; a left-censored unit as failed at half
     * its inspection time and an interval-censored one at its interval's midpoint (the median-rank, Kaplan–Meier and
     * Nelson–Aalen estimators take exact times; the fit itself uses the intervals).
     */
    private static LifeData plotted(LifeData data, List<String> notes) {
        if (data.exactFailuresOnly()) {
            return data;
        }
        LifeData.Builder builder = LifeData.builder();
        data.failures().forEach(o -> builder.failure(o.lower(), o.count()));
        data.rightCensored().forEach(o -> builder.suspension(o.lower(), o.count()));
        data.leftCensored().forEach(o -> builder.failure(o.upper() / 2, o.count()));
        data.intervals().forEach(o -> builder.failure((o.lower() + o.upper()) / 2, o.count()));
        notes.add("censored failures at their intervals' midpoints");
        return builder.build();
    }

    private static String census(LifeData data) {
        long failures = data.failureCount();
        return String.format(
                Locale.ROOT,
                "n = %d: %d failure%s, %d suspension%s",
                data.unitCount(),
                failures,
                failures == 1 ? "" : "s",
                data.unitCount() - failures,
                data.unitCount() - failures == 1 ? "" : "s");
    }

    /** A time axis from {@code low} to {@code high} with a margin: a tenth of the span, or of the decades on log paper. */
    private static Axis timeAxis(LifePlotPaper paper, double low, double high, String label) {
        if (paper.logTime()) {
            double ratio = Math.max(1.25, Math.pow(high / low, 0.1));
            double min = low / ratio;
            double max = high * ratio;
            return new Axis(label, Scale.log(), min, max, Ticks.log(min, max));
        }
        double margin = high > low ? (high - low) * 0.1 : Math.max(1, Math.abs(high) * 0.1);
        // Lives are not negative: where the data are not either, the axis starts at 0 at the lowest.
        double min = low >= 0 ? Math.max(0, low - margin) : low - margin;
        double max = high + margin;
        return new Axis(label, Scale.linear(), min, max, Ticks.linear(min, max));
    }

    /** A linear time axis from 0 to a little past {@code end}. */
    private static Axis sinceZero(String label, double end) {
        return new Axis(label, Scale.linear(), 0, end * 1.04, Ticks.linear(0, end * 1.04));
    }

    /** The probability axis around {@code low} to {@code high}, with a margin on the paper, inside 0.01% to 99.99%. */
    private static Axis probabilityAxis(LifePlotPaper paper, double low, double high) {
        Scale scale = paper.probabilityScale();
        double from = scale.position(low);
        double to = scale.position(high);
        double margin = Math.max(0.4, (to - from) * 0.12);
        double min = Math.max(1e-4, scale.value(from - margin));
        double max = Math.min(1 - 1e-4, scale.value(to + margin));
        return new Axis("unreliability F(t)", scale, min, max, Ticks.percent(PROBABILITY_TICKS));
    }

    /** Values evenly spaced along the axis' scale, ends included. */
    private static double[] grid(Axis axis) {
        double[] values = new double[CURVE_POINTS + 1];
        for (int i = 0; i <= CURVE_POINTS; i++) {
            values[i] = axis.valueAt((double) i / CURVE_POINTS);
        }
        return values;
    }

    private static ImmutableList<Point> curve(Axis x, java.util.function.DoubleUnaryOperator function) {
        ImmutableList.Builder<Point> points = ImmutableList.builder();
        for (double t : grid(x)) {
            points.add(new Point(t, function.applyAsDouble(t)));
        }
        return points.build();
    }

    private static Layer.Line stepLine(
            String name,
            Rgb colour,
            boolean dashed,
            double start,
            List<SurvivalStep> steps,
            java.util.function.ToDoubleFunction<SurvivalStep> level,
            double end) {
        List<Point> points = steps.stream()
                .map(step -> new Point(step.time(), level.applyAsDouble(step)))
                .toList();
        return new Layer.Line(name, colour, dashed ? 1.5 : 2, dashed, false, Layer.Line.steps(0, start, points, end));
    }

    /** The Kaplan–Meier estimate just after {@code time} (failures at a suspension's time come first). */
    private static double survivalAt(List<SurvivalStep> steps, double time) {
        double survival = 1;
        for (SurvivalStep step : steps) {
            if (step.time() <= time) {
                survival = step.survival();
            }
        }
        return survival;
    }

    private static double lastTime(LifeData data) {
        double last = 0;
        for (LifeData.Observation o : data.failures()) {
            last = Math.max(last, o.lower());
        }
        for (LifeData.Observation o : data.rightCensored()) {
            last = Math.max(last, o.lower());
        }
        if (last <= 0) {
            throw new IllegalArgumentException("every time is 0; there is nothing to plot over time");
        }
        return last;
    }

    private static String percent(double confidence) {
        return Ticks.label(100 * confidence) + "%";
    }

    private static String number(double value) {
        return Ticks.label(value, 4);
    }
}
