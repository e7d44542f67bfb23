package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
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

    private void writeWeekly(String... values) throws IOException {
        StringBuilder train = new StringBuilder("\"V1\"");
        for (int column = 2; column <= values.length + 1; column++) {
            train.append(",\"V").append(column).append('"');
        }
        train.append("\n\"W1\"");
        for (String value : values) {
            train.append(",\"").append(value).append('"');
        }
        write("Weekly-train.csv.gz", train.append('\n').toString());
        StringBuilder test = new StringBuilder("\"V1\"");
        for (int column = 2; column <= 14; column++) {
            test.append(",\"V").append(column).append('"');
        }
        test.append("\n\"W1\"").append(",\"17\"".repeat(13)).append('\n');
        write("Weekly-test.csv.gz", test.toString());
    }

    @Test
    void printsTheM4ScoresAsJson() throws IOException {
        writeWeekly("10", "12", "11", "13", "12", "14", "13", "15", "14", "16");

        CliRun run = CliRun.of("bench", "forecast", "--m4", folder.toString(), "--frequency", "weekly", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("frequency").asText()).isEqualTo("Weekly");
        assertThat(json.get("series").asInt()).isEqualTo(1);
        JsonNode first = json.get("scores").get(0);
        assertThat(json.get("method").asText())
                .isEqualTo(first.get("method").asText())
                .isEqualTo("Auto");
        assertThat(json.get("smape").asDouble()).isEqualTo(first.get("smape").asDouble());
        assertThat(json.has("owa") && json.has("mase") && json.has("seconds")).isTrue();
        JsonNode naive2 = StreamSupport.stream(json.get("scores").spliterator(), false)
                .filter(score -> score.get("method").asText().equals("Naive2"))
                .findFirst()
                .orElseThrow();
        // Naive2 forecasts 16 where 17 happened: sMAPE 200 * 1 / 33; MASE 1 over the mean step of the history, 14 / 9
        assertThat(naive2.get("smape").asDouble()).isCloseTo(200.0 / 33, within(1e-9));
        assertThat(naive2.get("mase").asDouble()).isCloseTo(9.0 / 14, within(1e-9));
        assertThat(naive2.get("owa").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aSeriesTooShortForAMethodIsBadInputNamingItsLine() throws IOException {
        writeWeekly("10", "12", "11", "13");

        CliRun run = CliRun.of("bench", "forecast", "--m4", folder.toString(), "--frequency", "weekly");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains(folder.resolve("Weekly-train.csv.gz") + ":2: Auto cannot forecast this series: ETS needs at"
                        + " least 7 observations, got 4");
    }

    @Test
    void anUnknownFrequencyIsAUsageError() {
        CliRun run = CliRun.of("bench", "forecast", "--m4", folder.toString(), "--frequency", "daily");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("expected hourly or weekly, got 'daily'");
    }
}
