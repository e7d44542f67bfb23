package io.fleetcast.server;

import static io.fleetcast.server.TestForecastData.CPU_ADJUSTMENT;
import static io.fleetcast.server.TestForecastData.CPU_END;
import static io.fleetcast.server.TestForecastData.CPU_FACTOR;
import static io.fleetcast.server.TestForecastData.CPU_SERIES;
import static io.fleetcast.server.TestForecastData.CPU_START;
import static io.fleetcast.server.TestForecastData.HORIZON_DAYS;
import static io.fleetcast.server.TestForecastData.MEMORY_ADJUSTMENT;
import static io.fleetcast.server.TestForecastData.MEMORY_GIB;
import static io.fleetcast.server.TestForecastData.MEMORY_SERIES;
import static io.fleetcast.server.TestForecastData.STORAGE_SERIES;
import static io.fleetcast.server.TestServer.assertError;
import static io.fleetcast.server.TestServer.fieldNames;
import static io.fleetcast.server.TestServer.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.server.TestServer.Response;
import io.fleetcast.server.auth.AccessDecision;
import io.fleetcast.server.auth.Principal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forecast endpoints on the real server on a free port, over a real store with the two plan versions of {@link
 * TestForecastData}, through a real HTTP client. Tests that write adjustments use ids of their own and remove them, so
 * the fixture's plans and adjustments stay as they were for the others.
 */
