package io.fleetcast.app.schedule;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a job once a day at a UTC time of day, on one background thread, until closed. Each run is scheduled from the
 * clock after the previous one ends, so a long run or a suspended machine never stacks runs up; a run that throws is
 * reported and the next day's run still happens.
 */
public final class DailyScheduler implements AutoCloseable {
    private final LocalTime at;
    private final Clock clock;
    private final Runnable job;
    private final Consumer<String> log;
    private final ScheduledExecutorService executor;
    private volatile Instant nextRun;

    private DailyScheduler(LocalTime at, Clock clock, Runnable job, Consumer<String> log) {
        this.at = requireNonNull(at, "at is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.job = requireNonNull(job, "job is null");
        this.log = requireNonNull(log, "log is null");
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fleetcast-daily");
            thread.setDaemon(true);
            return thread;
        });
        this.nextRun = next(clock.instant(), at);
    }

    /** Starts running {@code job} every day at {@code at} UTC; {@code log} hears of failed runs. */
    public static DailyScheduler start(LocalTime at, Clock clock, Runnable job, Consumer<String> log) {
        DailyScheduler scheduler = new DailyScheduler(at, clock, job, log);
        scheduler.scheduleAfter(clock.instant());
        return scheduler;
    }

    /** The next time {@code at} UTC comes after {@code now}. */
    public static Instant next(Instant now, LocalTime at) {
        ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(at);
        return today.toInstant().isAfter(now)
                ? today.toInstant()
                : today.plusDays(1).toInstant();
    }

    /** When the job runs next. */
    public Instant nextRun() {
        return nextRun;
    }

    /** Schedules the first run of {@code at} strictly after {@code after} (and now). */
    private void scheduleAfter(Instant after) {
        Instant now = clock.instant();
        nextRun = next(now.isBefore(after) ? after : now, at);
        long delay = Math.max(0, Duration.between(now, nextRun).toMillis());
        // Runs catch their own failures (runAndReschedule), so the future has nothing to report.
        var unused = executor.schedule(this::runAndReschedule, delay, TimeUnit.MILLISECONDS);
    }

    private void runAndReschedule() {
        // The timer may fire a moment before the run's time; the next run comes after this one's time, not today again.
        Instant due = nextRun;
        try {
            job.run();
        } catch (RuntimeException e) {
            log.accept("the daily job failed: " + e.getMessage());
        } finally {
            if (!executor.isShutdown()) {
                scheduleAfter(due);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
