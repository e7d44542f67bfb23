package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest {
    @TempDir
    Path folder;

    private String db;

    @BeforeEach
    void writeTopology() throws IOException {
        db = folder.resolve("fleet.duckdb").toString();
        Files.writeString(folder.resolve("skus.csv"), """
                sku,kind,cores,memory_gib,storage_tb,price_usd,power_watts,depreciation_months
                gen6,owned,64,512,4,14500,450,60
                """);
        Files.writeString(folder.resolve("assets.csv"), """
                asset_id,sku,region,site,site_kind,cluster,ownership,install_date
                srv-1,gen6,us-east,dc-ash,datacenter,ash-c1,owned,2025-01-01
                """);
        Files.writeString(folder.resolve("services.csv"), "service,team,org\ncheckout,payments,commerce\n");
    }

    private Path usage(String name, String row) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, "ts,grain,service,cluster,resource,unit,used,allocated\n" + row + "\n");
        return file;
    }

    @Test
    void loadsAFolderInDependencyOrder() throws IOException {
        usage("usage.csv", "2026-03-01,day,checkout,ash-c1,cpu,cores,10,16");

        CliRun run = CliRun.of("ingest", "all", folder.toString(), "--db", db);

        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("skus.csv -> skus: 1 row loaded (ingest #1)")
                .contains("usage.csv -> usage: 1 row loaded (ingest #4)")
                .contains("4 files, 4 rows loaded into " + db);
    }

    @Test
    void aBadValueExitsTwoNamingFileLineAndLeavesTheTableEmpty() throws IOException {
        CliRun.of("ingest", "all", folder.toString(), "--db", db);
        Path bad = usage("bad.csv", "2026-03-01,day,checkout,ash-c1,cpu,cores,ten,16");

        CliRun run = CliRun.of("ingest", "usage", bad.toString(), "--db", db);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(bad + ":2: column \"used\": expected a number, got \"ten\"");
        CliRun count = CliRun.of("sql", "SELECT count(*) AS n FROM usage", "--db", db, "--json");
        assertThat(count.out()).contains("\"rows\" : [ [ 0 ] ]");
    }

    @Test
    void jsonReportsGoToStdoutAlone() throws IOException {
        CliRun run = CliRun.of("ingest", "all", folder.toString(), "--db", db, "--json");

        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.get("files")).hasSize(3);
        assertThat(document.get("files").get(0).get("kind").asText()).isEqualTo("SKUS");
        assertThat(document.get("files").get(0).get("rows_loaded").asLong()).isEqualTo(1);
    }

    @Test
    void aRefusedFileWithJsonPrintsTheErrorDocument() throws IOException {
        CliRun.of("ingest", "all", folder.toString(), "--db", db);
        Path bad = usage("bad.csv", "2026-03-01,day,checkout,nowhere,cpu,cores,1,16");

        CliRun run = CliRun.of("ingest", "usage", bad.toString(), "--db", db, "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        JsonNode document = new ObjectMapper().readTree(run.out());
        assertThat(document.get("kind").asText()).isEqualTo("BAD_INPUT");
        assertThat(document.get("problems").get(0).asText())
                .isEqualTo(bad + ":2: column \"cluster\": unknown cluster \"nowhere\": not in the stored assets");
    }

    @Test
    void unknownKindsAndMissingFilesAreUsageErrors() {
        assertThat(CliRun.of("ingest", "widgets", "x.csv", "--db", db).exitCode())
                .isEqualTo(2);
        CliRun missing = CliRun.of("ingest", "skus", folder.resolve("none.csv").toString(), "--db", db);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("none.csv: no such file");
        assertThat(CliRun.of("ingest").exitCode()).isEqualTo(2);
    }
}
