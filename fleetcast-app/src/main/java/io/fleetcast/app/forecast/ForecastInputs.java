package io.fleetcast.app.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.regression.DesignCache;
import io.fleetcast.forecast.regression.DriverPaths;
import io.fleetcast.forecast.regression.Regressor;
import io.fleetcast.forecast.seasonal.MstlForecaster;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.DriverDay;
import io.fleetcast.store.plan.RunInputs;
import io.fleetcast.store.plan.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The special events and traffic drivers a stored series' forecast uses as regressors, and the driver scenarios
 * applied to them. Built once per plan from what the store holds; safe to use from several threads.
 *
 * <ul>
 *   <li>Events: one indicator per event name (a recurring holiday's occurrences share one, so its lift is estimated
 *       from the past ones) over the series' days and its horizon, for the events whose scope covers the series
 *       (global; its cluster's region; its service) and that occurred at least once in its history.
 *   <li>Drivers: each driver stored for the series' service, else each fleet-wide one, when its data starts on or
 *       before the series' first day. Missing days inside are interpolated; past its last stored day the driver
 *       follows its own forecast (by default MSTL with ETS: deterministic, so a longer plan only appends days),
 *       changed by any scenario for it.
 * </ul>
 */
public final class ForecastInputs {
    private static final int[] DRIVER_PERIODS = {7, 365};

    private final ImmutableList<StoredEvent> events;
    private final Map<String, String> regions;
    private final Map<DriverKey, DriverHistory> drivers;
    private final Map<String, DriverScenario> scenarios;
    private final Map<DriverKey, double[]> paths = new HashMap<>();
    private final Forecaster driverForecaster;
    private final DesignCache designs = new DesignCache();

    private ForecastInputs(
            List<StoredEvent> events,
            Map<String, String> regions,
            Map<DriverKey, DriverHistory> drivers,
            Map<String, DriverScenario> scenarios,
            Forecaster driverForecaster) {
        this.events = ImmutableList.copyOf(events);
        this.regions = regions;
        this.drivers = drivers;
        this.scenarios = scenarios;
        this.driverForecaster = driverForecaster;
    }

    /**
     * The inputs of the stored events, the clusters' regions, the stored drivers and the scenarios on them.
     *
     * @throws FleetcastException {@code BAD_INPUT} if a scenario names no stored driver, names one twice, or its date
     *     is not after the driver's last stored day
     */
    public static ForecastInputs of(
            List<StoredEvent> events,
            Map<String, String> regions,
            List<DriverDay> driverDays,
            List<DriverScenario> scenarios) {
        Map<DriverKey, List<DriverDay>> grouped = new LinkedHashMap<>();
        for (DriverDay day : driverDays) {
            grouped.computeIfAbsent(new DriverKey(day.driver(), day.service()), key -> new ArrayList<>())
                    .add(day);
        }
        Map<DriverKey, DriverHistory> drivers = new LinkedHashMap<>();
        grouped.forEach((key, days) -> drivers.put(key, DriverHistory.of(days)));
        Map<String, DriverScenario> byDriver = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        drivers.keySet().forEach(key -> names.add(key.driver()));
        for (DriverScenario scenario : scenarios) {
            if (!names.contains(scenario.driver())) {
                throw FleetcastException.badInput(
                        "scenario " + scenario.describe() + ": there is no stored driver " + scenario.driver()
                                + (names.isEmpty() ? " (no drivers are stored)" : "; drivers are " + names));
            }
            if (byDriver.put(scenario.driver(), scenario) != null) {
                throw FleetcastException.badInput("two scenarios for driver " + scenario.driver() + "; give one");
            }
            drivers.forEach((key, history) -> {
                if (key.driver().equals(scenario.driver()) && !scenario.by().isAfter(history.last())) {
                    throw FleetcastException.badInput("scenario " + scenario.describe() + ": " + scenario.by()
                            + " is not after the driver's last stored day " + history.last()
                            + " (a scenario changes its future)");
                }
            });
        }
        return new ForecastInputs(
                events, regions, drivers, byDriver, new MstlForecaster("MSTL", EtsForecaster.automatic()));
    }

    /** These inputs with the drivers' futures forecast by {@code forecaster} instead. */
    public ForecastInputs withDriverForecaster(Forecaster forecaster) {
        return new ForecastInputs(
                events, regions, drivers, scenarios, requireNonNull(forecaster, "forecaster is null"));
    }

    /** What the regression fits of one plan's series share (the same windows' designs); it does not change results. */
    public DesignCache designs() {
        return designs;
    }

    /** Whether a driver is stored for {@code service} itself, not only fleet-wide ones. */
    public boolean hasOwnDriver(String service) {
        return drivers.keySet().stream().anyMatch(key -> service.equals(key.service()));
    }

    /** The scenarios, for people, in driver order. */
    ImmutableList<String> scenarioDescriptions() {
        return scenarios.values().stream().map(DriverScenario::describe).collect(ImmutableList.toImmutableList());
    }

    /**
     * The regressors of {@code series} over its periods and {@code horizon} more, and how it was made. At any grain an
     * event's regressor is the share of each period it covers (1 on an event day, 2/7 for a week with two event
     * days, 1 in each hour of an event day) and a driver's is its average over each period's days.
     */
    public SeriesInputs forSeries(DemandSeries series, int horizon) {
        DemandGrain grain = series.grain();
        LocalDate first = day(series.first());
        int history = Math.toIntExact(grain.between(series.first(), series.last()) + 1);
        int length = history + horizon;
        Instant[] starts = starts(series, length);
        List<Regressor> regressors = new ArrayList<>(events(series, starts, history));
        List<String> names = new ArrayList<>();
        regressors.forEach(regressor -> names.add(regressor.name()));
        List<String> usedScenarios = new ArrayList<>();

        boolean followDrivers = false;
        for (DriverKey key : applicableDrivers(series.service())) {
            DriverHistory driver = requireNonNull(drivers.get(key));
            if (driver.first().isAfter(first)) {
                continue;
            }
            double[] path = path(key, day(starts[length].minusSeconds(1)));
            double[] values = new double[length];
            for (int t = 0; t < length; t++) {
                for (LocalDate d = day(starts[t]);
                        d.isBefore(day(starts[t + 1].minusSeconds(1)).plusDays(1));
                        d = d.plusDays(1)) {
                    double weight = share(starts[t], starts[t + 1], midnight(d), midnight(d.plusDays(1)));
                    values[t] += weight * path[Math.toIntExact(ChronoUnit.DAYS.between(driver.first(), d))];
                }
            }
            regressors.add(Regressor.driver("driver:" + key.driver(), values));
            names.add("driver:" + key.driver());
            DriverScenario scenario = scenarios.get(key.driver());
            if (scenario != null) {
                usedScenarios.add(scenario.describe());
                followDrivers = true;
            }
        }
        Hasher hasher = Hashing.sha256().newHasher();
        hasher.putBoolean(followDrivers);
        for (Regressor regressor : regressors) {
            hasher.putString(regressor.name(), StandardCharsets.UTF_8);
            for (int t = 0; t < regressor.length(); t++) {
                hasher.putDouble(regressor.value(t));
            }
        }
        RunInputs inputs = regressors.isEmpty()
                ? RunInputs.NONE
                : new RunInputs(
                        hasher.hash().toString().substring(0, 16),
                        ImmutableList.copyOf(names),
                        ImmutableList.copyOf(usedScenarios));
        return new SeriesInputs(ImmutableList.copyOf(regressors), inputs, followDrivers);
    }

    /**
     * The event regressors of {@code series} over its periods and {@code horizon} more, as {@link #forSeries} has them,
     * without its drivers. Reads only what was built at construction, so it is safe from several threads at once.
     */
    public ImmutableList<Regressor> events(DemandSeries series, int horizon) {
        int history = Math.toIntExact(series.grain().between(series.first(), series.last()) + 1);
        return events(series, starts(series, history + horizon), history);
    }

    /** The start of each of the series' first {@code length} periods, and the end of the last. */
    private static Instant[] starts(DemandSeries series, int length) {
        Instant[] starts = new Instant[length + 1];
        starts[0] = series.first();
        for (int t = 0; t < length; t++) {
            starts[t + 1] = series.grain().next(starts[t]);
        }
        return starts;
    }

    /**
     * The events that apply to {@code series} but fall on none of its periods and on some of the {@code horizon} after
     * them: their indicators over those {@code horizon} periods, by regressor name ({@code event:} and the event's).
     * Its history cannot show such an event's effect; a forecaster may borrow it. Safe from several threads at once.
     */
    public ImmutableMap<String, double[]> unseenEvents(DemandSeries series, int horizon) {
        int history = Math.toIntExact(series.grain().between(series.first(), series.last()) + 1);
        ImmutableMap.Builder<String, double[]> unseen = ImmutableMap.builder();
        indicators(series, starts(series, history + horizon)).forEach((name, indicator) -> {
            double past = 0;
            double future = 0;
            for (int t = 0; t < indicator.length; t++) {
                past += t < history ? indicator[t] : 0;
                future += t < history ? 0 : indicator[t];
            }
            if (past == 0 && future > 0) {
                unseen.put("event:" + name, Arrays.copyOfRange(indicator, history, indicator.length));
            }
        });
        return unseen.buildOrThrow();
    }

    /** One indicator per event name that covers some but not all of the history's periods. */
    private ImmutableList<Regressor> events(DemandSeries series, Instant[] starts, int history) {
        ImmutableList.Builder<Regressor> regressors = ImmutableList.builder();
        indicators(series, starts).forEach((name, indicator) -> {
            double past = 0;
            for (int t = 0; t < history; t++) {
                past += indicator[t];
            }
            // An event never seen in the history has no estimable effect; one covering all of it neither.
            if (past > 0 && past < history) {
                regressors.add(Regressor.event("event:" + name, indicator));
            }
        });
        return regressors.build();
    }

    /** Per event name that applies to the series and touches the periods between {@code starts}, its indicator. */
    private Map<String, double[]> indicators(DemandSeries series, Instant[] starts) {
        int length = starts.length - 1;
        Map<String, double[]> indicators = new TreeMap<>();
        String region = regions.get(series.cluster());
        for (StoredEvent event : events) {
            if (!event.appliesTo(series.service(), region)) {
                continue;
            }
            Instant from = midnight(event.start());
            Instant to = midnight(event.end().plusDays(1));
            if (!to.isAfter(starts[0]) || !from.isBefore(starts[length])) {
                continue;
            }
            double[] indicator = indicators.computeIfAbsent(event.name(), name -> new double[length]);
            // Only the periods from the one holding the event's start to the one holding its end.
            int found = Arrays.binarySearch(starts, from);
            int first = Math.max(0, found >= 0 ? found : -found - 2);
            for (int t = first; t < length && starts[t].isBefore(to); t++) {
                indicator[t] = Math.min(1, indicator[t] + share(starts[t], starts[t + 1], from, to));
            }
        }
        return indicators;
    }

    /** The drivers stored for {@code service}, else the fleet-wide ones. */
    private List<DriverKey> applicableDrivers(String service) {
        List<DriverKey> own = new ArrayList<>();
        List<DriverKey> fleet = new ArrayList<>();
        for (DriverKey key : drivers.keySet()) {
            if (service.equals(key.service())) {
                own.add(key);
            } else if (key.service() == null) {
                fleet.add(key);
            }
        }
        return own.isEmpty() ? fleet : own;
    }

    /** The driver from its first stored day to {@code end}: its data, then its forecast, changed by any scenario. */
    private synchronized double[] path(DriverKey key, LocalDate end) {
        DriverHistory driver = requireNonNull(drivers.get(key));
        int needed = Math.toIntExact(ChronoUnit.DAYS.between(driver.first(), end) + 1);
        double[] cached = paths.get(key);
        if (cached != null && cached.length >= needed) {
            return cached;
        }
        double[] history = driver.values();
        double[] path = history.length >= needed
                ? history
                : DriverPaths.extended(
                        history,
                        needed - history.length,
                        driverForecaster,
                        FileForecastService.usablePeriods(DRIVER_PERIODS, history.length, new ArrayList<>()));
        DriverScenario scenario = scenarios.get(key.driver());
        if (scenario != null) {
            int to = Math.toIntExact(ChronoUnit.DAYS.between(driver.first(), scenario.by()));
            path = DriverPaths.scenario(path, history.length, to, scenario.change());
        }
        paths.put(key, path);
        return path;
    }

    private static LocalDate day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The share of the period {@code [start, end)} that {@code [from, to)} covers. */
    private static double share(Instant start, Instant end, Instant from, Instant to) {
        long overlap = Duration.between(from.isAfter(start) ? from : start, to.isBefore(end) ? to : end)
                .toSeconds();
        return overlap <= 0
                ? 0
                : (double) overlap / Duration.between(start, end).toSeconds();
    }

    /**
     * One series' regressors.
     *
     * @param regressors the events and drivers, over its days and horizon
     * @param inputs their names, fingerprint and the scenarios used, as the run records them
     * @param followDrivers whether a scenario changes one of its drivers, so its forecast must follow the drivers
     */
    public record SeriesInputs(ImmutableList<Regressor> regressors, RunInputs inputs, boolean followDrivers) {}

    private record DriverKey(String driver, @Nullable String service) {}

    /** A driver's stored days, first to last, with missing days inside interpolated. */
    private static final class DriverHistory {
        private final LocalDate first;
        private final double[] values;

        private DriverHistory(LocalDate first, double[] values) {
            this.first = first;
            this.values = values;
        }

        static DriverHistory of(List<DriverDay> days) {
            LocalDate first = days.get(0).date();
            LocalDate last = days.get(days.size() - 1).date();
            double[] values = new double[Math.toIntExact(ChronoUnit.DAYS.between(first, last) + 1)];
            Arrays.fill(values, Double.NaN);
            for (DriverDay day : days) {
                values[Math.toIntExact(ChronoUnit.DAYS.between(first, day.date()))] = day.value();
            }
            FileForecastService.interpolate(values);
            return new DriverHistory(first, values);
        }

        LocalDate first() {
            return first;
        }

        LocalDate last() {
            return first.plusDays(values.length - 1L);
        }

        double[] values() {
            return values;
        }
    }
}
