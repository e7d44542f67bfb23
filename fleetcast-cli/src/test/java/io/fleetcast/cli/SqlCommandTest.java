package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest {
    @TempDir
    Path folder;

    private void createDatabase(String db) throws IOException {
        Path services = Files.writeString(folder.resolve("services.csv"), "service,team,org\ncheckout,payments,shop\n");
        assertThat(CliRun.of("ingest", "services", services.toString(), "--db", db)
                        .exitCode())
                .isZero();
    }

    @Test
    void printsAnAlignedTable() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        createDatabase(db);

        CliRun run = CliRun.of(
                "sql", "SELECT * FROM (VALUES ('a', 1.5), ('bb', NULL)) t(name, value) ORDER BY name", "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .isEqualTo(
                        String.join(System.lineSeparator(), "name  value", "----  -----", "a       1.5", "bb    NULL")
                                + System.lineSeparator());
        assertThat(run.err()).contains("2 rows");
    }

    @Test
    void refusesToWriteAndNeedsADatabase() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        CliRun noDatabase = CliRun.of("sql", "SELECT 1", "--db", db);
        assertThat(noDatabase.exitCode()).isEqualTo(2);
        assertThat(noDatabase.err()).contains("no Fleetcast database at " + db);

        createDatabase(db);
        CliRun write = CliRun.of("sql", "DROP TABLE usage", "--db", db);
        assertThat(write.exitCode()).isEqualTo(2);
        assertThat(write.err()).contains("only read-only queries are allowed");
    }
}
