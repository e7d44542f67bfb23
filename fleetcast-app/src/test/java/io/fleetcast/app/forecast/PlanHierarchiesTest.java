package io.fleetcast.app.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.reconcile.ReconciliationMethod;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.RunInputs;
import io.fleetcast.store.plan.SeriesGroups;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The plan's structure per resource, and reconciliation with backtest errors of different lengths. */
class PlanHierarchiesTest {
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("2026-03-31T00:00:00Z");
    private static final SeriesGroups WHERE = new SeriesGroups(
            ImmutableMap.of(
                    "a", new SeriesGroups.Owner("t1", "o"),
                    "b", new SeriesGroups.Owner("t1", "o"),
                    "c", new SeriesGroups.Owner("t2", "o")),
            ImmutableMap.of("x", new SeriesGroups.Place("s1", "r"), "y", new SeriesGroups.Place("s2", "r")));

    private static DemandSeries series(String service, String cluster, Instant first, Instant last) {
        return new DemandSeries(service, cluster, "cpu", DemandGrain.DAY, first, last, 10);
    }

    @Test
    void groupsEachResourceAndLeavesOutSeriesThatEndEarly() {
        List<DemandSeries> bottoms = List.of(
                series("a", "x", FIRST, LAST),
                series("b", "x", FIRST.plusSeconds(86_400 * 30), LAST),
                series("c", "y", FIRST, LAST),
                series("c", "x", FIRST, LAST.minusSeconds(86_400)));
        Map<String, double[]> histories = new HashMap<>();
        bottoms.forEach(s -> histories.put(s.key(), new double[90]));

        PlanHierarchies hierarchies = PlanHierarchies.of(bottoms, histories, WHERE);

        assertThat(hierarchies.aggregates())
                .extracting(DemandSeries::key)
                .containsExactlyInAnyOrder(
                        "*/*/cpu",
                        "org:o/*/cpu",
                        "team:t1/*/cpu",
                        "team:t2/*/cpu",
                        "a/*/cpu",
                        "b/*/cpu",
                        "c/*/cpu",
                        "*/region:r/cpu",
                        "*/site:s1/cpu",
                        "*/site:s2/cpu",
                        "*/x/cpu",
                        "*/y/cpu");
        assertThat(hierarchies.excluded()).containsOnlyKeys("c/x/cpu");
        assertThat(hierarchies.excluded().get("c/x/cpu")).contains("its data ends 2026-03-30");
        DemandSeries total = hierarchies.aggregates().get(0);
        assertThat(total.key()).isEqualTo("*/*/cpu");
        assertThat(total.first()).isEqualTo(FIRST);
        assertThat(total.last()).isEqualTo(LAST);
        assertThat(PlanHierarchies.covers("team:t1/*/cpu", series("b", "x", FIRST, LAST), WHERE))
                .isTrue();
        assertThat(PlanHierarchies.covers("*/site:s2/cpu", series("b", "x", FIRST, LAST), WHERE))
                .isFalse();
    }

    /** An aggregate's fingerprint changes with the series under it, so it is refitted when one joins or moves. */
    @Test
    void anAggregatesInputsFoldInTheSeriesUnderIt() {
        List<DemandSeries> two = List.of(series("a", "x", FIRST, LAST), series("c", "y", FIRST, LAST));
        List<DemandSeries> three =
                List.of(series("a", "x", FIRST, LAST), series("b", "x", FIRST, LAST), series("c", "y", FIRST, LAST));

        assertThat(fingerprint(two, "team:t1/*/cpu"))
                .isEqualTo(fingerprint(two, "team:t1/*/cpu"))
                .isNotEqualTo(fingerprint(three, "team:t1/*/cpu"))
                .isNotEmpty();
        assertThat(fingerprint(three, "team:t2/*/cpu")).isEqualTo(fingerprint(two, "team:t2/*/cpu"));
    }

    private static String fingerprint(List<DemandSeries> bottoms, String aggregate) {
        Map<String, double[]> histories = new HashMap<>();
        bottoms.forEach(s -> histories.put(s.key(), new double[90]));
        ForecastInputs.SeriesInputs none = new ForecastInputs.SeriesInputs(ImmutableList.of(), RunInputs.NONE, false);
        return PlanHierarchies.of(bottoms, histories, WHERE)
                .withMembers(aggregate, none)
                .inputs()
                .fingerprint();
    }

