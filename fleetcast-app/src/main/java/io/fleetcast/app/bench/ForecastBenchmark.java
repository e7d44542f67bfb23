package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.primitives.Ints;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.arima.ArimaForecaster;
import io.fleetcast.forecast.auto.AutomaticForecaster;
import io.fleetcast.forecast.benchmark.DriftForecaster;
import io.fleetcast.forecast.benchmark.Naive2Forecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.metric.Accuracy;
import io.fleetcast.forecast.seasonal.MstlForecaster;
import io.fleetcast.forecast.seasonal.SeasonallyAdjustedForecaster;
import io.fleetcast.forecast.theta.OptimisedThetaForecaster;
import io.fleetcast.forecast.theta.ThetaForecaster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Forecasts the M4 competition's Hourly or Weekly series with each method and scores them exactly as M4 does:
 * sMAPE and MASE per series, averaged over the series; OWA relative to Naive2. Reads the competition's files
 * ({@code Hourly-train.csv.gz}, {@code Hourly-test.csv.gz}, ...) and, when present, the official scores
 * ({@code m4-results-point-by-frequency.csv}) to show next to ours.
 */
public final class ForecastBenchmark {
    /**
     * An M4 frequency with its horizon, the seasonal period M4 uses for MASE and for its benchmarks, and the seasonal
     * periods the series carry into the methods (shortest first; the benchmarks see only the first).
     */
    public enum Frequency {
        HOURLY("Hourly", 48, 24, 24, 168),
        WEEKLY("Weekly", 13, 1);

        private final String label;
        private final int horizon;
        private final int period;
        private final ImmutableList<Integer> seasonalPeriods;

        Frequency(String label, int horizon, int period, Integer... seasonalPeriods) {
            this.label = label;
            this.horizon = horizon;
            this.period = period;
            this.seasonalPeriods = ImmutableList.copyOf(seasonalPeriods);
        }

        /** A training series of this frequency with its seasonal periods. */
        Series series(double[] values) {
            return Series.of(values, Ints.toArray(seasonalPeriods));
        }

        public String label() {
            return label;
        }

        public int horizon() {
            return horizon;
        }

        public int period() {
            return period;
        }
    }

    /** The official M4 scores of a method at one frequency. */
    public record Published(double smape, double mase, double owa) {}

    /**
     * One method's scores: mean sMAPE (percent) and MASE over the series, OWA relative to Naive2 in the same run, the
     * share of test values inside the 80% and 95% prediction intervals, and the mean seconds per series (fit and
     * forecast), with the published scores of the same method when M4 lists it.
     */
    public record Score(
            String method,
            double smape,
            double mase,
            double owa,
            double coverage80,
            double coverage95,
            double secondsPerSeries,
            Optional<Published> published) {}

    /**
     * The result. The top-level sMAPE, MASE, OWA and seconds are those of {@code method}, the first method run
     * (Fleetcast's own); {@code scores} lists every method.
     *
     * @param peakHeapBytes the sum of the heap pools' peak usage during the run
     */
    public record Result(
            String frequency,
            int series,
            int horizon,
            String method,
            double smape,
            double mase,
            double owa,
            double seconds,
            ImmutableList<Score> scores,
            long peakHeapBytes) {}

    private ForecastBenchmark() {}

    /** The methods the benchmark runs by default: Fleetcast's own first, then the M4 benchmarks. */
    public static ImmutableList<Forecaster> defaultMethods() {
        return ImmutableList.of(
                new AutomaticForecaster(),
                EtsForecaster.automatic(),
                ArimaForecaster.automatic(),
                new MstlForecaster("MSTL-ETS", EtsForecaster.automatic()),
                new Naive2Forecaster(),
                new NaiveForecaster(),
                new SeasonalNaiveForecaster(),
                new DriftForecaster(),
                // M4's exponential smoothing and Theta benchmarks: on the series seasonally adjusted as for Naive2.
                new SeasonallyAdjustedForecaster("SES", EtsForecaster.of("ANN")),
                new SeasonallyAdjustedForecaster("Holt", EtsForecaster.of("AAN")),
                new SeasonallyAdjustedForecaster("Damped", EtsForecaster.of("AAdN")),
                new SeasonallyAdjustedForecaster("Theta", new ThetaForecaster()),
                new SeasonallyAdjustedForecaster("OptimisedTheta", new OptimisedThetaForecaster()));
    }

    /** Runs every series of the frequency. */
    public static Result run(Path m4Folder, Frequency frequency, List<Forecaster> methods, Consumer<String> log) {
        return run(m4Folder, frequency, Integer.MAX_VALUE, methods, log);
    }

