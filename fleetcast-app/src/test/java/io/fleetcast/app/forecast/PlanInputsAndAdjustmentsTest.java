package io.fleetcast.app.forecast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.forecast.auto.AutomaticForecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.duckdb.DuckDbPlanStore;
import io.fleetcast.store.duckdb.DuckDbStore;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.StoredAdjustment;
import io.fleetcast.store.plan.StoredEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stored events, drivers, scenarios and adjustments in stored forecasts, on a fleet whose truth is known: checkout's
 * cpu follows the fleet-wide driver {@code dau} with elasticity 0.8 and rises 50% on each day of the recurring global
 * event {@code Sale}; search has its own driver and a service-scoped event; eu-west has a regional holiday.
 */
class PlanInputsAndAdjustmentsTest {
    static final LocalDate FIRST = LocalDate.of(2024, 7, 1);
    static final int DAYS = 730;
    static final LocalDate LAST = FIRST.plusDays(DAYS - 1);
    static final int HORIZON = 120;
    static final double ELASTICITY = 0.8;
    static final double LIFT = 1.5;
    static final String CHECKOUT = "checkout/ash-c1/cpu";
    static final String SEARCH = "search/euw-c1/cpu";

    /** The regression model for every series: its effects are what the truth is compared with. */
    static final PlanForecastService.ForecasterFactory REGRESSION =
            (regressors, followDrivers) -> AutomaticForecaster.regressionWith(regressors);

    @TempDir
    Path folder;

    DuckDbStore store;
    DuckDbPlanStore plans;

