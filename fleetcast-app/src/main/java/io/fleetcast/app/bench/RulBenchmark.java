package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.prognostics.evaluation.RulMetrics;
import io.fleetcast.prognostics.feature.RegimeNormalizer;
import io.fleetcast.prognostics.feature.WindowFeatures;
import io.fleetcast.prognostics.model.BoostedModel;
import io.fleetcast.prognostics.model.BoostingParameters;
import io.fleetcast.prognostics.model.FeatureMatrix;
import io.fleetcast.prognostics.model.GradientBoostedTrees;
import io.fleetcast.prognostics.model.Loss;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The C-MAPSS turbofan benchmark (NASA; Saxena et al. 2008): learn remaining useful life (RUL) from run-to-failure
 * engines, predict it at the last cycle of each test engine, and score as the literature does. RUL targets are capped
 * at {@value #CAP} cycles (the usual piecewise-linear target: early in life an engine shows no wear); the test truth
 * is capped the same way for the headline RMSE and score, and the uncapped RMSE is reported too.
 *
 * <p>Features, point in time per engine and cycle: each sensor standardised within its operating regime (the three
 * settings rounded: six regimes in FD002 and FD004, one in FD001 and FD003; sensors that never vary dropped), then
 * {@link WindowFeatures} over {@value #SHORT_WINDOW} and {@value #LONG_WINDOW} cycles, plus the cycle itself. The
 * model is {@link GradientBoostedTrees} with squared loss. With a peer asked for, the same feature matrices go to
 * scikit-learn's HistGradientBoostingRegressor (the script {@code cmapss_sklearn.py}, run with {@code python3}) and
 * both are reported side by side.
 */
public final class RulBenchmark {
    static final int CAP = 125;
    static final int SHORT_WINDOW = 10;
    static final int LONG_WINDOW = 30;
    private static final int SETTINGS = 3;
    private static final int SENSORS = 21;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Splitter WHITESPACE =
            Splitter.on(CharMatcher.whitespace()).omitEmptyStrings();

    private RulBenchmark() {}

    /** What the benchmark measured; the first four fields are the contract's. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Result(
            String subset,
            double rmse,
            double score,
            double seconds,
            @JsonProperty("rmse_uncapped") double rmseUncapped,
            @JsonProperty("rul_cap") int rulCap,
            @JsonProperty("train_units") int trainUnits,
            @JsonProperty("train_rows") int trainRows,
            @JsonProperty("test_units") int testUnits,
            int features,
            int regimes,
            @JsonProperty("train_seconds") double trainSeconds,
            @JsonProperty("top_features") Map<String, Double> topFeatures,
            @Nullable Peer peer) {}

    /** The peer's accuracy and training time on the same features. */
    public record Peer(
            String method,
            double rmse,
            double score,
            @JsonProperty("rmse_uncapped") double rmseUncapped,
            @JsonProperty("train_seconds") double trainSeconds,
            String version) {}

    /** The model's settings for this benchmark. */
    static BoostingParameters parameters() {
        return BoostingParameters.defaults(Loss.SQUARED_ERROR)
                .withTrees(400)
                .withLearningRate(0.05)
                .withLeaves(31, 0, 40)
                .withSampling(0.8, 0.5, 7);
    }

    /**
     * Runs the benchmark on one subset.
     *
     * @param folder holds {@code train_FD00x.txt.gz}, {@code test_FD00x.txt.gz} and {@code RUL_FD00x.txt.gz}
     * @param peerWork where to write the feature matrices for scikit-learn and run it; null for no peer
     */
    public static Result run(Path folder, String subset, @Nullable Path peerWork, Consumer<String> say) {
        long started = System.nanoTime();
        List<Engine> train = read(folder.resolve("train_" + subset + ".txt.gz"));
        List<Engine> test = read(folder.resolve("test_" + subset + ".txt.gz"));
        double[] truth = readRul(folder.resolve("RUL_" + subset + ".txt.gz"));
        if (truth.length != test.size()) {
            throw FleetcastException.badInput(folder.resolve("RUL_" + subset + ".txt.gz") + ": " + truth.length
                    + " remaining lives for " + test.size() + " test engines");
        }
        List<String> regimes = new ArrayList<>();
        List<double[]> readings = new ArrayList<>();
        for (Engine engine : train) {
            for (int c = 0; c < engine.cycles(); c++) {
                regimes.add(engine.regime(c));
                readings.add(engine.sensors[c]);
            }
        }
        RegimeNormalizer normalizer = RegimeNormalizer.fit(regimes, readings);
        List<Integer> kept = new ArrayList<>();
        for (int s = 0; s < SENSORS; s++) {
            if (!normalizer.isConstant(s)) {
                kept.add(s);
            }
        }
        WindowFeatures windows = WindowFeatures.of(List.of(SHORT_WINDOW, LONG_WINDOW));
        List<String> names = new ArrayList<>();
        names.add("cycle");
        for (int s : kept) {
            names.addAll(windows.names("sensor_" + (s + 1)));
        }
        List<double[]> trainRows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (Engine engine : train) {
            double[][] features = features(engine, normalizer, kept, windows);
            for (int c = 0; c < engine.cycles(); c++) {
                trainRows.add(features[c]);
                targets.add((double) Math.min(CAP, engine.cycles() - 1 - c));
            }
        }
        List<double[]> testRows = new ArrayList<>();
        for (Engine engine : test) {
            double[][] features = features(engine, normalizer, kept, windows);
            testRows.add(features[engine.cycles() - 1]);
        }
        FeatureMatrix trainMatrix = FeatureMatrix.of(names, trainRows);
        FeatureMatrix testMatrix = FeatureMatrix.of(names, testRows);
        double[] y = targets.stream().mapToDouble(Double::doubleValue).toArray();
        say.accept(String.format(
                Locale.ROOT,
                "%s: %d training engines (%d cycles), %d test engines, %d regimes," + " %d features",
                subset,
                train.size(),
                y.length,
                test.size(),
                normalizer.regimes(),
                names.size()));
        long trainStart = System.nanoTime();
        BoostingParameters parameters = parameters();
        double[] weights = new double[y.length];
        Arrays.fill(weights, 1);
        BoostedModel model = GradientBoostedTrees.fit(trainMatrix, y, weights, parameters, round -> {
            if (round % 100 == 0) {
                say.accept("  trees: " + round + " of " + parameters.trees());
            }
        });
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        double[] predicted = clip(model.predict(testMatrix));
        double[] capped = capped(truth);
        Map<String, Double> top = new LinkedHashMap<>();
        model.importance().entrySet().stream().limit(5).forEach(e -> top.put(e.getKey(), round(e.getValue())));
        Peer peer = peerWork == null ? null : peer(peerWork, trainMatrix, y, testMatrix, truth, say);
        return new Result(
                subset,
                RulMetrics.rmse(predicted, capped),
                RulMetrics.nasaScore(predicted, capped),
                (System.nanoTime() - started) / 1e9,
                RulMetrics.rmse(predicted, truth),
                CAP,
                train.size(),
                y.length,
                test.size(),
                names.size(),
                normalizer.regimes(),
                trainSeconds,
                top,
                peer);
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }

    static double[] capped(double[] truth) {
        double[] capped = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            capped[i] = Math.min(CAP, truth[i]);
        }
        return capped;
    }

    private static double[] clip(double[] predicted) {
        double[] clipped = new double[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            clipped[i] = Math.max(0, Math.min(CAP, predicted[i]));
        }
        return clipped;
    }

    /** Per cycle of {@code engine}: the cycle, then each kept sensor's window features. */
    private static double[][] features(
            Engine engine, RegimeNormalizer normalizer, List<Integer> kept, WindowFeatures windows) {
        int cycles = engine.cycles();
        double[][] z = new double[cycles][];
        for (int c = 0; c < cycles; c++) {
            z[c] = normalizer.normalize(engine.regime(c), engine.sensors[c]);
        }
        double[][] rows = new double[cycles][1 + kept.size() * windows.width()];
        for (int c = 0; c < cycles; c++) {
            rows[c][0] = c + 1;
        }
        for (int k = 0; k < kept.size(); k++) {
            double[] series = new double[cycles];
            for (int c = 0; c < cycles; c++) {
                series[c] = z[c][kept.get(k)];
            }
            double[][] computed = windows.compute(series);
            for (int c = 0; c < cycles; c++) {
                System.arraycopy(computed[c], 0, rows[c], 1 + k * windows.width(), windows.width());
            }
        }
        return rows;
    }

    /** Writes the matrices as CSV, runs scikit-learn on them, and reads its JSON answer. */
    private static Peer peer(
            Path work, FeatureMatrix train, double[] y, FeatureMatrix test, double[] truth, Consumer<String> say) {
        try {
            Files.createDirectories(work);
            Path script = work.resolve("cmapss_sklearn.py");
            try (InputStream in = Objects.requireNonNull(
                    RulBenchmark.class.getResourceAsStream("cmapss_sklearn.py"), "cmapss_sklearn.py missing")) {
                Files.write(script, in.readAllBytes());
            }
            writeMatrix(work.resolve("train.csv"), train, y);
            writeMatrix(work.resolve("test.csv"), test, truth);
            say.accept("  peer: scikit-learn HistGradientBoostingRegressor on the same features");
            Process process = new ProcessBuilder(
                            python(),
                            script.toString(),
                            work.resolve("train.csv").toString(),
                            work.resolve("test.csv").toString(),
                            String.valueOf(CAP))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw FleetcastException.badInput("the scikit-learn peer failed (is scikit-learn installed? run"
                        + " scripts/ensure-sklearn.sh); its script is " + script);
            }
            JsonNode answer = JSON.readTree(new String(output, UTF_8));
            return new Peer(
                    answer.path("method").asText(),
                    answer.path("rmse").asDouble(),
                    answer.path("score").asDouble(),
                    answer.path("rmse_uncapped").asDouble(),
                    answer.path("train_seconds").asDouble(),
                    answer.path("version").asText());
        } catch (IOException e) {
            throw FleetcastException.badInput("cannot run the scikit-learn peer in " + work + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw FleetcastException.internal("interrupted while the scikit-learn peer ran", e);
        }
    }

    /** The first of {@code python3} and {@code /usr/bin/python3} that can import scikit-learn. */
    private static String python() throws IOException, InterruptedException {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import sklearn, numpy")
                        .redirectErrorStream(true)
                        .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(2, TimeUnit.MINUTES) && probe.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException e) {
                // Not installed under this name: try the next.
            }
        }
        throw FleetcastException.badInput(
                "no python3 here can import scikit-learn; scripts/ensure-sklearn.sh installs it (Debian python3-sklearn)");
    }

    /** Header: the features then {@code target}; NaN as an empty cell. */
    private static void writeMatrix(Path file, FeatureMatrix matrix, double[] target) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, UTF_8)) {
            writer.write(String.join(",", matrix.names()) + ",target\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < matrix.rows(); r++) {
                line.setLength(0);
                for (int f = 0; f < matrix.columns(); f++) {
                    double value = matrix.get(r, f);
                    if (!Double.isNaN(value)) {
                        line.append(value);
                    }
                    line.append(',');
                }
                line.append(target[r]).append('\n');
                writer.write(line.toString());
            }
        }
    }

    /** One engine's cycles: its three settings and 21 sensors per cycle. Read only. */
    private static final class Engine {
        private final double[][] settings;
        private final double[][] sensors;

        Engine(double[][] settings, double[][] sensors) {
            this.settings = settings;
            this.sensors = sensors;
        }

        int cycles() {
            return sensors.length;
        }

        /** The flight condition: settings rounded (altitude to 1, Mach to 0.01, throttle to 1). */
        String regime(int cycle) {
            double[] s = settings[cycle];
            // Whole numbers, so a reading of −0.0007 falls in the regime of 0.0019 (formatting would show "-0").
            return Math.round(s[0]) + "/" + Math.round(s[1] * 100) + "/" + Math.round(s[2]);
        }
    }

    /** The engines of a C-MAPSS file: rows of unit, cycle, 3 settings, 21 sensors, each unit's cycles 1, 2, .... */
    static List<Engine> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw FleetcastException.badInput(file + ": no such file (expected NASA's C-MAPSS files)");
        }
        List<Engine> engines = new ArrayList<>();
        List<double[]> settings = new ArrayList<>();
        List<double[]> sensors = new ArrayList<>();
        int unit = -1;
        try (BufferedReader reader = gzip(file)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                List<String> cells = WHITESPACE.splitToList(trimmed);
                if (cells.size() != 2 + SETTINGS + SENSORS) {
                    throw FleetcastException.badInput(file + ":" + lineNumber + ": expected " + (2 + SETTINGS + SENSORS)
                            + " columns (unit, cycle, 3 settings, 21 sensors), got " + cells.size());
                }
                double[] values = new double[cells.size()];
                for (int c = 0; c < cells.size(); c++) {
                    try {
                        values[c] = Double.parseDouble(cells.get(c));
                    } catch (NumberFormatException e) {
                        throw FleetcastException.badInput(file + ":" + lineNumber + ": column " + (c + 1)
                                + ": expected a number, got \"" + cells.get(c) + "\"");
                    }
                }
                int rowUnit = (int) values[0];
                int cycle = (int) values[1];
                if (rowUnit != unit) {
                    if (unit >= 0) {
                        engines.add(engine(settings, sensors));
                    }
                    unit = rowUnit;
                    settings.clear();
                    sensors.clear();
                }
                if (cycle != settings.size() + 1) {
                    throw FleetcastException.badInput(file + ":" + lineNumber + ": unit " + unit + " cycle " + cycle
                            + " follows cycle " + settings.size() + "; cycles must run 1, 2, 3, ...");
                }
                settings.add(Arrays.copyOfRange(values, 2, 2 + SETTINGS));
                sensors.add(Arrays.copyOfRange(values, 2 + SETTINGS, values.length));
            }
        } catch (IOException e) {
            throw FleetcastException.badInput(file + ": cannot read: " + e.getMessage());
        }
        if (unit >= 0) {
            engines.add(engine(settings, sensors));
        }
        if (engines.isEmpty()) {
            throw FleetcastException.badInput(file + ": no engines");
        }
        return engines;
    }

    private static Engine engine(List<double[]> settings, List<double[]> sensors) {
        return new Engine(settings.toArray(new double[0][]), sensors.toArray(new double[0][]));
    }

    /** One remaining life per line. */
    static double[] readRul(Path file) {
        if (!Files.isRegularFile(file)) {
            throw FleetcastException.badInput(file + ": no such file (expected NASA's C-MAPSS files)");
        }
        List<Double> lives = new ArrayList<>();
        try (BufferedReader reader = gzip(file)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    lives.add(Double.parseDouble(line.trim()));
                } catch (NumberFormatException e) {
                    throw FleetcastException.badInput(
                            file + ":" + lineNumber + ": expected a number of cycles, got \"" + line.trim() + "\"");
                }
            }
        } catch (IOException e) {
            throw FleetcastException.badInput(file + ": cannot read: " + e.getMessage());
        }
        return lives.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static BufferedReader gzip(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), UTF_8));
    }
}
