package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchForecastCommandTest {
    @TempDir
    Path folder;

    private void write(String name, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(name)))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void printsTheM4ScoresAsJson() throws IOException {
        StringBuilder train = new StringBuilder("\"V1\",\"V2\",\"V3\",\"V4\",\"V5\"\n");
        StringBuilder test = new StringBuilder("\"V1\"");
        for (int step = 2; step <= 14; step++) {
            test.append(",\"V").append(step).append('"');
        }
        test.append('\n');
        // W1: 10, 12, 11, 13 -> naive forecasts 13; the test values are all 13 + 1, so every error is 1.
        train.append("\"W1\",\"10\",\"12\",\"11\",\"13\"\n");
        test.append("\"W1\"").append(",\"14\"".repeat(13)).append('\n');
        write("Weekly-train.csv.gz", train.toString());
        write("Weekly-test.csv.gz", test.toString());

        CliRun run = CliRun.of("bench", "forecast", "--m4", folder.toString(), "--frequency", "weekly", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("frequency").asText()).isEqualTo("Weekly");
        assertThat(json.get("series").asInt()).isEqualTo(1);
        assertThat(json.get("method").asText()).isEqualTo("Naive2");
        // sMAPE: 200 * 1 / 27 per step; MASE: error 1 over the mean lag-1 change (2 + 1 + 2) / 3
        assertThat(json.get("smape").asDouble()).isCloseTo(200.0 / 27, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("mase").asDouble()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.get("owa").asDouble()).isEqualTo(1.0);
        assertThat(json.has("seconds")).isTrue();
    }

    @Test
    void anUnknownFrequencyIsAUsageError() {
        CliRun run = CliRun.of("bench", "forecast", "--m4", folder.toString(), "--frequency", "daily");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected hourly or weekly, got 'daily'");
    }
}
