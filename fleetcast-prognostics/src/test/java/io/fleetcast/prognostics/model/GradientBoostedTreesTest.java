package io.fleetcast.prognostics.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.prognostics.evaluation.RankingMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Small cases worked by hand, and two problems scikit-learn's HistGradientBoosting models were run on with the same
 * settings (data and their scores made by {@code scripts/gbt-sklearn-reference.py}).
 */
class GradientBoostedTreesTest {

    @Test
    void oneTreeAtFullRateLearnsAStepExactly() {
        // Four rows: x 1, 2, 3, 4 and y 0, 0, 10, 10. The mean 5 starts; gradients are -5, -5, 5, 5. The best cut is
        // between 2 and 3 (gain 10²/2 + 10²/2 - 0 = 100), and with λ = 0 each leaf moves the score by its mean
        // residual.
        FeatureMatrix x = matrix(new double[][] {{1}, {2}, {3}, {4}});
        BoostingParameters parameters = BoostingParameters.defaults(Loss.SQUARED_ERROR)
                .withTrees(1)
                .withLearningRate(1)
                .withLeaves(2, 0, 1)
                .withL2(0);
        BoostedModel model = GradientBoostedTrees.fit(x, new double[] {0, 0, 10, 10}, parameters);

        assertThat(model.initial()).isEqualTo(5);
        assertThat(model.predict(new double[] {1.5})).isEqualTo(0);
        assertThat(model.predict(new double[] {2.49})).isEqualTo(0);
        assertThat(model.predict(new double[] {2.51})).isEqualTo(10);
        assertThat(model.predict(new double[] {100})).isEqualTo(10);
    }

    @Test
    void theL2PenaltyShrinksLeavesAsWorkedByHand() {
        // Same step, λ = 2, rate 0.5: a leaf holding two rows with gradient sum ∓10 and Hessian 2 is
        // -(∓10) / (2 + 2) × 0.5 = ±1.25 from the mean 5.
        FeatureMatrix x = matrix(new double[][] {{1}, {2}, {3}, {4}});
        BoostingParameters parameters = BoostingParameters.defaults(Loss.SQUARED_ERROR)
                .withTrees(1)
                .withLearningRate(0.5)
                .withLeaves(2, 0, 1)
                .withL2(2);
        BoostedModel model = GradientBoostedTrees.fit(x, new double[] {0, 0, 10, 10}, parameters);

        assertThat(model.predict(new double[] {1})).isCloseTo(3.75, within(1e-12));
        assertThat(model.predict(new double[] {4})).isCloseTo(6.25, within(1e-12));
    }

    @Test
    void missingValuesGoWhereTheyGainMost() {
        // Missing x behaves like the high values: the tree must send NaN right.
        List<double[]> rows = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(new double[] {i % 10});
            y.add(i % 10 < 5 ? 0.0 : 1.0);
        }
        for (int i = 0; i < 10; i++) {
            rows.add(new double[] {Double.NaN});
            y.add(1.0);
        }
        FeatureMatrix x = FeatureMatrix.of(List.of("x"), rows);
        BoostingParameters parameters = BoostingParameters.defaults(Loss.SQUARED_ERROR)
                .withTrees(1)
                .withLearningRate(1)
                .withLeaves(2, 0, 1)
                .withL2(0);
        BoostedModel model = GradientBoostedTrees.fit(x, toArray(y), parameters);

