package io.fleetcast.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our reconciliations next to an independent base-R implementation of the papers' formulas (Debian packages neither
 * {@code hts} nor {@code fabletools}): {@code src/test/r/reconcile-reference.R} wrote {@code reconcile/reference.json}
 * for Total → A (AA, AB), B (BA, BB, BC), with 30 and with 6 rows of correlated residuals. R inverts W and Sᵀ W⁻¹ S
 * with {@code solve} (LU); we use Cholesky: agreement to 1e-9 relative leaves room for that and nothing else.
 */
class ReconcilerReferenceTest {
    private static final double TOLERANCE = 1e-9;
    private static final JsonNode ROOT = read();

    private static JsonNode read() {
        try (InputStream in = Objects.requireNonNull(
                ReconcilerReferenceTest.class.getResourceAsStream("/reconcile/reference.json"))) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("reading reconcile/reference.json", e);
        }
    }

    static Hierarchy hierarchy() {
        Hierarchy.Builder builder = Hierarchy.builder();
        for (int i = 0; i < ROOT.get("nodes").size(); i++) {
            String node = ROOT.get("nodes").get(i).asText();
            JsonNode parent = ROOT.get("parents").get(i);
            if (parent.isNull()) {
                builder.root(node);
            } else {
                builder.node(node, parent.asText());
            }
        }
        return builder.build();
    }

    static Stream<JsonNode> cases() {
        List<JsonNode> cases = new ArrayList<>();
        ROOT.get("cases").forEach(cases::add);
        return cases.stream();
    }

    static Stream<Arguments> casesAndMethods() {
        return cases().flatMap(c -> Stream.of(ReconciliationMethod.values())
                .map(method -> Arguments.of(c.get("name").asText(), method, c)));
    }

    private static double[][] matrix(JsonNode rows) {
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = vector(rows.get(i));
        }
        return matrix;
    }

    private static double[] vector(JsonNode values) {
        double[] vector = new double[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i).asDouble();
        }
        return vector;
    }

    private static ImmutableMap<String, Forecast> base(Hierarchy hierarchy, JsonNode c) {
        double[][] means = matrix(c.get("base"));
        ImmutableMap.Builder<String, Forecast> base = ImmutableMap.builder();
        for (int i = 0; i < means.length; i++) {
            base.put(hierarchy.nodes().get(i), TestForecasts.normal(1 + i, means[i]));
        }
        return base.buildOrThrow();
    }

    private static Residuals residuals(Hierarchy hierarchy, JsonNode c) {
        return Residuals.of(hierarchy.nodes(), matrix(c.get("residuals")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shrinksTheResidualCovarianceAsR(JsonNode c) {
        Hierarchy hierarchy = hierarchy();
        double[][] timeByNode = matrix(c.get("residuals"));
        double[][] byNode = new double[hierarchy.size()][timeByNode.length];
        for (int t = 0; t < timeByNode.length; t++) {
            for (int i = 0; i < hierarchy.size(); i++) {
                byNode[i][t] = timeByNode[t][i];
            }
        }

        ShrinkageCovariance shrunk = ShrinkageCovariance.estimate(hierarchy.nodes(), byNode);

        assertThat(shrunk.lambda()).isCloseTo(c.get("lambda").asDouble(), within(1e-12));
        double[][] expected = matrix(c.get("shrunkCovariance"));
        double[][] actual = shrunk.covariance();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected.length; j++) {
                assertThat(actual[i][j])
                        .as("W[%s][%s]", i, j)
                        .isCloseTo(expected[i][j], within(1e-12 * Math.abs(expected[i][i])));
            }
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("casesAndMethods")
    void reconcilesAsR(String name, ReconciliationMethod method, JsonNode c) {
        Hierarchy hierarchy = hierarchy();
        Reconciler reconciler = Reconciler.of(hierarchy);
        JsonNode expected = c.get("methods").get(method.name());

        Reconciliation reconciliation = reconciler.reconcile(method, base(hierarchy, c), residuals(hierarchy, c));

        assertThat(reconciliation.method()).isEqualTo(method);
        assertThat(reconciliation.shrinkageIntensity().orElseThrow())
                .isCloseTo(c.get("lambda").asDouble(), within(1e-12));
        double[][] means = matrix(expected.get("mean"));
        double[] ratios = vector(expected.get("ratios"));
        for (int i = 0; i < hierarchy.size(); i++) {
            String node = hierarchy.nodes().get(i);
            Forecast forecast = reconciliation.forecast(node);
            for (int step = 0; step < means[i].length; step++) {
                assertThat(forecast.mean(step))
                        .as("%s at step %s", node, step + 1)
                        .isCloseTo(means[i][step], within(TOLERANCE * Math.abs(means[i][step])));
                // Base standard error 1 + i: the reconciled 95% half-width is that times Z95 times the ratio.
                assertThat(forecast.upper95()[step] - forecast.mean(step))
                        .as("%s: 95%% half-width at step %s", node, step + 1)
                        .isCloseTo((1 + i) * Forecast.Z95 * ratios[i], within(TOLERANCE * (1 + i)));
            }
            assertThat(reconciliation.standardDeviationRatios().get(node))
                    .as("%s: standard deviation ratio", node)
                    .isCloseTo(ratios[i], within(TOLERANCE));
        }
        if (!method.needsResiduals()) {
            double[] withoutResiduals = vector(expected.get("ratiosWithoutResiduals"));
            Reconciliation plain = reconciler.reconcile(method, base(hierarchy, c));
            for (int i = 0; i < hierarchy.size(); i++) {
                String node = hierarchy.nodes().get(i);
                assertThat(plain.standardDeviationRatios().get(node))
                        .as("%s: standard deviation ratio without residuals", node)
                        .isCloseTo(withoutResiduals[i], within(TOLERANCE));
                assertThat(plain.forecast(node).mean())
                        .containsExactly(reconciliation.forecast(node).mean(), within(1e-12));
            }
        }
    }
}
