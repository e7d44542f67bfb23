package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueParserTest {
    private final ValueParser parser = new ValueParser();

    private boolean parseDouble(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return parser.parseDouble(bytes, 0, bytes.length);
    }

    private boolean parseTimestamp(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return parser.parseTimestamp(bytes, 0, bytes.length);
    }

    private boolean parseDecimal(String text) {
        byte[] bytes = text.getBytes(UTF_8);
        return parser.parseDecimal(bytes, 0, bytes.length);
    }

    @Test
    void fastDoublePathAgreesWithTheJdkBitForBit() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String text = (random.nextBoolean() ? "-" : "")
                    + random.nextInt(1_000_000)
                    + "."
                    + String.format(java.util.Locale.ROOT, "%0" + (1 + random.nextInt(9)) + "d", random.nextInt(1000));
            assertThat(parseDouble(text)).as(text).isTrue();
            assertThat(parser.doubleValue()).as(text).isEqualTo(Double.parseDouble(text));
        }
    }

    @Test
    void readsExponentsAndPlainIntegers() {
        assertThat(parseDouble("3.2e6")).isTrue();
        assertThat(parser.doubleValue()).isEqualTo(3.2e6);
        assertThat(parseDouble("17")).isTrue();
        assertThat(parser.doubleValue()).isEqualTo(17.0);
        assertThat(parseDouble("12345678901234567890.5")).isTrue();
        assertThat(parser.doubleValue()).isEqualTo(Double.parseDouble("12345678901234567890.5"));
    }

    @Test
    void rejectsWhatUsersDoNotMeanAsNumbers() {
        assertThat(parseDouble("12,5")).isFalse();
        assertThat(parser.problem()).isEqualTo("expected a number, got \"12,5\"");
        assertThat(parseDouble("NaN")).isFalse();
        assertThat(parseDouble("Infinity")).isFalse();
        assertThat(parseDouble("1e999")).isFalse();
        assertThat(parser.problem()).contains("out of range");
        assertThat(parseDouble("0x10")).isFalse();
    }

    @Test
    void readsTimestampsInTheFormsExportsUse() {
        assertThat(parseTimestamp("2026-03-01T13:00:00Z")).isTrue();
        long expected = Instant.parse("2026-03-01T13:00:00Z").toEpochMilli() * 1000;
        assertThat(parser.longValue()).isEqualTo(expected);
        assertThat(parseTimestamp("2026-03-01 13:00:00")).isTrue();
        assertThat(parser.longValue()).isEqualTo(expected);
        assertThat(parseTimestamp("2026-03-01 15:00:00+02")).isTrue();
        assertThat(parser.longValue()).isEqualTo(expected);
        assertThat(parseTimestamp("2026-03-01T08:30:00-04:30")).isTrue();
        assertThat(parser.longValue()).isEqualTo(expected);
        assertThat(parseTimestamp("2026-03-01T13:00:00.250Z")).isTrue();
        assertThat(parser.longValue()).isEqualTo(expected + 250_000);
        assertThat(parseTimestamp("2026-03-01")).isTrue();
        assertThat(parser.longValue())
                .isEqualTo(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli() * 1000);
    }

    @Test
    void rejectsImpossibleDates() {
        assertThat(parseTimestamp("2026-02-29T00:00:00Z")).isFalse();
        assertThat(parser.problem())
                .isEqualTo("expected a timestamp like 2026-03-01T13:00:00Z, got \"2026-02-29T00:00:00Z\"");
        assertThat(parseTimestamp("2024-02-29T00:00:00Z")).isTrue();
        assertThat(parseTimestamp("2026-13-01")).isFalse();
        assertThat(parseTimestamp("20x6-01-01")).isFalse();
        assertThat(parseTimestamp("03/01/2026")).isFalse();
        byte[] date = "2026-04-31".getBytes(UTF_8);
        assertThat(parser.parseDate(date, 0, date.length)).isFalse();
    }

    @Test
    void slashDatesAreRefusedAsAmbiguousUnlessAnOrderIsGiven() {
        assertThat(parseTimestamp("4/1/26")).isFalse();
        assertThat(parser.problem())
                .isEqualTo("expected a timestamp like 2026-03-01T13:00:00Z, got \"4/1/26\" (a date with slashes is"
                        + " ambiguous: if a spreadsheet wrote it, load the file with --slash-dates MDY or DMY)");

        ValueParser monthFirst = new ValueParser(SlashDates.MONTH_FIRST);
        ValueParser dayFirst = new ValueParser(SlashDates.DAY_FIRST);
        assertThat(micros(monthFirst, "4/1/26")).isEqualTo(micros("2026-04-01T00:00:00Z"));
        assertThat(micros(dayFirst, "4/1/26")).isEqualTo(micros("2026-01-04T00:00:00Z"));
        // Two-digit years below 30 are this century, others the last, as spreadsheets read them.
        assertThat(micros(monthFirst, "12/31/99")).isEqualTo(micros("1999-12-31T00:00:00Z"));
        assertThat(micros(monthFirst, "2/29/2024 13:30")).isEqualTo(micros("2024-02-29T13:30:00Z"));
        assertThat(micros(monthFirst, "10/1/25")).isEqualTo(micros("2025-10-01T00:00:00Z"));
        for (String impossible : List.of("2/29/26", "13/1/26", "4/1/026", "4//26", "4/1/26x", "123/1/26")) {
            byte[] bytes = impossible.getBytes(UTF_8);
            assertThat(monthFirst.parseTimestamp(bytes, 0, bytes.length))
                    .as(impossible)
                    .isFalse();
        }
        byte[] date = "4/1/2026".getBytes(UTF_8);
        assertThat(dayFirst.parseDate(date, 0, date.length)).isTrue();
        assertThat(dayFirst.longValue()).isEqualTo(LocalDate.of(2026, 1, 4).toEpochDay());
    }

    private static long micros(ValueParser parser, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        assertThat(parser.parseTimestamp(bytes, 0, bytes.length)).as(text).isTrue();
        return parser.longValue();
    }

    private static long micros(String iso) {
        Instant instant = Instant.parse(iso);
        return instant.getEpochSecond() * 1_000_000L;
    }

    @Test
    void epochDaysMatchTheJdkCalendar() {
        for (LocalDate day = LocalDate.of(1899, 12, 25);
                day.isBefore(LocalDate.of(2101, 1, 5));
                day = day.plusDays(1)) {
            assertThat(ValueParser.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                    .isEqualTo(day.toEpochDay());
        }
    }

    @Test
    void keepsDecimalsExactlyIncludingBillingFormatting() {
        assertThat(parseDecimal("0.00000080000")).isTrue();
        assertThat(parser.decimalValue()).isEqualByComparingTo(new BigDecimal("0.0000008"));
        assertThat(parseDecimal("$10,000.00")).isTrue();
        assertThat(parser.decimalValue()).isEqualByComparingTo(new BigDecimal("10000.00"));
        assertThat(parseDecimal("-1,234.5")).isTrue();
        assertThat(parser.decimalValue()).isEqualByComparingTo(new BigDecimal("-1234.5"));
        assertThat(parseDecimal("2.000000000000000000000")).isTrue();
        assertThat(parseDecimal("0.0000000000000000001")).isFalse();
        assertThat(parser.problem()).contains("more than 18 decimal places");
        assertThat(parseDecimal("12,34")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        // text, plain text handed to the store, approximation for range checks
        "133.574253, 133.574253, 133.574253",
        "+5, 5, 5",
        "-0.5, -0.5, -0.5",
        "007, 007, 7",
        "1e3, 1000, 1000",
        ".5, 0.5, 0.5",
        "5., 5, 5",
        "'$1,234.50', 1234.50, 1234.5",
        "12345678901234567890.123456789012345678, 12345678901234567890.123456789012345678, 1.2345678901234567E19",
        "0.000000000000000001, 0.000000000000000001, 1.0E-18"
    })
    void decimalsReachTheStoreAsPlainExactText(String text, String plain, double approximation) {
        assertThat(parseDecimal(text)).isTrue();
        assertThat(new String(parser.decimalText(), StandardCharsets.UTF_8)).isEqualTo(plain);
        assertThat(parser.decimalApproximation()).isEqualTo(approximation);
        assertThat(parser.decimalValue()).isEqualByComparingTo(new BigDecimal(plain));
    }
}
