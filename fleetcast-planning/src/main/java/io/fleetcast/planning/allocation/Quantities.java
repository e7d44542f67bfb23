package io.fleetcast.planning.allocation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Formats quantities for the explanations people read. */
final class Quantities {
    private Quantities() {}

    /** At most two decimals, no trailing zeros, no grouping: {@code 1500}, {@code 12.5}. */
    static String format(double value) {
        String text = BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** {@code 12.5 cores}. */
    static String format(double value, String unit) {
        return format(value) + " " + unit;
    }
}
