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
 * Invariants over seeded random hierarchies (1 to 5 levels, 1 to 3 children a node, declared in random order) and
 * random grouped hierarchies (2 or 3 trees of 0 to 3 levels crossed over the same bottom series), random incoherent base
 * forecasts and random residuals (1 to 40 rows, often fewer than nodes): every method's forecasts add up in every
 * tree; forecasts that already add up come back unchanged; MinT never widens an interval.
 */
class ReconcilerPropertyTest {
    private static final int CASES = 200;
    private static final int GROUPED_CASES = 100;
    private static final double RELATIVE_TOLERANCE = 1e-9;

    record Case(
            long seed,
            Aggregation hierarchy,
            Map<String, Forecast> base,
            Map<String, Forecast> coherent,
            Residuals residuals) {
        @Override
        public String toString() {
            String shape = hierarchy instanceof Hierarchy tree
                    ? tree.levels() + " levels"
                    : ((GroupedHierarchy) hierarchy).trees() + " trees crossed";
            return "seed " + seed + ": " + hierarchy.size() + " nodes, " + shape + ", " + residuals.rows()
                    + " residual rows";
        }
    }

    static List<Case> cases() {
        return LongStream.range(0, CASES + GROUPED_CASES)
                .mapToObj(ReconcilerPropertyTest::randomCase)
                .toList();
    }

    static Case randomCase(long seed) {
        Random random = new Random(seed);
        Aggregation hierarchy = seed < CASES ? randomHierarchy(random) : randomGrouping(random);
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

    /**
     * Bottom series "b0", "b1", ... each with a path down 2 or 3 trees: tree t's aggregates at level l are "t{t}l{l}n{k}",
     * with k drawn so that a node keeps one parent (its index divided by a per-level fan-out).
     */
    private static GroupedHierarchy randomGrouping(Random random) {
        int trees = 2 + random.nextInt(2);
        int bottoms = 1 + random.nextInt(12);
        int[] depths = new int[trees];
        int[][] fanOuts = new int[trees][];
        for (int t = 0; t < trees; t++) {
            depths[t] = random.nextInt(4);
            fanOuts[t] = new int[depths[t]];
            for (int l = 0; l < depths[t]; l++) {
                fanOuts[t][l] = 1 + random.nextInt(3);
            }
        }
        GroupedHierarchy.Builder builder = GroupedHierarchy.builder("total");
        for (int j = 0; j < bottoms; j++) {
            List<List<String>> paths = new ArrayList<>();
            for (int t = 0; t < trees; t++) {
                // The deepest aggregate is drawn at random; those above follow from it, so parents are consistent.
                int[] index = new int[depths[t]];
                if (depths[t] > 0) {
                    index[depths[t] - 1] = random.nextInt(1 + bottoms / 2);
                }
                for (int l = depths[t] - 2; l >= 0; l--) {
                    index[l] = index[l + 1] / fanOuts[t][l + 1];
                }
                List<String> path = new ArrayList<>();
                for (int l = 0; l < depths[t]; l++) {
                    path.add("t" + t + "l" + l + "n" + index[l]);
                }
                paths.add(path);
            }
            builder.bottom("b" + j, paths);
        }
        return builder.build();
    }

    /** Every (parent, children) pair of every tree of the structure. */
    private static List<Map.Entry<String, List<String>>> families(Aggregation hierarchy) {
        List<Map.Entry<String, List<String>>> families = new ArrayList<>();
        for (String node : hierarchy.nodes()) {
            if (hierarchy instanceof Hierarchy tree) {
                families.add(Map.entry(node, tree.children(node)));
            } else {
                GroupedHierarchy grouped = (GroupedHierarchy) hierarchy;
                for (int t = 0; t < grouped.trees(); t++) {
                    families.add(Map.entry(node, grouped.children(t, node)));
                }
            }
        }
        return families;
    }

    /** Bottom errors with a common factor, summed up the tree, plus errors of each node's own. */
    private static Residuals randomResiduals(Aggregation hierarchy, Random random) {
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
            for (Map.Entry<String, List<String>> family : families(c.hierarchy())) {
                String parent = family.getKey();
                List<String> children = family.getValue();
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