    /** Runs the first {@code maxSeries} series of the frequency (in the files' order). */
    public static Result run(
            Path m4Folder, Frequency frequency, int maxSeries, List<Forecaster> methods, Consumer<String> log) {
        if (maxSeries < 1) {
            throw FleetcastException.badInput("the number of series must be at least 1, got " + maxSeries);
        }
        List<double[]> allTrain = readSeries(m4Folder.resolve(frequency.label() + "-train.csv.gz"));
        List<double[]> allTest = readSeries(m4Folder.resolve(frequency.label() + "-test.csv.gz"));
        if (allTrain.size() != allTest.size()) {
            throw FleetcastException.badInput(m4Folder + ": " + allTrain.size() + " training series but "
                    + allTest.size() + " test series for " + frequency.label());
        }
        List<double[]> train = allTrain.subList(0, Math.min(maxSeries, allTrain.size()));
        List<double[]> test = allTest.subList(0, train.size());
        Map<String, Published> published =
                readPublished(m4Folder.resolve("m4-results-point-by-frequency.csv"), frequency);
        HeapPeaks.reset();
        List<Forecaster> ordered = new ArrayList<>(methods);
        Naive2Forecaster reference = new Naive2Forecaster();
        if (ordered.stream().noneMatch(m -> m.name().equals(reference.name()))) {
            ordered.add(reference);
        }
        Map<String, Totals> totals = new LinkedHashMap<>();
        for (Forecaster method : ordered) {
            double smape = 0;
            double mase = 0;
            double coverage80 = 0;
            double coverage95 = 0;
            long start = System.nanoTime();
            for (int i = 0; i < train.size(); i++) {
                Series series = frequency.series(train.get(i));
                Forecast forecast;
                try {
                    forecast = method.forecast(series, frequency.horizon());
                } catch (IllegalArgumentException e) {
                    throw FleetcastException.badInput(m4Folder.resolve(frequency.label() + "-train.csv.gz") + ":"
                            + (i + 2) + ": " + method.name() + " cannot forecast this series: " + e.getMessage());
                }
                double[] mean = forecast.mean();
                for (int step = 0; step < mean.length; step++) {
                    // As M4 scores: negative forecasts of these non-negative series count as 0.
                    mean[step] = Math.max(0, mean[step]);
                }
                smape += Accuracy.smape(test.get(i), mean);
                mase += Accuracy.mase(train.get(i), test.get(i), mean, frequency.period());
                coverage80 += Accuracy.coverage(test.get(i), forecast.lower80(), forecast.upper80());
                coverage95 += Accuracy.coverage(test.get(i), forecast.lower95(), forecast.upper95());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int count = train.size();
            totals.put(
                    method.name(),
                    new Totals(smape / count, mase / count, coverage80 / count, coverage95 / count, seconds));
            log.accept(String.format(Locale.ROOT, "%s: %d series in %.2f s", method.name(), train.size(), seconds));
        }
        Totals naive2 = totalsOf(totals, reference.name());
        ImmutableList.Builder<Score> scores = ImmutableList.builder();
        for (Forecaster method : methods) {
            Totals total = totalsOf(totals, method.name());
            scores.add(new Score(
                    method.name(),
                    total.smape(),
                    total.mase(),
                    Accuracy.owa(total.smape(), total.mase(), naive2.smape(), naive2.mase()),
                    total.coverage80(),
                    total.coverage95(),
                    total.seconds() / train.size(),
                    Optional.ofNullable(published.get(method.name()))));
        }
        ImmutableList<Score> all = scores.build();
        Score first = all.get(0);
        return new Result(
                frequency.label(),
                train.size(),
                frequency.horizon(),
                first.method(),
                first.smape(),
                first.mase(),
                first.owa(),
                first.secondsPerSeries() * train.size(),
                all,
                HeapPeaks.bytes());
    }

    /** A method's mean scores over the series, and the seconds it took for all of them. */
    private record Totals(double smape, double mase, double coverage80, double coverage95, double seconds) {}

    private static Totals totalsOf(Map<String, Totals> totals, String method) {
        return Optional.ofNullable(totals.get(method))
                .orElseThrow(() -> new IllegalStateException("no scores for " + method));
    }

    /** The series of an M4 file: one row per series, quoted id then values, right-padded with empty cells. */
    static List<double[]> readSeries(Path file) {
        if (!Files.isRegularFile(file)) {
            throw FleetcastException.badInput(file + ": no such file (expected the M4 competition's data files)");
        }
        List<double[]> series = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw FleetcastException.badInput(file + ":1: empty file");
            }
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String[] cells = line.split(",", -1);
                double[] values = new double[cells.length - 1];
                int count = 0;
                for (int c = 1; c < cells.length; c++) {
                    String cell = unquote(cells[c]);
                    if (cell.isEmpty()) {
                        break;
                    }
                    try {
                        values[count++] = Double.parseDouble(cell);
                    } catch (NumberFormatException e) {
                        throw FleetcastException.badInput(file + ":" + lineNumber + ": column " + (c + 1)
                                + ": expected a number, got \"" + cell + "\"");
                    }
                }
                series.add(Arrays.copyOf(values, count));
            }
        } catch (IOException e) {
            throw FleetcastException.badInput(file + ": cannot read: " + e.getMessage());
        }
        return series;
    }

    /** The official scores per method at {@code frequency}; empty when the results file is absent. */
    static Map<String, Published> readPublished(Path file, Frequency frequency) {
        Map<String, Published> published = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return published;
        }
        try {
            List<String> lines = Files.readAllLines(file, UTF_8);
            List<String> header = List.of(lines.get(0).split(","));
            int smape = header.indexOf("sMAPE_" + frequency.label());
            int mase = header.indexOf("MASE_" + frequency.label());
            int owa = header.indexOf("OWA_" + frequency.label());
            if (smape < 0 || mase < 0 || owa < 0) {
                throw FleetcastException.badInput(file + ":1: no " + frequency.label() + " columns");
            }
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                published.putIfAbsent(
                        cells[0],
                        new Published(
                                Double.parseDouble(cells[smape]),
                                Double.parseDouble(cells[mase]),
                                Double.parseDouble(cells[owa])));
            }
        } catch (IOException | NumberFormatException | IndexOutOfBoundsException e) {
            throw FleetcastException.badInput(file + ": not the M4 results table (" + e.getMessage() + ")");
        }
        return published;
    }

    private static String unquote(String cell) {
        String trimmed = cell.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