class ForecastApiTest {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestForecastData.plannedApp(folder));

    /** POSTs adjustment ADJ-X of checkout on ash-c1 with {@code fields} and expects a 400 with {@code message}. */
    private static void assertRefused(String fields, String message) {
        assertError(server.send("POST", "/api/forecast/adjustments", adjustment("ADJ-X", fields)), 400, message);
    }

    private static String adjustment(String id, String fields) {
        return "{\"id\": \"" + id + "\", \"service\": \"checkout\", \"cluster\": \"ash-c1\", " + fields + "}";
    }

    @Test
    void plansAreListedNewestFirstWithTheirLineage() {
        JsonNode plans = server.json("/api/forecast/plans").get("plans");

        assertThat(plans).hasSize(2);
        JsonNode latest = plans.get(0);
        assertThat(fieldNames(latest))
                .containsExactly(
                        "version", "grain", "parent_version", "created_at", "description", "refitted", "carried");
        assertThat(latest.get("grain").asText()).isEqualTo("day");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("parent_version").asInt()).isEqualTo(1);
        assertThat(latest.get("refitted").asInt()).isZero();
        assertThat(latest.get("carried").asInt()).isEqualTo(3);
        assertThat(latest.get("description").asText())
                .isEqualTo("fleetcast forecast --series checkout/ash-c1/ --horizon 30: 0 refitted, 3 carried");
        assertThat(plans.get(1).get("version").asInt()).isEqualTo(1);
        assertThat(plans.get(1).get("parent_version").isNull()).isTrue();
        assertThat(plans.get(1).get("refitted").asInt()).isEqualTo(3);
    }

    @Test
    void aPlansSeriesCarryTheirUnitsModelsAndAppliedAdjustments() {
        JsonNode latest = server.json("/api/forecast/plans/latest/series");

        assertThat(fieldNames(latest)).containsExactly("version", "created_at", "description", "series");
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        JsonNode series = latest.get("series");
        assertThat(texts(series, "series_key")).containsExactly(CPU_SERIES, MEMORY_SERIES, STORAGE_SERIES);
        assertThat(texts(series, "unit")).containsExactly("cores", "GiB", "TB");
        assertThat(fieldNames(series.get(0)))
                .containsExactly("series_key", "unit", "model", "train_end", "regressors", "adjustments");
        assertThat(series.get(0).get("train_end").asText()).isEqualTo("2025-12-31");
        assertThat(texts(series.get(0).get("adjustments"))).containsExactly(CPU_ADJUSTMENT);
        assertThat(texts(series.get(1).get("adjustments"))).containsExactly(MEMORY_ADJUSTMENT);
        assertThat(series.get(2).get("adjustments")).isEmpty();

        JsonNode first = server.json("/api/forecast/plans/1/series");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("series").get(1).get("adjustments")).isEmpty();

        assertError(server.get("/api/forecast/plans/9/series"), 404, "there is no plan version 9; versions are 1 to 2");
        assertError(
                server.get("/api/forecast/plans/two/series"),
                400,
                "parameter \"version\": expected a plan version (1, 2, ...) or latest, got \"two\"");
    }

    @Test
    void aSeriesHasItsHistoryTheForecastWithBandsAndTheAdjustedForecastExactlyAsTheAdjustmentSays() {
        JsonNode view = server.json("/api/forecast/series?key=" + CPU_SERIES);

        assertThat(fieldNames(view))
                .containsExactly(
                        "version",
                        "grain",
                        "series_key",
                        "unit",
                        "provenance",
                        "history",
                        "forecast",
                        "adjusted",
                        "reconciled",
                        "events",
                        "adjustments");
        assertThat(view.get("version").asInt()).isEqualTo(2);
        assertThat(view.get("unit").asText()).isEqualTo("cores");

        JsonNode provenance = view.get("provenance");
        assertThat(fieldNames(provenance))
                .containsExactly(
                        "model", "parameters", "train_start", "train_end", "train_rows", "regressors", "scenarios");
        assertThat(provenance.get("model").asText()).isNotBlank();
        assertThat(provenance.get("train_start").asText()).isEqualTo("2025-01-01");
        assertThat(provenance.get("train_end").asText()).isEqualTo("2025-12-31");
        assertThat(provenance.get("train_rows").asLong()).isEqualTo(365);

        JsonNode history = view.get("history");
        assertThat(history).as("180 days by default").hasSize(180);
        assertThat(fieldNames(history.get(0))).containsExactly("date", "used");
        assertThat(history.get(history.size() - 1).get("date").asText()).isEqualTo("2025-12-31");

        JsonNode forecast = view.get("forecast");
        assertThat(forecast).hasSize(HORIZON_DAYS);
        assertThat(fieldNames(forecast.get(0))).containsExactly("date", "mean", "lo80", "hi80", "lo95", "hi95");
        assertThat(forecast.get(0).get("date").asText()).isEqualTo("2026-01-01");
        for (JsonNode point : forecast) {
            assertThat(point.get("lo95").asDouble())
                    .isLessThanOrEqualTo(point.get("lo80").asDouble());
            assertThat(point.get("lo80").asDouble())
                    .isLessThanOrEqualTo(point.get("mean").asDouble());
            assertThat(point.get("mean").asDouble())
                    .isLessThanOrEqualTo(point.get("hi80").asDouble());
            assertThat(point.get("hi80").asDouble())
                    .isLessThanOrEqualTo(point.get("hi95").asDouble());
        }

        JsonNode adjusted = view.get("adjusted");
        assertThat(adjusted).hasSize(HORIZON_DAYS);
        int changed = 0;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            LocalDate day = LocalDate.parse(forecast.get(i).get("date").asText());
            assertThat(adjusted.get(i).get("date").asText()).isEqualTo(day.toString());
            boolean inRange = !day.isBefore(CPU_START) && !day.isAfter(CPU_END);
            double factor = inRange ? CPU_FACTOR : 1.0;
            for (String field : List.of("mean", "lo80", "hi80", "lo95", "hi95")) {
                assertThat(adjusted.get(i).get(field).asDouble())
                        .as(day + " " + field)
                        .isCloseTo(factor * forecast.get(i).get(field).asDouble(), within(1e-9));
            }
            changed += inRange ? 1 : 0;
        }
        assertThat(changed).isEqualTo(11);

        assertThat(texts(view.get("events"), "name"))
                .containsExactlyInAnyOrder(TestForecastData.HOLIDAY_EVENT, TestForecastData.LAUNCH_EVENT);
        JsonNode launch = view.get("events").findParents("name").stream()
                .filter(event -> event.get("name").asText().equals(TestForecastData.LAUNCH_EVENT))
                .findFirst()
                .orElseThrow();
        assertThat(fieldNames(launch)).containsExactly("name", "kind", "start", "end", "scope", "scope_value");
        assertThat(launch.get("scope_value").asText()).isEqualTo("checkout");

        JsonNode adjustments = view.get("adjustments");
        assertThat(texts(adjustments, "id")).containsExactly(CPU_ADJUSTMENT);
        assertThat(fieldNames(adjustments.get(0)))
                .containsExactly(
                        "id",
                        "service",
                        "cluster",
                        "resource",
                        "kind",
                        "value",
                        "unit",
                        "start",
                        "end",
                        "author",
                        "reason",
                        "created_at",
                        "description",
                        "applied");
        assertThat(adjustments.get(0).get("applied").asBoolean()).isTrue();
        assertThat(adjustments.get(0).get("author").asText()).isEqualTo("planner");
        assertThat(adjustments.get(0).get("unit").isNull()).isTrue();
    }

    @Test
    void anAdjustmentAddedAfterAPlanIsListedAsNotAppliedInItAndShiftsTheNextPlanByItsConvertedValue() {
        JsonNode first = server.json("/api/forecast/series?key=" + MEMORY_SERIES + "&version=1&history=400");
        assertThat(first.get("version").asInt()).isEqualTo(1);
        assertThat(first.get("history")).hasSize(365);
        assertThat(first.get("adjusted")).isEmpty();
        assertThat(texts(first.get("adjustments"), "id")).containsExactly(MEMORY_ADJUSTMENT);
        assertThat(first.get("adjustments").get(0).get("applied").asBoolean()).isFalse();

        JsonNode second = server.json("/api/forecast/series?key=" + MEMORY_SERIES + "&version=2&history=7");
        assertThat(second.get("history")).hasSize(7);
        assertThat(second.get("adjustments").get(0).get("applied").asBoolean()).isTrue();
        assertThat(second.get("adjustments").get(0).get("value").asDouble()).isEqualTo(MEMORY_GIB);
        assertThat(second.get("adjustments").get(0).get("unit").asText()).isEqualTo("GiB");
        for (int i = 0; i < HORIZON_DAYS; i++) {
            LocalDate day =
                    LocalDate.parse(second.get("forecast").get(i).get("date").asText());
            double shift = day.isBefore(LocalDate.parse("2026-01-05")) ? 0 : MEMORY_GIB;
            assertThat(second.get("adjusted").get(i).get("mean").asDouble())
                    .as(day.toString())
                    .isCloseTo(second.get("forecast").get(i).get("mean").asDouble() + shift, within(1e-9));
            // Carried: plan 2's statistical forecast is plan 1's.
            assertThat(second.get("forecast").get(i))
                    .isEqualTo(first.get("forecast").get(i));
        }
    }

    @Test
    void badSeriesRequestsSayWhatIsWrong() {
        assertError(
                server.get("/api/forecast/series"),
                400,
                "parameter \"key\" is required: the series as service/cluster/resource, e.g. checkout/ash-c1/cpu");
        assertError(
                server.get("/api/forecast/series?key=" + CPU_SERIES + "&history=-1"),
                400,
                "history must be 0 to 3660 days, got -1");
        assertError(
                server.get("/api/forecast/series?key=" + CPU_SERIES + "&history=lots"),
                400,
                "parameter \"history\": expected a whole number, got \"lots\"");
        assertError(
                server.get("/api/forecast/series?key=" + CPU_SERIES + "&version=0"),
                400,
                "parameter \"version\": expected a plan version (1, 2, ...) or latest, got \"0\"");
        assertError(
                server.get("/api/forecast/series?key=" + CPU_SERIES + "&version=3"),
                404,
                "there is no plan version 3; versions are 1 to 2");
        assertError(
                server.get("/api/forecast/series?key=search/ash-c1/cpu"),
                404,
                "plan 2 has no series search/ash-c1/cpu (keys are service/cluster/resource;"
                        + " GET /api/forecast/plans/2/series lists them)");
        assertError(
                server.get("/api/forecast/series?key=" + CPU_SERIES + "&horizon=3"),
                400,
                "unknown parameter \"horizon\"; expected key, version, history");
    }

    @Test
    void theDiffOfTheTwoPlansNamesTheAdjustment() {
        JsonNode diff = server.json("/api/forecast/diff?from=1&to=2");

        assertThat(fieldNames(diff)).containsExactly("from", "to", "series");
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("to").asInt()).isEqualTo(2);
        JsonNode series = diff.get("series");
        assertThat(texts(series, "series_key")).containsExactly(CPU_SERIES, MEMORY_SERIES, STORAGE_SERIES);
        assertThat(texts(series, "status")).containsExactly("unchanged", "changed", "unchanged");
        JsonNode memory = series.get(1);
        assertThat(fieldNames(memory))
                .containsExactly(
                        "series_key",
                        "status",
                        "reasons",
                        "model_before",
                        "model_after",
                        "train_end_before",
                        "train_end_after",
                        "rows_added",
                        "common_days",
                        "adjustments_before",
                        "adjustments_after",
                        "mean_before",
                        "mean_after",
                        "percent_change",
                        "explanation");
        assertThat(texts(memory.get("reasons"))).containsExactly("adjustment");
        assertThat(memory.get("adjustments_before")).isEmpty();
        assertThat(texts(memory.get("adjustments_after"))).containsExactly(MEMORY_ADJUSTMENT);
        assertThat(memory.get("common_days").asInt()).isEqualTo(HORIZON_DAYS);
        // 512 GiB on 26 of the 30 days: 2026-01-05 to 2026-01-30, the last day forecast.
        assertThat(memory.get("mean_after").asDouble()
                        - memory.get("mean_before").asDouble())
                .isCloseTo(MEMORY_GIB * 26 / 30, within(1e-6));
        assertThat(memory.get("explanation").asText()).isNotBlank();
        assertThat(memory.get("train_end_after").asText()).isEqualTo("2025-12-31");

        assertError(
                server.get("/api/forecast/diff?from=1"),
                400,
                "parameter \"to\": expected a plan version (1, 2, ...) or latest, got \"\"");
        assertError(
                server.get("/api/forecast/diff?from=1&to=5"), 404, "there is no plan version 5; versions are 1 to 2");
    }

    @Test
    void anAdjustmentPostedIsStoredInCanonicalUnitsListedAndDeleted() {
        Response created = server.send(
                "POST",
                "/api/forecast/adjustments",
                adjustment(
                        "ADJ-T1",
                        "\"resource\": \"storage\", \"kind\": \"add\", \"value\": 500, \"unit\": \"GB\","
                                + " \"start\": \"2026-01-02\", \"end\": \"2026-01-03\", \"reason\": \"backfill\""));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode stored = created.json();
        assertThat(stored.get("id").asText()).isEqualTo("ADJ-T1");
        assertThat(stored.get("value").asDouble()).isEqualTo(0.5);
        assertThat(stored.get("unit").asText()).isEqualTo("TB");
        assertThat(stored.get("author").asText()).isEqualTo("local");
        assertThat(stored.get("created_at").asText()).isEqualTo("2026-01-02T09:00:00Z");
        assertThat(stored.get("description").asText())
                .isEqualTo("ADJ-T1: add +0.5 TB 2026-01-02..2026-01-03 (local: backfill)");
        assertThat(stored.get("applied").isNull()).isTrue();

        JsonNode all = server.json("/api/forecast/adjustments").get("adjustments");
        assertThat(texts(all, "id")).contains(CPU_ADJUSTMENT, MEMORY_ADJUSTMENT, "ADJ-T1");
        JsonNode storage = server.json("/api/forecast/series?key=" + STORAGE_SERIES);
        assertThat(texts(storage.get("adjustments"), "id")).containsExactly("ADJ-T1");
        assertThat(storage.get("adjustments").get(0).get("applied").asBoolean()).isFalse();
        assertThat(storage.get("adjusted")).as("it applies from the next plan").isEmpty();

        Response edited = server.send(
                "POST",
                "/api/forecast/adjustments",
                adjustment(
                        "ADJ-T1",
                        "\"resource\": \"storage\", \"kind\": \"step\", \"value\": 2, \"unit\": \"TB\","
                                + " \"start\": \"2026-01-10\", \"reason\": \"new shard\""));
        assertThat(edited.status()).isEqualTo(201);
        JsonNode replaced = server.json("/api/forecast/adjustments").get("adjustments");
        assertThat(texts(replaced, "id").stream().filter("ADJ-T1"::equals)).hasSize(1);
        assertThat(server.json("/api/forecast/series?key=" + STORAGE_SERIES)
                        .get("adjustments")
                        .get(0)
                        .get("kind")
                        .asText())
                .isEqualTo("step");

        Response deleted = server.send("DELETE", "/api/forecast/adjustments/ADJ-T1", null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(texts(server.json("/api/forecast/adjustments").get("adjustments"), "id"))
                .doesNotContain("ADJ-T1")
                .contains(CPU_ADJUSTMENT, MEMORY_ADJUSTMENT);
        assertError(
                server.send("DELETE", "/api/forecast/adjustments/ADJ-T1", null), 404, "there is no adjustment ADJ-T1");
    }

    @Test
    void badAdjustmentsAreRefusedWithAMessageThatNamesTheField() {
        String cpu = "\"resource\": \"cpu\", ";
        String dates = ", \"start\": \"2026-01-02\", \"end\": \"2026-01-03\", ";
        assertRefused(
                cpu + "\"kind\": \"multiply\", \"value\": 0" + dates + "\"reason\": \"r\"",
                "a multiply adjustment's value is a factor above 0, got 0.0");
        assertRefused(
                cpu + "\"kind\": \"add\", \"value\": 1, \"start\": \"2026-01-02\", \"end\": \"2026-01-03\"",
                "field \"reason\" is required");
        assertRefused(
                cpu + "\"kind\": \"add\", \"value\": 1, \"start\": \"2026-13-01\", \"reason\": \"r\"",
                "field \"start\": expected a date as YYYY-MM-DD, got \"2026-13-01\"");
        assertRefused(
                cpu + "\"kind\": \"add\", \"value\": \"lots\"" + dates + "\"reason\": \"r\"",
                "field \"value\": expected a number, got \"lots\"");
        assertRefused(
                cpu + "\"kind\": \"scale\", \"value\": 1" + dates + "\"reason\": \"r\"",
                "kind must be add, multiply, override or step, got \"scale\"");
        assertRefused(
                cpu + "\"kind\": \"add\", \"value\": 1, \"unit\": \"GiB\"" + dates + "\"reason\": \"r\"",
                "unit \"GiB\" is not one of cpu's units [cores, core, vcpu, vcpus, millicores, m]");
        assertRefused(
                cpu + "\"kind\": \"add\", \"value\": 1, \"start\": \"2026-01-05\", \"end\": \"2026-01-01\","
                        + " \"reason\": \"r\"",
                "end 2026-01-01 is before start 2026-01-05");
        assertRefused(
                cpu + "\"kind\": \"add\", \"value\": 1" + dates + "\"reason\": \"r\", \"author\": \"mallory\"",
                "unknown field \"author\"; expected id, service, cluster, resource, kind, value, unit, start, end,"
                        + " reason");
        String path = "/api/forecast/adjustments";
        Response malformed = server.send("POST", path, "{\"service\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).startsWith("the body is not valid JSON: ");
        assertError(
                server.send("POST", path, "[]"),
                400,
                "the body must be a JSON object with the adjustment's fields id, service, cluster, resource, kind,"
                        + " value, unit, start, end, reason");
        assertThat(texts(server.json("/api/forecast/adjustments").get("adjustments"), "id"))
                .doesNotContain("ADJ-X");
    }

    @Test
    void theAuthorIsTheSignedInUserAndAPolicyMayRefuseWrites() {
        Principal analyst = new Principal("ana", false, Set.of("payments"));
        String body = adjustment(
                "ADJ-ANA",
                "\"resource\": \"cpu\", \"kind\": \"override\", \"value\": 100, \"start\": \"2026-01-02\","
                        + " \"end\": \"2026-01-02\", \"reason\": \"drill\"");
        try (FleetcastServer signedIn = FleetcastServer.start(
                ServerConfig.local(0), server.app(), request -> new AccessDecision.Allow(analyst))) {
            Response created = TestServer.send(signedIn, "POST", "/api/forecast/adjustments", body);
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().get("author").asText()).isEqualTo("ana");
            assertThat(TestServer.send(signedIn, "DELETE", "/api/forecast/adjustments/ADJ-ANA", null)
                            .status())
                    .isEqualTo(204);
        }

        try (FleetcastServer readOnly = FleetcastServer.start(
                ServerConfig.local(0),
                server.app(),
                request -> request.method().equals("GET")
                        ? new AccessDecision.Allow(analyst)
                        : new AccessDecision.Deny(AccessDecision.Reason.FORBIDDEN, "ana may not change forecasts"))) {
            assertThat(TestServer.get(readOnly, "/api/forecast/adjustments").status())
                    .isEqualTo(200);
            assertError(
                    TestServer.send(readOnly, "POST", "/api/forecast/adjustments", body),
                    403,
                    "ana may not change forecasts");
            assertError(
                    TestServer.send(readOnly, "DELETE", "/api/forecast/adjustments/" + CPU_ADJUSTMENT, null),
                    403,
                    "ana may not change forecasts");
        }
        assertThat(texts(server.json("/api/forecast/adjustments").get("adjustments"), "id"))
                .contains(CPU_ADJUSTMENT)
                .doesNotContain("ADJ-ANA");
    }
}
