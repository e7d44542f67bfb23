package io.fleetcast.app.bench;

import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Splits the wall time of a task into stages from the progress it reports. Each named step runs from its first report
 * to its last; the time before a step's first report (since the previous step's last, or the start) is a stage of its
 * own, named by the caller for what the task does there; so is the time after the last report. The stages add up to
 * the whole. Not thread-safe: the task reports from one thread.
 */
final class StageClock {
    private final LongSupplier nanoTime;
    private final long start;
    private final List<Step> steps = new ArrayList<>();

    /** Starts the clock. */
    StageClock(LongSupplier nanoTime) {
        this.nanoTime = requireNonNull(nanoTime, "nanoTime is null");
        this.start = nanoTime.getAsLong();
    }

    /** Hears that {@code step} reached {@code done} of {@code total}. */
    void progress(String step, int total) {
        long now = nanoTime.getAsLong();
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.name.equals(step)) {
            last.lastNanos = now;
            last.total = total;
        } else {
            steps.add(new Step(step, now, total));
        }
    }

    /**
     * Stops the clock and returns the stages in order.
     *
     * @param gaps names for the time before each step, by step name; a step not listed gets "before STEP"
     * @param after the name of the time after the last step
     */
    ImmutableList<PlanBenchmark.Stage> stop(Map<String, String> gaps, String after) {
        long end = nanoTime.getAsLong();
        ImmutableList.Builder<PlanBenchmark.Stage> stages = ImmutableList.builder();
        long boundary = start;
        for (Step step : steps) {
            checkState(step.firstNanos >= boundary, "step %s reported out of order", step.name);
            stages.add(new PlanBenchmark.Stage(
                    gaps.getOrDefault(step.name, "before " + step.name), seconds(step.firstNanos - boundary), 0));
            stages.add(new PlanBenchmark.Stage(step.name, seconds(step.lastNanos - step.firstNanos), step.total));
            boundary = step.lastNanos;
        }
        stages.add(new PlanBenchmark.Stage(after, seconds(end - boundary), 0));
        return stages.build();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** A step's first and last report. */
    private static final class Step {
        final String name;
        final long firstNanos;
        long lastNanos;
        int total;

        Step(String name, long firstNanos, int total) {
            this.name = name;
            this.firstNanos = firstNanos;
            this.lastNanos = firstNanos;
            this.total = total;
        }
    }
}
