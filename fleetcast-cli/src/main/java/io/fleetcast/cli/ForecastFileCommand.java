package io.fleetcast.cli;

import io.fleetcast.app.forecast.FileForecastService;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.auto.ForecastMethods;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "forecast-file",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast one series from a CSV file with the header ts,value (ISO dates or date-times, one row per step)."
                    + " Prints the forecast with its 80%% and 95%% prediction intervals, in the file's unit.",
            "Example: fleetcast forecast-file --input demand.csv --horizon 48 --season 24 --season 168"
        })
final class ForecastFileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "CSV", required = true, description = "The series: header ts,value.")
    Path input = Path.of(".");

    @Option(names = "--horizon", paramLabel = "H", required = true, description = "Steps to forecast.")
    int horizon;

    @Option(
            names = "--season",
            paramLabel = "M",
            description = "A seasonal period in steps; repeat for several (e.g. 48 and 336 for half-hourly data)."
                    + " Default: inferred from the step (24 and 168 hourly, 7 and 365 daily, 52 weekly, 12 monthly).")
    List<Integer> seasons = new ArrayList<>();

    @Option(
            names = "--method",
            paramLabel = "NAME",
            description = "The method: auto (default; picks per series by backtest), ets, arima, mstl, theta,"
                    + " optimised-theta, damped, naive2, snaive, naive or drift.")
    String method = "auto";

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        Forecaster forecaster = ForecastMethods.named(method)
                .orElseThrow(() -> FleetcastException.badInput(
                        "unknown method \"" + method + "\"; choose one of " + ForecastMethods.names()));
        FileForecastService.Result result = FileForecastService.forecast(input, horizon, seasons, forecaster);
        if (json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT,
                "%s: %s observations at %s steps%s; seasonal periods: %s",
                result.input(),
                Terminal.count(result.observations()),
                result.step(),
                result.imputed() > 0 ? " (" + result.imputed() + " filled)" : "",
                result.seasonalPeriods().isEmpty() ? "none" : result.seasonalPeriods() + " steps"));
        for (String note : result.notes()) {
            terminal.say("  note: " + note);
        }
        terminal.say("Model: " + result.model());
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(Locale.ROOT, "%-22s %14s %31s %31s%n", "ts", "forecast", "80% interval", "95% interval"));
        for (FileForecastService.Point point : result.forecast()) {
            table.append(String.format(
                    Locale.ROOT,
                    "%-22s %14s %31s %31s%n",
                    point.ts(),
                    number(point.mean()),
                    number(point.lo80()) + " .. " + number(point.hi80()),
                    number(point.lo95()) + " .. " + number(point.hi95())));
        }
        terminal.result(table.toString());
        return 0;
    }

    /** Four significant digits at least, no exponent for everyday sizes. */
    private static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e9 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.4g", value);
        }
        int decimals = magnitude >= 1000 ? 1 : magnitude >= 10 ? 2 : 4;
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
