package io.fleetcast.forecast.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HierarchyTest {
    /** org → two teams → three services, declared out of order. */
    static Hierarchy org() {
        return Hierarchy.builder()
                .node("search", "team-b")
                .root("org")
                .node("team-a", "org")
                .node("team-b", "org")
                .node("billing", "team-a")
                .node("ads", "team-b")
                .build();
    }

    @Test
    void ordersNodesLevelByLevelWithChildrenInDeclarationOrder() {
        Hierarchy hierarchy = org();

        assertThat(hierarchy.nodes()).containsExactly("org", "team-a", "team-b", "billing", "search", "ads");
        assertThat(hierarchy.bottomNodes()).containsExactly("billing", "search", "ads");
        assertThat(hierarchy.size()).isEqualTo(6);
        assertThat(hierarchy.bottomCount()).isEqualTo(3);
        assertThat(hierarchy.levels()).isEqualTo(3);
        assertThat(hierarchy.root()).isEqualTo("org");
        assertThat(hierarchy.children("team-b")).containsExactly("search", "ads");
        assertThat(hierarchy.parent("ads")).contains("team-b");
        assertThat(hierarchy.parent("org")).isEmpty();
        assertThat(hierarchy.level("team-a")).isEqualTo(1);
    }

    @Test
    void summingMatrixMarksTheBottomSeriesUnderEachNode() {
        assertThat(org().summingMatrix()).isDeepEqualTo(new double[][] {
            {1, 1, 1}, // org
            {1, 0, 0}, // team-a
            {0, 1, 1}, // team-b
            {1, 0, 0},
            {0, 1, 0},
            {0, 0, 1}
        });
    }

    @Test
    void aSingleNodeIsItsOwnBottomSeries() {
        Hierarchy hierarchy = Hierarchy.builder().root("only").build();

        assertThat(hierarchy.bottomNodes()).containsExactly("only");
        assertThat(hierarchy.summingMatrix()).isDeepEqualTo(new double[][] {{1}});
    }

    @Test
    void rejectsAnEmptyHierarchy() {
        assertThatThrownBy(() -> Hierarchy.builder().build()).hasMessage("a hierarchy needs at least one node");
    }

    @Test
    void rejectsANameDeclaredTwice() {
        assertThatThrownBy(() -> Hierarchy.builder()
                        .root("org")
                        .node("team", "org")
                        .node("team", "org")
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node \"team\" is declared twice");
    }

    @Test
    void rejectsABlankName() {
        assertThatThrownBy(
                        () -> Hierarchy.builder().root("org").node(" ", "org").build())
                .hasMessage("node 2 has a blank name");
    }

    @Test
    void rejectsAParentThatIsNotANode() {
        assertThatThrownBy(() ->
                        Hierarchy.builder().root("org").node("team", "orgg").build())
                .hasMessage("node \"team\" has parent \"orgg\", which is not a node of the hierarchy");
    }

    @Test
    void rejectsTwoRoots() {
        assertThatThrownBy(() -> Hierarchy.builder()
                        .root("eu")
                        .root("us")
                        .node("fra", "eu")
                        .build())
                .hasMessage("the hierarchy has 2 roots (\"eu\", \"us\"); it needs exactly one, the total");
    }

    @Test
    void rejectsParentsInACycleWithoutRoot() {
        assertThatThrownBy(
                        () -> Hierarchy.builder().node("a", "b").node("b", "a").build())
                .hasMessage("the hierarchy has no root (a node declared without a parent): parents form a cycle:"
                        + " \"a\" → \"b\" → \"a\"");
    }

    @Test
    void rejectsACycleBesideTheTree() {
        assertThatThrownBy(() -> Hierarchy.builder()
                        .root("org")
                        .node("team", "org")
                        .node("x", "z")
                        .node("y", "x")
                        .node("z", "y")
                        .node("w", "x")
                        .build())
                .hasMessage("node \"x\" is not under the root: parents form a cycle: \"x\" → \"z\" → \"y\" → \"x\"");
    }

    @Test
    void rejectsANodeThatIsItsOwnParent() {
        assertThatThrownBy(() -> Hierarchy.builder()
                        .root("org")
                        .node("team", "org")
                        .node("self", "self")
                        .build())
                .hasMessage("node \"self\" is not under the root: parents form a cycle: \"self\" → \"self\"");
    }

    @Test
    void rejectsALeafAboveTheBottomLevel() {
        assertThatThrownBy(() -> Hierarchy.builder()
                        .root("region")
                        .node("site-1", "region")
                        .node("site-2", "region")
                        .node("cluster-1a", "site-1")
                        .build())
                .hasMessage("leaf \"site-2\" is at level 1 but the bottom level is 2: every bottom series must be at"
                        + " the bottom level (give it a single child that carries it down)");
    }

    @Test
    void rejectsQuestionsAboutUnknownNodes() {
        assertThatThrownBy(() -> org().children("nope")).hasMessage("\"nope\" is not a node of the hierarchy");
        assertThat(org().contains("nope")).isFalse();
    }
}
