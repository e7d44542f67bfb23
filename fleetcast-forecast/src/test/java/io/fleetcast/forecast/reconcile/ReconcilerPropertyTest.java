package io.fleetcast.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random hierarchies (1 to 5 levels, 1 to 3 children a node, declared in random order), random
 * incoherent base forecasts and random residuals (1 to 40 rows, often fewer than nodes): every method's forecasts add
 * up; forecasts that already add up come back unchanged; MinT never widens an interval.
 */
class ReconcilerPropertyTest {
    private static final int CASES = 200;
    private static final double RELATIVE_TOLERANCE = 1e-9;

    record Case(
            long seed,
            Hierarchy hierarchy,
            Map<String, Forecast> base,
            Map<String, Forecast> coherent,
            Residuals residuals) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + hierarchy.size() + " nodes, " + hierarchy.levels() + " levels, "
                    + residuals.rows() + " residual rows";
        }
    }

    static List<Case> cases() {
        return LongStream.range(0, CASES)
                .mapToObj(ReconcilerPropertyTest::randomCase)
                .toList();
    }

    static Case randomCase(long seed) {
        Random random = new Random(seed);
        Hierarchy hierarchy = randomHierarchy(random);
        int n = hierarchy.size();
        int horizon = 1 + random.nextInt(4);
        double[][] s = hierarchy.summingMatrix();
        ImmutableMap.Builder<String, Forecast> base = ImmutableMap.builder();
        ImmutableMap.Builder<String, Forecast> coherent = ImmutableMap.builder();
        double[][] bottom = new double[hierarchy.bottomCount()][horizon];
        for (double[] series : bottom) {
            for (int step = 0; step < horizon; step++) {
                series[step] = -20 + 200 * random.nextDouble();
            }
        }
        for (int i = 0; i < n; i++) {
            double[] sum = new double[horizon];
            double[] noisy = new double[horizon];
            double[] standardErrors = new double[horizon];
            for (int step = 0; step < horizon; step++) {
                for (int j = 0; j < bottom.length; j++) {
                    sum[step] += s[i][j] * bottom[j][step];
                }
                noisy[step] = sum[step] + 10 * random.nextGaussian();
                standardErrors[step] = 0.5 + 5 * random.nextDouble();
            }
            String node = hierarchy.nodes().get(i);
            base.put(node, Forecast.normal(Provenance.of("Random", Map.of(), 20), noisy, standardErrors));
            coherent.put(node, Forecast.normal(Provenance.of("Random", Map.of(), 20), sum, standardErrors));
        }
        return new Case(
                seed, hierarchy, base.buildOrThrow(), coherent.buildOrThrow(), randomResiduals(hierarchy, random));
    }

    private static Hierarchy randomHierarchy(Random random) {
        int depth = random.nextInt(5);
        List<String[]> declarations = new ArrayList<>();
        List<String> level = List.of("n0");
        int count = 1;
        for (int d = 0; d < depth; d++) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                int children = 1 + random.nextInt(3);
                for (int c = 0; c < children; c++) {
                    String child = "n" + count++;
                    declarations.add(new String[] {child, parent});
                    next.add(child);
                }
            }
            level = next;
        }
        Collections.shuffle(declarations, random);
        Hierarchy.Builder builder = Hierarchy.builder();
        int rootAt = random.nextInt(declarations.size() + 1);
        for (int i = 0; i <= declarations.size(); i++) {
            if (i == rootAt) {
                builder.root("n0");
            }
            if (i < declarations.size()) {
                builder.node(declarations.get(i)[0], declarations.get(i)[1]);
            }
        }
        return builder.build();
    }

    /** Bottom errors with a common factor, summed up the tree, plus errors of each node's own. */
    private static Residuals randomResiduals(Hierarchy hierarchy, Random random) {
        int rows = 1 + random.nextInt(40);
        double[][] s = hierarchy.summingMatrix();
        double[][] errors = new double[rows][hierarchy.size()];
        for (int t = 0; t < rows; t++) {
            double common = random.nextGaussian();
            double[] bottom = new double[hierarchy.bottomCount()];
            for (int j = 0; j < bottom.length; j++) {
                bottom[j] = common + (1 + j % 3) * random.nextGaussian();
            }
            for (int i = 0; i < hierarchy.size(); i++) {
                for (int j = 0; j < bottom.length; j++) {
                    errors[t][i] += s[i][j] * bottom[j];
                }
                errors[t][i] += random.nextGaussian();
            }
        }
        return Residuals.of(hierarchy.nodes(), errors);
    }

    private static List<Reconciliation> everyMethod(Case c, Map<String, Forecast> base) {
        Reconciler reconciler = Reconciler.of(c.hierarchy());
        List<Reconciliation> reconciliations = new ArrayList<>();
        for (ReconciliationMethod method : ReconciliationMethod.values()) {
            reconciliations.add(reconciler.reconcile(method, base, c.residuals()));
            if (!method.needsResiduals()) {
                reconciliations.add(reconciler.reconcile(method, base));
            }
        }
        return reconciliations;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyParentEqualsTheSumOfItsChildren(Case c) {
        for (Reconciliation reconciliation : everyMethod(c, c.base())) {
            for (String parent : c.hierarchy().nodes()) {
                List<String> children = c.hierarchy().children(parent);
                if (children.isEmpty()) {
                    continue;
                }
                Forecast forecast = reconciliation.forecast(parent);
                for (int step = 0; step < forecast.horizon(); step++) {
                    double sum = 0;
                    double scale = Math.abs(forecast.mean(step));
                    for (String child : children) {
                        sum += reconciliation.forecast(child).mean(step);
                        scale += Math.abs(reconciliation.forecast(child).mean(step));
                    }
                    assertThat(forecast.mean(step))
                            .as("%s: %s at step %s", reconciliation.method(), parent, step + 1)
                            .isCloseTo(sum, within(RELATIVE_TOLERANCE * scale));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void intervalsStayOrderedAroundTheReconciledMean(Case c) {
        for (Reconciliation reconciliation : everyMethod(c, c.base())) {
            for (Forecast forecast : reconciliation.forecasts().values()) {
                for (int step = 0; step < forecast.horizon(); step++) {
                    assertThat(forecast.lower95()[step]).isLessThanOrEqualTo(forecast.lower80()[step]);
                    assertThat(forecast.lower80()[step]).isLessThanOrEqualTo(forecast.mean(step));
                    assertThat(forecast.upper80()[step]).isGreaterThanOrEqualTo(forecast.mean(step));
                    assertThat(forecast.upper95()[step]).isGreaterThanOrEqualTo(forecast.upper80()[step]);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void forecastsThatAlreadyAddUpComeBackUnchanged(Case c) {
        for (Reconciliation reconciliation : everyMethod(c, c.coherent())) {
            for (String node : c.hierarchy().nodes()) {
                double[] expected =
                        Objects.requireNonNull(c.coherent().get(node)).mean();
                double[] actual = reconciliation.forecast(node).mean();
                for (int step = 0; step < expected.length; step++) {
                    double scale = Math.max(1, Math.abs(expected[step]));
                    assertThat(actual[step])
                            .as("%s: %s at step %s", reconciliation.method(), node, step + 1)
                            .isCloseTo(expected[step], within(RELATIVE_TOLERANCE * scale));
                }
            }
        }
    }

    /** MinT's reconciled covariance S (Sᵀ W⁻¹ S)⁻¹ Sᵀ is below W, so no interval gets wider; likewise WLS against Λ. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void minTNeverWidensAnInterval(Case c) {
        Reconciler reconciler = Reconciler.of(c.hierarchy());
        Reconciliation minT = reconciler.reconcile(ReconciliationMethod.MINT_SHRINK, c.base(), c.residuals());
        Reconciliation structural = reconciler.reconcile(ReconciliationMethod.WLS_STRUCTURAL, c.base());
        for (Reconciliation reconciliation : List.of(minT, structural)) {
            if (reconciliation.method() == reconciliation.requestedMethod()) {
                assertThat(reconciliation.standardDeviationRatios().values())
                        .allSatisfy(ratio -> assertThat(ratio).isBetween(0.0, 1 + 1e-9));
            }
        }
        if (c.residuals().rows() < 2) {
            assertThat(minT.fallbackReason()).isPresent();
        }
    }
}
