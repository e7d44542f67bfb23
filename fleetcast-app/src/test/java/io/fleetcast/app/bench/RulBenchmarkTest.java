package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NASA's C-MAPSS FD001 (a copy of ../shared/data/cmapss, see SOURCE.txt there): the published deep CNN of Li et al.
 * (2018) reached RMSE 12.61 cycles; issue 7 asks for 13.0 or better.
 */
class RulBenchmarkTest {
    @Test
    void fd001BeatsThirteenCycles() throws URISyntaxException {
        RulBenchmark.Result result = RulBenchmark.run(folder(), "FD001", null, line -> {});

        assertThat(result.trainUnits()).isEqualTo(100);
        assertThat(result.trainRows()).isEqualTo(20631);
        assertThat(result.testUnits()).isEqualTo(100);
        assertThat(result.regimes()).isEqualTo(1);
        assertThat(result.rmse()).isLessThanOrEqualTo(13.0);
        // Against the uncapped truth (11 engines have more than 125 cycles left) it is worse, but not by much.
        assertThat(result.rmseUncapped()).isBetween(result.rmse(), 14.0);
        assertThat(result.score()).isPositive();
        assertThat(result.peer()).isNull();
    }

    @Test
    void aBrokenLineIsNamed(@TempDir Path folder) throws IOException, URISyntaxException {
        List<String> lines = new ArrayList<>();
        lines.add("1 1 -0.0007 -0.0004 100.0 518.67 641.82 1589.70 1400.60 14.62 21.61 554.36 2388.06 9046.19 1.30"
                + " 47.47 521.66 2388.02 8138.62 8.4195 0.03 392 2388 100.00 39.06 23.4190");
        lines.add("1 2 0.0019 -0.0003 100.0 518.67 642.15 1591.82 1403.14 14.62 21.61 553.75 2388.04 9044.07 1.30"
                + " 47.49 522.28 2388.07 8131.49 8.4318 0.03 392 2388 100.00 39.00 x");
        Path train = folder.resolve("train_FD001.txt.gz");
        gzip(train, lines);
        assertThatThrownBy(() -> RulBenchmark.read(train))
                .isInstanceOf(FleetcastException.class)
                .hasMessage(train + ":2: column 26: expected a number, got \"x\"");

        gzip(train, List.of(lines.get(0), lines.get(0)));
        assertThatThrownBy(() -> RulBenchmark.read(train))
                .hasMessage(train + ":2: unit 1 cycle 1 follows cycle 1; cycles must run 1, 2, 3, ...");

        gzip(train, List.of(lines.get(0)));
        assertThatThrownBy(() -> RulBenchmark.run(folder, "FD001", null, line -> {}))
                .hasMessageContaining("test_FD001.txt.gz: no such file");
    }

    private static void gzip(Path file, List<String> lines) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((String.join("\n", lines) + "\n").getBytes(UTF_8));
        }
    }

    private static Path folder() throws URISyntaxException {
        Path source = Path.of(Objects.requireNonNull(RulBenchmarkTest.class.getResource("cmapss/SOURCE.txt"))
                .toURI());
        return Objects.requireNonNull(source.getParent());
    }
}
