package io.fleetcast.cli;

import io.fleetcast.app.bench.ForecastBenchmark;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast the M4 competition's Hourly or Weekly series with each method and score them as M4 does"
                    + " (sMAPE, MASE, OWA relative to Naive2), next to the official scores of the same methods."
                    + " Example: fleetcast bench forecast --m4 ../shared/data/m4 --frequency hourly"
        })
final class BenchForecastCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--m4",
            paramLabel = "DIR",
            required = true,
            description = "Folder with the M4 files (Hourly-train.csv.gz, Hourly-test.csv.gz, ... and optionally"
                    + " m4-results-point-by-frequency.csv).")
    Path m4 = Path.of(".");

    @Option(
            names = "--frequency",
            paramLabel = "F",
            required = true,
            description = "hourly or weekly.",
            converter = FrequencyConverter.class)
    ForecastBenchmark.Frequency frequency = ForecastBenchmark.Frequency.HOURLY;

    @Option(
            names = "--series",
            paramLabel = "N",
            description = "Only the first N series (default: all), e.g. for a quick comparison with R.")
    int series = Integer.MAX_VALUE;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        ForecastBenchmark.Result result =
                ForecastBenchmark.run(m4, frequency, series, ForecastBenchmark.defaultMethods(), terminal::say);
        if (json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT,
                "M4 %s: %d series, horizon %d; sMAPE in %%, MASE and OWA without unit; in80%%/in95%%: share of test values"
                        + " inside the 80%%/95%% prediction intervals",
                result.frequency(),
                result.series(),
                result.horizon()));
        terminal.say(String.format(
                Locale.ROOT,
                "  %-8s %8s %8s %8s %6s %6s %12s   %s",
                "method",
                "sMAPE",
                "MASE",
                "OWA",
                "in80%",
                "in95%",
                "ms/series",
                "published sMAPE / MASE / OWA"));
        for (ForecastBenchmark.Score score : result.scores()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "  %-8s %8.3f %8.3f %8.3f %6.1f %6.1f %12.3f   %s",
                    score.method(),
                    score.smape(),
                    score.mase(),
                    score.owa(),
                    100 * score.coverage80(),
                    100 * score.coverage95(),
                    score.secondsPerSeries() * 1000,
                    score.published()
                            .map(p -> String.format(Locale.ROOT, "%.3f / %.3f / %.3f", p.smape(), p.mase(), p.owa()))
                            .orElse("-")));
        }
        terminal.say("Peak Java heap: " + Terminal.bytes(result.peakHeapBytes()));
        return 0;
    }

    /** Accepts the frequency in any letter case. */
    static final class FrequencyConverter implements picocli.CommandLine.ITypeConverter<ForecastBenchmark.Frequency> {
        @Override
        public ForecastBenchmark.Frequency convert(String value) {
            try {
                return ForecastBenchmark.Frequency.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("expected hourly or weekly, got '" + value + "'");
            }
        }
    }
}
