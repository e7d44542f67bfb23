package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.NewPlan;
import io.fleetcast.store.plan.NewRun;
import io.fleetcast.store.plan.Plan;
import io.fleetcast.store.plan.PlanLineage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbPlanStoreTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-03-31T00:00:00Z");

    @TempDir
    Path folder;

    private DuckDbStore store;
    private DuckDbPlanStore plans;

    @BeforeEach
    void open() {
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleetcast.duckdb")).withThreads(2), TestFleet.CLOCK);
        plans = new DuckDbPlanStore(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static NewRun run(String key, double level) {
        return new NewRun(
                key,
                "ETS(A,N,N)",
                ImmutableMap.of("alpha", 0.5, "sigma", Double.NaN),
                START,
                END,
                90,
                ImmutableList.of(
                        new ForecastPoint(END.plusSeconds(86_400), level, level - 1, level + 1, level - 2, level + 2),
                        new ForecastPoint(
                                END.plusSeconds(2 * 86_400), level, level - 1, level + 1, level - 2, level + 2)));
    }

    @Test
    void writesAPlanWithItsRunsPointsAndLineageAndCarriesRunsForward() {
        Plan first = plans.writePlan(new NewPlan(
                null,
                "first",
                PlanLineage.of(List.of(PlanLineage.Entry.refit("a/c1/cpu", "first fit"))),
                ImmutableList.of(run("a/c1/cpu", 10)),
                ImmutableList.of()));
        assertThat(first.version()).isEqualTo(1);
        ForecastRun fitted = plans.runs(1).get(0);
        assertThat(fitted.model()).isEqualTo("ETS(A,N,N)");
        assertThat(fitted.parameters()).containsEntry("alpha", 0.5).containsKey("sigma");
        assertThat(fitted.trainEnd()).isEqualTo(END);
        assertThat(fitted.trainRows()).isEqualTo(90);

        Plan second = plans.writePlan(new NewPlan(
                1,
                "second",
                PlanLineage.of(List.of(
                        PlanLineage.Entry.carried("a/c1/cpu", "no new data", fitted),
                        PlanLineage.Entry.refit("b/c1/cpu", "first fit"))),
                ImmutableList.of(run("b/c1/cpu", 20)),
                ImmutableList.of(fitted)));

        assertThat(second.version()).isEqualTo(2);
        assertThat(plans.latestPlan()).contains(plans.plan(2).orElseThrow());
        assertThat(plans.plan(2).orElseThrow().parentVersion()).isEqualTo(OptionalInt.of(1));
        assertThat(plans.plan(2).orElseThrow().lineage()).isEqualTo(second.lineage());
        List<ForecastRun> runs = plans.runs(2);
        assertThat(runs).extracting(ForecastRun::seriesKey).containsExactly("a/c1/cpu", "b/c1/cpu");
        ForecastRun copy = runs.get(0);
        assertThat(copy.runId()).isNotEqualTo(fitted.runId());
        assertThat(copy.createdAt()).isEqualTo(fitted.createdAt());
        assertThat(plans.points(copy.runId()))
                .isEqualTo(plans.points(fitted.runId()))
                .hasSize(2);
    }

    @Test
    void writesNothingWhenAPartFailsOrAnotherPlanCameFirst() {
        ForecastRun missing =
                new ForecastRun(42, 1, "b/c1/cpu", "Naive", ImmutableMap.of(), START, END, 90, "test", START);
        assertThatThrownBy(() -> plans.writePlan(new NewPlan(
                        null,
                        "broken",
                        PlanLineage.of(List.of(
                                PlanLineage.Entry.refit("a/c1/cpu", "first fit"),
                                PlanLineage.Entry.carried("b/c1/cpu", "no new data", missing))),
                        ImmutableList.of(run("a/c1/cpu", 10)),
                        ImmutableList.of(missing))))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("run 42");
        assertThat(plans.latestPlan()).isEmpty();
        assertThat(store.query("SELECT count(*) FROM forecast_runs", 1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(0L);
        assertThat(store.query("SELECT count(*) FROM forecast_points", 1)
                        .rows()
                        .get(0)
                        .get(0))
                .isEqualTo(0L);

        NewPlan first = new NewPlan(
                null,
                "first",
                PlanLineage.of(List.of(PlanLineage.Entry.refit("a/c1/cpu", "first fit"))),
                ImmutableList.of(run("a/c1/cpu", 10)),
                ImmutableList.of());
        plans.writePlan(first);
        assertThatThrownBy(() -> plans.writePlan(first)).hasMessageContaining("run again");
        assertThat(plans.runs(1)).hasSize(1);
    }
}
