package io.fleetcast.core.time;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The step of a stored series. Hourly and daily points are aligned to the start of their UTC hour or day. */
public enum Grain {
    HOUR("hour", Duration.ofHours(1)),
    DAY("day", Duration.ofDays(1));

    private final String code;
    private final Duration step;

    Grain(String code, Duration step) {
        this.code = code;
        this.step = step;
    }

    /** The name used in files and the API: {@code hour} or {@code day}. */
    public String code() {
        return code;
    }

    public Duration step() {
        return step;
    }

    /** Whether {@code instant} is the start of a UTC hour (for {@link #HOUR}) or UTC day (for {@link #DAY}). */
    public boolean isAligned(Instant instant) {
        return switch (this) {
            case HOUR -> instant.truncatedTo(ChronoUnit.HOURS).equals(instant);
            case DAY ->
                instant.atOffset(ZoneOffset.UTC)
                        .toLocalDate()
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .equals(instant);
        };
    }

    /** Whether {@code epochSecond} is aligned as {@link #isAligned(Instant)} says. */
    public boolean isAligned(long epochSecond) {
        return Math.floorMod(epochSecond, step.toSeconds()) == 0;
    }

    /** The grain named {@code code} ({@code hour} or {@code day}; case-insensitive). */
    public static Optional<Grain> parse(String code) {
        requireNonNull(code, "code is null");
        for (Grain grain : values()) {
            if (grain.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(grain);
            }
        }
        return Optional.empty();
    }
}
