package io.fleetcast.app.schedule;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.store.PrognosticsStore;
import io.fleetcast.store.prognostics.JobRun;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The daily work while Fleetcast serves: load the inbox's new files (when there is an inbox), then train when due
 * and score the new telemetry days ({@link PrognosticsService#runDaily}). Each run is recorded in the job log with what
 * it did, or why it failed.
 */
public final class DailyPipeline implements Runnable {
    private final @Nullable Inbox inbox;
    private final PrognosticsService prognostics;
    private final PrognosticsStore log;
    private final PrognosticsService.DailyPolicy policy;

    public DailyPipeline(
            @Nullable Inbox inbox,
            PrognosticsService prognostics,
            PrognosticsStore log,
            PrognosticsService.DailyPolicy policy) {
        this.inbox = inbox;
        this.prognostics = requireNonNull(prognostics, "prognostics is null");
        this.log = requireNonNull(log, "log is null");
        this.policy = requireNonNull(policy, "policy is null");
    }

    @Override
    public void run() {
        runOnce();
    }

    /** Runs the pipeline now and returns its record. */
    public JobRun runOnce() {
        long id = log.startJob(PrognosticsService.DAILY_JOB);
        List<String> done = new ArrayList<>();
        try {
            if (inbox != null) {
                done.add(inbox.load().summary());
            }
            done.add(
                    prognostics.hasTelemetry()
                            ? prognostics.runDaily(policy).summary()
                            : "no telemetry loaded: nothing to score");
            log.finishJob(id, "ok", String.join("; ", done));
        } catch (RuntimeException e) {
            done.add(String.valueOf(e.getMessage()));
            log.finishJob(id, "failed", String.join("; ", done));
        }
        return log.jobRuns(PrognosticsService.DAILY_JOB, 1).get(0);
    }
}
