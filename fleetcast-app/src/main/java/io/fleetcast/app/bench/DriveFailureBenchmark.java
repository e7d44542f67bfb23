package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.common.base.Splitter;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.prognostics.evaluation.RankingMetrics;
import io.fleetcast.prognostics.model.BoostedModel;
import io.fleetcast.prognostics.model.BoostingParameters;
import io.fleetcast.prognostics.model.FeatureMatrix;
import io.fleetcast.prognostics.model.GradientBoostedTrees;
import io.fleetcast.prognostics.model.Loss;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Failure within H days on real drives: Backblaze's SMART data (2013–2016, 87,068 drives, 5,326 failures, in the
 * start-stop form of {@code hds.csv.gz}), evaluated on a time-ordered split. On the first day of each month every
 * drive in service is a snapshot: its SMART values then, their change over the last 30 days, its age and kind, and
 * whether it failed within the next H days (known only when the drive was seen that long or failed). Snapshots before
 * {@value #TEST_FROM} train the model; the later ones test it. Each test month, a service team can visit the k
 * riskiest drives: precision@k is the share of them that failed, recall@k the share of that month's failures they
 * caught. The baseline is the rule Backblaze publishes: a drive whose SMART 5, 187, 188, 197 or 198 is above 0 is at
 * risk, ranked by the sum of those counts.
 */
public final class DriveFailureBenchmark {
    static final String TEST_FROM = "2016-01-01";
    private static final int DELTA_HOURS = 30 * 24;
    private static final String[] SMART = {"5", "10", "12", "187", "188", "189", "196", "197", "198"};
    /** The attributes of Backblaze's rule, as indices into {@link #SMART}. */
    private static final int[] RULE = {0, 3, 4, 7, 8};
    /** One training negative in {@value} is kept, weighing as many; positives are all kept. */
    private static final int NEGATIVE_SAMPLING = 10;

    private DriveFailureBenchmark() {}

    /** What the benchmark measured, for the model and for the rule. */
    public record Result(
            @JsonProperty("horizon_days") int horizonDays,
            int k,
            @JsonProperty("train_snapshots") int trainSnapshots,
            @JsonProperty("train_failures") int trainFailures,
            @JsonProperty("test_snapshots") int testSnapshots,
            @JsonProperty("test_failures") int testFailures,
            @JsonProperty("test_months") int testMonths,
            Scores model,
            Scores baseline,
            @JsonProperty("train_seconds") double trainSeconds,
            double seconds,
            @JsonProperty("top_features") Map<String, Double> topFeatures) {}

    /** Ranking quality on the test months. */
    public record Scores(
            @JsonProperty("pr_auc") double prAuc,
            @JsonProperty("precision_at_k") double precisionAtK,
            @JsonProperty("recall_at_k") double recallAtK) {}

    /** Runs the benchmark on {@code folder/hds.csv.gz}. */
    public static Result run(Path folder, int horizonDays, int k, Consumer<String> say) {
        if (horizonDays < 1 || horizonDays > 365) {
            throw FleetcastException.badInput("the horizon must be 1 to 365 days, got " + horizonDays);
        }
        if (k < 1) {
            throw FleetcastException.badInput("k (drives visited a month) must be at least 1, got " + k);
        }
        long started = System.nanoTime();
        List<Drive> drives = read(folder.resolve("hds.csv.gz"));
        say.accept(drives.size() + " drives read");
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        Map<String, Integer> models = new TreeMap<>();
        Map<String, Integer> makers = new TreeMap<>();
        for (Drive drive : drives) {
            first = first.isAfter(drive.firstDate) ? drive.firstDate : first;
            last = last.isBefore(drive.lastDate) ? drive.lastDate : last;
            models.putIfAbsent(drive.model, 0);
            makers.putIfAbsent(drive.maker, 0);
        }
        // Codes in name order: the trees split on them like on any other number.
        int code = 0;
        for (Map.Entry<String, Integer> entry : models.entrySet()) {
            entry.setValue(code++);
        }
        code = 0;
        for (Map.Entry<String, Integer> entry : makers.entrySet()) {
            entry.setValue(code++);
        }
        LocalDate testFrom = LocalDate.parse(TEST_FROM);
        List<String> names = featureNames();
        List<double[]> trainRows = new ArrayList<>();
        List<Double> trainTargets = new ArrayList<>();
        List<Double> trainWeights = new ArrayList<>();
        Map<LocalDate, List<Snapshot>> test = new TreeMap<>();
        int trainFailures = 0;
        int testFailures = 0;
        int testCount = 0;
        for (LocalDate day = first.withDayOfMonth(1).plusMonths(1);
                !day.plusDays(horizonDays).isAfter(last);
                day = day.plusMonths(1)) {
            for (Drive drive : drives) {
                Snapshot snapshot = drive.snapshot(day, horizonDays, models, makers);
                if (snapshot == null) {
                    continue;
                }
                if (day.isBefore(testFrom)) {
                    // The training window's labels must be known before the test starts.
                    if (day.plusDays(horizonDays).isAfter(testFrom)) {
                        continue;
                    }
                    boolean keep =
                            snapshot.failed || Math.floorMod((drive.serial + day).hashCode(), NEGATIVE_SAMPLING) == 0;
                    if (keep) {
                        trainRows.add(snapshot.features);
                        trainTargets.add(snapshot.failed ? 1.0 : 0.0);
                        trainWeights.add(snapshot.failed ? 1.0 : NEGATIVE_SAMPLING);
                        trainFailures += snapshot.failed ? 1 : 0;
                    }
                } else {
                    test.computeIfAbsent(day, d -> new ArrayList<>()).add(snapshot);
                    testFailures += snapshot.failed ? 1 : 0;
                    testCount++;
                }
            }
        }
        if (trainFailures == 0 || testFailures == 0) {
            throw FleetcastException.badInput(folder.resolve("hds.csv.gz") + ": no failures before or after "
                    + TEST_FROM + " to learn from and test on");
        }
        say.accept(String.format(
                Locale.ROOT,
                "%d training snapshots (%d failures within %d days; 1 in %d survivors kept), %d test snapshots"
                        + " (%d failures) over %d months",
                trainRows.size(),
                trainFailures,
                horizonDays,
                NEGATIVE_SAMPLING,
                testCount,
                testFailures,
                test.size()));
        long trainStart = System.nanoTime();
        BoostingParameters parameters = BoostingParameters.defaults(Loss.LOGISTIC)
                .withTrees(300)
                .withLearningRate(0.05)
                .withLeaves(31, 0, 50)
                .withSampling(0.8, 0.8, 11);
        BoostedModel model = GradientBoostedTrees.fit(
                FeatureMatrix.of(names, trainRows),
                trainTargets.stream().mapToDouble(Double::doubleValue).toArray(),
                trainWeights.stream().mapToDouble(Double::doubleValue).toArray(),
                parameters,
                round -> {
                    if (round % 100 == 0) {
                        say.accept("  trees: " + round + " of " + parameters.trees());
                    }
                });
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        Scores modelScores = score(test, k, snapshot -> model.predict(snapshot.features));
        Scores ruleScores = score(test, k, DriveFailureBenchmark::ruleScore);
        Map<String, Double> top = new LinkedHashMap<>();
        model.importance().entrySet().stream()
                .limit(5)
                .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * 10000) / 10000.0));
        return new Result(
                horizonDays,
                k,
                trainRows.size(),
                trainFailures,
                testCount,
                testFailures,
                test.size(),
                modelScores,
                ruleScores,
                trainSeconds,
                (System.nanoTime() - started) / 1e9,
                top);
    }

    /** Backblaze's rule as a score: the sum of the counts of SMART 5, 187, 188, 197 and 198 (missing as 0). */
    static double ruleScore(Snapshot snapshot) {
        double sum = 0;
        for (int index : RULE) {
            double value = snapshot.features[1 + index];
            sum += Double.isNaN(value) ? 0 : value;
        }
        return sum;
    }

    private interface Scorer {
        double score(Snapshot snapshot);
    }

    /** PR-AUC over every test snapshot; precision and recall at k averaged over the test months. */
    private static Scores score(Map<LocalDate, List<Snapshot>> test, int k, Scorer scorer) {
        List<Double> all = new ArrayList<>();
        List<Boolean> outcomes = new ArrayList<>();
        double precision = 0;
        double recall = 0;
        for (List<Snapshot> month : test.values()) {
            double[] scores = new double[month.size()];
            boolean[] failed = new boolean[month.size()];
            int failures = 0;
            for (int i = 0; i < month.size(); i++) {
                scores[i] = scorer.score(month.get(i));
                failed[i] = month.get(i).failed;
                failures += failed[i] ? 1 : 0;
                all.add(scores[i]);
                outcomes.add(failed[i]);
            }
            int visits = Math.min(k, month.size());
            double hits = RankingMetrics.precisionAt(visits, scores, failed) * visits;
            precision += hits / visits;
            recall += failures == 0 ? 0 : hits / failures;
        }
        double[] scores = all.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] failed = new boolean[outcomes.size()];
        for (int i = 0; i < failed.length; i++) {
            failed[i] = outcomes.get(i);
        }
        return new Scores(
                RankingMetrics.averagePrecision(scores, failed), precision / test.size(), recall / test.size());
    }

    static List<String> featureNames() {
        List<String> names = new ArrayList<>();
        names.add("age_hours");
        for (String attribute : SMART) {
            names.add("smart_" + attribute);
        }
        for (String attribute : SMART) {
            names.add("smart_" + attribute + "_change_30d");
        }
        names.add("smart_changes_so_far");
        names.add("hours_since_change");
        names.add("size_tb");
        names.add("model");
        names.add("manufacturer");
        return names;
    }

    /** A drive on a snapshot day: its features and whether it failed within the horizon. */
    static final class Snapshot {
        final double[] features;
        final boolean failed;

        Snapshot(double[] features, boolean failed) {
            this.features = features;
            this.failed = failed;
        }
    }

    /** One drive's start-stop rows: from {@code starts[i]} hours (to the next row's start) its SMART values were these. */
    static final class Drive {
        final String serial;
        final String model;
        final String maker;
        final double sizeTb;
        final LocalDate firstDate;
        final LocalDate lastDate;
        final double firstHours;
        final double lastHours;
        final boolean failed;
        final double[] starts;
        final double[][] smart;

        Drive(
                String serial,
                String model,
                String maker,
                double sizeTb,
                LocalDate firstDate,
                LocalDate lastDate,
                double firstHours,
                double lastHours,
                boolean failed,
                double[] starts,
                double[][] smart) {
            this.serial = serial;
            this.model = model;
            this.maker = maker;
            this.sizeTb = sizeTb;
            this.firstDate = firstDate;
            this.lastDate = lastDate;
            this.firstHours = firstHours;
            this.lastHours = lastHours;
            this.failed = failed;
            this.starts = starts;
            this.smart = smart;
        }

        /** The row in effect at {@code hours}, or -1 before the first. */
        private int rowAt(double hours) {
            int found = -1;
            for (int i = 0; i < starts.length && starts[i] <= hours; i++) {
                found = i;
            }
            return found;
        }

        /**
         * The drive on {@code day}, its power-on hours counted from its first record (drives run around the clock);
         * null when it is not in service then, or when whether it fails within the horizon is not known.
         */
        @Nullable
        Snapshot snapshot(LocalDate day, int horizonDays, Map<String, Integer> models, Map<String, Integer> makers) {
            if (day.isBefore(firstDate) || !day.isBefore(lastDate)) {
                return null;
            }
            double hours = firstHours + 24.0 * (day.toEpochDay() - firstDate.toEpochDay());
            if (hours >= lastHours) {
                return null;
            }
            double until = hours + 24.0 * horizonDays;
            boolean fails = failed && lastHours <= until;
            if (!failed && lastHours < until) {
                // Last seen running before the horizon's end: whether it failed within it is unknown.
                return null;
            }
            int row = rowAt(hours);
            if (row < 0) {
                return null;
            }
            int before = rowAt(hours - DELTA_HOURS);
            double[] features = new double[featureNames().size()];
            features[0] = hours;
            for (int a = 0; a < SMART.length; a++) {
                features[1 + a] = smart[row][a];
                features[1 + SMART.length + a] = before < 0 ? Double.NaN : smart[row][a] - smart[before][a];
            }
            int at = 1 + 2 * SMART.length;
            features[at] = row;
            features[at + 1] = hours - starts[row];
            features[at + 2] = sizeTb;
            features[at + 3] = models.getOrDefault(model, -1);
            features[at + 4] = makers.getOrDefault(maker, -1);
            return new Snapshot(features, fails);
        }
    }

    /** The drives of {@code hds.csv.gz}, rows of one drive being consecutive and in time order. */
    static List<Drive> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw FleetcastException.badInput(file + ": no such file (expected the Backblaze subset's hds.csv.gz)");
        }
        Splitter comma = Splitter.on(',');
        List<Drive> drives = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw FleetcastException.badInput(file + ":1: empty file");
            }
            List<String> columns = new ArrayList<>();
            for (String name : comma.split(header)) {
                columns.add(unquote(name));
            }
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                index.put(columns.get(c), c);
            }
            String[] needed = {
                "serial_number",
                "model",
                "manufacturer",
                "size_tb",
                "min_date",
                "max_date",
                "min_hours",
                "max_hours",
                "tstart",
                "tstop",
                "fails"
            };
            for (String name : needed) {
                if (!index.containsKey(name)) {
                    throw FleetcastException.badInput(file + ":1: no column " + name);
                }
            }
            for (String attribute : SMART) {
                if (!index.containsKey("smart_" + attribute)) {
                    throw FleetcastException.badInput(file + ":1: no column smart_" + attribute);
                }
            }
            Rows rows = new Rows();
            String line;
            int lineNumber = 1;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                List<String> cells = comma.splitToList(line);
                if (cells.size() != columns.size()) {
                    throw FleetcastException.badInput(
                            file + ":" + lineNumber + ": expected " + columns.size() + " columns, got " + cells.size());
                }
                String serial = unquote(cells.get(at(index, "serial_number")));
                if (!serial.equals(rows.serial)) {
                    rows.flush(drives);
                    rows.start(serial, cells, index, file, lineNumber);
                }
                double[] values = new double[SMART.length];
                for (int a = 0; a < SMART.length; a++) {
                    values[a] =
                            number(cells.get(at(index, "smart_" + SMART[a])), file, lineNumber, "smart_" + SMART[a]);
                }
                rows.add(
                        number(cells.get(at(index, "tstart")), file, lineNumber, "tstart"),
                        number(cells.get(at(index, "tstop")), file, lineNumber, "tstop"),
                        values,
                        number(cells.get(at(index, "fails")), file, lineNumber, "fails") == 1);
            }
            rows.flush(drives);
        } catch (IOException e) {
            throw FleetcastException.badInput(file + ": cannot read: " + e.getMessage());
        }
        return drives;
    }

    /** The position of a column the header was checked to have. */
    private static int at(Map<String, Integer> index, String column) {
        Integer position = index.get(column);
        if (position == null) {
            throw new IllegalStateException("no column " + column);
        }
        return position;
    }

    private static String unquote(String cell) {
        return cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }

    /** A number, or NaN for R's {@code NA}. */
    private static double number(String cell, Path file, int line, String column) {
        String value = unquote(cell);
        if (value.equals("NA") || value.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw FleetcastException.badInput(
                    file + ":" + line + ": column " + column + ": expected a number, got \"" + value + "\"");
        }
    }

    /** The rows of the drive being read. */
    private static final class Rows {
        @Nullable
        String serial;

        private String model = "";
        private String maker = "";
        private double size;
        private LocalDate firstDate = LocalDate.MIN;
        private LocalDate lastDate = LocalDate.MIN;
        private double firstHours;
        private double lastHours;
        private boolean failed;
        private final List<double[]> spans = new ArrayList<>();
        private final List<double[]> smart = new ArrayList<>();

        void start(String id, List<String> cells, Map<String, Integer> index, Path file, int line) {
            serial = id;
            model = unquote(cells.get(at(index, "model")));
            maker = unquote(cells.get(at(index, "manufacturer")));
            size = number(cells.get(at(index, "size_tb")), file, line, "size_tb");
            try {
                firstDate = LocalDate.parse(unquote(cells.get(at(index, "min_date"))));
                lastDate = LocalDate.parse(unquote(cells.get(at(index, "max_date"))));
            } catch (DateTimeParseException e) {
                throw FleetcastException.badInput(
                        file + ":" + line + ": min_date or max_date is not a YYYY-MM-DD date");
            }
            firstHours = number(cells.get(at(index, "min_hours")), file, line, "min_hours");
            lastHours = number(cells.get(at(index, "max_hours")), file, line, "max_hours");
            failed = false;
            spans.clear();
            smart.clear();
        }

        void add(double start, double stop, double[] values, boolean fails) {
            spans.add(new double[] {start, stop});
            smart.add(values);
            failed |= fails;
        }

        void flush(List<Drive> drives) {
            if (serial == null || spans.isEmpty()) {
                return;
            }
            double[] starts = new double[spans.size()];
            for (int i = 0; i < spans.size(); i++) {
                starts[i] = spans.get(i)[0];
            }
            drives.add(new Drive(
                    serial,
                    model,
                    maker,
                    size,
                    firstDate,
                    lastDate,
                    firstHours,
                    lastHours,
                    failed,
                    starts,
                    smart.toArray(new double[0][])));
        }
    }
}
