package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastFileCommandTest {
    @TempDir
    Path folder;

    /** Two weeks of hourly demand with a daily cycle. */
    Path hourly() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("ts,value");
        for (int hour = 0; hour < 24 * 14; hour++) {
            double value = 100 + 20 * Math.sin(2 * Math.PI * hour / 24) + (hour * 7919 % 13) / 13.0;
            lines.add("2026-03-%02dT%02d:00:00Z,%.3f".formatted(1 + hour / 24, hour % 24, value));
        }
        Path file = folder.resolve("demand.csv");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void printsTheForecastAsJsonWithItsIntervals() throws IOException {
        CliRun run = CliRun.of("forecast-file", "--input", hourly().toString(), "--horizon", "24", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("model").asText()).startsWith("Auto[");
        assertThat(json.get("horizon").asInt()).isEqualTo(24);
        assertThat(json.get("step").asText()).isEqualTo("1 hour");
        assertThat(json.get("seasonal_periods").toString()).isEqualTo("[24]");
        JsonNode forecast = json.get("forecast");
        assertThat(forecast).hasSize(24);
        JsonNode first = forecast.get(0);
        assertThat(first.get("ts").asText()).isEqualTo("2026-03-15T00:00:00Z");
        assertThat(first.get("lo95").asDouble()).isLessThan(first.get("lo80").asDouble());
        assertThat(first.get("lo80").asDouble()).isLessThan(first.get("mean").asDouble());
        assertThat(first.get("mean").asDouble()).isLessThan(first.get("hi80").asDouble());
        assertThat(first.get("hi80").asDouble()).isLessThan(first.get("hi95").asDouble());
        // The daily cycle continues: the forecast at 06:00 is near 120, at 18:00 near 80.
        assertThat(forecast.get(6).get("mean").asDouble()).isBetween(118.0, 123.0);
        assertThat(forecast.get(18).get("mean").asDouble()).isBetween(78.0, 83.0);
        assertThat(json.get("notes").toString()).contains("seasonal period 168 left out");
    }

    @Test
    void printsATableForPeople() throws IOException {
        CliRun run = CliRun.of(
                "forecast-file",
                "--input",
                hourly().toString(),
                "--horizon",
                "3",
                "--season",
                "24",
                "--method",
                "snaive");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("336 observations at 1 hour steps; seasonal periods: [24] steps");
        assertThat(run.err()).contains("Model: sNaive");
        assertThat(run.out()).contains("2026-03-15T02:00:00Z").contains("80% interval");
    }

    @Test
    void badInputExitsWithTwoNamingTheLine() throws IOException {
        Path file = folder.resolve("bad.csv");
        Files.write(file, List.of("ts,value", "2026-01-01,1", "2026-01-02,x"), StandardCharsets.UTF_8);

        CliRun bad = CliRun.of("forecast-file", "--input", file.toString(), "--horizon", "2");
        CliRun unknown =
                CliRun.of("forecast-file", "--input", file.toString(), "--horizon", "2", "--method", "prophet");

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(file + ":3: column \"value\": expected a number, got \"x\"");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown method \"prophet\"; choose one of auto, ets, arima, mstl");
    }
}
