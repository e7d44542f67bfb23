package io.fleetcast.store.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads typed values from UTF-8 byte slices without allocating on the common paths. Not thread-safe: one per loading
 * thread. Each {@code parse*} method returns whether the text was valid; the value is then in {@link #longValue()},
 * {@link #doubleValue()} or {@link #decimalText()}, and otherwise {@link #problem()} says what was wrong, quoting the
 * text as the user wrote it.
 */
public final class ValueParser {
    /** Largest number of fraction digits a DECIMAL keeps (the store's DECIMAL(38, 18)). */
    public static final int DECIMAL_SCALE = 18;
    /** Largest number of integer digits a DECIMAL keeps. */
    public static final int DECIMAL_INTEGER_DIGITS = 38 - DECIMAL_SCALE;

    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private long longValue;
    private double doubleValue;
    private @Nullable BigDecimal decimalValue = BigDecimal.ZERO;
    private byte[] decimalText = {'0'};
    private double decimalApproximation;
    private String problem = "";
    private final SlashDates slashDates;

    // One-entry caches: files repeat the same timestamp (all series of one hour) and the same day on many rows.
    private final byte[] lastTimestamp = new byte[40];
    private int lastTimestampLength = -1;
    private long lastTimestampMicros;
    private final byte[] lastDate = new byte[10];
    private boolean hasLastDate;
    private long lastEpochDay;

    /** A parser that refuses dates written with slashes. */
    public ValueParser() {
        this(SlashDates.REFUSE);
    }

    /** A parser that reads dates written with slashes ({@code 4/1/26}) as {@code slashDates} says. */
    public ValueParser(SlashDates slashDates) {
        this.slashDates = slashDates;
    }

    /** The value of the last successful {@link #parseLong}, {@link #parseDate} (epoch day) or
     * {@link #parseTimestamp} (epoch microseconds, UTC). */
    public long longValue() {
        return longValue;
    }

    /** The value of the last successful {@link #parseDouble}. */
    public double doubleValue() {
        return doubleValue;
    }

    /** The value of the last successful {@link #parseDecimal}. */
    public BigDecimal decimalValue() {
        BigDecimal value = decimalValue;
        if (value == null) {
            value = new BigDecimal(new String(decimalText, UTF_8));
            decimalValue = value;
        }
        return value;
    }

    /** The value of the last successful {@link #parseDecimal} as plain decimal text (digits, '-', '.'), exact. */
    public byte[] decimalText() {
        return decimalText;
    }

    /** The value of the last successful {@link #parseDecimal} as the nearest double, for range checks. */
    public double decimalApproximation() {
        return decimalApproximation;
    }

    /** Why the last parse failed. */
    public String problem() {
        return problem;
    }

    /** A whole number, optionally signed. */
    public boolean parseLong(byte[] bytes, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        if (i == end || end - i > 18) {
            return parseLongSlow(bytes, start, end);
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return parseLongSlow(bytes, start, end);
            }
            value = value * 10 + digit;
        }
        longValue = negative ? -value : value;
        return true;
    }

    private boolean parseLongSlow(byte[] bytes, int start, int end) {
        String text = text(bytes, start, end);
        try {
            longValue = Long.parseLong(text);
            return true;
        } catch (NumberFormatException e) {
            return fail("expected a whole number, got " + quote(text));
        }
    }

    /**
     * A finite floating-point number: {@code 12}, {@code -0.5}, {@code 3.2e6}. Plain decimals of up to 15
     * significant digits take an exact fast path (the result is the correctly rounded double, as
     * {@link Double#parseDouble} gives); everything else goes through {@link Double#parseDouble}.
     */
    public boolean parseDouble(byte[] bytes, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean seenPoint = false;
        for (; i < end; i++) {
            byte c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (mantissa >= EXACT_DOUBLE_LIMIT / 10) {
                    return parseDoubleSlow(bytes, start, end);
                }
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (seenPoint) {
                    fractionDigits++;
                }
            } else if (c == '.' && !seenPoint) {
                seenPoint = true;
            } else {
                return parseDoubleSlow(bytes, start, end);
            }
        }
        if (digits == 0 || fractionDigits >= POWERS_OF_TEN.length) {
            return parseDoubleSlow(bytes, start, end);
        }
        // Both operands are exact doubles, so one IEEE division gives the correctly rounded result.
        double value = mantissa / POWERS_OF_TEN[fractionDigits];
        doubleValue = negative ? -value : value;
        return true;
    }

    private boolean parseDoubleSlow(byte[] bytes, int start, int end) {
        String text = text(bytes, start, end);
        String problemText = "expected a number, got " + quote(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // Double.parseDouble also accepts "NaN", "Infinity", hex floats and a trailing 'd'/'f'; users mean none.
            if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return fail(problemText);
            }
        }
        try {
            double value = Double.parseDouble(text);
            if (!Double.isFinite(value)) {
                return fail("number out of range, got " + quote(text));
            }
            doubleValue = value;
            return true;
        } catch (NumberFormatException e) {
            return fail(problemText);
        }
    }

    /**
     * An exact decimal of at most {@value #DECIMAL_INTEGER_DIGITS} integer and {@value #DECIMAL_SCALE} fraction
     * digits (trailing zeros do not count). A leading currency sign ({@code $}, {@code €}, {@code £}) and grouping
     * commas in the usual places ({@code 10,000.00}) are accepted, as billing exports write them.
     */
    public boolean parseDecimal(byte[] bytes, int start, int end) {
        if (parsePlainDecimal(bytes, start, end)) {
            return true;
        }
        String text = text(bytes, start, end);
        String plain = stripCurrencyFormatting(text);
        BigDecimal value;
        try {
            value = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return fail("expected a decimal amount, got " + quote(text));
        }
        if (value.scale() > DECIMAL_SCALE) {
            BigDecimal stripped = value.stripTrailingZeros();
            if (stripped.scale() > DECIMAL_SCALE) {
                return fail("more than " + DECIMAL_SCALE + " decimal places in " + quote(text)
                        + "; amounts are kept exactly and this one would have to be rounded");
            }
            value = stripped.setScale(Math.max(stripped.scale(), 0), RoundingMode.UNNECESSARY);
        }
        if (value.precision() - value.scale() > DECIMAL_INTEGER_DIGITS) {
            return fail("amount too large, got " + quote(text));
        }
        decimalValue = value;
        decimalText = value.toPlainString().getBytes(UTF_8);
        decimalApproximation = value.doubleValue();
        return true;
    }

    /**
     * The common case of {@link #parseDecimal}, without BigDecimal: an optional sign, 1 to
     * {@value #DECIMAL_INTEGER_DIGITS} integer digits, and optionally a point and 1 to {@value #DECIMAL_SCALE} fraction
     * digits. The text is kept as written (less a '+'). False when the text has any other form; that does not mean it
     * is invalid.
     */
    private boolean parsePlainDecimal(byte[] bytes, int start, int end) {
        int i = start;
        boolean negative = false;
        if (i < end && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        int digitsStart = i;
        long mantissa = 0;
        int digits = 0;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            mantissa = mantissa * 10 + (bytes[i] - '0');
            digits++;
            i++;
        }
        int integerDigits = i - digitsStart;
        if (integerDigits == 0 || integerDigits > DECIMAL_INTEGER_DIGITS) {
            return false;
        }
        int scale = 0;
        if (i < end && bytes[i] == '.') {
            i++;
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                mantissa = mantissa * 10 + (bytes[i] - '0');
                digits++;
                scale++;
                i++;
            }
            if (scale == 0 || scale > DECIMAL_SCALE) {
                return false;
            }
        }
        if (i != end) {
            return false;
        }
        int textStart = bytes[start] == '+' ? start + 1 : start;
        decimalText = Arrays.copyOfRange(bytes, textStart, end);
        decimalValue = null;
        if (digits <= 15) {
            // Exact mantissa and power of ten: one correctly rounded division.
            double magnitude = mantissa / POWERS_OF_TEN[scale];
            decimalApproximation = negative ? -magnitude : magnitude;
        } else {
            decimalApproximation = Double.parseDouble(new String(decimalText, UTF_8));
        }
        return true;
    }

    private static String stripCurrencyFormatting(String text) {
        String value = text;
        boolean negative = false;
        if (value.startsWith("-")) {
            negative = true;
            value = value.substring(1).trim();
        }
        if (!value.isEmpty() && (value.charAt(0) == '$' || value.charAt(0) == '€' || value.charAt(0) == '£')) {
            value = value.substring(1).trim();
        }
        if (value.indexOf(',') >= 0 && value.matches("\\d{1,3}(,\\d{3})+(\\.\\d*)?")) {
            value = value.replace(",", "");
        }
        return negative ? "-" + value : value;
    }

    /** A calendar date {@code YYYY-MM-DD}; the value is the epoch day. */
    public boolean parseDate(byte[] bytes, int start, int end) {
        if ((end - start != 10 || !readDate(bytes, start)) && readSlashDate(bytes, start, end) != end) {
            return fail("expected a date like 2026-03-01, got " + quote(text(bytes, start, end))
                    + slashHint(bytes, start, end));
        }
        longValue = lastEpochDay;
        return true;
    }

    /**
     * An instant: {@code 2026-03-01T13:00:00Z}, with a space instead of {@code T}, with fractional seconds, with an
     * offset ({@code +02:00}, {@code +0200}, {@code +02}) or none (read as UTC), or a bare date (its UTC midnight).
     * The value is microseconds since the epoch.
     */
    public boolean parseTimestamp(byte[] bytes, int start, int end) {
        int length = end - start;
        if (length == lastTimestampLength && Arrays.equals(lastTimestamp, 0, length, bytes, start, end)) {
            longValue = lastTimestampMicros;
            return true;
        }
        if (!readTimestamp(bytes, start, end)) {
            return false;
        }
        if (length <= lastTimestamp.length) {
            System.arraycopy(bytes, start, lastTimestamp, 0, length);
            lastTimestampLength = length;
            lastTimestampMicros = longValue;
        }
        return true;
    }

    private boolean readTimestamp(byte[] bytes, int start, int end) {
        int i;
        if (end - start >= 10 && readDate(bytes, start)) {
            i = start + 10;
        } else {
            i = readSlashDate(bytes, start, end);
            if (i < 0) {
                return failTimestamp(bytes, start, end);
            }
        }
        long seconds = lastEpochDay * 86_400L;
        if (i == end) {
            longValue = seconds * MICROS_PER_SECOND;
            return true;
        }
        if (bytes[i] != 'T' && bytes[i] != ' ' && bytes[i] != 't') {
            return failTimestamp(bytes, start, end);
        }
        i++;
        int hour = twoDigits(bytes, i, end);
        if (hour < 0 || hour > 23 || i + 2 >= end || bytes[i + 2] != ':') {
            return failTimestamp(bytes, start, end);
        }
        int minute = twoDigits(bytes, i + 3, end);
        if (minute < 0 || minute > 59) {
            return failTimestamp(bytes, start, end);
        }
        i += 5;
        int second = 0;
        long micros = 0;
        if (i < end && bytes[i] == ':') {
            second = twoDigits(bytes, i + 1, end);
            if (second < 0 || second > 59) {
                return failTimestamp(bytes, start, end);
            }
            i += 3;
            if (i < end && bytes[i] == '.') {
                i++;
                int fractionStart = i;
                long scale = 100_000;
                while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
                    micros += (bytes[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }
                if (i == fractionStart) {
                    return failTimestamp(bytes, start, end);
                }
            }
        }
        seconds += hour * 3600L + minute * 60L + second;
        long offsetSeconds = 0;
        if (i < end && bytes[i] == ' ') {
            i++;
        }
        if (i < end) {
            byte sign = bytes[i];
            if ((sign == 'Z' || sign == 'z') && i + 1 == end) {
                offsetSeconds = 0;
            } else if (end - i == 3 && matches(bytes, i, "UTC")) {
                offsetSeconds = 0;
            } else if (sign == '+' || sign == '-') {
                int offsetHours = twoDigits(bytes, i + 1, end);
                int offsetMinutes = 0;
                int j = i + 3;
                if (j < end && bytes[j] == ':') {
                    j++;
                }
                if (j < end) {
                    offsetMinutes = twoDigits(bytes, j, end);
                    j += 2;
                }
                if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59 || j != end) {
                    return failTimestamp(bytes, start, end);
                }
                offsetSeconds = (offsetHours * 3600L + offsetMinutes * 60L) * (sign == '-' ? -1 : 1);
            } else {
                return failTimestamp(bytes, start, end);
            }
        }
        longValue = (seconds - offsetSeconds) * MICROS_PER_SECOND + micros;
        return true;
    }

    private boolean failTimestamp(byte[] bytes, int start, int end) {
        return fail("expected a timestamp like 2026-03-01T13:00:00Z, got " + quote(text(bytes, start, end))
                + slashHint(bytes, start, end));
    }

    /** For a refused date with slashes, how to load it. */
    private String slashHint(byte[] bytes, int start, int end) {
        if (slashDates != SlashDates.REFUSE) {
            return "";
        }
        for (int i = start; i < end; i++) {
            if (bytes[i] == '/') {
                return " (a date with slashes is ambiguous: if a spreadsheet wrote it, load the file with --slash-dates"
                        + " MDY or DMY)";
            }
        }
        return "";
    }

    /**
     * Reads a date written {@code M/D/YY}, {@code M/D/YYYY} (or day first) at {@code start}, as {@link #slashDates}
     * allows, into {@link #lastEpochDay}; returns the index after it, or -1.
     */
    private int readSlashDate(byte[] bytes, int start, int end) {
        if (slashDates == SlashDates.REFUSE) {
            return -1;
        }
        int[] parts = new int[3];
        int[] digits = new int[3];
        int i = start;
        for (int part = 0; part < 3; part++) {
            while (i < end && bytes[i] >= '0' && bytes[i] <= '9' && digits[part] < 4) {
                parts[part] = parts[part] * 10 + (bytes[i] - '0');
                digits[part]++;
                i++;
            }
            if (digits[part] == 0 || (part < 2 && (digits[part] > 2 || i >= end || bytes[i++] != '/'))) {
                return -1;
            }
        }
        if (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            return -1;
        }
        int year = switch (digits[2]) {
            case 2 -> parts[2] < 30 ? 2000 + parts[2] : 1900 + parts[2];
            case 4 -> parts[2];
            default -> -1;
        };
        int month = slashDates == SlashDates.MONTH_FIRST ? parts[0] : parts[1];
        int day = slashDates == SlashDates.MONTH_FIRST ? parts[1] : parts[0];
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return -1;
        }
        lastEpochDay = epochDay(year, month, day);
        hasLastDate = false;
        return i;
    }

    private static boolean matches(byte[] bytes, int start, String ascii) {
        for (int k = 0; k < ascii.length(); k++) {
            if (bytes[start + k] != ascii.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code YYYY-MM-DD} at {@code start} into {@link #lastEpochDay}. */
    private boolean readDate(byte[] bytes, int start) {
        if (hasLastDate) {
            boolean same = true;
            for (int k = 0; k < 10; k++) {
                if (bytes[start + k] != lastDate[k]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return true;
            }
        }
        if (bytes[start + 4] != '-' || bytes[start + 7] != '-') {
            return false;
        }
        int century = twoDigits(bytes, start, start + 2);
        int yearOfCentury = twoDigits(bytes, start + 2, start + 4);
        int month = twoDigits(bytes, start + 5, start + 7);
        int day = twoDigits(bytes, start + 8, start + 10);
        if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int year = century * 100 + yearOfCentury;
        if (day > daysInMonth(year, month)) {
            return false;
        }
        lastEpochDay = epochDay(year, month, day);
        System.arraycopy(bytes, start, lastDate, 0, 10);
        hasLastDate = true;
        return true;
    }

    /** Two ASCII digits at {@code start} as a number, or -1. */
    private static int twoDigits(byte[] bytes, int start, int end) {
        if (start + 2 > end) {
            return -1;
        }
        int tens = bytes[start] - '0';
        int ones = bytes[start + 1] - '0';
        if (tens < 0 || tens > 9 || ones < 0 || ones > 9) {
            return -1;
        }
        return tens * 10 + ones;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil algorithm). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }

    private boolean fail(String message) {
        problem = message;
        return false;
    }

    /** The slice as text. */
    public static String text(byte[] bytes, int start, int end) {
        return new String(bytes, start, end - start, UTF_8);
    }

    /** {@code "text"}, shortened when long, for error messages. */
    public static String quote(String text) {
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return "\"" + shown + "\"";
    }
}
