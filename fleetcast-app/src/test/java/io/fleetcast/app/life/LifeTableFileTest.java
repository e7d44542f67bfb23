package io.fleetcast.app.life;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.fit.Family;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of units read per segment: the real Backblaze drive table (87,068 drives of 79 models, power-on hours, first
 * observed at their first SMART record: left-truncated), and bad files refused by line.
 */
class LifeTableFileTest {
    /** The copy of {@code ../shared/data/backblaze/hds_drives.csv.gz} the reliability module's tests use. */
    static final Path BACKBLAZE = Path.of(
            "..",
            "fleetcast-reliability",
            "src",
            "test",
            "resources",
            "io",
            "fleetcast",
            "reliability",
            "hds_drives.csv.gz");

    private static final LifeTableFile.Columns DRIVES =
            new LifeTableFile.Columns("exit_hours", "failed", "entry_hours", "model", "hours");

    @TempDir
    Path folder;

    @Test
    void backblazeDrivesLoadPerModelAndFitAsTheDataSetsOwnSummarySays() {
        LifeTableFile.Table table = LifeTableFile.read(BACKBLAZE, DRIVES);

        assertThat(table.segments()).hasSize(79);
        assertThat(table.segments().values().stream()
                        .mapToLong(LifeData::unitCount)
                        .sum())
                .isEqualTo(87_068);
        assertThat(table.segments().values().stream()
                        .mapToLong(LifeData::failureCount)
                        .sum())
                .isEqualTo(5_326);
        assertThat(table.notes().get(0)).contains("87068 units");

        // The exponential MLE with left truncation is failures / hours observed: hds_model_summary.csv.gz's
        // failures and drive_hours per model.
        FleetLifeService.Result exponential = FleetLifeService.analyse(table, Family.EXPONENTIAL_1P, 0.95);
        assertThat(exponential.unit()).isEqualTo("hours");
        assertThat(exponential.asOf()).isNull();
        assertThat(rate(exponential, "ST3000DM001")).isCloseTo(1701.0 / 58_754_103, within(1e-6 * 1701.0 / 58_754_103));
        assertThat(rate(exponential, "ST4000DM000"))
                .isCloseTo(1565.0 / 477_175_678, within(1e-6 * 1565.0 / 477_175_678));
        assertThat(rate(exponential, "HGST HMS5C4040BLE640"))
                .isCloseTo(42.0 / 83_203_544, within(1e-6 * 42.0 / 83_203_544));

        // Weibull by model, ranked by B10 life. The 3 TB Seagate wore out: its failure rate rose with age (shape > 1).
        FleetLifeService.Result weibull = FleetLifeService.analyse(table, Family.WEIBULL_2P, 0.95);
        FleetLifeService.SegmentFit seagate = weibull.segments().stream()
                .filter(fit -> fit.segment().equals("ST3000DM001"))
                .findFirst()
                .orElseThrow();
        assertThat(Objects.requireNonNull(seagate.bounds().get("shape")).get(0)).isGreaterThan(3);
        assertThat(seagate.failures()).isEqualTo(1701);
        List<Double> b10s = weibull.segments().stream()
                .filter(fit -> fit.note() == null)
                .map(FleetLifeService.SegmentFit::b10)
                .toList();
        assertThat(b10s).isSorted().hasSizeGreaterThan(40);
        // 7 failures of drives first seen late in life cannot tell a Weibull's shape: said, not ranked.
        assertThat(weibull.segments())
                .filteredOn(fit -> fit.segment().equals("WDC WD10EACS"))
                .singleElement()
                .satisfies(fit -> assertThat(fit.note()).contains("the fit degenerated"));
        assertThat(weibull.segments())
                .filteredOn(fit -> fit.failures() == 0)
                .allSatisfy(fit -> assertThat(fit.note()).isNotNull());
    }

    @Test
    void badFilesAreRefusedByLine() throws IOException {
        Path missing = write("units.csv", "id,age,failed", "a,10,1");
        assertThatThrownBy(() -> LifeTableFile.read(missing, DRIVES))
                .hasMessageContaining(
                        "units.csv:1: no column \"exit_hours\" (--time); the columns are [id, age, failed]");

        LifeTableFile.Columns columns = new LifeTableFile.Columns("age", "failed", "entry", null, "days");
        Path state = write("state.csv", "age,failed,entry", "10,1,0", "12,maybe,0");
        assertThatThrownBy(() -> LifeTableFile.read(state, columns))
                .hasMessageContaining("state.csv:3: column \"failed\": expected F or S")
                .hasMessageContaining("\"maybe\"");
        Path entry = write("entry.csv", "age,failed,entry", "10,F,0", "\"12\",S,15");
        assertThatThrownBy(() -> LifeTableFile.read(entry, columns))
                .hasMessageContaining("entry.csv:3: the unit entered observation at 15.0, not before its end at 12.0");
        Path age = write("age.csv", "age,failed,entry", "-3,F,0");
        assertThatThrownBy(() -> LifeTableFile.read(age, columns))
                .hasMessageContaining("age.csv:2: column \"age\": an age cannot be negative");
        Path zero = write("zero.csv", "age,failed,entry", "0,F,0");
        assertThatThrownBy(() -> LifeTableFile.read(zero, columns))
                .hasMessageContaining("zero.csv:2: a failure needs an age above 0");
        Path fields = write("fields.csv", "age,failed,entry", "3,F");
        assertThatThrownBy(() -> LifeTableFile.read(fields, columns))
                .hasMessageContaining("fields.csv:2: expected 3 fields as in the header, got 2");

        Path good = write("good.csv", "age,failed,entry", "10,F,0", "\"20\",s,5", "30,1,0");
        LifeTableFile.Table table = LifeTableFile.read(good, columns);
        LifeData all = Objects.requireNonNull(table.segments().get("all"));
        assertThat(all.failureCount()).isEqualTo(2);
        assertThat(all.unitCount()).isEqualTo(3);
        assertThat(all.entries()).hasSize(1);
    }

    private static double rate(FleetLifeService.Result result, String model) {
        return result.segments().stream()
                .filter(fit -> fit.segment().equals(model))
                .findFirst()
                .map(fit -> Objects.requireNonNull(fit.params().get("rate")))
                .orElseThrow();
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, (String.join("\n", lines) + "\n").getBytes(UTF_8));
        return file;
    }
}
