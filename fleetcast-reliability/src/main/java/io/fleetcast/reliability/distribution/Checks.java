package io.fleetcast.reliability.distribution;

import static com.google.common.base.Preconditions.checkArgument;

/** The parameter and argument checks every distribution makes, with one wording. */
final class Checks {
    private Checks() {}

    /** Refuses a {@code value} that is not a number above 0, naming {@code what} (e.g. "the Weibull scale"). */
    static void positive(double value, String what) {
        checkArgument(value > 0 && Double.isFinite(value), "%s must be above 0, got %s", what, value);
    }

    /** Refuses a {@code value} that is not a finite number. */
    static void finite(double value, String what) {
        checkArgument(Double.isFinite(value), "%s must be a number, got %s", what, value);
    }

    /** Refuses a probability outside (0, 1). */
    static void probability(double p) {
        checkArgument(p > 0 && p < 1, "a probability must be between 0 and 1, got %s", p);
    }
}
