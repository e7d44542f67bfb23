package io.fleetcast.reliability.growth;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Failures of repairable systems in cumulative operating time, for a growth model. Either the individual failure times
 * of one or more systems, each watched from a start to an end time, or (grouped data) the failures of one system
 * counted between successive inspection times. Immutable; build with {@link #builder()}.
 */
public final class GrowthData {
    /**
     * One system's record.
     *
     * @param id the system's name
     * @param start the cumulative time at which watching began (0 for most tests)
     * @param end the cumulative time at which it stopped: the last failure's time for a failure-terminated test
     * @param failureTimes the cumulative times of its failures, ascending, each in (start, end]
     */
    public record SystemRecord(String id, double start, double end, ImmutableList<Double> failureTimes) {
        public SystemRecord {
            requireNonNull(id, "id is null");
            requireNonNull(failureTimes, "failureTimes is null");
        }

        /** Whether watching stopped at the last failure (failure-terminated) rather than at a chosen time. */
        public boolean isFailureTerminated() {
            return !failureTimes.isEmpty() && failureTimes.get(failureTimes.size() - 1) == end;
        }
    }

    /**
     * Failures counted in one inspection interval of grouped data.
     *
     * @param lower the cumulative time the interval starts at (the previous inspection)
     * @param upper the cumulative time it ends at
     * @param failures the failures found in it
     */
    public record Group(double lower, double upper, long failures) {}

    private final ImmutableList<SystemRecord> systems;
    private final ImmutableList<Group> groups;

    private GrowthData(ImmutableList<SystemRecord> systems, ImmutableList<Group> groups) {
        this.systems = systems;
        this.groups = groups;
    }

    /** The systems with individual failure times; empty for grouped data. */
    public ImmutableList<SystemRecord> systems() {
        return systems;
    }

    /** The inspection intervals of grouped data; empty for individual failure times. */
    public ImmutableList<Group> groups() {
        return groups;
    }

    /** Whether the failures are counted in intervals rather than timed. */
    public boolean isGrouped() {
        return !groups.isEmpty();
    }

    /** All failures. */
    public long failureCount() {
        long count = groups.stream().mapToLong(Group::failures).sum();
        for (SystemRecord system : systems) {
            count += system.failureTimes().size();
        }
        return count;
    }

    /** The latest end of observation: the end of the last interval, or the latest system end. */
    public double end() {
        if (isGrouped()) {
            return groups.get(groups.size() - 1).upper();
        }
        return systems.stream().mapToDouble(SystemRecord::end).max().orElse(0);
    }

    /**
     * Whether this is one system's test stopped at its last failure: such tests take the failure-terminated forms of
     * the bias correction and of the exact bounds.
     */
    public boolean isFailureTerminated() {
        return !isGrouped() && systems.size() == 1 && systems.get(0).isFailureTerminated();
    }

    /** A builder of growth data. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects systems or groups and checks them in {@link #build()}. */
    public static final class Builder {
        private final List<SystemRecord> systems = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a system watched from {@code start} to {@code end} with failures at {@code failureTimes} (any order).
         */
        public Builder system(String id, double start, double end, List<Double> failureTimes) {
            List<Double> sorted = new ArrayList<>(failureTimes);
            sorted.sort(null);
            if (!(start >= 0) || !(end > start) || !Double.isFinite(end)) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT, "system %s: need 0 <= start < end, got start %s and end %s", id, start, end));
            }
            for (double t : sorted) {
                if (!(t > start) || t > end) {
                    throw new IllegalArgumentException(String.format(
                            Locale.ROOT,
                            "system %s: failure at %s is outside its observation (%s, %s]",
                            id,
                            t,
                            start,
                            end));
                }
            }
            systems.add(new SystemRecord(id, start, end, ImmutableList.copyOf(sorted)));
            return this;
        }

        /** Adds an inspection interval (lower, upper] in which {@code failures} failures were found. */
        public Builder group(double lower, double upper, long failures) {
            double previous =
                    groups.isEmpty() ? 0 : groups.get(groups.size() - 1).upper();
            if (lower != previous || !(upper > lower) || !Double.isFinite(upper) || failures < 0) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "interval (%s, %s] with %d failures: intervals must follow each other from 0 with upper >"
                                + " lower and failures >= 0 (the previous one ended at %s)",
                        lower,
                        upper,
                        failures,
                        previous));
            }
            groups.add(new Group(lower, upper, failures));
            return this;
        }

        /**
         * The data.
         *
         * @throws IllegalArgumentException when both kinds or neither were given, or there are fewer than 2 failures
         */
        public GrowthData build() {
            if (systems.isEmpty() == groups.isEmpty()) {
                throw new IllegalArgumentException(
                        "give either systems with failure times or intervals with failure counts, not "
                                + (systems.isEmpty() ? "neither" : "both"));
            }
            GrowthData data = new GrowthData(ImmutableList.copyOf(systems), ImmutableList.copyOf(groups));
            long needed = data.isFailureTerminated() ? 3 : 2;
            if (data.failureCount() < needed) {
                throw new IllegalArgumentException("a growth model needs at least " + needed + " failures"
                        + (needed == 3 ? " in a test stopped at its last failure" : "") + ", got "
                        + data.failureCount());
            }
            return data;
        }
    }
}
