package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void writesPlanVersionsAndDiffsThemAsJson() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        Path data = folder.resolve("data");
        assertThat(CliRun.of(
                                "simulate",
                                "--out",
                                data.toString(),
                                "--servers",
                                "150",
                                "--days",
                                "120",
                                "--end",
                                "2026-06-30")
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("ingest", "all", data.toString(), "--db", db).exitCode())
                .isZero();
        JsonNode service = JSON.readTree(
                CliRun.of("sql", "SELECT min(service) FROM usage WHERE grain = 'day'", "--db", db, "--json")
                        .out());
        String selector = service.path("rows").get(0).get(0).asText() + "/";

        CliRun first = CliRun.of("forecast", "--series", selector, "--horizon", "7", "--db", db, "--json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode plan = JSON.readTree(first.out());
        assertThat(plan.path("plan_version").asInt()).isEqualTo(1);
        assertThat(plan.path("refitted").asInt()).isPositive();
        assertThat(plan.path("carried").asInt()).isZero();
        assertThat(plan.path("seconds").isNumber()).isTrue();
        JsonNode series = plan.path("series").get(0);
        assertThat(series.path("series_key").asText()).startsWith(selector);
        assertThat(series.path("action").asText()).isEqualTo("refit");
        assertThat(series.path("reason").asText()).isEqualTo("first fit");
        assertThat(series.path("model").asText()).isNotEmpty();

        CliRun second = CliRun.of("forecast", "--series", selector, "--horizon", "7", "--db", db);
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).isEmpty();
        assertThat(second.err())
                .contains("Plan 2 (from plan 1): 0 refitted, "
                        + plan.path("refitted").asInt() + " carried forward");

        CliRun diff = CliRun.of("forecast", "--diff", "1", "2", "--db", db, "--json");
        assertThat(diff.exitCode()).as(diff.err()).isZero();
        JsonNode changes = JSON.readTree(diff.out());
        assertThat(changes.path("from_version").asInt()).isEqualTo(1);
        assertThat(changes.path("series").get(0).path("status").asText()).isEqualTo("unchanged");
        assertThat(changes.path("series").get(0).path("explanation").asText())
                .startsWith("carried forward unchanged (no new data since 2026-06-30)");
    }

    @Test
    void reconcilesAPlanAndComparesTheMethods() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        Path data = folder.resolve("data");
        assertThat(CliRun.of("simulate", "--out", data.toString(), "--servers", "150", "--days", "120")
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("ingest", "all", data.toString(), "--db", db).exitCode())
                .isZero();

        CliRun plan = CliRun.of(
                "forecast", "--series", "*/memory", "--horizon", "7", "--reconcile", "mint", "--db", db, "--json");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        JsonNode written = JSON.readTree(plan.out());
        assertThat(written.path("reconciliation").asText()).isEqualTo("MinT shrink");
        List<String> keys = new ArrayList<>();
        written.path("series")
                .forEach(series -> keys.add(series.path("series_key").asText()));
        assertThat(keys)
                .contains("*/*/memory")
                .allSatisfy(key -> assertThat(key).endsWith("/memory"));

        CliRun unknown = CliRun.of("forecast", "--reconcile", "magic", "--db", db);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown reconciliation \"magic\"; use mint, wls, wls-variance, ols or");

        CliRun bench = CliRun.of("bench", "reconcile", "--series", "*/memory", "--horizon", "7", "--db", db);
        assertThat(bench.exitCode()).as(bench.err()).isZero();
        assertThat(bench.err())
                .contains("Last 7 days held out of")
                .contains("MinT shrink")
                .containsPattern("\\n  total +1 ");
    }

    @Test
    void badInputExitsWithTwoAndSaysWhy() {
        String db = folder.resolve("fleet.duckdb").toString();
        CliRun noDatabase = CliRun.of("forecast", "--diff", "1", "2", "--db", db, "--json");
        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.out()).contains("\"kind\" : \"BAD_INPUT\"");

        CliRun noUsage = CliRun.of("forecast", "--db", db);
        assertThat(noUsage.exitCode()).isEqualTo(2);
        assertThat(noUsage.err()).contains("the store has no daily demand to forecast");

        CliRun unknownVersion = CliRun.of("forecast", "--diff", "1", "7", "--db", db);
        assertThat(unknownVersion.exitCode()).isEqualTo(2);
        assertThat(unknownVersion.err()).contains("there is no plan version 7");

        CliRun badHorizon = CliRun.of("forecast", "--horizon", "0", "--db", db);
        assertThat(badHorizon.exitCode()).isEqualTo(2);
        assertThat(badHorizon.err()).contains("the horizon must be 1 to");
    }
}
