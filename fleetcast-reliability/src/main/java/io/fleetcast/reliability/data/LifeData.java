package io.fleetcast.reliability.data;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Life data of a population: exact failure times, right-censored units (suspensions: still working at their time),
 * left-censored units (failed at some time before their inspection) and interval-censored units (failed between two
 * inspections), each with a count of identical units. Times are in one unit (days, hours, cycles) and non-negative.
 * Immutable.
 */
public final class LifeData {
    /** Units with the same observation. */
    public record Observation(double lower, double upper, long count) {}

    private final ImmutableList<Observation> failures;
    private final ImmutableList<Observation> rightCensored;
    private final ImmutableList<Observation> leftCensored;
    private final ImmutableList<Observation> intervals;
    private final ImmutableList<Observation> entries;

    private LifeData(
            ImmutableList<Observation> failures,
            ImmutableList<Observation> rightCensored,
            ImmutableList<Observation> leftCensored,
            ImmutableList<Observation> intervals,
            ImmutableList<Observation> entries) {
        this.failures = failures;
        this.rightCensored = rightCensored;
        this.leftCensored = leftCensored;
        this.intervals = intervals;
        this.entries = entries;
    }

    /** A builder; {@link Builder#build()} checks the data. */
    public static Builder builder() {
        return new Builder();
    }

    /** Exact failures at {@code failureTimes} and suspensions at {@code suspensionTimes}, one unit each. */
    public static LifeData of(double[] failureTimes, double[] suspensionTimes) {
        Builder builder = builder();
        for (double time : failureTimes) {
            builder.failure(time, 1);
        }
        for (double time : suspensionTimes) {
            builder.suspension(time, 1);
        }
        return builder.build();
    }

    /**
     * The same units with identical observations merged into one with their total count, in time order: a fleet's
     * ages in whole days have a few thousand distinct values among millions of units, and a likelihood costs one term
     * per distinct observation.
     */
    public LifeData compact() {
        return new LifeData(
                merge(failures), merge(rightCensored), merge(leftCensored), merge(intervals), merge(entries));
    }

    private static ImmutableList<Observation> merge(List<Observation> observations) {
        java.util.TreeMap<Observation, long[]> counts = new java.util.TreeMap<>(
                java.util.Comparator.comparingDouble(Observation::lower).thenComparingDouble(Observation::upper));
        for (Observation o : observations) {
            counts.computeIfAbsent(o, key -> new long[1])[0] += o.count();
        }
        ImmutableList.Builder<Observation> merged = ImmutableList.builder();
        counts.forEach((o, count) -> merged.add(new Observation(o.lower(), o.upper(), count[0])));
        return merged.build();
    }

    /**
     * The same units with {@code location} subtracted from every time (clipped at 0): fitting a distribution with a
     * location γ is fitting its form without one to the times less γ.
     */
    public LifeData shifted(double location) {
        return new LifeData(
                shift(failures, location),
                shift(rightCensored, location),
                shift(leftCensored, location),
                shift(intervals, location),
                shift(entries, location));
    }

    private static ImmutableList<Observation> shift(List<Observation> observations, double location) {
        return observations.stream()
                .map(o -> new Observation(
                        Math.max(0, o.lower() - location), Math.max(0, o.upper() - location), o.count()))
                .collect(ImmutableList.toImmutableList());
    }

    /** The units of {@code first} and of {@code second} together. */
    public static LifeData combine(LifeData first, LifeData second) {
        return new LifeData(
                ImmutableList.<Observation>builder()
                        .addAll(first.failures)
                        .addAll(second.failures)
                        .build(),
                ImmutableList.<Observation>builder()
                        .addAll(first.rightCensored)
                        .addAll(second.rightCensored)
                        .build(),
                ImmutableList.<Observation>builder()
                        .addAll(first.leftCensored)
                        .addAll(second.leftCensored)
                        .build(),
                ImmutableList.<Observation>builder()
                        .addAll(first.intervals)
                        .addAll(second.intervals)
                        .build(),
                ImmutableList.<Observation>builder()
                        .addAll(first.entries)
                        .addAll(second.entries)
                        .build());
    }

    /** Exact failures: {@code lower} = {@code upper} = the failure time. */
    public ImmutableList<Observation> failures() {
        return failures;
    }

    /** Suspensions: {@code lower} = {@code upper} = the time the unit was last known to work. */
    public ImmutableList<Observation> rightCensored() {
        return rightCensored;
    }