    /** A new series with 4 periods of backtest errors: MinT uses the last 4 periods of everyone's, not a fallback. */
    @Test
    void minTUsesThePeriodsEveryNodesErrorsCover() {
        List<DemandSeries> bottoms =
                List.of(series("a", "x", FIRST, LAST), series("b", "x", FIRST, LAST), series("c", "y", FIRST, LAST));
        Map<String, double[]> histories = new HashMap<>();
        bottoms.forEach(s -> histories.put(s.key(), new double[90]));
        PlanHierarchies hierarchies = PlanHierarchies.of(bottoms, histories, WHERE);
        Random random = new Random(3);
        Map<String, PlanHierarchies.Base> bases = new TreeMap<>();
        List<String> nodes = new ArrayList<>();
        hierarchies.aggregates().forEach(s -> nodes.add(s.key()));
        bottoms.forEach(s -> nodes.add(s.key()));
        for (String node : nodes) {
            int length = node.equals("b/x/cpu") ? 4 : 9;
            List<Double> errors = new ArrayList<>();
            for (int t = 0; t < length; t++) {
                errors.add(random.nextGaussian());
            }
            ImmutableList<ForecastPoint> points = ImmutableList.of(
                    new ForecastPoint(LAST.plusSeconds(86_400), 10 + random.nextDouble(), 8, 12, 6, 14));
            bases.put(node, new PlanHierarchies.Base("Test", points, errors));
        }
        Map<String, String> notes = new TreeMap<>();

        Map<String, PlanHierarchies.Reconciled> reconciled =
                hierarchies.reconcile(ReconciliationMethod.MINT_SHRINK, bases, notes);

        assertThat(notes).isEmpty();
        PlanHierarchies.Reconciled cpu = Objects.requireNonNull(reconciled.get("cpu"));
        assertThat(cpu.method()).isEqualTo("MinT shrink");
        assertThat(cpu.note()).isEmpty();
        double services = first(cpu, "a/*/cpu") + first(cpu, "b/*/cpu") + first(cpu, "c/*/cpu");
        assertThat(first(cpu, "*/*/cpu")).isCloseTo(services, within(1e-9));
    }

    private static double first(PlanHierarchies.Reconciled reconciled, String key) {
        return Objects.requireNonNull(reconciled.points().get(key)).get(0).mean();
    }

    @Test
    void aNodeWithoutErrorsFallsBackToStructuralWlsAndSaysWhich() {
        List<DemandSeries> bottoms = List.of(series("a", "x", FIRST, LAST), series("c", "y", FIRST, LAST));
        Map<String, double[]> histories = new HashMap<>();
        bottoms.forEach(s -> histories.put(s.key(), new double[90]));
        PlanHierarchies hierarchies = PlanHierarchies.of(bottoms, histories, WHERE);
        Map<String, PlanHierarchies.Base> bases = new TreeMap<>();
        List<String> nodes = new ArrayList<>();
        hierarchies.aggregates().forEach(s -> nodes.add(s.key()));
        bottoms.forEach(s -> nodes.add(s.key()));
        for (String node : nodes) {
            List<Double> errors = node.equals("c/y/cpu") ? List.of() : List.of(1.0, -2.0, 0.5);
            bases.put(
                    node,
                    new PlanHierarchies.Base(
                            "Test",
                            ImmutableList.of(new ForecastPoint(LAST.plusSeconds(86_400), 5, 4, 6, 3, 7)),
                            errors));
        }

        PlanHierarchies.Reconciled cpu = Objects.requireNonNull(hierarchies
                .reconcile(ReconciliationMethod.MINT_SHRINK, bases, new TreeMap<>())
                .get("cpu"));

        assertThat(cpu.method()).isEqualTo("WLS structural");
        assertThat(cpu.note().orElseThrow())
                .startsWith("1 of " + nodes.size() + " series have no backtest errors")
                .contains("c/y/cpu");
    }
}