    @BeforeEach
    void load() throws IOException {
        store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC));
        plans = new DuckDbPlanStore(store);
        Path data = Files.createDirectories(folder.resolve("data"));
        write(
                data,
                "skus.csv",
                "sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,"
                        + "power_watts,depreciation_months,lifetime_months",
                "gen6-compute,owned,2U compute,64,512,3.84,14500.00,,,450,60,72");
        write(
                data,
                "assets.csv",
                "asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,"
                        + "retire_date",
                "srv-1,gen6-compute,us-east,dc-ash,datacenter,ash-c1,r01,b1,owned,2024-01-01,,",
                "srv-2,gen6-compute,eu-west,dc-fra,datacenter,euw-c1,r01,b1,owned,2024-01-01,,");
        write(data, "services.csv", "service,team,org,tier", "checkout,payments,commerce,", "search,discovery,x,");
        List<String> events = new ArrayList<>(List.of("name,kind,start_date,end_date,scope,scope_value"));
        for (LocalDate day = FIRST.plusDays(12); day.isBefore(LAST.plusDays(HORIZON)); day = day.plusDays(30)) {
            events.add("Sale,holiday," + day + "," + day + ",global,");
        }
        events.add("Fête,holiday,2025-07-14,2025-07-14,region,eu-west");
        events.add("Search relaunch,one_off,2025-03-01,2025-03-02,service,search");
        events.add("Future only,one_off," + LAST.plusDays(5) + "," + LAST.plusDays(5) + ",global,");
        write(data, "events.csv", events.toArray(String[]::new));
        List<String> drivers = new ArrayList<>(List.of("date,driver,service,value,unit"));
        List<String> usage = new ArrayList<>(List.of("ts,grain,service,cluster,resource,unit,used"));
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < DAYS; t++) {
            LocalDate day = FIRST.plusDays(t);
            double dau = dau(t) * Math.exp(0.01 * random.nextGaussian());
            double queries = 5e5 * (1 + 0.0002 * t);
            drivers.add(day + ",dau,," + Math.round(dau) + ",users");
            drivers.add(day + ",queries,search," + Math.round(queries) + ",requests");
            boolean sale = (t - 12) % 30 == 0 && t >= 12;
            double checkout = 40
                    * Math.pow(Math.round(dau) / 1e6, ELASTICITY)
                    * (sale ? LIFT : 1)
                    * Math.exp(0.01 * random.nextGaussian());
            double search = 20 + 0.01 * t + 0.3 * random.nextGaussian();
            usage.add(String.format(Locale.ROOT, "%sT00:00:00Z,day,checkout,ash-c1,cpu,cores,%.4f", day, checkout));
            usage.add(String.format(Locale.ROOT, "%sT00:00:00Z,day,search,euw-c1,cpu,cores,%.4f", day, search));
        }
        write(data, "drivers.csv", drivers.toArray(String[]::new));
        write(data, "usage.csv", usage.toArray(String[]::new));
        write(
                data,
                "adjustments.csv",
                "adjustment_id,service,cluster,resource,kind,value,unit,start_date,end_date,author,reason,created_at",
                "S0,checkout,ash-c1,cpu,step,7,cores," + LAST.minusDays(30) + ",,ana,past launch,2026-01-01T00:00:00Z",
                "M1,checkout,,cpu,multiply,1.1,," + LAST.plusDays(11) + "," + LAST.plusDays(20)
                        + ",ana,peak,2026-06-01T00:00:00Z",
                "S1,checkout,ash-c1,cpu,step,5000,millicores," + LAST.plusDays(31) + ",,bo,launch,2026-06-02T00:00:00Z",
                "O1,search,euw-c1,cpu,override,30,cores," + LAST.plusDays(1) + "," + LAST.plusDays(2)
                        + ",bo,migration,2026-06-03T00:00:00Z");
        new IngestService(store).ingestFolder(data, false, IngestProgress.NONE);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** The driver's expected value on day {@code t}: a trend and a weekly cycle. */
    static double dau(int t) {
        return 1e6 * Math.exp(0.0006 * t) * (1 + 0.08 * Math.sin(2 * Math.PI * t / 7));
    }

    static void write(Path folder, String name, String... lines) throws IOException {
        Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n", UTF_8);
    }

    ForecastRun run(int version, String key) {
        return plans.runs(version).stream()
                .filter(run -> run.seriesKey().equals(key))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void usesTheEventsAndDriversInScopeAndRecoversTheirEffects() {
        PlanForecast plan =
                new PlanForecastService(plans, REGRESSION).forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);
        assertThat(plan.refitted()).isEqualTo(2);

        ForecastRun checkout = run(1, CHECKOUT);
        // Global events seen in the history; not eu-west's holiday, not search's relaunch, not the future-only event;
        // the fleet-wide driver, as checkout has none of its own.
        assertThat(checkout.inputs().regressors()).containsExactly("event:Sale", "driver:dau");
        assertThat(checkout.parameters().get("event:Sale")).isCloseTo(LIFT, within(0.1 * LIFT));
        assertThat(checkout.parameters().get("driver:dau")).isCloseTo(ELASTICITY, within(0.1 * ELASTICITY));
        assertThat(run(1, SEARCH).inputs().regressors())
                .as("eu-west's holiday, search's own event and driver")
                .containsExactly("event:Fête", "event:Sale", "event:Search relaunch", "driver:queries");

        // A Sale in the horizon is in the forecast: about 1.5 times the same weekdays around it.
        List<ForecastPoint> points = plans.points(checkout.runId());
        int sale = 0;
        while ((DAYS + sale - 12) % 30 != 0 || sale < 7) {
            sale++;
        }
        double around = (points.get(sale - 7).mean() + points.get(sale + 7).mean()) / 2;
        assertThat(points.get(sale).mean() / around).isCloseTo(LIFT, within(0.1 * LIFT));
    }

    @Test
    void aScenarioRefitsTheSeriesWithThatDriverAndMovesItsForecastByTheElasticity() {
        PlanForecastService service = new PlanForecastService(plans, PlanForecastService.ForecasterFactory.automatic());
        PlanForecastService regression = new PlanForecastService(plans, REGRESSION);
        regression.forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);
        LocalDate by = LAST.plusDays(60);
        PlanForecast second = service.forecast(
                new PlanRequest("", DemandGrain.DAY, HORIZON, ImmutableList.of(DriverScenario.parse("dau=+20%@" + by))),
                PlanProgress.NONE);

        assertThat(second.refitted()).isEqualTo(1);
        PlanForecast.SeriesOutcome checkout = second.series().get(0);
        assertThat(checkout.seriesKey()).isEqualTo(CHECKOUT);
        assertThat(checkout.reason()).isEqualTo("inputs changed: scenarios none -> dau +20% by " + by);
        assertThat(checkout.model()).startsWith("Regression");
        assertThat(second.series().get(1).action()).isEqualTo("carried");

        List<ForecastPoint> before = plans.points(run(1, CHECKOUT).runId());
        List<ForecastPoint> after = plans.points(run(2, CHECKOUT).runId());
        // Past the ramp, demand rises by 1.2^0.8 = 1.157 (the elasticity's estimate moves it a little).
        for (int step = 61; step < HORIZON; step += 10) {
            assertThat(after.get(step).mean() / before.get(step).mean())
                    .as("step %d", step)
                    .isCloseTo(Math.pow(1.2, ELASTICITY), within(0.03));
        }
        assertThat(after.get(0).mean() / before.get(0).mean()).isCloseTo(1, within(0.01));

        PlanDiff.SeriesChange change = regression.diff(1, 2).series().get(0);
        assertThat(change.reasons()).contains("inputs change");
        assertThat(change.explanation()).contains("scenarios none -> dau +20% by " + by);

        assertThatThrownBy(() -> service.forecast(
                        new PlanRequest(
                                "",
                                DemandGrain.DAY,
                                HORIZON,
                                ImmutableList.of(DriverScenario.parse("users=+20%@" + by))),
                        PlanProgress.NONE))
                .hasMessageContaining("there is no stored driver users; drivers are [dau, queries]");
        assertThatThrownBy(() -> service.forecast(
                        new PlanRequest(
                                "",
                                DemandGrain.DAY,
                                HORIZON,
                                ImmutableList.of(DriverScenario.parse("dau=+20%@" + LAST))),
                        PlanProgress.NONE))
                .hasMessageContaining("is not after the driver's last stored day " + LAST);
        assertThatThrownBy(() -> DriverScenario.parse("dau+20%")).hasMessageContaining("is not DRIVER=CHANGE%@DATE");
    }

    @Test
    void appliesAdjustmentsOnTopOfTheStatisticalForecastAndExplainsTheirChanges() {
        PlanForecastService service =
                new PlanForecastService(plans, (regressors, followDrivers) -> new NaiveForecaster());
        PlanForecast first = service.forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);
        assertThat(first.series().get(0).adjustments()).containsExactly("M1", "S1");
        assertThat(first.series().get(1).adjustments()).containsExactly("O1");

        ForecastRun checkout = run(1, CHECKOUT);
        assertThat(checkout.adjustments())
                .containsExactly(
                        Map.entry(
                                "M1",
                                "M1: multiply x1.1 " + LAST.plusDays(11) + ".." + LAST.plusDays(20) + " (ana: peak)"),
                        Map.entry("S1", "S1: step +5 cores from " + LAST.plusDays(31) + " (bo: launch)"));
        List<ForecastPoint> statistical = plans.points(checkout.runId());
        List<ForecastPoint> adjusted = plans.adjustedPoints(checkout.runId());
        double level = statistical.get(0).mean();
        assertThat(statistical).allSatisfy(point -> assertThat(point.mean()).isEqualTo(level));
        assertThat(adjusted.get(9).mean()).as("before M1").isEqualTo(level);
        assertThat(adjusted.get(10).mean()).as("M1's first day").isCloseTo(1.1 * level, within(1e-9));
        assertThat(adjusted.get(10).hi95() / statistical.get(10).hi95()).isCloseTo(1.1, within(1e-9));
        assertThat(adjusted.get(19).mean()).as("M1's last day").isCloseTo(1.1 * level, within(1e-9));
        assertThat(adjusted.get(29).mean()).as("between").isEqualTo(level);
        assertThat(adjusted.get(30).mean())
                .as("S1 in cores, the past step S0 not again")
                .isCloseTo(level + 5, within(1e-9));
        assertThat(adjusted.get(HORIZON - 1).mean()).isCloseTo(level + 5, within(1e-9));
        List<ForecastPoint> search = plans.adjustedPoints(run(1, SEARCH).runId());
        assertThat(search.get(0).mean()).isEqualTo(30);
        assertThat(search.get(2).mean())
                .isEqualTo(plans.points(run(1, SEARCH).runId()).get(2).mean());

        plans.saveAdjustment(
                new StoredAdjustment(
                        "A2",
                        "checkout",
                        "ash-c1",
                        "cpu",
                        "add",
                        3,
                        "cores",
                        LAST.plusDays(1),
                        LAST.plusDays(HORIZON),
                        "cy",
                        "new tenant",
                        Instant.parse("2026-07-01T00:00:00Z")),
                "api");
        plans.deleteAdjustment("O1");
        PlanForecast second = service.forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);
        assertThat(second.refitted()).as("adjustments do not refit").isZero();
        assertThat(second.series().get(0).adjustments()).containsExactly("M1", "S1", "A2");
        ForecastRun carried = run(2, CHECKOUT);
        assertThat(plans.points(carried.runId())).isEqualTo(statistical);
        assertThat(plans.adjustedPoints(carried.runId()).get(0).mean()).isCloseTo(level + 3, within(1e-9));
        assertThat(plans.adjustedPoints(run(2, SEARCH).runId())).isEmpty();

        PlanDiff diff = service.diff(1, 2);
        PlanDiff.SeriesChange changed = diff.series().get(0);
        assertThat(changed.reasons()).containsExactly("adjustment");
        assertThat(changed.explanation()).contains("adjustments +A2: add +3 cores");
        assertThat(requireNonNull(changed.meanAfter()) - requireNonNull(changed.meanBefore()))
                .isCloseTo(3, within(1e-9));
        assertThat(diff.series().get(1).explanation()).contains("adjustments -O1: override = 30 cores");
    }

    @Test
    void theForecastViewShowsHistoryForecastsEventsAndAdjustmentsAndTakesNewAdjustments() {
        ForecastViewService views =
                new ForecastViewService(plans, Clock.fixed(Instant.parse("2026-07-02T10:00:00Z"), ZoneOffset.UTC));
        assertThatThrownBy(() -> views.planSeries(null)).hasMessageContaining("no plan was written yet");
        PlanForecastService service =
                new PlanForecastService(plans, (regressors, followDrivers) -> new NaiveForecaster());
        service.forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);
        service.forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);

        assertThat(views.plans())
                .extracting(ForecastViewService.PlanSummary::version)
                .containsExactly(2, 1);
        assertThat(views.plans().get(0).carried()).isEqualTo(2);
        assertThat(views.planSeries(1).series())
                .extracting(ForecastViewService.SeriesSummary::seriesKey, ForecastViewService.SeriesSummary::unit)
                .containsExactly(tuple(CHECKOUT, "cores"), tuple(SEARCH, "cores"));

        ForecastViewService.SeriesView view = views.series(null, CHECKOUT, 60);
        assertThat(view.version()).isEqualTo(2);
        assertThat(view.history()).hasSize(60);
        assertThat(view.history().get(59).ts()).isEqualTo(view.trainEnd());
        assertThat(view.forecast()).hasSize(HORIZON);
        assertThat(view.adjusted()).hasSize(HORIZON);
        assertThat(view.events())
                .as("global events over the 60 days and the horizon; not eu-west's or search's")
                .extracting(StoredEvent::name)
                .containsOnly("Sale", "Future only")
                .hasSize(7);
        assertThat(view.adjustments())
                .extracting(a -> a.adjustment().id(), ForecastViewService.AdjustmentView::applied)
                .containsExactly(tuple("S0", false), tuple("M1", true), tuple("S1", true));
        assertThat(views.series(1, SEARCH, 400).events())
                .extracting(StoredEvent::name)
                .contains("Fête", "Sale", "Future only");

        StoredAdjustment saved = views.saveAdjustment(
                new ForecastViewService.AdjustmentInput(
                        null,
                        "checkout",
                        "",
                        "cpu",
                        "ADD",
                        1500,
                        "millicores",
                        LAST.plusDays(3),
                        LAST.plusDays(4),
                        "load test"),
                "dee");
        assertThat(saved.id()).startsWith("ADJ-");
        assertThat(saved.value()).isEqualTo(1.5);
        assertThat(saved.unit()).isEqualTo("cores");
        assertThat(saved.cluster()).isNull();
        assertThat(saved.author()).isEqualTo("dee");
        assertThat(saved.createdAt()).isEqualTo(Instant.parse("2026-07-02T10:00:00Z"));
        assertThat(views.series(null, CHECKOUT, 1).adjustments())
                .filteredOn(a -> a.adjustment().id().equals(saved.id()))
                .singleElement()
                .satisfies(a ->
                        assertThat(a.applied()).as("applies from the next plan").isFalse());
        PlanForecast next = service.forecast(new PlanRequest("", HORIZON), PlanProgress.NONE);
        assertThat(next.series().get(0).adjustments()).contains(saved.id());

        ForecastViewService.AdjustmentInput bad = new ForecastViewService.AdjustmentInput(
                "X", "checkout", null, "cpu", "add", 1, "parsecs", LAST, LAST, "why");
        assertThatThrownBy(() -> views.saveAdjustment(bad, "dee")).hasMessageContaining("unit \"parsecs\"");
        assertThatThrownBy(() -> views.saveAdjustment(
                        new ForecastViewService.AdjustmentInput(
                                "X", "checkout", null, "cpu", "add", 1, null, LAST, null, "why"),
                        "dee"))
                .hasMessageContaining("end is required for add");
        assertThatThrownBy(() -> views.saveAdjustment(
                        new ForecastViewService.AdjustmentInput(
                                "X", "checkout", null, "gpu", "add", 1, null, LAST, LAST, "why"),
                        "dee"))
                .hasMessageContaining("resource must be cpu, memory or storage");
        assertThatThrownBy(() -> views.series(null, "nope/x/cpu", 10)).hasMessageContaining("has no series nope/x/cpu");
        assertThatThrownBy(() -> views.series(7, CHECKOUT, 10)).hasMessageContaining("versions are 1 to 3");
        assertThatThrownBy(() -> views.deleteAdjustment("nope")).hasMessageContaining("there is no adjustment nope");
        views.deleteAdjustment(saved.id());
        assertThat(views.adjustments()).extracting(StoredAdjustment::id).doesNotContain(saved.id());
    }

    @Test
    void forecastsWeeklyDemandWithWeeklyRegressorsAndAdjustsWeeksByTheShareOfDaysCovered() {
        PlanForecastService regression = new PlanForecastService(plans, REGRESSION);
        PlanForecast weekly = regression.forecast(
                new PlanRequest("checkout/", DemandGrain.WEEK, 26, ImmutableList.of()), PlanProgress.NONE);
        assertThat(weekly.grain()).isEqualTo(DemandGrain.WEEK);
        ForecastRun run = run(1, CHECKOUT);
        // The last whole week of data is Monday 22 June 2026 to Sunday 28 June; forecasts start on Monday 29 June.
        assertThat(run.trainEnd()).isEqualTo(Instant.parse("2026-06-22T00:00:00Z"));
        List<ForecastPoint> statistical = plans.points(run.runId());
        assertThat(statistical).hasSize(26);
        assertThat(statistical.get(1).ts()).isEqualTo(Instant.parse("2026-07-06T00:00:00Z"));
        assertThat(run.inputs().regressors()).containsExactly("event:Sale", "driver:dau");
        // M1 (x1.1 from 11 to 20 July) covers 2 days of the week of 6 July, all of the next, 1 day of the one after;
        // S1 (+5 cores from Friday 31 July) 3 days of the week of 27 July, then all.
        List<ForecastPoint> adjusted = plans.adjustedPoints(run.runId());
        double[] expected = new double[26];
        for (int week = 0; week < 26; week++) {
            expected[week] = statistical.get(week).mean();
        }
        expected[1] *= 1 + 0.1 * 2 / 7;
        expected[2] *= 1.1;
        expected[3] *= 1 + 0.1 / 7;
        expected[4] += 5.0 * 3 / 7;
        for (int week = 5; week < 26; week++) {
            expected[week] += 5;
        }
        for (int week = 0; week < 26; week++) {
            assertThat(adjusted.get(week).mean()).as("week %d", week).isCloseTo(expected[week], within(1e-9));
        }

        PlanForecast daily = regression.forecast(new PlanRequest("checkout/", HORIZON), PlanProgress.NONE);
        assertThat(daily.parentVersion())
                .as("each grain has its own line of plans")
                .isNull();
        PlanForecast again = regression.forecast(
                new PlanRequest("checkout/", DemandGrain.WEEK, 26, ImmutableList.of()), PlanProgress.NONE);
        assertThat(again.parentVersion()).isEqualTo(1);
        assertThat(again.series().get(0).reason()).isEqualTo("no new data since 2026-06-22");
        assertThatThrownBy(() -> regression.diff(1, 2)).hasMessageContaining("compare plans of one grain");
        assertThatThrownBy(() -> new PlanRequest("", DemandGrain.MONTH, 121, ImmutableList.of()))
                .hasMessageContaining("the horizon must be 1 to 120 months");
    }
}
