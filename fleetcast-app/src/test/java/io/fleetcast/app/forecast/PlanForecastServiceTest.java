package io.fleetcast.app.forecast;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.QueryResult;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.plan.DemandGrain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored forecasts over a simulated fleet in a real DuckDB file: watermarks, plan versions, lineage and diffs. */
class PlanForecastServiceTest {
    private static final int HORIZON = 7;

    @TempDir
    Path folder;

    /** A simulated fleet loaded into a new store; forecasts are restricted to one service to stay quick. */
    static FleetcastApp loadedFleet(Path folder) {
        Path data = folder.resolve("data");
        new SimulationService()
                .simulate(new SimulationConfig(150, 120, 7, LocalDate.of(2026, 6, 30)), data, SimulationListener.NONE);
        FleetcastApp app = FleetcastApp.open(new AppConfig(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC)));
        app.ingest().ingestFolder(data, false, IngestProgress.NONE);
        return app;
    }

    /** The service of the first daily series, as a selector prefix ({@code service/}). */
    static String firstService(FleetcastApp app) {
        QueryResult result = app.sql().query("SELECT min(service) FROM usage WHERE grain = 'day'", 1);
        return result.rows().get(0).get(0) + "/";
    }

    @Test
    void refitsOnlyTheSeriesWithNewerDataAndExplainsTheDifference() throws IOException {
        try (FleetcastApp app = loadedFleet(folder)) {
            String selector = firstService(app);
            PlanForecastService plans = app.plans();

            PlanForecast first = plans.forecast(new PlanRequest(selector, HORIZON), PlanProgress.NONE);
            assertThat(first.planVersion()).isEqualTo(1);
            assertThat(first.parentVersion()).isNull();
            assertThat(first.refitted()).isPositive().isEqualTo(first.series().size());
            assertThat(first.carried()).isZero();
            assertThat(first.series()).allSatisfy(outcome -> {
                assertThat(outcome.action()).isEqualTo("refit");
                assertThat(outcome.reason()).isEqualTo("first fit");
                assertThat(outcome.seriesKey()).startsWith(selector);
            });

            PlanForecast second = plans.forecast(new PlanRequest(selector, HORIZON), PlanProgress.NONE);
            assertThat(second.planVersion()).isEqualTo(2);
            assertThat(second.parentVersion()).isEqualTo(1);
            assertThat(second.refitted()).isZero();
            assertThat(second.carried()).isEqualTo(first.refitted());
            assertThat(second.series())
                    .allSatisfy(outcome -> assertThat(outcome.reason()).isEqualTo("no new data since 2026-06-30"));

            String key = first.series().get(0).seriesKey();
            ingestLaterDays(app, folder, key, 3);

            PlanForecast third = plans.forecast(new PlanRequest(selector, HORIZON), PlanProgress.NONE);
            assertThat(third.refitted()).isEqualTo(1);
            assertThat(third.carried()).isEqualTo(first.refitted() - 1);
            PlanForecast.SeriesOutcome refitted = third.series().get(0);
            assertThat(refitted.seriesKey()).isEqualTo(key);
            assertThat(refitted.action()).isEqualTo("refit");
            assertThat(refitted.reason()).isEqualTo("new data: 3 days after 2026-06-30");
            assertThat(refitted.trainEnd()).isEqualTo(Instant.parse("2026-07-03T00:00:00Z"));

            QueryResult rows = app.sql()
                    .query(
                            "SELECT p.plan_version, p.parent_version, json_extract_string(p.lineage,"
                                    + " '$.series[0].action'), count(r.run_id), (SELECT count(*) FROM"
                                    + " forecast_points f JOIN forecast_runs q USING (run_id) WHERE q.plan_version"
                                    + " = 3) FROM plans p JOIN forecast_runs r USING (plan_version) WHERE"
                                    + " p.plan_version = 3 GROUP BY ALL",
                            10);
            assertThat(rows.rows())
                    .containsExactly(
                            List.of(3L, 2L, "refit", (long) first.refitted(), (long) first.refitted() * HORIZON));

            PlanDiff diff = plans.diff(2, 3);
            assertThat(diff.series()).hasSize(first.refitted());
            PlanDiff.SeriesChange changed = diff.series().get(0);
            assertThat(changed.seriesKey()).isEqualTo(key);
            assertThat(changed.status()).isEqualTo("changed");
            assertThat(changed.reasons()).contains("new data");
            assertThat(changed.rowsAdded()).isEqualTo(3);
            assertThat(changed.commonDays()).isEqualTo(HORIZON - 3);
            assertThat(changed.explanation()).contains("new data: +3 days (trained to 2026-07-03, was 2026-06-30)");
            assertThat(changed.percentChange()).isNotNull();
            assertThat(diff.series().subList(1, diff.series().size())).allSatisfy(change -> {
                assertThat(change.status()).isEqualTo("unchanged");
                assertThat(change.explanation()).startsWith("carried forward unchanged");
            });
        }
    }

    @Test
    void reportsUnknownVersionsUnmatchedSelectorsAndAnEmptyStore() {
        try (FleetcastApp app = FleetcastApp.open(
                new AppConfig(StoreConfig.of(folder.resolve("empty.duckdb")).withThreads(2), Clock.systemUTC()))) {
            assertThatThrownBy(() -> app.plans().forecast(new PlanRequest("", HORIZON), PlanProgress.NONE))
                    .isInstanceOf(FleetcastException.class)
                    .hasMessageContaining("no daily demand");
            assertThatThrownBy(() -> app.plans()
                            .forecast(new PlanRequest("", DemandGrain.WEEK, 4, ImmutableList.of()), PlanProgress.NONE))
                    .hasMessageContaining("the store has no weekly demand to forecast: load usage rows of grain day"
                            + " covering a whole week");
            assertThatThrownBy(() -> app.plans().diff(1, 2))
                    .isInstanceOfSatisfying(
                            FleetcastException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                    .hasMessageContaining("there is no plan version 2; no plan was written yet");
        }
        assertThatThrownBy(() -> new PlanRequest("", 0)).hasMessageContaining("horizon");
        assertThat(new PlanRequest("web/*/cpu", 1).selects("web/c-1/cpu")).isTrue();
        assertThat(new PlanRequest("web/*/cpu", 1).selects("web/c-1/memory")).isFalse();
        assertThat(new PlanRequest("we", 1).selects("web/c-1/memory")).isTrue();
    }

    /** Ingests {@code days} more daily rows of series {@code key} after its last day. */
    static void ingestLaterDays(FleetcastApp app, Path folder, String key, int days) throws IOException {
        String[] parts = key.split("/", -1);
        QueryResult last = app.sql()
                .query(
                        "SELECT CAST(max(ts) AS DATE), max(used), min(unit) FROM usage WHERE grain = 'day' AND service = '"
                                + parts[0] + "' AND cluster = '" + parts[1] + "' AND resource = '" + parts[2] + "'",
                        1);
        LocalDate lastDay = (LocalDate) last.rows().get(0).get(0);
        double used = (Double) last.rows().get(0).get(1);
        String unit = (String) last.rows().get(0).get(2);
        StringBuilder csv = new StringBuilder("ts,grain,service,cluster,resource,unit,used\n");
        for (int day = 1; day <= days; day++) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%sT00:00:00Z,day,%s,%s,%s,%s,%.3f%n",
                    lastDay.plusDays(day),
                    parts[0],
                    parts[1],
                    parts[2],
                    unit,
                    used * 1.5));
        }
        Path file = Files.writeString(folder.resolve("later-usage-" + days + ".csv"), csv, UTF_8);
        app.ingest().ingest(Kind.USAGE, List.of(file), false, IngestProgress.NONE);
    }
}
