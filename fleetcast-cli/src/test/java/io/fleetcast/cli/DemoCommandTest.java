package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path folder;

    @Test
    void simulatesLoadsAndSummarisesThenReusesTheFleet() {
        String dir = folder.resolve("demo").toString();

        CliRun first = CliRun.of("demo", "--no-serve", "--servers", "120", "--days", "90", "--dir", dir);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(Files.isRegularFile(folder.resolve("demo/data/truth.json"))).isTrue();
        assertThat(Files.isRegularFile(folder.resolve("demo/fleetcast.duckdb"))).isTrue();
        assertThat(first.err())
                .contains("servers in service:")
                .contains("cpu:     used")
                .contains("by region")
                .contains("Built in by the simulator")
                .contains("Time: simulate");

        CliRun again = CliRun.of("demo", "--no-serve", "--servers", "120", "--days", "90", "--dir", dir);
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("reusing it").contains("already loaded");
    }
}
