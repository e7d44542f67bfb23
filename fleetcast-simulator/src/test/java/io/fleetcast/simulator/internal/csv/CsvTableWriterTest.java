package io.fleetcast.simulator.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.dataset.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {
    private static final int DAY = (int) LocalDate.of(2026, 3, 1).toEpochDay();

    @TempDir
    Path folder;

    @Test
    void writesTheSchemaHeaderAndEmptyFieldsForUnsetColumns() throws IOException {
        Path file = folder.resolve("services.csv");
        try (CsvTableWriter writer = CsvTableWriter.open(file, Kind.SERVICES.schema(), RowProgress.NONE)) {
            writer.text(writer.column("service"), "search-api")
                    .text(writer.column("team"), "search")
                    .text(writer.column("org"), "Consumer");
            writer.endRow();
            writer.finish();
        }
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .isEqualTo("service,team,org,tier\nsearch-api,search,Consumer,\n");
    }

    @Test
    void quotesOnlyFieldsThatNeedIt() throws IOException {
        assertThat(row(
                        Kind.SERVICES,
                        writer -> writer.text(writer.column("service"), "a,b")
                                .text(writer.column("team"), "say \"hi\"")
                                .text(writer.column("org"), "plain")))
                .isEqualTo("\"a,b\",\"say \"\"hi\"\"\",plain,");
    }

    @Test
    void writesNumbersPlainWithTrailingZerosDropped() throws IOException {
        List<String> values = new ArrayList<>();
        for (double value : new double[] {12.5, 3, 0.125, 1234567.8904, -0.0004, 2.0e7, 0.1 + 0.2}) {
            values.add(row(Kind.USAGE, writer -> writer.number(writer.column("used"), value, 3))
                    .split(",", -1)[6]);
        }
        assertThat(values).containsExactly("12.5", "3", "0.125", "1234567.89", "0", "20000000", "0.3");
    }

    @Test
    void writesMoneyFromMicrosExactly() throws IOException {
        assertThat(row(Kind.BUDGETS, writer -> writer.micros(writer.column("amount"), 1_234_500)))
                .isEqualTo("x,x,1.2345,x");
        assertThat(row(Kind.BUDGETS, writer -> writer.micros(writer.column("amount"), -5)))
                .isEqualTo("x,x,-0.000005,x");
        assertThat(row(Kind.BUDGETS, writer -> writer.micros(writer.column("amount"), 431_000_000_000L)))
                .isEqualTo("x,x,431000,x");
    }

    @Test
    void writesDatesAndUtcTimestamps() throws IOException {
        assertThat(row(Kind.USAGE, writer -> writer.timestamp(writer.column("ts"), DAY, 13)))
                .startsWith("2026-03-01T13:00:00Z,");
        assertThat(row(
                        Kind.ADJUSTMENTS,
                        writer -> writer.timestamp(writer.column("created_at"), DAY + 1, 9, 5)
                                .date(writer.column("start_date"), DAY - 1)))
                .contains(",2026-02-28,")
                .endsWith(",2026-03-02T09:05:00Z");
    }

    @Test
    void rejectsARowMissingARequiredColumn() throws IOException {
        try (CsvTableWriter writer =
                CsvTableWriter.open(folder.resolve("services.csv"), Kind.SERVICES.schema(), RowProgress.NONE)) {
            writer.text(writer.column("service"), "search-api");
            assertThatThrownBy(writer::endRow)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("team");
        }
    }

    @Test
    void rejectsValuesNoColumnAccepts() throws IOException {
        try (CsvTableWriter writer =
                CsvTableWriter.open(folder.resolve("usage.csv"), Kind.USAGE.schema(), RowProgress.NONE)) {
            assertThatThrownBy(() -> writer.number(writer.column("used"), Double.NaN, 3))
                    .hasMessageContaining("used")
                    .hasMessageContaining("NaN");
            assertThatThrownBy(() -> writer.column("nonsense")).hasMessageContaining("nonsense");
        }
    }

    @Test
    void reportsCompletionOnlyWhenFinished() throws IOException {
        List<String> reports = new ArrayList<>();
        try (CsvTableWriter writer = CsvTableWriter.open(
                folder.resolve("services.csv"),
                Kind.SERVICES.schema(),
                (rows, complete) -> reports.add(rows + " " + complete))) {
            writer.text(writer.column("service"), "a")
                    .text(writer.column("team"), "b")
                    .text(writer.column("org"), "c");
            writer.endRow();
        }
        assertThat(reports).containsExactly("0 false");
    }

    private String row(Kind kind, java.util.function.Consumer<CsvTableWriter> fill) throws IOException {
        Path file = folder.resolve(kind.tableName() + ".csv");
        try (CsvTableWriter writer = CsvTableWriter.open(file, kind.schema(), RowProgress.NONE)) {
            // Placeholders for the required columns; the test's own fields replace them.
            for (io.fleetcast.core.dataset.Column column : kind.schema().columns()) {
                if (column.isRequired()) {
                    writer.text(writer.column(column.name()), "x");
                }
            }
            fill.accept(writer);
            writer.endRow();
            writer.finish();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(1);
    }
}
