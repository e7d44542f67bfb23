package io.fleetcast.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupedHierarchyTest {
    /** Services a, b of team t (org o) crossed with clusters x, y of site s (region r). */
    private static GroupedHierarchy servicesByClusters() {
        return GroupedHierarchy.builder("total")
                .bottom("a/x", List.of(List.of("org:o", "team:t", "a"), List.of("region:r", "site:s", "x")))
                .bottom("a/y", List.of(List.of("org:o", "team:t", "a"), List.of("region:r", "site:s", "y")))
                .bottom("b/x", List.of(List.of("org:o", "team:t", "b"), List.of("region:r", "site:s", "x")))
                .bottom("b/y", List.of(List.of("org:o", "team:t", "b"), List.of("region:r", "site:s", "y")))
                .build();
    }

    @Test
    void ordersTheTotalThenEachTreeLevelByLevelThenTheBottomSeries() {
        GroupedHierarchy grouped = servicesByClusters();

        assertThat(grouped.nodes())
                .containsExactly(
                        "total",
                        "org:o",
                        "team:t",
                        "a",
                        "b",
                        "region:r",
                        "site:s",
                        "x",
                        "y",
                        "a/x",
                        "a/y",
                        "b/x",
                        "b/y");
        assertThat(grouped.bottomNodes()).containsExactly("a/x", "a/y", "b/x", "b/y");
        assertThat(grouped.trees()).isEqualTo(2);
        assertThat(grouped.root()).isEqualTo("total");
    }

    @Test
    void summingMatrixAddsEachAggregateFromTheBottomSeriesUnderIt() {
        double[][] expected = {
            {1, 1, 1, 1}, // total
            {1, 1, 1, 1}, // org:o
            {1, 1, 1, 1}, // team:t
            {1, 1, 0, 0}, // a
            {0, 0, 1, 1}, // b
            {1, 1, 1, 1}, // region:r
            {1, 1, 1, 1}, // site:s
            {1, 0, 1, 0}, // x
            {0, 1, 0, 1}, // y
            {1, 0, 0, 0},
            {0, 1, 0, 0},
            {0, 0, 1, 0},
            {0, 0, 0, 1},
        };

        assertThat(servicesByClusters().summingMatrix()).isDeepEqualTo(expected);
    }

    @Test
    void childrenAndMembersFollowEachTree() {
        GroupedHierarchy grouped = servicesByClusters();

        assertThat(grouped.children(0, "total")).containsExactly("org:o");
        assertThat(grouped.children(1, "total")).containsExactly("region:r");
        assertThat(grouped.children(0, "team:t")).containsExactly("a", "b");
        assertThat(grouped.children(0, "a")).containsExactly("a/x", "a/y");
        assertThat(grouped.children(1, "x")).containsExactly("a/x", "b/x");
        assertThat(grouped.children(1, "a")).isEmpty();
        assertThat(grouped.members("y")).containsExactly("a/y", "b/y");
        assertThat(grouped.members("b/x")).containsExactly("b/x");
    }

    @Test
    void addUpSetsEveryAggregateToTheSumOfItsBottomSeries() {
        GroupedHierarchy grouped = servicesByClusters();
        double[] values = new double[grouped.size()];
        values[9] = 1;
        values[10] = 2;
        values[11] = 4;
        values[12] = 8;

        grouped.addUp(values);

        assertThat(values).containsExactly(15, 15, 15, 3, 12, 15, 15, 5, 10, 1, 2, 4, 8);
    }

    @Test
    void refusesInconsistentStructuresNamingTheNode() {
        assertThatThrownBy(() -> GroupedHierarchy.builder("total")
                        .bottom("a/x", List.of(List.of("team:t", "a"), List.of("x")))
                        .bottom("a/y", List.of(List.of("team:u", "a"), List.of("y")))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"a\" is under \"team:u\" in the path of \"a/y\" but under \"team:t\"");
        assertThatThrownBy(() -> GroupedHierarchy.builder("total")
                        .bottom("a/x", List.of(List.of("a"), List.of("x")))
                        .bottom("a/y", List.of(List.of("a"), List.of("a")))
                        .build())
                .hasMessageContaining("\"a\" is in tree 1 and in tree 2");
        assertThatThrownBy(() -> GroupedHierarchy.builder("total")
                        .bottom("a/x", List.of(List.of("a"), List.of("x")))
                        .bottom("a/x", List.of(List.of("a"), List.of("x")))
                        .build())
                .hasMessageContaining("bottom series \"a/x\" is declared twice");
        assertThatThrownBy(() -> GroupedHierarchy.builder("total")
                        .bottom("a/x", List.of(List.of("a"), List.of("x")))
                        .bottom("a/y", List.of(List.of("a")))
                        .build())
                .hasMessageContaining("bottom series \"a/y\" gives 1 paths but \"a/x\" gives 2");
        assertThatThrownBy(() -> GroupedHierarchy.builder("total")
                        .bottom("a/x", List.of(List.of("a/y"), List.of("x")))
                        .bottom("a/y", List.of(List.of("a"), List.of("y")))
                        .build())
                .hasMessageContaining("\"a/y\" is an aggregate in the path of \"a/x\" but also a bottom series");
    }

    /** Services add up to the same total as clusters, though their base forecasts disagree (97 vs 99 a step). */
    @Test
    void reconcilesSoThatBothTreesAddUp() {
        GroupedHierarchy grouped = servicesByClusters();
        Map<String, Forecast> base = new LinkedHashMap<>();
        double[] means = {100, 98, 97, 40, 62, 103, 99, 55, 50, 21, 22, 30, 29};
        for (int i = 0; i < grouped.size(); i++) {
            base.put(grouped.nodes().get(i), TestForecasts.normal(2 + i % 3, means[i]));
        }
        Reconciliation reconciled = Reconciler.of(grouped).reconcile(ReconciliationMethod.WLS_STRUCTURAL, base);

        double[] at = TestForecasts.meansAt(reconciled, 0);
        double[] summed = at.clone();
        grouped.addUp(summed);
        assertThat(at).containsExactly(summed);
        assertThat(at[3] + at[4]).isCloseTo(at[7] + at[8], within(1e-9));
        assertThat(at[0]).isCloseTo(at[3] + at[4], within(1e-9));
    }
}
