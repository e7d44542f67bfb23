package io.fleetcast.store;

import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandPoint;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.DriverDay;
import io.fleetcast.store.plan.ForecastPoint;
import io.fleetcast.store.plan.ForecastRun;
import io.fleetcast.store.plan.NewPlan;
import io.fleetcast.store.plan.Plan;
import io.fleetcast.store.plan.SeriesGroups;
import io.fleetcast.store.plan.StoredAdjustment;
import io.fleetcast.store.plan.StoredEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demand series to forecast, and forecast plan versions: read the latest plan's runs (each series' watermark), write a
 * new version with its runs and points. Safe for use from several threads.
 */
public interface PlanStore {

    /**
     * Every demand series at {@code grain} with how far its data reaches, in key order: usage rows of grain {@code
     * hour} or {@code day}; for weeks and months, the whole weeks (Monday to Sunday) and months between a series' first
     * and last daily row.
     */
    List<DemandSeries> demandSeries(DemandGrain grain);

    /**
     * The stored periods of one demand series at {@code grain}, oldest first: the rows of that grain, or the average
     * of the daily rows in each whole week or month. Periods without data are absent (not zero). Empty when the series
     * does not exist.
     */
    List<DemandPoint> demand(String service, String cluster, String resource, DemandGrain grain);

    /** The newest plan version at {@code grain}; empty when none was written. */
    Optional<Plan> latestPlan(DemandGrain grain);

    /** The newest plan version; empty when no plan was written yet. */
    Optional<Plan> latestPlan();

    /** Every plan version, oldest first. */
    List<Plan> plans();

    /** Plan {@code version}; empty when there is none. */
    Optional<Plan> plan(int version);

    /** The runs of plan {@code version}, in series-key order; empty for an unknown version. */
    List<ForecastRun> runs(int version);

    /** The statistical forecast of run {@code runId}, oldest step first; empty for an unknown run. */
    List<ForecastPoint> points(long runId);

    /**
     * The forecast of run {@code runId} with its plan's adjustments applied, oldest step first; empty when no
     * adjustment applies to it (or the run is unknown).
     */
    List<ForecastPoint> adjustedPoints(long runId);

    /** The coherent forecast of run {@code runId} in its reconciled plan, oldest step first; empty when not reconciled. */
    List<ForecastPoint> reconciledPoints(long runId);

    /** Every stored special event, by start day then name. */
    List<StoredEvent> events();

    /** Every stored day of every traffic driver, by driver, service (fleet-wide first), then day. */
    List<DriverDay> drivers();

    /** The region of each cluster the assets name. */
    Map<String, String> clusterRegions();

    /** Each service's team and org, and each cluster's site and region. */
    SeriesGroups seriesGroups();

    /** Every stored manual adjustment, oldest first (ties by id): the order they apply in. */
    List<StoredAdjustment> adjustments();

    /**
     * Stores {@code adjustment}, replacing the one with its id if there is one, recorded in the ingest log as made by
     * {@code source} (e.g. {@code api}).
     *
     * @return whether it replaced an adjustment
     */
    boolean saveAdjustment(StoredAdjustment adjustment, String source);

    /**
     * Removes the adjustment {@code id}; plans already written keep it.
     *
     * @return whether there was one
     */
    boolean deleteAdjustment(String id);

    /**
     * Writes {@code plan} as the next version (one more than the newest of any grain) in one transaction: the plan
     * row, a run and its points (statistical, adjusted and reconciled) per fitted series, and a copy (new run id, same
     * provenance, backtest errors and statistical points, adjusted and reconciled points as given) of each carried run.
     * If anything fails, nothing is written.
     *
     * @return the plan as written
     * @throws io.fleetcast.core.error.FleetcastException {@code BAD_INPUT} if another plan of its grain was written
     *     after {@code parentVersion} (run again), or a carried run does not exist; {@code INTERNAL} if the store fails
     */
    Plan writePlan(NewPlan plan);
}
