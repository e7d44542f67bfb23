package io.fleetcast.app.plot;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.math.BigDecimal;
import java.math.MathContext;

/** Tick marks people can read: round numbers on linear axes, 1-2-5 steps per decade on log axes, percentages. */
public final class Ticks {
    private Ticks() {}

    /** About five to ten round values (steps of 1, 2 or 5 times a power of ten) from {@code min} to {@code max}. */
    public static ImmutableList<Tick> linear(double min, double max) {
        checkArgument(
                Double.isFinite(min) && Double.isFinite(max) && min < max, "need min < max, got %s, %s", min, max);
        double raw = (max - min) / 6;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double normalised = raw / magnitude;
        double step = (normalised < 1.5 ? 1 : normalised < 3 ? 2 : normalised < 7 ? 5 : 10) * magnitude;
        ImmutableList.Builder<Tick> ticks = ImmutableList.builder();
        for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
            double value = round(k * step);
            ticks.add(new Tick(value, label(value)));
        }
        return ticks.build();
    }

    /**
     * Values 1, 2, 5 (or every digit, over a short range; only powers of ten over a long one) times powers of ten,
     * from {@code min} to {@code max}, both above 0.
     */
    public static ImmutableList<Tick> log(double min, double max) {
        checkArgument(min > 0 && max > min && Double.isFinite(max), "need 0 < min < max, got %s, %s", min, max);
        double decades = Math.log10(max / min);
        int[] multipliers = decades > 4
                ? new int[] {1}
                : decades > 1.5 ? new int[] {1, 2, 5} : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
        ImmutableList.Builder<Tick> ticks = ImmutableList.builder();
        for (int exponent = (int) Math.floor(Math.log10(min)); exponent <= Math.ceil(Math.log10(max)); exponent++) {
            for (int multiplier : multipliers) {
                double value = round(multiplier * Math.pow(10, exponent));
                if (value >= min * (1 - 1e-9) && value <= max * (1 + 1e-9)) {
                    ticks.add(new Tick(value, label(value)));
                }
            }
        }
        return ticks.build();
    }

    /** Ticks at the probabilities {@code values} (between 0 and 1), labelled in percent: {@code 1%}, {@code 99.9%}. */
    public static ImmutableList<Tick> percent(double... values) {
        ImmutableList.Builder<Tick> ticks = ImmutableList.builder();
        for (double value : values) {
            checkArgument(value >= 0 && value <= 1, "a probability must be 0 to 1, got %s", value);
            ticks.add(new Tick(value, label(value * 100) + "%"));
        }
        return ticks.build();
    }

    /** A number as a tick says it: {@code 0.25}, {@code 1500}, {@code 2e6}; at most 6 significant digits. */
    public static String label(double value) {
        return label(value, 6);
    }

    /**
     * {@code value} rounded to {@code digits} significant digits, in plain notation from 0.001 to a million ({@code
     * 0.0125}, {@code 134700}) and as {@code 1.5e-5}, {@code 2e6} outside; {@code NaN} and {@code ∞} as such.
     */
    public static String label(double value, int digits) {
        checkArgument(digits >= 1, "need at least 1 significant digit, got %s", digits);
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : Double.isNaN(value) ? "NaN" : value > 0 ? "∞" : "−∞";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e6 || magnitude < 1e-3) {
            int exponent = (int) Math.floor(Math.log10(magnitude));
            String mantissa = plain(value / Math.pow(10, exponent), digits);
            if (mantissa.replace("-", "").equals("10")) { // 9.9999e5 rounds up to the next power
                mantissa = mantissa.replace("10", "1");
                exponent++;
            }
            return mantissa + "e" + exponent;
        }
        return plain(value, digits);
    }

    private static String plain(double value, int digits) {
        return new BigDecimal(value)
                .round(new MathContext(digits))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** {@code value} without the binary noise of multiplying a step (0.30000000000000004 is 0.3). */
    private static double round(double value) {
        return value == 0 ? 0 : new BigDecimal(value).round(new MathContext(12)).doubleValue();
    }
}
