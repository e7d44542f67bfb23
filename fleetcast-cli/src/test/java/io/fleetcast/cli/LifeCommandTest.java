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
    void ranksByAndersonDarlingAndQuotesAMissionWithLikelihoodRatioBounds() throws IOException {
        Path file = folder.resolve("five.csv");
        Files.write(file, "time,state\n10,F\n20,F\n30,F\n40,F\n50,F\n".getBytes(UTF_8));

        CliRun best =
                CliRun.of("life", "fit", "--input", file.toString(), "--dist", "best", "--method", "rry", "--json");
        CliRun lr = CliRun.of(
                "life",
                "fit",
                "--input",
                file.toString(),
                "--bounds",
                "lr",
                "--confidence",
                "0.9",
                "--b",
                "10",
                "--b",
                "50",
                "--mission",
                "10",
                "--age",
                "20",
                "--json");
        CliRun text = CliRun.of(
                "life",
                "fit",
                "--input",
                file.toString(),
                "--bounds",
                "lr",
                "--confidence",
                "0.9",
                "--mission",
                "10",
                "--age",
                "20");

        assertThat(best.exitCode()).as(best.err()).isZero();
        JsonNode ranked = new ObjectMapper().readTree(best.out());
        assertThat(ranked.path("method").asText()).isEqualTo("RRY");
        assertThat(ranked.path("ranking")).hasSize(10);
        double first = ranked.path("ranking").get(0).path("anderson_darling").asDouble();
        assertThat(ranked.path("anderson_darling").asDouble()).isEqualTo(first);
        assertThat(ranked.path("ranking").get(1).path("anderson_darling").asDouble())
                .isGreaterThanOrEqualTo(first);
        assertThat(ranked.path("bounds").size()).isZero();

        assertThat(lr.exitCode()).as(lr.err()).isZero();
        JsonNode fit = new ObjectMapper().readTree(lr.out());
        List<String> keys = new ArrayList<>();
        fit.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).contains("distribution", "method", "params", "loglik", "aicc", "bic", "bounds", "b10", "mttf");
        assertThat(keys).contains("bounds_method", "b_lives", "mission");
        assertThat(fit.path("bounds_method").asText()).isEqualTo("lr");
        // rank-regression-and-lr-bounds.R: the 90% likelihood-ratio bounds of the shape and of R(20 + 10) / R(20).
        assertThat(fit.path("bounds").path("shape").get(0).asDouble()).isCloseTo(1.14203945797, within(4e-6));
        assertThat(fit.path("b_lives").get(0).path("percent").asDouble()).isEqualTo(10.0);
        assertThat(fit.path("b_lives").get(0).path("bounds").get(1).asDouble()).isCloseTo(22.3464380072, within(2e-5));
        JsonNode mission = fit.path("mission");
        assertThat(mission.path("age").asDouble()).isEqualTo(20.0);
        assertThat(mission.path("conditional_reliability").asDouble()).isCloseTo(0.633736906295, within(1e-6));
        assertThat(mission.path("conditional_reliability_bounds").get(0).asDouble())
                .isCloseTo(0.415111802775, within(1e-6));

        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err())
                .contains("90% likelihood-ratio bounds")
                .contains("B1 life", "B10 life", "B50 life")
                .contains(
                        "for a unit that has reached 20: reliability over the mission 0.633737 (0.415112 to 0.82128)");

        CliRun bad = CliRun.of("life", "fit", "--input", file.toString(), "--dist", "gamma", "--bounds", "lr");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--bounds lr (likelihood ratio) is for --dist weibull2p --method mle");
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