    /** Failures before an inspection: {@code lower} = 0, {@code upper} = the inspection time. */
    public ImmutableList<Observation> leftCensored() {
        return leftCensored;
    }

    /** Failures between two inspections, {@code lower} < {@code upper}. */
    public ImmutableList<Observation> intervals() {
        return intervals;
    }

    /**
     * Delayed entries (left truncation): units first observed at a time after 0, which they are known to have
     * survived to (a drive whose records start at 9,000 power-on hours). Each is one of the units above, entered again
     * here with its entry time; units observed from time 0 have no entry.
     */
    public ImmutableList<Observation> entries() {
        return entries;
    }

    /** Units known to have failed: exactly, before an inspection, or between two. */
    public long failureCount() {
        return count(failures) + count(leftCensored) + count(intervals);
    }

    /** All units. */
    public long unitCount() {
        return failureCount() + count(rightCensored);
    }

    /** Whether every failure time is known exactly (no left or interval censoring). */
    public boolean exactFailuresOnly() {
        return leftCensored.isEmpty() && intervals.isEmpty();
    }

    private static long count(List<Observation> observations) {
        return observations.stream().mapToLong(Observation::count).sum();
    }

    /**
     * Collects observations, merging exact failures and suspensions at equal times as they come (so millions of units
     * take the memory of their distinct times); every method refuses a negative or non-finite time or a count below 1.
     */
    public static final class Builder {
        private final java.util.Map<Double, Long> failures = new java.util.HashMap<>();
        private final java.util.Map<Double, Long> rightCensored = new java.util.HashMap<>();
        private final List<Observation> leftCensored = new ArrayList<>();
        private final List<Observation> intervals = new ArrayList<>();
        private final java.util.Map<Double, Long> entries = new java.util.HashMap<>();

        private Builder() {}

        /** {@code count} units that failed at {@code time}. */
        public Builder failure(double time, long count) {
            failures.merge(time(time, "failure time"), count(count), Long::sum);
            return this;
        }

        /** {@code count} units still working at {@code time} (right-censored). */
        public Builder suspension(double time, long count) {
            rightCensored.merge(time(time, "suspension time"), count(count), Long::sum);
            return this;
        }

        /** {@code count} units found failed at an inspection at {@code time} (left-censored). */
        public Builder failedBefore(double time, long count) {
            checkArgument(time(time, "inspection time") > 0, "a left-censored time must be above 0, got %s", time);
            leftCensored.add(new Observation(0, time, count(count)));
            return this;
        }

        /** {@code count} units that failed after {@code lower} and by {@code upper} (interval-censored). */
        public Builder failedBetween(double lower, double upper, long count) {
            checkArgument(
                    time(lower, "interval start") < time(upper, "interval end"),
                    "an interval must end after it starts, got %s to %s",
                    lower,
                    upper);
            intervals.add(new Observation(lower, upper, count(count)));
            return this;
        }

        /**
         * {@code count} of the units (added with their failure or suspension) were first observed at {@code time}
         * (left-truncated: a unit that failed before it could not have been seen). Time 0 is no truncation.
         */
        public Builder enteredAt(double time, long count) {
            if (time(time, "entry time") > 0) {
                entries.merge(time, count(count), Long::sum);
            }
            return this;
        }

        /**
         * The data.
         *
         * @throws IllegalArgumentException when there are no units
         */
        public LifeData build() {
            LifeData data = new LifeData(
                    byTime(failures),
                    byTime(rightCensored),
                    ImmutableList.copyOf(leftCensored),
                    ImmutableList.copyOf(intervals),
                    byTime(entries));
            checkArgument(data.unitCount() > 0, "life data needs at least one unit");
            return data;
        }

        private static ImmutableList<Observation> byTime(java.util.Map<Double, Long> counts) {
            return counts.entrySet().stream()
                    .sorted(java.util.Map.Entry.comparingByKey())
                    .map(entry -> new Observation(entry.getKey(), entry.getKey(), entry.getValue()))
                    .collect(ImmutableList.toImmutableList());
        }

        private static double time(double time, String what) {
            checkArgument(
                    Double.isFinite(time) && time >= 0,
                    "a %s must be a number of at least 0, got %s",
                    what,
                    String.format(Locale.ROOT, "%s", time));
            return time;
        }

        private static long count(long count) {
            checkArgument(count >= 1, "a count must be at least 1, got %s", count);
            return count;
        }
    }
}
