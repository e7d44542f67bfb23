package io.fleetcast.forecast.adjust;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * One planner's adjustment of a forecast, over the forecast's steps {@code fromStep} to {@code toStep} inclusive (0 =
 * the first forecast step; a range may start before it or run past the horizon; {@code toStep} is ignored for a
 * {@link Kind#STEP}, which lasts to the end).
 *
 * @param id the adjustment's identifier, as stored
 * @param value the quantity added or set, in the series' unit (add, override, step), or the factor (multiply)
 * @param author who made it
 * @param reason why, in the author's words
 * @param createdAt when it was made; later adjustments apply after earlier ones
 */
public record Adjustment(
        String id, Kind kind, int fromStep, int toStep, double value, String author, String reason, Instant createdAt) {

    /** How an adjustment changes the forecast. */
    public enum Kind {
        /** Adds the value to every step in the range. */
        ADD,
        /** Multiplies every step in the range by the value (a factor, e.g. 1.1 for +10%). */
        MULTIPLY,
        /** Sets every step in the range to the value; the intervals keep their width around it. */
        OVERRIDE,
        /** Adds the value from the first step on, to the end: a planned launch's new load. */
        STEP
    }

    public Adjustment {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(author, "author is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(createdAt, "createdAt is null");
        checkArgument(Double.isFinite(value), "adjustment %s: the value must be a finite number, got %s", id, value);
        checkArgument(
                kind != Kind.MULTIPLY || value > 0, "adjustment %s: a factor must be positive, got %s", id, value);
        checkArgument(
                kind == Kind.STEP || toStep >= fromStep,
                "adjustment %s: the range ends (step %s) before it starts (step %s)",
                id,
                toStep,
                fromStep);
    }

    /** Whether it changes forecast step {@code step}. */
    public boolean covers(int step) {
        return step >= fromStep && (kind == Kind.STEP || step <= toStep);
    }
}
