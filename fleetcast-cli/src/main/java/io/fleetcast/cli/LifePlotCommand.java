package io.fleetcast.cli;

import io.fleetcast.app.life.LifePlotService;
import io.fleetcast.app.plot.ChartRenderer;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = {
            "Plot a life-data CSV file (as life fit reads it) to an SVG or PNG image: a probability plot (median ranks"
                    + " on the fitted family's paper, the fitted line and its confidence bounds), the Kaplan-Meier"
                    + " reliability with Greenwood bounds, or the Nelson-Aalen cumulative hazard; km and hazard draw"
                    + " the fitted curves too when --dist is given.",
            "Example: fleetcast life plot --input drives.csv --kind probability --dist weibull2p --out drives.svg"
        })
final class LifePlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "CSV", required = true, description = "The life data.")
    Path input = Path.of(".");

    @Option(
            names = "--kind",
            paramLabel = "KIND",
            required = true,
            description = "probability, km (Kaplan-Meier reliability) or hazard (cumulative hazard).")
    String kind = "probability";

    @Option(
            names = "--dist",
            paramLabel = "NAME",
            description = "The distribution fitted: weibull2p (the default of probability plots), weibull3p,"
                    + " exponential1p, exponential2p, lognormal2p, lognormal3p, normal, gamma, loglogistic, gumbel."
                    + " km and hazard fit none unless it is given.")
    @Nullable
    String dist;

    @Option(
            names = "--method",
            paramLabel = "M",
            description = "mle (default), or rank regression on Weibull paper: rrx (time on rank) or rry.")
    String method = "mle";

    @Option(
            names = "--confidence",
            paramLabel = "C",
            description = "Two-sided confidence level of the bounds drawn (default 0.95).")
    double confidence = 0.95;

    @Option(
            names = "--unit",
            paramLabel = "UNIT",
            description = "The unit of the file's times, for the axis label (e.g. hours, days, cycles).")
    String unit = "";

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The image: FILE.svg or FILE.png.")
    Path out = Path.of("plot.svg");

    @Option(names = "--width", paramLabel = "W", description = "Width in pixels (default 800).")
    int width = 800;

    @Option(names = "--height", paramLabel = "H", description = "Height in pixels (default 600).")
    int height = 600;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        LifePlotService.Request request = new LifePlotService.Request(
                input, LifePlotService.Kind.parse(kind), dist, method, confidence, unit, out, width, height);
        ChartRenderer.Written written = LifePlotService.plot(request);
        terminal.say(String.format(
                Locale.ROOT,
                "wrote %s: %s plot of %s, %s %d × %d pixels",
                written.file(),
                kind.toLowerCase(Locale.ROOT),
                input,
                written.format(),
                written.width(),
                written.height()));
        if (!written.textDrawn()) {
            terminal.say("  no font was found, so the PNG has no text; the SVG format does not need one");
        }
        return 0;
    }
}
