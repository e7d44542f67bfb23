package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrognoseDailyCommandTest {
    @TempDir
    Path folder;

    @Test
    void aRunWithoutTelemetryIsRecordedAndAMissingInboxFailsIt() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        Path services = Files.writeString(folder.resolve("services.csv"), "service,team,org\ncheckout,payments,shop\n");
        assertThat(CliRun.of("ingest", "services", services.toString(), "--db", db)
                        .exitCode())
                .isZero();

        CliRun quiet = CliRun.of("prognose", "daily", "--db", db, "--json");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out()).contains("\"status\" : \"ok\"").contains("no telemetry loaded: nothing to score");

        Path missing = folder.resolve("inbox");
        CliRun failed = CliRun.of("prognose", "daily", "--db", db, "--inbox", missing.toString());
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("failed: " + missing + ": the inbox folder does not exist");

        CliRun runs = CliRun.of("sql", "SELECT status FROM job_runs ORDER BY run_id", "--db", db, "--json");
        assertThat(runs.out()).contains("ok").contains("failed");
    }

    @Test
    void aTimeOfDayThatIsNotOneIsRefused() {
        CliRun run = CliRun.of("serve", "--db", folder.resolve("fleet.duckdb").toString(), "--daily-at", "25:00");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--daily-at: '25:00' is not a time of day (HH:MM, UTC)");
    }
}
