package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.error.FleetcastException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots and labels of drives in Backblaze's start-stop form, worked by hand. */
class DriveFailureBenchmarkTest {
    private static final String HEADER = "\"serial_number\",\"model\",\"manufacturer\",\"n_fails\",\"n_records\","
            + "\"size_tb\",\"min_date\",\"max_date\",\"min_hours\",\"max_hours\",\"tstart\",\"tstop\",\"fails\","
            + "\"smart_5\",\"smart_10\",\"smart_12\",\"smart_187\",\"smart_188\",\"smart_189\",\"smart_196\","
            + "\"smart_197\",\"smart_198\",\"smart_197_bin\",\"smart_197_bin_cumsum\",\"smart_197_cumsum\"";

    @Test
    void snapshotsSeeThePastAndLabelTheHorizon(@TempDir Path folder) throws IOException {
        // Drive A: records from 2015-01-01 at 1,000 hours to 2015-03-01 (2,416 hours), failing then. Its reallocated
        // sectors (SMART 5) go from 0 to 8 at 1,900 hours. Drive B: seen 2015-01-01 to 2015-02-10 only, not failed.
        write(
                folder,
                List.of(
                        "\"A\",\"M1\",\"ST\",1,2,4,2015-01-01,2015-03-01,1000,2416,1000,1900,0,0,0,3,0,NA,0,0,0,0,FALSE,0,0",
                        "\"A\",\"M1\",\"ST\",1,2,4,2015-01-01,2015-03-01,1000,2416,1900,2416,1,8,0,4,0,NA,0,0,2,0,FALSE,0,0",
                        "\"B\",\"M2\",\"HGST\",0,1,8,2015-01-01,2015-02-10,50,1010,50,1010,0,0,0,1,0,NA,0,0,0,0,FALSE,0,0"));
        List<DriveFailureBenchmark.Drive> drives = DriveFailureBenchmark.read(folder.resolve("hds.csv.gz"));
        assertThat(drives).hasSize(2);
        Map<String, Integer> models = Map.of("M1", 0, "M2", 1);
        Map<String, Integer> makers = Map.of("HGST", 0, "ST", 1);
        DriveFailureBenchmark.Drive a = drives.get(0);

        // 2015-02-01: 31 days in, 1,744 hours; failure at 2,416 is 28 days later, within 30.
        DriveFailureBenchmark.Snapshot february =
                Objects.requireNonNull(a.snapshot(LocalDate.of(2015, 2, 1), 30, models, makers));
        assertThat(february.failed).isTrue();
        assertThat(february.features[0]).isEqualTo(1744);
        assertThat(february.features[1]).isZero();
        // 30 days before (1,024 hours) it was in its first row too: no change yet.
        assertThat(february.features[10]).isZero();
        // Within 20 days it does not fail.
        DriveFailureBenchmark.Snapshot shortHorizon =
                Objects.requireNonNull(a.snapshot(LocalDate.of(2015, 2, 1), 20, models, makers));
        assertThat(shortHorizon.failed).isFalse();
        // 2015-02-20: 2,200 hours, SMART 5 is 8 now and rose by 8 over 30 days; 300 hours since it changed.
        DriveFailureBenchmark.Snapshot late =
                Objects.requireNonNull(a.snapshot(LocalDate.of(2015, 2, 20), 30, models, makers));
        assertThat(late.features[1]).isEqualTo(8);
        assertThat(late.features[10]).isEqualTo(8);
        assertThat(late.features[19]).isEqualTo(1);
        assertThat(late.features[20]).isEqualTo(300);
        assertThat(DriveFailureBenchmark.ruleScore(late)).isEqualTo(10);
        // After its last day it is not in service.
        assertThat(a.snapshot(LocalDate.of(2015, 3, 1), 30, models, makers)).isNull();

        // B was last seen 9 days after 2015-02-01, running: whether it fails within 30 days is unknown.
        DriveFailureBenchmark.Drive b = drives.get(1);
        assertThat(b.snapshot(LocalDate.of(2015, 2, 1), 30, models, makers)).isNull();
        assertThat(b.snapshot(LocalDate.of(2015, 2, 1), 5, models, makers)).isNotNull();
    }

    @Test
    void aBadCellIsNamed(@TempDir Path folder) throws IOException {
        write(
                folder,
                List.of(
                        "\"A\",\"M1\",\"ST\",1,2,4,2015-01-01,2015-03-01,1000,2416,1000,x,0,0,0,3,0,NA,0,0,0,0,FALSE,0,0"));
        Path file = folder.resolve("hds.csv.gz");
        assertThatThrownBy(() -> DriveFailureBenchmark.read(file))
                .isInstanceOf(FleetcastException.class)
                .hasMessage(file + ":2: column tstop: expected a number, got \"x\"");
        assertThatThrownBy(() -> DriveFailureBenchmark.run(folder, 0, 50, line -> {}))
                .hasMessage("the horizon must be 1 to 365 days, got 0");
    }

    private static void write(Path folder, List<String> rows) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve("hds.csv.gz")))) {
            out.write((HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(UTF_8));
        }
    }
}
