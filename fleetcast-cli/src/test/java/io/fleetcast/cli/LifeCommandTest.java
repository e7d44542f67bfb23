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
}
