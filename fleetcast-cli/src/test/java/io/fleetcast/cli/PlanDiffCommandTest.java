package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetcast plan --diff V1 V2} on a small simulated fleet planned twice from the same data, the second time at
 * a lower service level: the exhaustion days stay, the headroom (and with it the need-by days) shrinks.
 */
class PlanDiffCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void twoStoredPlansAreComparedClusterByCluster() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        Path data = folder.resolve("data");
        assertThat(CliRun.of("simulate", "--out", data.toString(), "--servers", "300", "--days", "400")
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("ingest", "all", data.toString(), "--db", db).exitCode())
                .isZero();
        CliRun first = CliRun.of("plan", "--horizon", "180", "--db", db);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out() + first.err()).doesNotContain("->");
        CliRun second = CliRun.of("plan", "--horizon", "180", "--service-level", "0.8", "--db", db);
        assertThat(second.exitCode()).as(second.err()).isZero();
        // A stored plan says what changed since the one before.
        assertThat(second.out() + second.err())
                .containsPattern("Capacity plan 1 -> 2: [1-9]\\d* of \\d+ cluster resources changed; .*"
                        + " \\(each with: fleetcast plan --diff 1 2\\)");

        CliRun text = CliRun.of("plan", "--diff", "1", "2", "--db", db);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out() + text.err())
                .containsPattern("Capacity plan 1 -> 2: [1-9]\\d* of \\d+ cluster resources changed; ")
                .containsPattern("changed +\\S+/(cpu|memory|storage): .*headroom \\d+\\.\\d% lower");
        JsonNode diff = JSON.readTree(
                CliRun.of("plan", "--diff", "1", "2", "--db", db, "--json").out());
        assertThat(diff.get("from").asInt()).isEqualTo(1);
        assertThat(diff.get("to").asInt()).isEqualTo(2);
        assertThat(diff.get("totals").get("changed").asInt()).isPositive();
        diff.get("changes").forEach(change -> {
            assertThat(change.get("exhaustion_p50_after")).isEqualTo(change.get("exhaustion_p50_before"));
            assertThat(change.get("exhaustion_p99_after")).isEqualTo(change.get("exhaustion_p99_before"));
        });

        CliRun unknown = CliRun.of("plan", "--diff", "1", "9", "--db", db);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("capacity plan 9 is not stored; versions are [1, 2]");
    }
}
