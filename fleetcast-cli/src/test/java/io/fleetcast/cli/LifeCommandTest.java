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
        assertThat(first.path("b10").asDouble()).isPositive();
        assertThat(result.path("unit").asText()).isEqualTo("days");
        assertThat(first.path("params").has("shape")).isTrue();
        assertThat(result.path("forecast").get(0).path("months")).hasSize(6);

        CliRun compare = CliRun.of("life", "fleet", "--db", db, "--compare", "compute-2020", "memory-2020");
        assertThat(compare.exitCode()).as(compare.err()).isZero();
        assertThat(compare.err()).contains("compute-2020 vs memory-2020 (Weibull_2P): likelihood-ratio statistic");

        CliRun bad = CliRun.of("life", "fleet", "--db", db, "--by", "colour");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown segment \"colour\"; use sku, site, region, cluster or batch");
    }

    @Test
    void fitsGrowthToThePublishedPrototypeAndForecastsAhead() throws IOException {
        // ReliaWiki "Crow-AMSAA Parameter Estimation Example": 22 failures, stopped at the last (620 h).
        Path file = folder.resolve("prototype.csv");
        Files.write(
                file,
                List.of(
                        "time", "2.7", "10.3", "12.5", "30.6", "57.0", "61.3", "80.0", "109.5", "125.0", "128.6",
                        "143.8", "167.9", "229.2", "296.7", "320.6", "328.2", "366.2", "396.7", "421.1", "438.2",
                        "501.2", "620.0"),
                UTF_8);

        CliRun run = CliRun.of("life", "growth", "--input", file.toString(), "--ahead", "380", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fit = new ObjectMapper().readTree(run.out());
        assertThat(fit.path("beta").path("estimate").asDouble()).isCloseTo(0.6142, within(5e-5));
        assertThat(fit.path("lambda").path("estimate").asDouble()).isCloseTo(0.4239, within(5e-5));
        assertThat(fit.path("failure_terminated").asBoolean()).isTrue();
        assertThat(fit.path("bounds_method").asText()).isEqualTo("crow");
        double beta = fit.path("beta").path("estimate").asDouble();
        double lambda = fit.path("lambda").path("estimate").asDouble();
        assertThat(fit.path("expected_failures_ahead").get(0).path("estimate").asDouble())
                .isCloseTo(lambda * (Math.pow(1000, beta) - Math.pow(620, beta)), within(1e-9));

        CliRun text = CliRun.of("life", "growth", "--input", file.toString(), "--end", "700");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.err()).contains("stopped at a set time").contains("reliability is growing");

        Files.write(file, List.of("time,event", "10,F", "20,X"), UTF_8);
        CliRun bad = CliRun.of("life", "growth", "--input", file.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("prototype.csv:3: column \"event\": expected F (failure) or E");
    }

    @Test
    void fitsTheBackblazeDrivesPerModelFromTheirFile() throws IOException {
        Path drives = Path.of(
                "..",
                "fleetcast-reliability",
                "src",
                "test",
                "resources",
                "io",
                "fleetcast",
                "reliability",
                "hds_drives.csv.gz");

        CliRun run = CliRun.of(
                "life",
                "fleet",
                "--input",
                drives.toString(),
                "--by",
                "model",
                "--time",
                "exit_hours",
                "--state",
                "failed",
                "--entry",
                "entry_hours",
                "--unit",
                "hours",
                "--dist",
                "exponential1p",
                "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(run.out());
        assertThat(result.path("unit").asText()).isEqualTo("hours");
        assertThat(result.path("segments")).hasSize(79);
        long units = 0;
        for (JsonNode segment : result.path("segments")) {
            units += segment.path("units").asLong();
            if (segment.path("segment").asText().equals("ST3000DM001")) {
                // hds_model_summary.csv.gz: 1,701 failures in 58,754,103 drive hours, AFR 25.36%.
                assertThat(segment.path("params").path("rate").asDouble() * 24 * 365)
                        .isCloseTo(0.253612, within(1e-5));
            }
        }
        assertThat(units).isEqualTo(87_068);
    }
}