        assertThat(model.predict(new double[] {Double.NaN})).isCloseTo(1, within(1e-12));
        assertThat(model.predict(new double[] {2})).isCloseTo(0, within(1e-12));
    }

    @Test
    void contributionsAddUpToTheScore() throws IOException {
        Data data = Data.read("friedman1.csv");
        BoostedModel model = GradientBoostedTrees.fit(
                data.x(),
                data.y(),
                BoostingParameters.defaults(Loss.SQUARED_ERROR).withTrees(30));
        for (int r = 0; r < 20; r++) {
            double[] row = data.x().row(r);
            double sum = Arrays.stream(model.contributions(row)).sum();
            assertThat(sum).isCloseTo(model.predict(row), within(1e-9));
        }
        // x5..x9 are noise: the five real inputs carry nearly all the gain.
        double real = 0;
        for (int f = 0; f < 5; f++) {
            real += model.importance().getOrDefault("x" + f, 0.0);
        }
        assertThat(real).isGreaterThan(0.95);
    }

    @Test
    void regressionMatchesScikitLearnOnFriedmanOne() throws IOException {
        Data data = Data.read("friedman1.csv");
        JsonNode reference = reference();
        int half = data.x().rows() / 2;
        BoostedModel model = GradientBoostedTrees.fit(
                data.x().select(range(0, half)),
                Arrays.copyOfRange(data.y(), 0, half),
                BoostingParameters.defaults(Loss.SQUARED_ERROR));
        double[] predicted = model.predict(data.x().select(range(half, data.x().rows())));
        double squares = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - data.y()[half + i];
            squares += error * error;
        }
        double rmse = Math.sqrt(squares / predicted.length);

        // The noise alone has RMSE 1; scikit-learn reaches 1.342 with the same settings.
        double peer = reference.get("friedman1_test_rmse").asDouble();
        assertThat(rmse).isBetween(1.0, peer * 1.03);
    }

    @Test
    void classificationMatchesScikitLearnWithMissingValues() throws IOException {
        Data data = Data.read("classes.csv");
        JsonNode reference = reference();
        int half = data.x().rows() / 2;
        BoostedModel model = GradientBoostedTrees.fit(
                data.x().select(range(0, half)),
                Arrays.copyOfRange(data.y(), 0, half),
                BoostingParameters.defaults(Loss.LOGISTIC));
        double[] p = model.predict(data.x().select(range(half, data.x().rows())));
        boolean[] failed = new boolean[p.length];
        double loss = 0;
        for (int i = 0; i < p.length; i++) {
            failed[i] = data.y()[half + i] == 1;
            loss -= failed[i] ? Math.log(p[i]) : Math.log(1 - p[i]);
        }
        loss /= p.length;

        assertThat(loss).isLessThan(reference.get("classes_test_log_loss").asDouble() * 1.03);
        assertThat(RankingMetrics.averagePrecision(p, failed))
                .isGreaterThan(reference.get("classes_test_average_precision").asDouble() - 0.02);
        // Calibrated on average: the predicted count of positives is near the observed 460.
        assertThat(Arrays.stream(p).sum())
                .isCloseTo(reference.get("classes_test_positives").asDouble(), within(46.0));
    }

    @Test
    void theSameSeedGivesTheSameModel() throws IOException {
        Data data = Data.read("friedman1.csv");
        BoostingParameters parameters =
                BoostingParameters.defaults(Loss.SQUARED_ERROR).withTrees(20).withSampling(0.7, 0.5, 42);
        double[] first =
                GradientBoostedTrees.fit(data.x(), data.y(), parameters).predict(data.x());
        double[] second =
                GradientBoostedTrees.fit(data.x(), data.y(), parameters).predict(data.x());
        double[] other = GradientBoostedTrees.fit(data.x(), data.y(), parameters.withSampling(0.7, 0.5, 43))
                .predict(data.x());

        assertThat(second).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void theLinearBaselineMatchesScikitLearnsLogisticRegression() throws IOException {
        Data data = Data.read("classes.csv");
        JsonNode reference = reference();
        int half = data.x().rows() / 2;
        double[] weights = new double[half];
        Arrays.fill(weights, 1);
        LogisticRegression model = LogisticRegression.fit(
                data.x().select(range(0, half)), Arrays.copyOfRange(data.y(), 0, half), weights, 1.0);

        assertThat(model.intercept())
                .isCloseTo(reference.get("logistic_intercept").asDouble(), within(1e-6));
        JsonNode coefficients = reference.get("logistic_coefficients");
        for (int f = 0; f < coefficients.size(); f++) {
            assertThat(model.coefficient("x" + f)).isCloseTo(coefficients.get(f).asDouble(), within(1e-5));
        }
        double loss = 0;
        for (int r = half; r < data.x().rows(); r++) {
            double p = model.predict(data.x().row(r));
            loss -= data.y()[r] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        assertThat(loss / (data.x().rows() - half))
                .isCloseTo(reference.get("logistic_test_log_loss").asDouble(), within(1e-6));
    }

    @Test
    void plattScalingRecoversAKnownMiscalibration() {
        // Outcomes drawn with true log-odds 2 × logit(p) − 0.5 from a model's p: the fit must find a = 2, b = -0.5.
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        int n = 200_000;
        double[] p = new double[n];
        boolean[] outcomes = new boolean[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.01 + 0.98 * random.nextDouble();
            double logit = Math.log(p[i] / (1 - p[i]));
            outcomes[i] = random.nextDouble() < 1 / (1 + Math.exp(-(2 * logit - 0.5)));
        }
        PlattCalibration calibration = PlattCalibration.fit(p, outcomes);
        assertThat(calibration.slope()).isCloseTo(2, within(0.05));
        assertThat(calibration.offset()).isCloseTo(-0.5, within(0.03));
        assertThat(PlattCalibration.IDENTITY.apply(0.3)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void aWrittenModelReadsBackExactly() throws IOException {
        Data data = Data.read("classes.csv");
        BoostedModel model = GradientBoostedTrees.fit(
                data.x(), data.y(), BoostingParameters.defaults(Loss.LOGISTIC).withTrees(25));
        String text = model.write();
        BoostedModel read = BoostedModel.parse(text);

        assertThat(read.write()).isEqualTo(text);
        assertThat(read.features()).isEqualTo(model.features());
        assertThat(read.predict(data.x())).containsExactly(model.predict(data.x()));
        assertThatThrownBy(() -> BoostedModel.parse("something else")).hasMessageContaining("not a Fleetcast model");
        String cut = text.substring(0, text.length() / 2);
        assertThatThrownBy(() -> BoostedModel.parse(cut)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badTrainingDataIsRefused() {
        FeatureMatrix x = matrix(new double[][] {{1}, {2}, {3}});
        BoostingParameters logistic = BoostingParameters.defaults(Loss.LOGISTIC);
        assertThatThrownBy(() -> GradientBoostedTrees.fit(x, new double[] {0, 1, 2}, logistic))
                .hasMessageContaining("logistic targets are 0 or 1; row 2 is 2.0");
        assertThatThrownBy(() -> GradientBoostedTrees.fit(
                        x, new double[] {0, 1}, BoostingParameters.defaults(Loss.SQUARED_ERROR)))
                .hasMessageContaining("2 targets for 3 rows");
        assertThatThrownBy(() -> GradientBoostedTrees.fit(
                        x, new double[] {0, Double.NaN, 1}, BoostingParameters.defaults(Loss.SQUARED_ERROR)))
                .hasMessageContaining("target of row 1 is NaN");
        assertThatThrownBy(() -> FeatureMatrix.of(List.of("a"), List.of(new double[] {Double.POSITIVE_INFINITY})))
                .hasMessageContaining("row 0 feature a is infinite");
    }

    private static FeatureMatrix matrix(double[][] rows) {
        List<String> names = new ArrayList<>();
        for (int f = 0; f < rows[0].length; f++) {
            names.add("x" + f);
        }
        return FeatureMatrix.of(names, Arrays.asList(rows));
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static JsonNode reference() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(GradientBoostedTreesTest.class.getResourceAsStream("sklearn-reference.json"))) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** A reference CSV: features x0.. then y; an empty cell is missing. */
    private static final class Data {
        private final FeatureMatrix x;
        private final double[] y;

        private Data(FeatureMatrix x, double[] y) {
            this.x = x;
            this.y = y;
        }

        FeatureMatrix x() {
            return x;
        }

        double[] y() {
            return y.clone();
        }

        static Data read(String name) throws IOException {
            List<String> lines;
            try (InputStream in = Objects.requireNonNull(GradientBoostedTreesTest.class.getResourceAsStream(name))) {
                lines = new String(in.readAllBytes(), UTF_8).lines().toList();
            }
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<double[]> rows = new ArrayList<>();
            double[] y = new double[lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",", -1);
                double[] row = new double[header.size() - 1];
                for (int f = 0; f < row.length; f++) {
                    row[f] = cells[f].isEmpty() ? Double.NaN : Double.parseDouble(cells[f]);
                }
                rows.add(row);
                y[i - 1] = Double.parseDouble(cells[row.length]);
            }
            return new Data(FeatureMatrix.of(header.subList(0, header.size() - 1), rows), y);
        }
    }
}
