package io.fleetcast.app;

import io.fleetcast.app.capacity.AllocationService;
import io.fleetcast.app.capacity.CapacityPlanService;
import io.fleetcast.app.capacity.UtilizationService;
import io.fleetcast.app.cost.CostService;
import io.fleetcast.app.cost.OnPremCostService;
import io.fleetcast.app.fleet.FleetOverviewService;
import io.fleetcast.app.forecast.ForecastViewService;
import io.fleetcast.app.forecast.PlanForecastService;
import io.fleetcast.app.forecast.ReconciliationBacktest;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.app.life.FleetLifeService;
import io.fleetcast.app.life.ReliabilityViewService;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.app.schedule.DailyPipeline;
import io.fleetcast.app.schedule.DailyScheduler;
import io.fleetcast.app.schedule.Inbox;
import io.fleetcast.app.sql.SqlService;
import io.fleetcast.forecast.auto.AutomaticForecaster;
import io.fleetcast.store.Store;
import io.fleetcast.store.duckdb.DuckDbCapacityStore;
import io.fleetcast.store.duckdb.DuckDbCostQueries;
import io.fleetcast.store.duckdb.DuckDbFleetQueries;
import io.fleetcast.store.duckdb.DuckDbLifeStore;
import io.fleetcast.store.duckdb.DuckDbPlanStore;
import io.fleetcast.store.duckdb.DuckDbPrognosticsStore;
import io.fleetcast.store.duckdb.DuckDbRequestStore;
import io.fleetcast.store.duckdb.DuckDbStore;
import io.fleetcast.store.duckdb.DuckDbTelemetryQueries;
import io.fleetcast.store.duckdb.DuckDbUtilizationQueries;
import java.nio.file.Path;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * The running application: the store it opened and the services over it. Close it to release the store.
 */
public final class FleetcastApp implements AutoCloseable {
    private final Store store;
    private final IngestService ingest;
    private final SqlService sql;
    private final FleetOverviewService fleet;
    private final PlanForecastService plans;
    private final ForecastViewService forecasts;
    private final ReconciliationBacktest reconciliationBacktest;
    private final FleetLifeService life;
    private final ReliabilityViewService reliability;
    private final CapacityPlanService capacity;
    private final UtilizationService utilization;
    private final CostService cost;
    private final OnPremCostService onPremCosts;
    private final PrognosticsService prognostics;
    private final DuckDbPrognosticsStore prognosticsStore;

    private FleetcastApp(DuckDbStore store, Clock clock) {
        this.store = store;
        this.ingest = new IngestService(store);
        this.sql = new SqlService(store);
        this.fleet = new FleetOverviewService(store, new DuckDbFleetQueries(store));
        DuckDbPlanStore planStore = new DuckDbPlanStore(store);
        this.plans = new PlanForecastService(planStore, PlanForecastService.ForecasterFactory.automatic());
        this.forecasts = new ForecastViewService(planStore, clock);
        this.reconciliationBacktest =
                new ReconciliationBacktest(planStore, PlanForecastService.ForecasterFactory.automatic());
        DuckDbLifeStore lifeStore = new DuckDbLifeStore(store);
        this.life = new FleetLifeService(lifeStore);
        this.reliability = new ReliabilityViewService(lifeStore, life);
        this.utilization = new UtilizationService(new DuckDbUtilizationQueries(store));
        this.capacity = new CapacityPlanService(
                new DuckDbCapacityStore(store),
                planStore,
                lifeStore,
                new AllocationService(new DuckDbRequestStore(store)),
                utilization);
        DuckDbCostQueries costQueries = new DuckDbCostQueries(store);
        this.cost = new CostService(costQueries, new AutomaticForecaster()::choose, utilization);
        this.onPremCosts = new OnPremCostService(costQueries);
        this.prognosticsStore = new DuckDbPrognosticsStore(store);
        this.prognostics = new PrognosticsService(new DuckDbTelemetryQueries(store), prognosticsStore);
    }

    /** Opens the store the configuration names (the embedded DuckDB file) and wires the services. */
    public static FleetcastApp open(AppConfig config) {
        return new FleetcastApp(DuckDbStore.open(config.store(), config.clock()), config.clock());
    }

    public IngestService ingest() {
        return ingest;
    }

    public SqlService sql() {
        return sql;
    }

    /** The fleet overview, the store's status and its ingest log. */
    public FleetOverviewService fleet() {
        return fleet;
    }

    /** Forecasts of the stored demand series as plan versions, and the differences between versions. */
    public PlanForecastService plans() {
        return plans;
    }

    /** What the Forecast page shows: plans, series with history and forecasts, events and adjustments. */
    public ForecastViewService forecasts() {
        return forecasts;
    }

    /** How much each reconciliation method helps on the stored demand ({@code fleetcast bench reconcile}). */
    public ReconciliationBacktest reconciliationBacktest() {
        return reconciliationBacktest;
    }

    /** The fleet's reliability: life fits per segment and failure forecasts ({@code fleetcast life fleet}). */
    public FleetLifeService life() {
        return life;
    }

    /** What the Reliability page shows: the segment table, fleet forecast and one segment's drill-down. */
    public ReliabilityViewService reliability() {
        return reliability;
    }

    /** Used against allocated against supply, stranded capacity and rightsizing. */
    public UtilizationService utilization() {
        return utilization;
    }

    /** The capacity plan: supply, demand, exhaustion dates, headroom, orders and allocations. */
    public CapacityPlanService capacity() {
        return capacity;
    }

    /** Cost governance: attribution, budgets with forecasts, anomalies ({@code fleetcast cost}). */
    public CostService cost() {
        return cost;
    }

    /** Owned servers' costs as FOCUS lines, and unit rates per SKU and site ({@code fleetcast cost onprem}). */
    public OnPremCostService onPremCosts() {
        return onPremCosts;
    }

    /** Failure prediction from the stored telemetry. */
    public PrognosticsService prognostics() {
        return prognostics;
    }

    /**
     * The daily pipeline: load the files waiting in {@code inbox} (when given), then train when due and score the new
     * telemetry days, as {@code policy} says. Run it on a schedule with {@link DailyScheduler}.
     */
    public DailyPipeline dailyPipeline(@Nullable Path inbox, PrognosticsService.DailyPolicy policy) {
        return new DailyPipeline(
                inbox == null ? null : new Inbox(inbox, ingest), prognostics, prognosticsStore, policy);
    }

    @Override
    public void close() {
        store.close();
    }
}
