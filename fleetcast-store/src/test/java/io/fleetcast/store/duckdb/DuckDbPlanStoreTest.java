package io.fleetcast.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.TestFleet;
import io.fleetcast.store.plan.CarriedRun;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandPoint;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.DriverDay;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.NewPlan;
import io.fleetcast.store.plan.NewRun;
import io.fleetcast.store.plan.Plan;
import io.fleetcast.store.plan.PlanLineage;
import io.fleetcast.store.plan.RunInputs;
import io.fleetcast.store.plan.SeriesGroups;
import io.fleetcast.store.plan.StoredAdjustment;
import io.fleetcast.store.plan.StoredEvent;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
                points(level),
                new RunInputs("f1", ImmutableList.of("event:Black Friday"), ImmutableList.of()),
                ImmutableMap.of(),
                ImmutableList.of());
    }

    private static ImmutableList<ForecastPoint> points(double level) {
        return ImmutableList.of(
                new ForecastPoint(END.plusSeconds(86_400), level, level - 1, level + 1, level - 2, level + 2),
                new ForecastPoint(END.plusSeconds(2 * 86_400), level, level - 1, level + 1, level - 2, level + 2));
    }

    @Test
    void writesAPlanWithItsRunsPointsAndLineageAndCarriesRunsForward() {
        Plan first = plans.writePlan(new NewPlan(
                DemandGrain.DAY,
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
        assertThat(fitted.inputs().regressors()).containsExactly("event:Black Friday");
        assertThat(fitted.inputs().fingerprint()).isEqualTo("f1");
        assertThat(fitted.adjustments()).isEmpty();
        assertThat(plans.adjustedPoints(fitted.runId())).isEmpty();

        Plan second = plans.writePlan(new NewPlan(
                DemandGrain.DAY,
                1,
                "second",
                PlanLineage.of(List.of(
                        PlanLineage.Entry.carried("a/c1/cpu", "no new data", fitted),
                        PlanLineage.Entry.refit("b/c1/cpu", "first fit"))),
                ImmutableList.of(run("b/c1/cpu", 20)),
                ImmutableList.of(new CarriedRun(fitted, ImmutableMap.of("A1", "A1: add +5 cores"), points(15)))));

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
        assertThat(copy.inputs()).isEqualTo(fitted.inputs());
        assertThat(copy.adjustments()).containsExactly(Map.entry("A1", "A1: add +5 cores"));
        assertThat(plans.adjustedPoints(copy.runId())).isEqualTo(points(15));
        assertThat(plans.adjustedPoints(fitted.runId())).isEmpty();
    }

    @Test
    void keepsBacktestErrorsAndReconciledPointsAndCarriesTheErrors() {
        NewRun base = run("a/c1/cpu", 10);
        NewRun reconciledRun = new NewRun(
                base.seriesKey(),
                base.model(),
                base.parameters(),
                base.trainStart(),
                base.trainEnd(),
                base.trainRows(),
                base.points(),
                base.inputs(),
                base.adjustments(),
                base.adjusted(),
                ImmutableList.of(1.5, -0.25, 3.0),
                points(11));
        Plan first = plans.writePlan(new NewPlan(
                DemandGrain.DAY,
                null,
                "reconciled",
                PlanLineage.of(List.of(PlanLineage.Entry.refit("a/c1/cpu", "first fit"))),
                ImmutableList.of(reconciledRun),
                ImmutableList.of(),
                "MinT shrink"));
        assertThat(first.reconciliation()).contains("MinT shrink");
        assertThat(plans.plan(1).orElseThrow().reconciliation()).contains("MinT shrink");
        ForecastRun fitted = plans.runs(1).get(0);
        assertThat(fitted.backtestErrors()).containsExactly(1.5, -0.25, 3.0);
        assertThat(plans.reconciledPoints(fitted.runId())).isEqualTo(points(11));
        assertThat(plans.points(fitted.runId())).isEqualTo(points(10));

        plans.writePlan(new NewPlan(
                DemandGrain.DAY,
                1,
                "carried, not reconciled",
                PlanLineage.of(List.of(PlanLineage.Entry.carried("a/c1/cpu", "no new data", fitted))),
                ImmutableList.of(),
                ImmutableList.of(new CarriedRun(fitted, ImmutableMap.of(), ImmutableList.of()))));
        ForecastRun copy = plans.runs(2).get(0);
        assertThat(plans.plan(2).orElseThrow().reconciliation()).isEmpty();
        assertThat(copy.backtestErrors()).containsExactly(1.5, -0.25, 3.0);
        assertThat(plans.reconciledPoints(copy.runId())).isEmpty();
        assertThat(plans.points(copy.runId())).isEqualTo(points(10));
    }

    @Test
    void readsEventsDriversRegionsAndAdjustmentsAndSavesAndDeletesAdjustments() {
        TestFleet.loadTopology(store, folder);
        TestFleet.ingest(
                store,
                Kind.EVENTS,
                TestFleet.write(
                        folder,
                        "events.csv",
                        List.of(
                                "name,kind,start_date,end_date,scope,scope_value",
                                "Black Friday,holiday,2025-11-28,2025-11-28,global,",
                                "Checkout sale,one_off,2025-06-01,2025-06-03,service,checkout")));
        TestFleet.ingest(
                store,
                Kind.DRIVERS,
                TestFleet.write(
                        folder,
                        "drivers.csv",
                        List.of(
                                "date,driver,service,value,unit",
                                "2025-01-02,dau,,110,users",
                                "2025-01-01,dau,,100,users",
                                "2025-01-01,dau,checkout,7,users")));
        TestFleet.ingest(
                store,
                Kind.ADJUSTMENTS,
                TestFleet.write(
                        folder,
                        "adjustments.csv",
                        List.of(
                                "adjustment_id,service,cluster,resource,kind,value,unit,start_date,end_date,author,"
                                        + "reason,created_at",
                                "L1,checkout,ash-c1,cpu,step,2000,millicores,2026-04-10,,ana,launch,"
                                        + "2026-03-01T10:00:00Z")));

        assertThat(plans.events())
                .extracting(StoredEvent::name, StoredEvent::scope, StoredEvent::scopeValue)
                .containsExactly(tuple("Checkout sale", "service", "checkout"), tuple("Black Friday", "global", null));
        assertThat(plans.drivers())
                .extracting(DriverDay::date, DriverDay::service, DriverDay::value)
                .containsExactly(
                        tuple(LocalDate.of(2025, 1, 1), null, 100.0),
                        tuple(LocalDate.of(2025, 1, 2), null, 110.0),
                        tuple(LocalDate.of(2025, 1, 1), "checkout", 7.0));
        assertThat(plans.clusterRegions()).containsEntry("ash-c1", "us-east").containsEntry("euw-c1", "eu-west");
        SeriesGroups groups = plans.seriesGroups();
        assertThat(groups.owners())
                .containsEntry("checkout", new SeriesGroups.Owner("payments", "commerce"))
                .containsEntry("search", new SeriesGroups.Owner("discovery", "commerce"));
        assertThat(groups.places())
                .containsEntry("ash-c2", new SeriesGroups.Place("dc-ash", "us-east"))
                .containsEntry("euw-c1", new SeriesGroups.Place("aws-eu-west-1", "eu-west"))
                .hasSize(3);
        StoredAdjustment launch = plans.adjustments().get(0);
        assertThat(launch.value()).as("converted to cores on load").isEqualTo(2.0);
        assertThat(launch.describe()).isEqualTo("L1: step +2 cores from 2026-04-10 (ana: launch)");
        assertThat(launch.appliesTo("checkout", "ash-c1", "cpu")).isTrue();
        assertThat(launch.appliesTo("checkout", "ash-c2", "cpu")).isFalse();

        StoredAdjustment peak = new StoredAdjustment(
                "P1",
                "checkout",
                null,
                "cpu",
                "multiply",
                1.2,
                null,
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 30),
                "bo",
                "peak season",
                Instant.parse("2026-10-01T09:00:00Z"));
        assertThat(plans.saveAdjustment(peak, "api")).isFalse();
        StoredAdjustment changed = new StoredAdjustment(
                "P1",
                "checkout",
                null,
                "cpu",
                "multiply",
                1.3,
                null,
                LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 30),
                "bo",
                "bigger peak",
                Instant.parse("2026-10-02T09:00:00Z"));
        assertThat(plans.saveAdjustment(changed, "api")).isTrue();
        assertThat(plans.adjustments()).containsExactly(launch, changed);
        assertThat(changed.appliesTo("checkout", "any-cluster", "cpu")).isTrue();
        assertThat(TestFleet.value(store, "SELECT count(*) FROM ingest_log WHERE format = 'api'"))
                .isEqualTo(2L);
        assertThat(TestFleet.value(
                        store, "SELECT source_file || ':' || source_line FROM adjustments WHERE adjustment_id = 'P1'"))
                .isEqualTo("api:1");
        assertThat(plans.deleteAdjustment("P1")).isTrue();
        assertThat(plans.deleteAdjustment("P1")).isFalse();
        assertThat(plans.adjustments()).containsExactly(launch);
    }

    @Test
    void writesNothingWhenAPartFailsOrAnotherPlanCameFirst() {
        ForecastRun missing = new ForecastRun(
                42,
                1,
                "b/c1/cpu",
                "Naive",
                ImmutableMap.of(),
                START,
                END,
                90,
                "test",
                START,
                RunInputs.NONE,
                ImmutableMap.of(),
                ImmutableList.of());
        assertThatThrownBy(() -> plans.writePlan(new NewPlan(
                        DemandGrain.DAY,
                        null,
                        "broken",
                        PlanLineage.of(List.of(
                                PlanLineage.Entry.refit("a/c1/cpu", "first fit"),
                                PlanLineage.Entry.carried("b/c1/cpu", "no new data", missing))),
                        ImmutableList.of(run("a/c1/cpu", 10)),
                        ImmutableList.of(new CarriedRun(missing, ImmutableMap.of(), ImmutableList.of())))))
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
                DemandGrain.DAY,
                null,
                "first",
                PlanLineage.of(List.of(PlanLineage.Entry.refit("a/c1/cpu", "first fit"))),
                ImmutableList.of(run("a/c1/cpu", 10)),
                ImmutableList.of());
        plans.writePlan(first);
        assertThatThrownBy(() -> plans.writePlan(first)).hasMessageContaining("run again");
        assertThat(plans.runs(1)).hasSize(1);
    }

    @Test
    void aggregatesDailyDemandToWholeWeeksAndMonthsAndKeepsAPlanLinePerGrain() {
        TestFleet.loadTopology(store, folder);
        List<String> usage = new java.util.ArrayList<>(List.of("ts,grain,service,cluster,resource,unit,used"));
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (LocalDate day = first; !day.isAfter(LocalDate.of(2026, 3, 10)); day = day.plusDays(1)) {
            usage.add(day + "T00:00:00Z,day,checkout,ash-c1,cpu,cores," + day.getDayOfYear());
        }
        usage.add("2026-03-10T05:00:00Z,hour,checkout,ash-c1,cpu,cores,7");
        usage.add("2026-03-10T06:00:00Z,hour,checkout,ash-c1,cpu,cores,9");
        TestFleet.ingest(store, Kind.USAGE, TestFleet.write(folder, "usage.csv", usage));

        assertThat(plans.demandSeries(DemandGrain.DAY))
                .singleElement()
                .satisfies(series -> assertThat(series.periods()).isEqualTo(69));
        DemandSeries weekly = plans.demandSeries(DemandGrain.WEEK).get(0);
        // Whole ISO weeks only: Monday 5 January to the week of Monday 2 March; 9 March's week is not over.
        assertThat(weekly.first()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
        assertThat(weekly.last()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(weekly.periods()).isEqualTo(9);
        List<DemandPoint> weeks = plans.demand("checkout", "ash-c1", "cpu", DemandGrain.WEEK);
        assertThat(weeks.get(0).used()).as("days 5 to 11 of the year").isEqualTo(8.0);
        assertThat(plans.demand("checkout", "ash-c1", "cpu", DemandGrain.MONTH))
                .as("January and February whole; March not over")
                .containsExactly(
                        new DemandPoint(Instant.parse("2026-01-01T00:00:00Z"), 16.0),
                        new DemandPoint(Instant.parse("2026-02-01T00:00:00Z"), 45.5));
        assertThat(plans.demand("checkout", "ash-c1", "cpu", DemandGrain.HOUR))
                .extracting(DemandPoint::used)
                .containsExactly(7.0, 9.0);
        assertThat(DemandGrain.MONTH.between(
                        Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z")))
                .isEqualTo(14);
        assertThat(DemandGrain.WEEK.next(weekly.last())).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));

        NewPlan daily = new NewPlan(
                DemandGrain.DAY,
                null,
                "daily",
                PlanLineage.of(List.of(PlanLineage.Entry.refit("a/c1/cpu", "first fit"))),
                ImmutableList.of(run("a/c1/cpu", 10)),
                ImmutableList.of());
        NewPlan weeklyPlan = new NewPlan(
                DemandGrain.WEEK,
                null,
                "weekly",
                PlanLineage.of(List.of(PlanLineage.Entry.refit("a/c1/cpu", "first fit"))),
                ImmutableList.of(run("a/c1/cpu", 70)),
                ImmutableList.of());
        assertThat(plans.writePlan(daily).version()).isEqualTo(1);
        assertThat(plans.writePlan(weeklyPlan).version())
                .as("the first weekly plan, after daily plan 1")
                .isEqualTo(2);
        assertThatThrownBy(() -> plans.writePlan(weeklyPlan)).hasMessageContaining("run again");
        assertThat(plans.latestPlan(DemandGrain.DAY).orElseThrow().version()).isEqualTo(1);
        assertThat(plans.latestPlan(DemandGrain.WEEK).orElseThrow().grain()).isEqualTo(DemandGrain.WEEK);
        assertThat(plans.latestPlan().orElseThrow().version()).isEqualTo(2);
        assertThat(plans.plans()).extracting(Plan::grain).containsExactly(DemandGrain.DAY, DemandGrain.WEEK);
    }
}
