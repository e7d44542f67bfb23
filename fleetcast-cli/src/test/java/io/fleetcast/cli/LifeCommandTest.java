package io.fleetcast.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifeCommandTest {
    @TempDir
    Path folder;

    @Test
    void fitsAFileAsJsonWithDesignsNamesAndRefusesBadInputWithTwo() throws IOException {
        Path file = folder.resolve("life.csv");
        Files.write(file, "time,state,count\n17,F,1\n5,F,1\n12,F,1\n20,S,1\n25,S,1\n".getBytes(UTF_8));

        CliRun run = CliRun.of("life", "fit", "--input", file.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = new ObjectMapper().readTree(run.out());
        List<String> keys = new ArrayList<>();
        fit.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("distribution", "method", "params", "loglik", "aicc", "bic", "bounds", "b10", "mttf");
        assertThat(fit.path("distribution").asText()).isEqualTo("Weibull_2P");
        assertThat(fit.path("params").path("scale").asDouble()).isCloseTo(23.0653, within(0.003));
        assertThat(fit.path("params").path("shape").asDouble()).isCloseTo(1.57474, within(0.0002));
        assertThat(fit.path("bounds").path("shape").get(1).asDouble()).isCloseTo(4.2919, within(0.005));
        assertThat(fit.path("loglik").asDouble()).isCloseTo(-12.4823, within(0.001));

        CliRun best = CliRun.of("life", "fit", "--input", file.toString(), "--dist", "best");
        assertThat(best.exitCode()).as(best.err()).isZero();
        assertThat(best.err()).contains("ranking by BIC (AICc):").contains("Exponential_1P");

        Files.write(file, "time,state\n1,F\n2,Q\n".getBytes(UTF_8));
        CliRun bad = CliRun.of("life", "fit", "--input", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("life.csv:3: column \"state\": expected F (failed) or S (suspended)");
    }

    @Test
    void fitsTheStoredFleetBySkuAndComparesTwoSkus() throws IOException {
        String db = folder.resolve("fleet.duckdb").toString();
        Path data = folder.resolve("data");
        assertThat(CliRun.of("simulate", "--out", data.toString(), "--servers", "2000", "--days", "1095")
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("ingest", "skus", data.resolve("skus.csv").toString(), "--db", db)
                        .exitCode())
                .isZero();
        assertThat(CliRun.of("ingest", "assets", data.resolve("assets.csv").toString(), "--db", db)
                        .exitCode())
                .isZero();

        CliRun fleet = CliRun.of("life", "fleet", "--db", db, "--months", "6", "--json");

        assertThat(fleet.exitCode()).as(fleet.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(fleet.out());
        assertThat(result.path("by").asText()).isEqualTo("sku");
        assertThat(result.path("distribution").asText()).isEqualTo("Weibull_2P");
        JsonNode first = result.path("segments").get(0);
        assertThat(first.path("b10_days").asDouble()).isPositive();
        assertThat(first.path("params").has("shape")).isTrue();
        assertThat(result.path("forecast").get(0).path("months")).hasSize(6);

        CliRun compare = CliRun.of("life", "fleet", "--db", db, "--compare", "compute-2020", "memory-2020");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.err()).contains("compute-2020 vs memory-2020 (Weibull_2P): likelihood-ratio statistic");

        CliRun bad = CliRun.of("life", "fleet", "--db", db, "--by", "colour");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown segment \"colour\"; use sku, site, region, cluster or batch");
    }
}
