package io.fleetcast.app.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedSet;
import io.fleetcast.app.capacity.UtilizationReport;
import io.fleetcast.app.capacity.UtilizationRequest;
import io.fleetcast.app.capacity.UtilizationService;
import io.fleetcast.app.fleet.UnknownScopeException;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.planning.cost.Attribution;
import io.fleetcast.planning.cost.BudgetCheck;
import io.fleetcast.planning.cost.BudgetPeriod;
import io.fleetcast.planning.cost.CommitmentCoverage;
import io.fleetcast.planning.cost.OnPremCostModel;
import io.fleetcast.planning.cost.Saving;
import io.fleetcast.planning.cost.SharedCost;
import io.fleetcast.planning.cost.SkuRefresh;
import io.fleetcast.planning.cost.SpendAnomalies;
import io.fleetcast.planning.cost.SpendForecaster;
import io.fleetcast.planning.cost.SpendOutlook;
import io.fleetcast.planning.cost.SpikeDetector;
import io.fleetcast.planning.cost.UnitCost;
import io.fleetcast.planning.utilization.ServiceStatus;
import io.fleetcast.planning.utilization.UnitPricing;
import io.fleetcast.store.CostQueries;
import io.fleetcast.store.cost.CapacityDay;
import io.fleetcast.store.cost.CommitmentRate;
import io.fleetcast.store.cost.CostGroup;
import io.fleetcast.store.cost.CostGroupQuery;
import io.fleetcast.store.cost.DriverDay;
import io.fleetcast.store.cost.OnDemandDay;
import io.fleetcast.store.cost.OwnedServerDay;
import io.fleetcast.store.cost.OwnerRoute;
import io.fleetcast.store.cost.ServiceOwner;
import io.fleetcast.store.cost.StoredBudget;
import io.fleetcast.store.fleet.DataSpan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The cost report: the period's cost lines attributed to teams and reconciled with the bill, every budget against
 * actual and forecast spend, and spend anomalies.
 *
 * <p>A line's team comes from its tags, else from the ownership mapping (the services file), else it is untagged
 * (see {@link CostGroup}). The spend of each team named by a {@link SharedRule} is shared among the other teams.
 * Budgets take the shared costs day by day, so a team's daily spend is its direct spend plus its shares of that day's
 * shared costs. Anomalies are searched in direct spend (a shared team's spike is its own), over the last {@link
 * #ANOMALY_DAYS} days, or over the period when one is asked for. Days flagged as spikes are replaced by their
 * expected spend before spend is forecast.
 */
public final class CostService {
    /**
     * The data sets the report reads, in load order: the catalog, assets and usage are for savings, the drivers for
     * unit costs.
     */
    public static final ImmutableList<Kind> INPUTS =
            ImmutableList.of(Kind.SKUS, Kind.ASSETS, Kind.SERVICES, Kind.DRIVERS, Kind.USAGE, Kind.COSTS, Kind.BUDGETS);
    /** Days searched for anomalies when no period is asked for. */
    public static final int ANOMALY_DAYS = 365;
    /** The dimensions an anomaly is explained by, besides its service. */
    static final String SKU = "SKU";

    static final String REGION = "region";

    /** Days of on-demand usage a commitment recommendation looks at. */
    public static final int COMMITMENT_WINDOW_DAYS = 90;

    private final CostQueries queries;
    private final SpendForecaster forecaster;
    private final UtilizationService utilization;

    /**
     * @param chooser picks the forecasting method for a team's daily spend
     * @param utilization the source of idle and rightsizing savings
     */
    public CostService(CostQueries queries, SpendForecaster.Chooser chooser, UtilizationService utilization) {
        this.queries = requireNonNull(queries, "queries is null");
        this.forecaster = new SpendForecaster(chooser);
        this.utilization = requireNonNull(utilization, "utilization is null");
    }

    /**
     * What to report.
     *
     * @param period the period to attribute (and the only one whose budgets and anomalies are listed); null for the
     *     quarter that holds the last charge day, every budget, and the last {@link #ANOMALY_DAYS} days' anomalies
     * @param teams the only teams to show (a team-scoped view: no other team's spend appears); null for all
     * @param column the cost column
     * @param teamTags the tag keys that name a line's team, first present wins
     * @param serviceTag the tag key that names a line's service
     * @param shared teams whose spend is shared among the others
     * @param anomalies the anomaly thresholds
     * @param siteRates the sites' rates ({@code fleetcast cost onprem}'s file), for SKU refresh savings; null for none
     */
    public record Request(
            @Nullable String period,
            @Nullable Set<String> teams,
            CostColumn column,
            List<String> teamTags,
            String serviceTag,
            List<SharedRule> shared,
            SpikeDetector.Settings anomalies,
            @Nullable Path siteRates) {
        public Request {
            teams = teams == null ? null : ImmutableSortedSet.copyOf(teams);
            requireNonNull(column, "column is null");
            teamTags = ImmutableList.copyOf(teamTags);
            requireNonNull(serviceTag, "serviceTag is null");
            shared = ImmutableList.copyOf(shared);
            requireNonNull(anomalies, "anomalies is null");
        }

        /** EffectiveCost, tags {@code team} and {@code service}, no shared teams, default thresholds. */
        public static Request defaults() {
            return new Request(
                    null,
                    null,
                    CostColumn.EFFECTIVE,
                    List.of("team"),
                    "service",
                    List.of(),
                    SpikeDetector.Settings.DEFAULT,
                    null);
        }

        public Request withPeriod(@Nullable String newPeriod) {
            return new Request(newPeriod, teams, column, teamTags, serviceTag, shared, anomalies, siteRates);
        }

        public Request withTeams(@Nullable Set<String> newTeams) {
            return new Request(period, newTeams, column, teamTags, serviceTag, shared, anomalies, siteRates);
        }

        public Request withShared(List<SharedRule> newShared) {
            return new Request(period, teams, column, teamTags, serviceTag, newShared, anomalies, siteRates);
        }

        public Request withSiteRates(@Nullable Path newSiteRates) {
            return new Request(period, teams, column, teamTags, serviceTag, shared, anomalies, newSiteRates);
        }
    }

    /** Progress of a report, for long runs. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, done, total) -> {};

        /** {@code done} of {@code total} in {@code step}. */
        void progress(String step, int done, int total);
    }

    /**
     * Builds the report.
     *
     * @throws FleetcastException {@code BAD_INPUT} when there are no cost lines, a budget's period cannot be read (with
     *     its file and line), the lines mix currencies, the period cannot be read, or a shared cost has nowhere to go
     */
    public CostReport run(Request request, Progress progress) {
        requireNonNull(request, "request is null");
        requireNonNull(progress, "progress is null");
        DataSpan span = queries.chargeDays()
                .orElseThrow(() -> FleetcastException.badInput(
                        "there are no cost lines in the store: load them with 'fleetcast ingest costs FILE'"));
        LocalDate lastDay = span.asOf();
        BudgetPeriod window = request.period() == null ? quarterOf(lastDay) : parsePeriod(request.period());
        List<BudgetEntry> budgets = new ArrayList<>();
        for (StoredBudget stored : queries.budgets()) {
            BudgetPeriod period;
            try {
                period = BudgetPeriod.parse(stored.period());
            } catch (IllegalArgumentException e) {
                throw FleetcastException.badInput(
                        stored.sourceFile() + ":" + stored.sourceLine() + ": " + e.getMessage());
            }
            if (request.period() == null || period.label().equals(window.label())) {
                budgets.add(new BudgetEntry(stored, period));
            }
        }
        LocalDate anomaliesFrom = request.period() == null ? lastDay.minusDays(ANOMALY_DAYS - 1L) : window.start();
        LocalDate fetchFrom = anomaliesFrom.minusDays(SpikeDetector.WARM_UP_DAYS + SpikeDetector.SCALE_DAYS);
        fetchFrom = min(fetchFrom, window.start());
        LocalDate forecastFrom = lastDay.minusDays(
                SpendForecaster.WINDOW_DAYS + (long) SpendForecaster.ORIGINS * SpendForecaster.SPACING_DAYS + 366);
        for (BudgetEntry budget : budgets) {
            fetchFrom = min(fetchFrom, budget.period().start());
            if (budget.period().end().isAfter(lastDay)) {
                fetchFrom = min(fetchFrom, forecastFrom);
            }
        }
        fetchFrom = fetchFrom.isBefore(span.firstDay()) ? span.firstDay() : fetchFrom;
        LocalDate fetchTo = window.end().isAfter(lastDay) ? lastDay : window.end();
        fetchTo = fetchTo.isBefore(fetchFrom) ? fetchFrom : fetchTo;
        progress.progress("reading cost lines", 0, 1);
        List<CostGroup> groups = queries.dailyGroups(new CostGroupQuery(
                fetchFrom, lastDay.isAfter(fetchTo) ? lastDay : fetchTo, request.teamTags(), request.serviceTag()));
        progress.progress("reading cost lines", 1, 1);
        String currency = currency(groups, budgets);
        Map<String, String> orgOfTeam = new HashMap<>();
        Map<String, String> teamOfService = new HashMap<>();
        for (ServiceOwner owner : queries.owners()) {
            orgOfTeam.putIfAbsent(owner.team(), owner.org());
            teamOfService.put(owner.service(), owner.team());
        }
        Ledger ledger = new Ledger(
                fetchFrom, lastDay, request, currency, groups, usageByTeam(request, fetchFrom, lastDay, teamOfService));
        List<String> notes = new ArrayList<>();

        Attribution attribution = ledger.attribution(window.start(), window.end());
        Set<String> shown = request.teams();
        CostReport.Reconciliation reconciliation = ledger.reconciliation(window, attribution, shown);
        List<CostReport.Attributed> rows = new ArrayList<>();
        for (Attribution.Row row : shown == null ? attribution.rows() : attribution.rows(shown)) {
            BigDecimal shared = row.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            rows.add(new CostReport.Attributed(
                    orgOfTeam.get(row.team()),
                    row.team(),
                    cents(row.direct()),
                    cents(shared),
                    row.total(),
                    row.explanation()));
        }
        List<CostReport.ServiceSpend> services = new ArrayList<>();
        ledger.serviceTotals(window).forEach((key, amount) -> {
            if (shown == null || shown.contains(key.get(0))) {
                services.add(
                        new CostReport.ServiceSpend(orgOfTeam.get(key.get(0)), key.get(0), key.get(1), cents(amount)));
            }
        });

        progress.progress("searching for anomalies", 0, 1);
        SpikeDetector detector = new SpikeDetector(request.anomalies());
        List<SpendAnomalies.TeamSeries> teamSeries = new ArrayList<>();
        for (String team : ledger.teams()) {
            if (shown == null || shown.contains(team)) {
                teamSeries.add(ledger.teamSeries(team));
            }
        }
        ImmutableList<SpendAnomalies.Anomaly> anomalies =
                SpendAnomalies.find(teamSeries, fetchFrom, anomaliesFrom, detector, currency);
        List<CostReport.Anomaly> anomalyRows = new ArrayList<>();
        for (SpendAnomalies.Anomaly anomaly : anomalies) {
            if (anomaly.date().isAfter(window.end()) && request.period() != null) {
                continue;
            }
            anomalyRows.add(new CostReport.Anomaly(
                    anomaly.team(),
                    anomaly.service(),
                    anomaly.date().toString(),
                    round2(anomaly.amount()),
                    round2(anomaly.expected()),
                    anomaly.provisional(),
                    anomaly.explanation(),
                    anomaly.drivers().stream()
                            .map(d -> new CostReport.Driver(
                                    d.dimension(),
                                    d.name(),
                                    round2(d.amount()),
                                    round2(d.expected()),
                                    Math.round(d.share() * 1000) / 1000.0))
                            .toList()));
        }
        progress.progress("searching for anomalies", 1, 1);

        List<CostReport.Budget> budgetRows = new ArrayList<>();
        List<CostReport.Budget> alerts = new ArrayList<>();
        List<BudgetEntry> checked = new ArrayList<>();
        for (BudgetEntry entry : budgets) {
            StoredBudget stored = entry.stored();
            if (shown != null && !shown.contains(stored.team())) {
                continue;
            }
            if (entry.period().end().isBefore(span.firstDay())) {
                notes.add("budget %s %s (%s:%d) ends before the first cost line (%s); not checked"
                        .formatted(
                                stored.team(),
                                entry.period().label(),
                                stored.sourceFile(),
                                stored.sourceLine(),
                                span.firstDay()));
                continue;
            }
            checked.add(entry);
        }
        // Forecasts are independent: one per budget whose period is not over, on all cores.
        ledger.prepareShares();
        AtomicInteger done = new AtomicInteger();
        List<Object> outcomes = checked.parallelStream()
                .map(entry -> {
                    Object outcome;
                    try {
                        outcome = ledger.check(entry.stored(), entry.period(), currency, forecaster, anomalies);
                    } catch (IllegalArgumentException e) {
                        outcome = "budget %s %s: %s"
                                .formatted(entry.stored().team(), entry.period().label(), e.getMessage());
                    }
                    progress.progress("budget forecasts", done.incrementAndGet(), checked.size());
                    return outcome;
                })
                .toList();
        for (int i = 0; i < checked.size(); i++) {
            if (!(outcomes.get(i) instanceof BudgetCheck check)) {
                notes.add(String.valueOf(outcomes.get(i)));
                continue;
            }
            BudgetPeriod period = checked.get(i).period();
            CostReport.Budget row = new CostReport.Budget(
                    check.team(),
                    period.label(),
                    period.start().toString(),
                    period.end().toString(),
                    cents(check.budget()),
                    cents(check.actual()),
                    check.daysElapsed(),
                    period.days(),
                    round2(check.forecastP50()),
                    round2(check.forecastP90()),
                    Math.round(check.overrunProbability() * 1000) / 1000.0,
                    check.alert(),
                    check.explanation());
            budgetRows.add(row);
            if (check.alert() && period.end().isAfter(lastDay)) {
                alerts.add(row);
            }
        }
        // A team-scoped report names no spend beyond its teams', so the fleet's untagged total stays out of it.
        if (shown == null && ledger.untaggedTotal(window).signum() != 0) {
            notes.add("%s of %s in %s found no team by tag or ownership mapping; it is the %s row"
                    .formatted(
                            money(ledger.untaggedTotal(window), currency),
                            money(reconciliation.billed(), currency),
                            window.label(),
                            Attribution.UNTAGGED));
        }
        List<SkuRefresh.Assessment> refresh = skuRefresh(lastDay, currency, request, notes);
        return new CostReport(
                lastDay.toString(),
                currency,
                request.column().focusName(),
                new CostReport.Period(
                        window.label(), window.start().toString(), window.end().toString()),
                shown == null ? null : List.copyOf(shown),
                reconciliation,
                rows,
                services,
                budgetRows,
                alerts,
                anomalyRows,
                savings(lastDay, currency, request.teams(), teamOfService, refresh, notes),
                unitCosts(
                        ledger,
                        fetchFrom,
                        window.end().isBefore(lastDay) ? window.end() : lastDay,
                        currency,
                        shown,
                        teamOfService),
                refresh.stream().map(CostService::skuCost).toList(),
                notes);
    }

    /**
     * Each owned SKU at each site, as of {@code lastDay}, against the cheapest SKU that could replace it; empty for a
     * team-scoped report, a bill not in USD (the catalog's currency) or a fleet without owned servers, and, with a
     * note, when the sites' rates are not given.
     */
    private List<SkuRefresh.Assessment> skuRefresh(
            LocalDate lastDay, String currency, Request request, List<String> notes) {
        if (request.teams() != null || !currency.equals("USD")) {
            return List.of();
        }
        List<OwnedServerDay> servers = queries.ownedServerDays(lastDay, lastDay);
        if (servers.isEmpty()) {
            return List.of();
        }
        Path ratesFile = request.siteRates();
        if (ratesFile == null) {
            notes.add("SKU refresh savings need the sites' power, space and network rates: give them with --site-rates"
                    + " FILE (the file 'fleetcast cost onprem' reads)");
            return List.of();
        }
        Map<String, OnPremCostModel.SiteRates> rates = OnPremCostService.readSiteRates(ratesFile);
        Map<String, OnPremCostModel.OwnedSku> catalog = OnPremCostService.ownedSkus(queries);
        // Per site, per SKU: servers in service and of those still depreciating.
        Map<String, Map<String, int[]>> held = new TreeMap<>();
        for (OwnedServerDay day : servers) {
            int[] counts = held.computeIfAbsent(day.site(), site -> new TreeMap<>())
                    .computeIfAbsent(day.sku(), sku -> new int[2]);
            counts[0] += day.inService();
            counts[1] += day.depreciating();
        }
        List<SkuRefresh.Holding> holdings = new ArrayList<>();
        held.forEach((site, skus) -> {
            OnPremCostModel.SiteRates siteRates = rates.get(site);
            if (siteRates == null) {
                throw FleetcastException.badInput(
                        ratesFile + ": no rates for site " + site + ", which has owned servers");
            }
            skus.forEach((sku, counts) -> {
                if (counts[0] > 0) {
                    holdings.add(new SkuRefresh.Holding(
                            requireNonNull(catalog.get(sku), sku), siteRates, counts[0], counts[1]));
                }
            });
        });
        return SkuRefresh.assess(holdings, List.copyOf(catalog.values()));
    }

    private static CostReport.SkuCost skuCost(SkuRefresh.Assessment a) {
        return new CostReport.SkuCost(
                a.sku(),
                a.site(),
                a.servers(),
                a.depreciating(),
                round2(a.costPerCoreMonth()),
                round2(a.runningPerCoreMonth()),
                round2(a.runningMonthly()),
                a.replacement(),
                a.replacementServers(),
                round2(a.replacementMonthly()),
                round2(a.monthlySaving()),
                a.explanation());
    }

    /**
     * Idle and over-sized allocations (from the utilization analysis) and commitments worth making (from the last
     * {@link #COMMITMENT_WINDOW_DAYS} days of on-demand use), largest monthly saving first. Commitments are bought for
     * the fleet, so a team-scoped report leaves them out.
     */
    private List<CostReport.SavingRow> savings(
            LocalDate lastDay,
            String currency,
            @Nullable Set<String> shown,
            Map<String, String> teamOfService,
            List<SkuRefresh.Assessment> refresh,
            List<String> notes) {
        List<Saving> found = new ArrayList<>();
        if (shown == null) {
            found.addAll(commitments(lastDay, currency));
        }
        for (SkuRefresh.Assessment assessment : refresh) {
            if (assessment.monthlySaving() > 0) {
                found.add(new Saving(
                        Saving.Kind.SKU_REFRESH,
                        null,
                        null,
                        assessment.servers() + " " + assessment.sku() + " at " + assessment.site(),
                        assessment.monthlySaving(),
                        assessment.explanation()));
            }
        }
        if (!currency.equals("USD")) {
            notes.add("idle and rightsizing savings are priced from the SKU catalog in USD; the bill is in " + currency
                    + ", so they are left out");
        } else {
            try {
                UtilizationReport report = utilization.analyse(UtilizationRequest.defaults());
                for (UtilizationReport.RightsizingRow row : report.rightsizing()) {
                    String team = teamOfService.get(row.service());
                    Double monthly = row.usdPerMonth();
                    if (monthly == null || (shown != null && (team == null || !shown.contains(team)))) {
                        continue;
                    }
                    boolean idle = row.status().equals(ServiceStatus.IDLE.code());
                    String text = String.format(
                            java.util.Locale.ROOT,
                            "%s in %s holds %,.1f %s of %s but used at most %,.1f at P95 over the last %d days:"
                                    + " %s %,.1f %s saves %,.2f USD a month at the cluster's unit rate",
                            row.service(),
                            row.cluster(),
                            row.allocatedNow(),
                            row.unit(),
                            row.resource(),
                            row.usedP95(),
                            UtilizationService.DEFAULT_WINDOW_DAYS,
                            idle ? "releasing" : "shrinking it to " + format(row.recommended()) + ", releasing",
                            row.reclaimable(),
                            row.unit(),
                            monthly);
                    found.add(new Saving(
                            idle ? Saving.Kind.IDLE : Saving.Kind.RIGHTSIZING,
                            team,
                            row.service(),
                            row.service() + " in " + row.cluster() + ", " + row.resource(),
                            monthly,
                            text));
                }
            } catch (UnknownScopeException e) {
                notes.add("idle and rightsizing savings need daily usage: " + e.getMessage());
            }
        }
        found.sort(java.util.Comparator.comparingDouble(Saving::monthlySaving).reversed());
        List<CostReport.SavingRow> rows = new ArrayList<>();
        for (Saving saving : found) {
            rows.add(new CostReport.SavingRow(
                    saving.kind().label(),
                    saving.team(),
                    saving.service(),
                    saving.subject(),
                    round2(saving.monthlySaving()),
                    saving.explanation()));
        }
        return rows;
    }

    /**
     * Cost per unit of each traffic driver over the (up to) twelve complete months before {@code last}: a driver of a
     * service divides that service's spend, a fleet-wide driver the whole bill. A team-scoped report shows only its
     * services' drivers.
     */
    private List<CostReport.UnitCostRow> unitCosts(
            Ledger ledger,
            LocalDate fetchFrom,
            LocalDate last,
            String currency,
            @Nullable Set<String> shown,
            Map<String, String> teamOfService) {
        LocalDate twelveMonths = last.plusDays(1).minusMonths(12).withDayOfMonth(1);
        LocalDate from = twelveMonths.isBefore(fetchFrom) ? fetchFrom : twelveMonths;
        int days = (int) ChronoUnit.DAYS.between(from, last) + 1;
        if (days <= 0) {
            return List.of();
        }
        Map<List<String>, double[]> drivers = new LinkedHashMap<>();
        Map<List<String>, String> units = new HashMap<>();
        for (DriverDay day : queries.driverDays(from, last)) {
            List<String> key = java.util.Arrays.asList(day.driver(), day.service());
            double[] values = drivers.computeIfAbsent(key, k -> {
                double[] empty = new double[days];
                java.util.Arrays.fill(empty, Double.NaN);
                return empty;
            });
            values[(int) ChronoUnit.DAYS.between(from, day.day())] = day.value();
            units.put(key, day.unit());
        }
        List<CostReport.UnitCostRow> rows = new ArrayList<>();
        drivers.forEach((key, values) -> {
            String service = key.get(1);
            if (shown != null && (service == null || !shown.contains(teamOfService.getOrDefault(service, "")))) {
                return;
            }
            double[] cost = ledger.dailySpend(service, from, days);
            UnitCost.of(key.get(0), service, requireNonNull(units.get(key)), from, cost, values, currency)
                    .ifPresent(unit -> rows.add(new CostReport.UnitCostRow(
                            unit.driver(),
                            unit.service(),
                            unit.unitLabel(),
                            unit.months().stream()
                                    .map(m -> new CostReport.UnitMonth(
                                            m.month().toString(), round2(m.cost()), m.driverAmount(), m.unitCost()))
                                    .toList(),
                            unit.months().get(unit.months().size() - 1).unitCost(),
                            unit.trendPerMonth(),
                            unit.explanation())));
        });
        return rows;
    }

    /** Commitments worth making for the steady on-demand use of each SKU and region with a committed rate. */
    private List<Saving> commitments(LocalDate lastDay, String currency) {
        Map<String, CommitmentRate> rates = new HashMap<>();
        for (CommitmentRate rate : queries.commitmentRates()) {
            rates.put(rate.sku(), rate);
        }
        LocalDate from = lastDay.minusDays(COMMITMENT_WINDOW_DAYS - 1L);
        Map<List<String>, double[]> hours = new TreeMap<>(java.util.Comparator.comparing(Object::toString));
        Map<List<String>, BigDecimal[]> totals = new HashMap<>();
        for (OnDemandDay day : queries.onDemandDays(from, lastDay)) {
            if (!rates.containsKey(day.sku())) {
                continue;
            }
            List<String> key = List.of(day.sku(), day.region());
            int d = (int) ChronoUnit.DAYS.between(from, day.day());
            hours.computeIfAbsent(key, k -> new double[COMMITMENT_WINDOW_DAYS])[d] +=
                    day.hours().doubleValue();
            BigDecimal[] total = totals.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            total[0] = total[0].add(day.hours());
            total[1] = total[1].add(day.cost());
        }
        List<Saving> found = new ArrayList<>();
        hours.forEach((key, daily) -> {
            CommitmentRate rate = requireNonNull(rates.get(key.get(0)));
            BigDecimal[] total = requireNonNull(totals.get(key));
            BigDecimal committed = rate.observed() != null ? rate.observed() : rate.catalog();
            if (committed == null || total[0].signum() == 0) {
                return;
            }
            String source = rate.observed() != null ? "as paid under commitments" : "the catalog's reserved rate";
            double paid = total[1].doubleValue() / total[0].doubleValue();
            CommitmentCoverage.recommend(
                            new CommitmentCoverage.Use(
                                    key.get(0), key.get(1), daily, paid, committed.doubleValue(), source),
                            currency)
                    .ifPresent(found::add);
        });
        return found;
    }

    private static String format(double value) {
        return String.format(java.util.Locale.ROOT, "%,.1f", value);
    }

    private static BudgetPeriod parsePeriod(String text) {
        try {
            return BudgetPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
    }

    /** The calendar quarter holding {@code day}. */
    static BudgetPeriod quarterOf(LocalDate day) {
        return BudgetPeriod.parse(day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR));
    }

    private static String currency(List<CostGroup> groups, List<BudgetEntry> budgets) {
        TreeSet<String> currencies = new TreeSet<>();
        for (CostGroup group : groups) {
            if (group.currency() != null && !group.currency().isBlank()) {
                currencies.add(group.currency());
            }
        }
        if (currencies.size() > 1) {
            throw FleetcastException.badInput("the cost lines are billed in " + String.join(", ", currencies)
                    + "; a cost report needs one currency");
        }
        String currency = currencies.isEmpty() ? "USD" : currencies.first();
        for (BudgetEntry budget : budgets) {
            if (!budget.stored().currency().equalsIgnoreCase(currency)) {
                StoredBudget stored = budget.stored();
                throw FleetcastException.badInput("%s:%d: the budget of %s for %s is in %s, the cost lines in %s"
                        .formatted(
                                stored.sourceFile(),
                                stored.sourceLine(),
                                stored.team(),
                                stored.period(),
                                stored.currency(),
                                currency));
            }
        }
        return currency;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    static String money(BigDecimal amount, String currency) {
        return String.format(java.util.Locale.ROOT, "%,.2f %s", cents(amount), currency);
    }

    private record BudgetEntry(StoredBudget stored, BudgetPeriod period) {}

    /**
     * Each team's daily use, for shared costs split by usage: the cores, GiB and TB its services used, weighted as
     * {@link UnitPricing} weighs them (resource-days). Empty when no rule splits by usage.
     */
    private Map<String, double[]> usageByTeam(
            Request request, LocalDate first, LocalDate last, Map<String, String> teamOfService) {
        if (request.shared().stream().noneMatch(rule -> rule.rule() == SharedCost.Rule.USAGE)) {
            return Map.of();
        }
        int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Map<String, double[]> usage = new TreeMap<>();
        for (CapacityDay day : queries.usedDays(first, last)) {
            String team = teamOfService.get(day.service());
            if (team != null) {
                usage.computeIfAbsent(team, t -> new double[days])[(int) ChronoUnit.DAYS.between(first, day.day())] +=
                        day.cores() * UnitPricing.CORE_WEIGHT
                                + day.memoryGib() * UnitPricing.GIB_WEIGHT
                                + day.storageTb() * UnitPricing.TB_WEIGHT;
            }
        }
        if (usage.isEmpty()) {
            throw FleetcastException.badInput("a shared cost is split by usage, but no daily usage of a service in the"
                    + " services file is loaded from " + first + " to " + last + ": load usage first (fleetcast ingest"
                    + " usage FILE)");
        }
        return usage;
    }

    /** Every team's spend per day, exact, and its breakdown, over the fetched days. */
    private static final class Ledger {
        private final LocalDate first;
        private final int days;
        private final Request request;
        private final Set<String> sharedTeams = new TreeSet<>();
        private final String currency;
        /** Per team, its weighted use per day, for shared costs split by usage. */
        private final Map<String, double[]> usage;
        /** Direct spend per team (shared teams and the untagged row included) per day, exact. */
        private final Map<String, BigDecimal[]> direct = new TreeMap<>();
        /** Per team, per dimension, per member: spend per day. */
        private final Map<String, Map<String, Map<String, double[]>>> breakdown = new TreeMap<>();
        /** Per (team, service): spend per day, exact. */
        private final Map<List<String>, BigDecimal[]> serviceDaily =
                new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                        ? a.get(1).compareTo(b.get(1))
                        : a.get(0).compareTo(b.get(0)));

        private final long[] lines;
        private final BigDecimal[] billedCost;
        private final BigDecimal[] effectiveCost;
        private final Map<OwnerRoute, BigDecimal[]> byRoute = new LinkedHashMap<>();
        private @Nullable Map<String, BigDecimal[]> attributedDaily;

        Ledger(
                LocalDate first,
                LocalDate last,
                Request request,
                String currency,
                List<CostGroup> groups,
                Map<String, double[]> usage) {
            this.first = first;
            this.currency = currency;
            this.usage = usage;
            this.days = (int) ChronoUnit.DAYS.between(first, last) + 1;
            this.request = request;
            for (SharedRule rule : request.shared()) {
                sharedTeams.add(rule.team());
            }
            this.lines = new long[days];
            this.billedCost = zeros(days);
            this.effectiveCost = zeros(days);
            for (OwnerRoute route : OwnerRoute.values()) {
                byRoute.put(route, zeros(days));
            }
            for (CostGroup group : groups) {
                int d = (int) ChronoUnit.DAYS.between(first, group.day());
                if (d < 0 || d >= days) {
                    continue;
                }
                BigDecimal amount = request.column().of(group);
                String team = group.team() == null ? Attribution.UNTAGGED : group.team();
                add(direct.computeIfAbsent(team, t -> zeros(days)), d, amount);
                lines[d] += group.lines();
                add(billedCost, d, group.billed());
                add(effectiveCost, d, group.effective());
                add(requireNonNull(byRoute.get(group.route())), d, amount);
                double value = amount.doubleValue();
                Map<String, Map<String, double[]>> dimensions =
                        breakdown.computeIfAbsent(team, t -> new LinkedHashMap<>());
                String service = group.service() == null ? "(no service)" : group.service();
                dimensions.computeIfAbsent(SpendAnomalies.SERVICE, k -> new TreeMap<>())
                        .computeIfAbsent(service, k -> new double[days])[d] += value;
                dimensions.computeIfAbsent(SKU, k -> new TreeMap<>())
                        .computeIfAbsent(group.sku() == null ? "(no SKU)" : group.sku(), k -> new double[days])[d] += value;
                dimensions.computeIfAbsent(REGION, k -> new TreeMap<>())
                        .computeIfAbsent(
                                group.region() == null ? "(no region)" : group.region(), k -> new double[days])[d] += value;
                add(serviceDaily.computeIfAbsent(List.of(team, service), k -> zeros(days)), d, amount);
            }
        }

        Set<String> teams() {
            return direct.keySet();
        }

        /** The attribution of the days {@code from} to {@code to} that were fetched. */
        Attribution attribution(LocalDate from, LocalDate to) {
            Map<String, BigDecimal> own = new TreeMap<>();
            BigDecimal untagged = BigDecimal.ZERO;
            Map<String, BigDecimal> sharedAmounts = new TreeMap<>();
            for (Map.Entry<String, BigDecimal[]> entry : direct.entrySet()) {
                BigDecimal sum = sum(entry.getValue(), from, to);
                String team = entry.getKey();
                if (team.equals(Attribution.UNTAGGED)) {
                    untagged = sum;
                } else if (sharedTeams.contains(team)) {
                    sharedAmounts.put(team, sum);
                } else {
                    own.put(team, sum);
                }
            }
            return attribute(own, untagged, sharedAmounts, index(from), index(to));
        }

        /** The attribution of a span of days, {@code from} to {@code to} as indices into the fetched days. */
        private Attribution attribute(
                Map<String, BigDecimal> own,
                BigDecimal untagged,
                Map<String, BigDecimal> sharedAmounts,
                int from,
                int to) {
            List<SharedCost> shared = new ArrayList<>();
            for (SharedRule rule : request.shared()) {
                BigDecimal amount = sharedAmounts.getOrDefault(rule.team(), BigDecimal.ZERO);
                if (amount.signum() != 0) {
                    Map<String, BigDecimal> weights =
                            rule.rule() == SharedCost.Rule.USAGE ? usageWeights(rule.team(), from, to) : rule.weights();
                    shared.add(new SharedCost(rule.team(), amount, rule.rule(), ImmutableMap.copyOf(weights)));
                }
            }
            try {
                return Attribution.of(own, untagged, shared, currency);
            } catch (IllegalArgumentException e) {
                throw FleetcastException.badInput(String.valueOf(e.getMessage()));
            }
        }

        /**
         * Each team's use over the days {@code from} to {@code to} (indices), rounded to a thousandth of a
         * resource-day; over all fetched days when nothing was used in those. The sharing team itself uses none.
         */
        private Map<String, BigDecimal> usageWeights(String sharingTeam, int from, int to) {
            for (int[] span : new int[][] {{Math.max(0, from), Math.min(days - 1, to)}, {0, days - 1}}) {
                Map<String, BigDecimal> weights = new TreeMap<>();
                usage.forEach((team, daily) -> {
                    double sum = 0;
                    for (int d = span[0]; d <= span[1]; d++) {
                        sum += daily[d];
                    }
                    if (sum > 0 && !team.equals(sharingTeam)) {
                        weights.put(
                                team, BigDecimal.valueOf(Math.round(sum * 1000)).movePointLeft(3));
                    }
                });
                if (!weights.isEmpty()) {
                    return weights;
                }
            }
            throw FleetcastException.badInput("shared cost " + sharingTeam + " is split by usage, but no other team"
                    + " used anything in the fetched days");
        }

        CostReport.Reconciliation reconciliation(
                BudgetPeriod window, Attribution attribution, @Nullable Set<String> teams) {
            long lineCount = 0;
            for (int d = index(window.start()); d <= index(window.end()); d++) {
                if (d >= 0 && d < days) {
                    lineCount += lines[d];
                }
            }
            Map<String, BigDecimal> routes = new LinkedHashMap<>();
            byRoute.forEach(
                    (route, daily) -> routes.put(route.label(), cents(sum(daily, window.start(), window.end()))));
            if (teams != null) {
                BigDecimal own = attribution.rows(teams).stream()
                        .map(row -> row.direct()
                                .add(row.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal shown = attribution.rows(teams).stream()
                        .map(Attribution.Row::total)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                return new CostReport.Reconciliation(
                        cents(own),
                        shown,
                        shown.subtract(cents(own)),
                        0,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        BigDecimal.ZERO,
                        Map.of());
            }
            BigDecimal billed = cents(attribution.billed());
            return new CostReport.Reconciliation(
                    billed,
                    attribution.attributed(),
                    attribution.attributed().subtract(billed),
                    lineCount,
                    cents(sum(billedCost, window.start(), window.end())),
                    cents(sum(effectiveCost, window.start(), window.end())),
                    cents(untaggedTotal(window)),
                    routes);
        }

        BigDecimal untaggedTotal(BudgetPeriod window) {
            BigDecimal[] untagged = direct.get(Attribution.UNTAGGED);
            return untagged == null ? BigDecimal.ZERO : sum(untagged, window.start(), window.end());
        }

        Map<List<String>, BigDecimal> serviceTotals(BudgetPeriod window) {
            Map<List<String>, BigDecimal> totals = new LinkedHashMap<>();
            serviceDaily.forEach((key, daily) -> {
                BigDecimal total = sum(daily, window.start(), window.end());
                if (total.signum() != 0) {
                    totals.put(key, total);
                }
            });
            return totals;
        }

        /**
         * Direct spend per day over {@code days} days from {@code from}: the service's (whoever owns it), or the whole
         * bill's when {@code service} is null.
         */
        double[] dailySpend(@Nullable String service, LocalDate from, int days) {
            double[] spend = new double[days];
            int offset = index(from);
            if (service == null) {
                direct.values().forEach(daily -> addTo(spend, daily, offset));
            } else {
                serviceDaily.forEach((key, daily) -> {
                    if (key.get(1).equals(service)) {
                        addTo(spend, daily, offset);
                    }
                });
            }
            return spend;
        }

        private static void addTo(double[] spend, BigDecimal[] daily, int offset) {
            for (int d = 0; d < spend.length; d++) {
                int i = d + offset;
                if (i >= 0 && i < daily.length) {
                    spend[d] += daily[i].doubleValue();
                }
            }
        }

        SpendAnomalies.TeamSeries teamSeries(String team) {
            double[] total = toDoubles(requireNonNull(direct.get(team)));
            ImmutableMap.Builder<String, ImmutableMap<String, double[]>> dimensions = ImmutableMap.builder();
            breakdown
                    .getOrDefault(team, Map.of())
                    .forEach((dimension, members) -> dimensions.put(dimension, ImmutableMap.copyOf(members)));
            return new SpendAnomalies.TeamSeries(team, total, dimensions.buildOrThrow());
        }

        /** The budget checked against the team's spend with its shares of shared costs, day by day. */
        BudgetCheck check(
                StoredBudget budget,
                BudgetPeriod period,
                String currency,
                SpendForecaster forecaster,
                List<SpendAnomalies.Anomaly> anomalies) {
            BigDecimal[] daily = attributedDaily(budget.team());
            LocalDate last = first.plusDays(days - 1L);
            LocalDate to = period.end().isAfter(last) ? last : period.end();
            BigDecimal actual = sum(daily, period.start(), to);
            SpendOutlook outlook = SpendOutlook.NONE;
            if (period.end().isAfter(last)) {
                double[] history = toDoubles(daily);
                for (SpendAnomalies.Anomaly anomaly : anomalies) {
                    if (anomaly.team().equals(budget.team())) {
                        int d = index(anomaly.date());
                        if (d >= 0 && d < days) {
                            history[d] -= anomaly.amount() - anomaly.expected();
                        }
                    }
                }
                int gap = period.start().isAfter(last) ? (int) ChronoUnit.DAYS.between(last, period.start()) - 1 : 0;
                int left = (int) ChronoUnit.DAYS.between(
                                period.start().isAfter(last) ? period.start() : last.plusDays(1), period.end())
                        + 1;
                int start = firstSpendDay(daily);
                if (days - start < SpendForecaster.MINIMUM_DAYS) {
                    throw new IllegalArgumentException("the team has " + (days - start)
                            + " days of spend; a forecast needs " + SpendForecaster.MINIMUM_DAYS);
                }
                outlook = forecaster.outlook(java.util.Arrays.copyOfRange(history, start, days), gap, left);
            }
            return BudgetCheck.of(budget.team(), period, budget.amount(), actual, last, outlook, currency);
        }

        /** Computes every team's daily shares of the shared costs now, before budgets are checked in parallel. */
        void prepareShares() {
            if (!request.shared().isEmpty()) {
                attributedDaily("");
            }
        }

        /** The team's spend per day with its shares of each day's shared costs. */
        private BigDecimal[] attributedDaily(String team) {
            if (request.shared().isEmpty() || sharedTeams.contains(team)) {
                BigDecimal[] own = direct.get(team);
                return own == null ? zeros(days) : own;
            }
            Map<String, BigDecimal[]> all = attributedDaily;
            if (all == null) {
                all = new HashMap<>();
                for (int d = 0; d < days; d++) {
                    Map<String, BigDecimal> own = new TreeMap<>();
                    Map<String, BigDecimal> sharedAmounts = new TreeMap<>();
                    for (Map.Entry<String, BigDecimal[]> entry : direct.entrySet()) {
                        String name = entry.getKey();
                        BigDecimal amount = entry.getValue()[d];
                        if (sharedTeams.contains(name)) {
                            sharedAmounts.put(name, amount);
                        } else if (!name.equals(Attribution.UNTAGGED) && amount.signum() != 0) {
                            own.put(name, amount);
                        }
                    }
                    if (own.isEmpty()) {
                        continue;
                    }
                    for (Attribution.Row row :
                            attribute(own, BigDecimal.ZERO, sharedAmounts, d, d).rows()) {
                        all.computeIfAbsent(row.team(), t -> zeros(days))[d] = row.direct()
                                .add(row.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
                    }
                }
                attributedDaily = all;
            }
            BigDecimal[] result = all.get(team);
            return result == null ? zeros(days) : result;
        }

        private int index(LocalDate day) {
            return (int) ChronoUnit.DAYS.between(first, day);
        }

        private BigDecimal sum(BigDecimal[] daily, LocalDate from, LocalDate to) {
            BigDecimal total = BigDecimal.ZERO;
            for (int d = Math.max(0, index(from)); d <= Math.min(days - 1, index(to)); d++) {
                total = total.add(daily[d]);
            }
            return total;
        }

        private static int firstSpendDay(BigDecimal[] daily) {
            for (int d = 0; d < daily.length; d++) {
                if (daily[d].signum() != 0) {
                    return d;
                }
            }
            return daily.length;
        }

        private static void add(BigDecimal[] daily, int d, BigDecimal amount) {
            daily[d] = daily[d].add(amount);
        }

        private static BigDecimal[] zeros(int days) {
            BigDecimal[] values = new BigDecimal[days];
            java.util.Arrays.fill(values, BigDecimal.ZERO);
            return values;
        }

        private static double[] toDoubles(BigDecimal[] values) {
            double[] result = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                result[i] = values[i].doubleValue();
            }
            return result;
        }
    }
}
