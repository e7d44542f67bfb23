package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * A traffic driver's daily values over every simulated day: the noise-free expectation (trend × weekly × yearly
 * pattern), the deseasonalised trend level, and the observed values (expectation × autocorrelated noise with mean 1).
 * Only days of the history are written to drivers.csv.
 */
public final class TrafficDriver {
    private final String name;
    private final @Nullable String service;
    private final String unit;
    private final Timeline timeline;
    private final double[] expected;
    private final double[] trend;
    private final double[] actual;

    TrafficDriver(
            String name,
            @Nullable String service,
            String unit,
            Timeline timeline,
            double[] expected,
            double[] trend,
            double[] actual) {
        this.name = requireNonNull(name, "name is null");
        this.service = service;
        this.unit = requireNonNull(unit, "unit is null");
        this.timeline = requireNonNull(timeline, "timeline is null");
        this.expected = expected.clone();
        this.trend = trend.clone();
        this.actual = actual.clone();
    }

    /** Driver name: {@code daily_active_users} or {@code requests}. */
    public String name() {
        return name;
    }

    /** The service it belongs to, or null for a fleet-wide driver. */
    public @Nullable String service() {
        return service;
    }

    /** What it counts: {@code users} or {@code requests}. */
    public String unit() {
        return unit;
    }

    /** Noise-free expected value on {@code day}. */
    public double expected(int day) {
        return expected[timeline.index(day)];
    }

    /** Deseasonalised trend level on {@code day}. */
    public double trend(int day) {
        return trend[timeline.index(day)];
    }

    /** Observed value on {@code day} (what drivers.csv holds). */
    public double actual(int day) {
        return actual[timeline.index(day)];
    }
}
