package io.fleetcast.app.capacity;

import static java.util.Objects.requireNonNull;

import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.regression.RegressionForecaster;
import io.fleetcast.forecast.regression.RegressionModel;
import io.fleetcast.forecast.regression.RegressionModel.Scale;
import io.fleetcast.forecast.regression.RegressionModel.Season;
import io.fleetcast.forecast.regression.Regressor;
import io.fleetcast.forecast.regression.TrendChangeScan;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.capacity.ServiceCorrelation;
import io.fleetcast.store.CapacityStore;
import io.fleetcast.store.plan.DemandGrain;
import io.fleetcast.store.plan.DemandSeries;
import io.fleetcast.store.plan.StoredAdjustment;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Forecasts each cluster's used demand per resource for a capacity plan, a year or more ahead, as the sum of its
 * services' forecasts. Service-level plan forecasts pick their method on short backtests and often carry no trend,
 * which a plan reaching the next year cannot afford. Here each service's daily used series is fitted with the
 * decomposable regression over its last {@value #TRAINING_DAYS} days: one log-linear trend (no changepoints, whose last
 * slope ran ahead of real growth on simulated fleets), weekly and, with two years of data, yearly Fourier terms, and
 * its events. One with less than two years here and a traffic driver of its own follows the driver instead of a trend
 * (its elasticity from its days, the driver's future from {@link #DRIVER_TREND}). A service that arrived in the cluster
 * during the data loses its first {@value #RAMP_DAYS} days (its ramp-up is not its growth); one that arrived too
 * recently for that holds its last week. One with less than two years to learn from here borrows its service's yearly
 * shape from a cluster where it has two ({@link YearlyProfiles}; a held last week moves through the year by it at full
 * strength), or, with no such shape, fits one yearly harmonic of its own under a normal prior as wide as the fleet's
 * swings are ({@link YearlyProfiles#swingSd}), so that a few months' rise is split between trend and swing rather than
 * all taken as growth (model "+shrunk yearly"). One with less than a year pools its growth with its service's elsewhere
 * and its cluster's (its kind's, by their weeks, for a service new to the fleet), over its resources together (see
 * {@link #pooled}), and one holding its last week grows at that rate, or, of a service new to the fleet, as its
 * service's young placements elsewhere do ({@link #growAsYoungPlacementsElsewhere}); with these, 275 of 277 designed
 * exhaustion days of 150 simulated fleets are within 14 days. One whose data ended more than {@value #LEFT_AFTER_DAYS}
 * days before its cluster's has left it and uses nothing. Events a service does not show (within {@value #EVENT_T}
 * standard errors of none) are left out of its fit; an event none of its days cover (it arrived after the last one)
 * takes the lift its service showed in its other clusters. Its P50 is its expected demand: a log-scale fit's median
 * times exp(σ²/2), σ the residuals' deviation, so that the cluster's sum is not low by half the services' noise
 * variance.
 *
 * <p>Planned launches ({@code step} adjustments) and {@code add} adjustments are known changes, not demand to learn
 * from: they are taken out of the history before the fit. Every adjustment (step, add, multiply, override) then applies
 * to the forecast days it covers, in the order they were made. One-off events that
 * differ only in a trailing year ("Global Sports Final 2026", "... 2027") share one lift, so a future occurrence
 * carries the lift its past ones showed. P90 and P99 of a service come from its fit's upper 95% interval (normal
 * quantiles of the upper half-width over 1.96); a cluster's P90 and P99 combine its services' spreads above P50 with
 * the correlation their week-over-week changes showed over the last year ({@link ServiceCorrelation}). A held last
 * week's spread adds its days' spread about it, its weeks' changes (twice: in a day's noise and in the week's mean),
 * its growth's spread about its target and the target's own error.
 */
final class ClusterDemandForecaster {
    static final int TRAINING_DAYS = 730;
    static final int RAMP_DAYS = 90;
    static final int LEFT_AFTER_DAYS = 28;
    /** How many standard errors from none an event's lift must be for a service to keep it. */
    static final double EVENT_T = 3;
    /**
     * A change of a service's growth rate is kept at this many standard errors, at least 182 days into its window and
     * 120 before its end: with 91 after it, a change in noisy days was often a wiggle and its slope too steep; with 182,
     * a change in the last half year was put before it had begun (see {@link TrendChangeScan}, docs/capacity.md).
     */
    static final TrendChangeScan GROWTH_CHANGE = new TrendChangeScan(4.5, 182, 120);
    /** A placement with fewer days than this to learn from pools its growth with its neighbours' (see pooled). */
    static final int POOLED_BELOW_DAYS = 365;
    /** How many of its last whole weeks a held level's own error is measured on (see weekToWeek). */
    static final int LEVEL_WEEKS = 4;

    private static final String POOLED_GROWTH = "pooled growth";
    private static final String YEARLY_PRIOR = "yearly prior sd";

    private static final String YEARLY_PROFILE = "yearly profile";
    private static final int MIN_TRAINING_DAYS = 56;
    private static final double Z90 = 1.2815515655446004;
    private static final double Z99 = 2.3263478740408408;

    private ClusterDemandForecaster() {}

    /** One service's observed daily used amounts in one cluster, oldest first, without gaps. */
    static final class History {
        private final String service;
        private final String cluster;
        private final Resource resource;
        private final LocalDate first;
        private final double[] used;

        History(String service, String cluster, Resource resource, LocalDate first, double[] used) {
            this.service = service;
            this.cluster = cluster;
            this.resource = resource;
            this.first = first;
            this.used = used;
        }

        String service() {
            return service;
        }

        String cluster() {
            return cluster;
        }

        Resource resource() {
            return resource;
        }

        LocalDate first() {
            return first;
        }

        LocalDate last() {
            return first.plusDays(used.length - 1);
        }

        int days() {
            return used.length;
        }

        /** Whether every amount is above 0. */
        boolean positive() {
            for (double value : used) {
                if (!(value > 0)) {
                    return false;
                }
            }
            return true;
        }

        /** Its amounts, oldest first; not to be changed. */
        double[] values() {
            return used;
        }

        /** The used amount on {@code day}; 0 outside its days (before it arrived, after it left). */
        double on(LocalDate day) {
            long index = ChronoUnit.DAYS.between(first, day);
            return index >= 0 && index < used.length ? used[(int) index] : 0;
        }

        /** Its days up to {@code day}, inclusive: what was known then. It must start on or before {@code day}. */
        History until(LocalDate day) {
            int days = (int) ChronoUnit.DAYS.between(first, day) + 1;
            if (days < 1) {
                throw new IllegalArgumentException(service + " in " + cluster + " starts after " + day);
            }
            return days >= used.length
                    ? this
                    : new History(service, cluster, resource, first, Arrays.copyOf(used, days));
        }
    }

    /** Reads every service series; a missing day repeats the day before. Rows of unknown resources are skipped. */
    static List<History> histories(CapacityStore store) {
        List<History> histories = new ArrayList<>();
        store.serviceDemand(new Reader(histories));
        // The store's order is arbitrary; sums over services must not depend on it.
        histories.sort(Comparator.comparing(History::cluster)
                .thenComparing(History::resource)
                .thenComparing(History::service));
        return histories;
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** One service's forecast: per day from the plan's start, the P50, P90 and P99. */
    private record ServiceForecast(History history, DemandForecast forecast) {}

    /**
     * A service's forecast with what pooling needs: the days it learned from (0 for a held level) and the growth per
     * day on the log scale that pooling may replace: its own log-linear trend's, 0 for a held level, NaN for the rest
     * (a driver's growth, a linear or pooled one, one that left), with its variance from the fit (NaN but for a trend);
     * {@code profiled}: the trend was fitted beside its service's borrowed yearly shape.
     */
    private record Fitted(
            DemandForecast forecast,
            int learned,
            double growth,
            double growthVariance,
            boolean profiled,
            Map<String, Double> shown,
            Set<String> unseen) {
        /** Two years learned and a growth of its own: what young placements pool toward. */
        boolean established() {
            return learned >= TRAINING_DAYS && !Double.isNaN(growth);
        }

        /**
         * A year learned beside its service's borrowed yearly shape, with a growth of its own: not established, but its
         * growth is freed of the swing (in simulated fleets young placements' own forecasts are off by 7-10% rms 270
         * days out, these by 1-3%).
         */
        boolean steady() {
            return profiled && learned >= POOLED_BELOW_DAYS && !established() && !Double.isNaN(growth);
        }
    }

    /**
     * What a placement takes from others: a growth per day on the log scale (NaN: its own) and whose growth it pooled
     * toward ({@code from}, for its model's name), with the variance of a placement's growth about such a target
     * ({@code spread}: τ² of {@link Target} plus the target's own error; NaN where unknown), and lifts for events its
     * history does not show, by regressor name. {@code amongOthers}: it is forecast beside its service's other
     * placements, which may borrow what its events show.
     */
    private record Borrowed(double growth, String from, double spread, Map<String, Double> lifts, boolean amongOthers) {
        static final Borrowed NOTHING = new Borrowed(Double.NaN, "", Double.NaN, Map.of(), true);
        /** A placement forecast on its own (the headroom's backtests): nothing borrowed, nothing lent. */
        static final Borrowed ALONE = new Borrowed(Double.NaN, "", Double.NaN, Map.of(), false);
    }

    /**
     * A young placement's growth target, whose growth it is (as its model names it), the variance of placements'
     * growths about such a target (τ², see {@link #pooled}) and the target's own variance ({@code error}, as a mean
     * of the placements behind it); {@code ofItsKind}: its cluster's established placements' growth ({@link #alike}),
     * which says nothing of its own service.
     */
    private record Target(double growth, String from, double spread, double error, boolean ofItsKind) {
        static final Target NONE = new Target(Double.NaN, "", Double.NaN, Double.NaN, false);

        Target(double growth, String from, double spread, double error) {
            this(growth, from, spread, error, false);
        }
    }

    /**
     * The clusters' demand, one forecast per cluster and resource, summed over their services, reporting progress as
     * (services done, services).
     *
     * @param dataFirst the first day of the fleet's data: a service starting later arrived during it
     * @param profiles the services' yearly shapes ({@link YearlyProfiles#of} of {@code histories})
     */
    static List<DemandForecast> forecast(
            List<History> histories,
            LocalDate dataFirst,
            LocalDate asOf,
            int horizon,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            YearlyProfiles profiles,
            BiConsumer<Integer, Integer> progress) {
        // Each service is fitted on its own, so they run on every core; the sums below keep the histories' order.
        Map<String, LocalDate> clusterLast = new TreeMap<>();
        histories.forEach(
                history -> clusterLast.merge(history.cluster(), history.last(), ClusterDemandForecaster::later));
        Fitted[] fitted = new Fitted[histories.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, histories.size()).parallel().forEach(i -> {
            History history = histories.get(i);
            LocalDate last = requireNonNull(clusterLast.get(history.cluster()));
            fitted[i] = fitted(
                    history, last, dataFirst, asOf, horizon, inputs, adjustments, profiles, Borrowed.NOTHING, true);
            synchronized (done) {
                progress.accept(done.incrementAndGet(), histories.size());
            }
        });
        // Young placements pool their growth with established placements of their service and cluster (see pooled).
        // The service-and-cluster fit also takes placements steady beside a borrowed yearly shape: of a service that is
        // established nowhere yet, they are what the fleet knows of its growth.
        Map<String, double[]> established = new TreeMap<>();
        Map<String, List<Integer>> establishedIn = new TreeMap<>();
        List<AdditiveGrowth.Known> known = new ArrayList<>();
        List<AdditiveGrowth.Known> cells = new ArrayList<>();
        for (int i = 0; i < fitted.length; i++) {
            History history = histories.get(i);
            AdditiveGrowth.Known cell = new AdditiveGrowth.Known(serviceKey(history), key(history), fitted[i].growth());
            if (fitted[i].established()) {
                establishedIn
                        .computeIfAbsent(key(history), k -> new ArrayList<>())
                        .add(i);
                double[] sum = established.computeIfAbsent(key(history), k -> new double[2]);
                sum[0] += fitted[i].growth();
                sum[1]++;
                known.add(cell);
                cells.add(cell);
            } else if (fitted[i].steady()) {
                cells.add(cell);
            }
        }
        AdditiveGrowth effects = AdditiveGrowth.fit(cells);
        double spread = spread(known, AdditiveGrowth.Known::cluster);
        double serviceSpread = spread(known, AdditiveGrowth.Known::service);
        // An event a placement has not seen (it arrived after the event's last occurrence) takes the lift its service
        // showed in its other clusters: the geometric mean over those that saw it (1 where the lift was dropped).
        Map<String, Map<String, List<Double>>> shown = new TreeMap<>();
        for (int i = 0; i < fitted.length; i++) {
            History history = histories.get(i);
            fitted[i]
                    .shown()
                    .forEach((event, lift) -> shown.computeIfAbsent(serviceKey(history), key -> new TreeMap<>())
                            .computeIfAbsent(event, name -> new ArrayList<>())
                            .add(lift));
        }
        Weeks weeks = new Weeks(histories);
        Target[] chosen = new Target[histories.size()];
        for (int i = 0; i < chosen.length; i++) {
            History history = histories.get(i);
            double[] sum = established.get(key(history));
            chosen[i] = Target.NONE;
            if (sum != null && sum[1] >= 2) {
                double target = effects.predict(serviceKey(history), key(history));
                chosen[i] = !Double.isNaN(target)
                        ? new Target(
                                target,
                                "service and cluster",
                                spread,
                                spread * effects.predictionShare(serviceKey(history), key(history)))
                        : fitted[i].profiled()
                                ? Target.NONE
                                : alike(
                                        history,
                                        requireNonNull(establishedIn.get(key(history))),
                                        histories,
                                        fitted,
                                        weeks,
                                        spread);
            } else {
                // A cluster without established placements (a new one) says nothing of its own: the service's growth
                // in a typical cluster, as far off as a placement's growth lies from its service's mean.
                double target = effects.typical(serviceKey(history));
                if (!Double.isNaN(target)) {
                    chosen[i] = new Target(
                            target,
                            "service elsewhere",
                            serviceSpread,
                            serviceSpread * effects.typicalShare(serviceKey(history)));
                }
            }
        }
        double[] pooledGrowths = pooled(histories, fitted, chosen, established);
        growAsYoungPlacementsElsewhere(histories, fitted, chosen, pooledGrowths, effects);
        IntStream.range(0, histories.size()).parallel().forEach(i -> {
            History history = histories.get(i);
            double growth = pooledGrowths[i];
            Map<String, Double> lifts = new TreeMap<>();
            Map<String, List<Double>> service = shown.getOrDefault(serviceKey(history), Map.of());
            for (String event : fitted[i].unseen()) {
                List<Double> seen = service.getOrDefault(event, List.of());
                if (!seen.isEmpty()) {
                    lifts.put(
                            event,
                            Math.exp(seen.stream()
                                    .mapToDouble(Math::log)
                                    .average()
                                    .orElse(0)));
                }
            }
            if (!Double.isNaN(growth) || !lifts.isEmpty()) {
                LocalDate last = requireNonNull(clusterLast.get(history.cluster()));
                fitted[i] = fitted(
                        history,
                        last,
                        dataFirst,
                        asOf,
                        horizon,
                        inputs,
                        adjustments,
                        profiles,
                        new Borrowed(growth, chosen[i].from(), chosen[i].spread() + chosen[i].error(), lifts, true),
                        true);
            }
        });
        ServiceForecast[] forecasts = new ServiceForecast[histories.size()];
        for (int i = 0; i < forecasts.length; i++) {
            forecasts[i] = new ServiceForecast(histories.get(i), fitted[i].forecast());
        }
        Map<String, List<ServiceForecast>> byCluster = new TreeMap<>();
        for (ServiceForecast forecast : forecasts) {
            byCluster
                    .computeIfAbsent(key(forecast.history()), key -> new ArrayList<>())
                    .add(forecast);
        }
        List<DemandForecast> clusters = new ArrayList<>();
        for (List<ServiceForecast> services : byCluster.values()) {
            double[] p50 = new double[horizon];
            double[][] above90 = new double[horizon][services.size()];
            double[][] above99 = new double[horizon][services.size()];
            Set<String> models = new LinkedHashSet<>();
            List<String> launches = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                DemandForecast forecast = services.get(i).forecast();
                for (int day = 0; day < horizon; day++) {
                    p50[day] += forecast.p50(day);
                    above90[day][i] = Math.max(0, forecast.quantile(0.9, day) - forecast.p50(day));
                    above99[day][i] = Math.max(0, forecast.quantile(0.99, day) - forecast.p50(day));
                }
                models.add(forecast.model());
                launches.addAll(forecast.launches());
            }
            double rho = correlation(services);
            double[] p90 = new double[horizon];
            double[] p99 = new double[horizon];
            for (int day = 0; day < horizon; day++) {
                p90[day] = p50[day] + ServiceCorrelation.combine(above90[day], rho);
                p99[day] = p50[day] + ServiceCorrelation.combine(above99[day], rho);
            }
            History first = services.get(0).history();
            clusters.add(new DemandForecast(
                    first.cluster(),
                    first.resource(),
                    asOf.plusDays(1),
                    p50,
                    p90,
                    p99,
                    String.format(
                            Locale.ROOT,
                            "%d services (correlation %.2f): %s",
                            services.size(),
                            rho,
                            String.join(", ", models)),
                    launches));
        }
        return clusters;
    }

    private static String key(History history) {
        return history.cluster() + "/" + history.resource().code();
    }

    private static String serviceKey(History history) {
        return history.service() + "/" + history.resource().code();
    }

    /**
     * Young placements' growths pooled with what their neighbours show: a few months of a service cannot tell its
     * growth from the part of its yearly swing they cover, while established placements (two years learned) show how
     * fast its service and its cluster grow. With fewer than {@value #POOLED_BELOW_DAYS} days learned a placement's
     * growth on one resource takes as its target ({@code targets}) its service's growth elsewhere plus its cluster's
     * own part ({@link AdditiveGrowth}, fitted to established placements and {@link Fitted#steady} ones) where the
     * fleet links the two, else the mean of its cluster's established ones whose week is like its own ({@link #alike};
     * not for one fitted beside a borrowed yearly shape, whose own growth is already steadier than a mean of unlike
     * services); in a cluster with fewer than two established placements, its service's growth in a typical cluster
     * ({@link AdditiveGrowth#typical}). Its own growth g, with the variance v of g from its fit (its slope's, with the
     * yearly prior's uncertainty), and the {@link #spread} τ² of growths about such a target (about their cluster's
     * mean or their service's), give the normal-normal posterior w g + (1 − w) ḡ, w = τ² / (τ² + v); a placement's
     * resources are pooled together ({@link ResourcePooling}) as far as established placements' resources deviate
     * alike. One holding its last week takes the target. NaN where none of this applies.
     */
    private static double[] pooled(
            List<History> histories, Fitted[] fitted, Target[] targets, Map<String, double[]> established) {
        int resources = Resource.values().length;
        Map<String, double[]> deviations = new TreeMap<>();
        for (int i = 0; i < fitted.length; i++) {
            History history = histories.get(i);
            double[] sum = established.get(key(history));
            if (fitted[i].established() && sum != null && sum[1] >= 2) {
                double[] row = deviations.computeIfAbsent(placementKey(history), k -> {
                    double[] none = new double[resources];
                    Arrays.fill(none, Double.NaN);
                    return none;
                });
                row[column(history.resource())] = fitted[i].growth() - sum[0] / sum[1];
            }
        }
        double[][] correlation = ResourcePooling.correlation(List.copyOf(deviations.values()), resources);
        double[] growths = new double[fitted.length];
        Map<String, List<Integer>> young = new TreeMap<>();
        for (int i = 0; i < fitted.length; i++) {
            growths[i] = Double.NaN;
            if (fitted[i].learned() >= POOLED_BELOW_DAYS
                    || Double.isNaN(fitted[i].growth())
                    || Double.isNaN(targets[i].growth())) {
                continue;
            }
            if (fitted[i].learned() == 0
                    || Double.isNaN(fitted[i].growthVariance())
                    || Double.isNaN(targets[i].spread())) {
                growths[i] = targets[i].growth();
            } else {
                young.computeIfAbsent(placementKey(histories.get(i)), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (List<Integer> members : young.values()) {
            int n = members.size();
            double[] own = new double[n];
            double[] variance = new double[n];
            double[] target = new double[n];
            double spread = 0;
            double[][] together = new double[n][n];
            for (int a = 0; a < n; a++) {
                int i = members.get(a);
                own[a] = fitted[i].growth();
                variance[a] = fitted[i].growthVariance();
                target[a] = targets[i].growth();
                spread = Math.max(spread, targets[i].spread());
                for (int b = 0; b < n; b++) {
                    together[a][b] = correlation[column(histories.get(i).resource())][
                            column(histories.get(members.get(b)).resource())];
                }
            }
            double[] posterior = ResourcePooling.posterior(own, variance, target, spread, together);
            for (int a = 0; a < n; a++) {
                growths[members.get(a)] = posterior[a];
            }
        }
        return growths;
    }

    /**
     * The growth its cluster's established placements ({@code peers}) show for a placement whose service shows none
     * elsewhere: the mean of those whose week is like its own ({@link WeeklyShape#distance} summed over the resources
     * both measured, within {@link WeeklyShape#alikeWithin}); of all of them where none is or its week is unmeasured.
     * Alike weeks count equally: among one kind, which is nearest is noise.
     */
    private static Target alike(
            History history,
            List<Integer> peers,
            List<History> histories,
            Fitted[] fitted,
            Weeks weeks,
            double spread) {
        Map<Resource, WeeklyShape> own = weeks.of(placementKey(history));
        double alike = 0;
        int count = 0;
        double all = 0;
        for (int peer : peers) {
            Map<Resource, WeeklyShape> theirs = weeks.of(placementKey(histories.get(peer)));
            double distance = 0;
            int resources = 0;
            for (Map.Entry<Resource, WeeklyShape> entry : own.entrySet()) {
                WeeklyShape other = theirs.get(entry.getKey());
                if (other != null) {
                    distance += entry.getValue().distance(other);
                    resources++;
                }
            }
            all += fitted[peer].growth();
            if (resources > 0 && distance <= WeeklyShape.alikeWithin(resources)) {
                alike += fitted[peer].growth();
                count++;
            }
        }
        return count > 0 && count < peers.size()
                ? new Target(alike / count, "like-week", spread, spread / count, true)
                : new Target(all / peers.size(), "cluster", spread, spread / peers.size(), true);
    }

    /**
     * A placement holding its last week, of a service established nowhere, grows at its cluster's kind's growth ({@link
     * #alike}), which says nothing of its service. Where the service has young placements in other clusters that fit a
     * growth of their own, it grows instead as they do (their pooled growths), each moved by how much faster the
     * fleet's services grow in its cluster than in theirs ({@link AdditiveGrowth#between}; where the fleet does not
     * link the two, the difference of their targets): the mean over them, per resource. A service new to the fleet that
     * shrinks where its months show it would otherwise grow as fast as its neighbours everywhere else. Changes {@code
     * growths} and names the change in {@code targets}.
     */
    private static void growAsYoungPlacementsElsewhere(
            List<History> histories, Fitted[] fitted, Target[] targets, double[] growths, AdditiveGrowth effects) {
        Map<String, List<Integer>> young = new TreeMap<>();
        for (int i = 0; i < fitted.length; i++) {
            if (targets[i].ofItsKind() && fitted[i].learned() > 0 && !Double.isNaN(growths[i])) {
                young.computeIfAbsent(serviceKey(histories.get(i)), k -> new ArrayList<>())
                        .add(i);
            }
        }
        for (int i = 0; i < fitted.length; i++) {
            History history = histories.get(i);
            if (!targets[i].ofItsKind() || fitted[i].learned() != 0 || Double.isNaN(growths[i])) {
                continue;
            }
            double sum = 0;
            int placements = 0;
            for (int j : young.getOrDefault(serviceKey(history), List.of())) {
                if (!histories.get(j).cluster().equals(history.cluster())) {
                    double moved = effects.between(key(histories.get(j)), key(history));
                    sum += growths[j] + (Double.isNaN(moved) ? targets[i].growth() - targets[j].growth() : moved);
                    placements++;
                }
            }
            if (placements > 0) {
                growths[i] = sum / placements;
                targets[i] = new Target(
                        growths[i],
                        targets[i].from() + " and young-placement",
                        targets[i].spread(),
                        targets[i].error(),
                        true);
            }
        }
    }

    /**
     * Placements' weeks ({@link WeeklyShape}) by resource, measured when {@link #alike} first asks for them: only young
     * placements of a service new to the fleet and their clusters' established ones need them.
     */
    private static final class Weeks {
        private final Map<String, List<History>> byPlacement = new TreeMap<>();
        private final Map<String, Map<Resource, WeeklyShape>> measured = new TreeMap<>();

        Weeks(List<History> histories) {
            for (History history : histories) {
                byPlacement
                        .computeIfAbsent(placementKey(history), k -> new ArrayList<>())
                        .add(history);
            }
        }

        /** The placement's measurable weeks by resource; none where its series are too short. */
        Map<Resource, WeeklyShape> of(String placement) {
            return measured.computeIfAbsent(placement, p -> {
                Map<Resource, WeeklyShape> shapes = new TreeMap<>();
                for (History history : byPlacement.getOrDefault(p, List.of())) {
                    WeeklyShape shape = WeeklyShape.of(history.used, history.first);
                    if (shape != null) {
                        shapes.put(history.resource(), shape);
                    }
                }
                return shapes;
            });
        }
    }

    private static int column(Resource resource) {
        return Arrays.asList(Resource.values()).indexOf(resource);
    }

    /** A service in a cluster, over its resources. */
    private static String placementKey(History history) {
        return history.service() + "@" + history.cluster();
    }

    /**
     * How far established placements' growths lie from their group's mean ({@code group}: a cell's cluster or service):
     * the pooled within-group variance over groups (and resources) of two or more; NaN without any.
     */
    private static double spread(List<AdditiveGrowth.Known> known, Function<AdditiveGrowth.Known, String> group) {
        Map<String, double[]> sums = new TreeMap<>();
        for (AdditiveGrowth.Known cell : known) {
            double[] sum = sums.computeIfAbsent(group.apply(cell), k -> new double[2]);
            sum[0] += cell.growth();
            sum[1]++;
        }
        double squares = 0;
        double freedom = 0;
        for (AdditiveGrowth.Known cell : known) {
            double[] sum = requireNonNull(sums.get(group.apply(cell)));
            if (sum[1] >= 2) {
                double deviation = cell.growth() - sum[0] / sum[1];
                squares += deviation * deviation;
                freedom += 1 - 1 / sum[1];
            }
        }
        return freedom > 0 ? squares / freedom : Double.NaN;
    }

    /**
     * How much the cluster's services move together ({@link ServiceCorrelation}), measured on those whose data runs
     * to the cluster's last day.
     */
    private static double correlation(List<ServiceForecast> services) {
        LocalDate last = LocalDate.MIN;
        for (ServiceForecast service : services) {
            last = later(last, service.history().last());
        }
        List<double[]> recent = new ArrayList<>();
        int days = ServiceCorrelation.WINDOW_DAYS + 7;
        for (ServiceForecast service : services) {
            double[] used = service.history().used;
            if (service.history().last().equals(last) && used.length >= days) {
                recent.add(Arrays.copyOfRange(used, used.length - days, used.length));
            }
        }
        return ServiceCorrelation.of(recent);
    }

    /**
     * Whether the service has growth to learn: it was there when the data starts, or arrived during it and has
     * {@value #MIN_TRAINING_DAYS} days after its first {@value #RAMP_DAYS}. An unsettled one holds its last week.
     */
    static boolean settled(History history, LocalDate dataFirst) {
        return !history.first.isAfter(dataFirst) || history.used.length - RAMP_DAYS >= MIN_TRAINING_DAYS;
    }

    /**
     * One service's forecast for the {@code horizon} days after {@code asOf}, by the method described above.
     *
     * @param clusterLast the last day of its cluster's data: a service whose data ended more than {@value
     *     #LEFT_AFTER_DAYS} days before it has left the cluster, and is forecast to use nothing
     * @param dataFirst the first day of the fleet's data: a service starting later arrived during it
     */
    static DemandForecast forecast(
            History history,
            LocalDate clusterLast,
            LocalDate dataFirst,
            LocalDate asOf,
            int horizon,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            YearlyProfiles profiles) {
        return forecast(history, clusterLast, dataFirst, asOf, horizon, inputs, adjustments, profiles, true);
    }

    /**
     * {@link #forecast(History, LocalDate, LocalDate, LocalDate, int, ForecastInputs, List, YearlyProfiles)}, and
     * without {@code intervals} a fitted trend's P90 and P99 are its P50, which skips the fit's intervals: what a
     * backtest, which scores the P50, asks for.
     */
    static DemandForecast forecast(
            History history,
            LocalDate clusterLast,
            LocalDate dataFirst,
            LocalDate asOf,
            int horizon,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            YearlyProfiles profiles,
            boolean intervals) {
        return fitted(
                        history,
                        clusterLast,
                        dataFirst,
                        asOf,
                        horizon,
                        inputs,
                        adjustments,
                        profiles,
                        Borrowed.ALONE,
                        intervals)
                .forecast();
    }

    /**
     * {@link #forecast(History, LocalDate, LocalDate, LocalDate, int, ForecastInputs, List, YearlyProfiles)} with what
     * it borrows from other placements; without {@code intervals} a fitted trend's P90 and P99 are its P50.
     */
    private static Fitted fitted(
            History history,
            LocalDate clusterLast,
            LocalDate dataFirst,
            LocalDate asOf,
            int horizon,
            ForecastInputs inputs,
            List<StoredAdjustment> adjustments,
            YearlyProfiles profiles,
            Borrowed borrowed,
            boolean intervals) {
        double growth = borrowed.growth();
        if (ChronoUnit.DAYS.between(history.last(), clusterLast) > LEFT_AFTER_DAYS) {
            double[] none = new double[horizon];
            return new Fitted(
                    new DemandForecast(
                            history.cluster(),
                            history.resource(),
                            asOf.plusDays(1),
                            none,
                            none,
                            none,
                            "Left(" + history.last() + ")",
                            List.of()),
                    0,
                    Double.NaN,
                    Double.NaN,
                    false,
                    Map.of(),
                    Set.of());
        }
        int observed = history.used.length;
        // Days between the series' end and the plan's start (data that stopped for the whole cluster) count too.
        int gap = (int) Math.max(0, ChronoUnit.DAYS.between(history.last(), asOf));
        int steps = gap + horizon;
        List<StoredAdjustment> applicable = adjustments.stream()
                .filter(adjustment -> adjustment.appliesTo(
                        history.service(), history.cluster(), history.resource().code()))
                .toList();
        // Known changes (launches, additions) in the history are not demand to learn from: they come off it.
        double[] known = new double[observed];
        for (StoredAdjustment adjustment : applicable) {
            if (adjustment.kind().equals("step") || adjustment.kind().equals("add")) {
                int from = (int) Math.max(0, ChronoUnit.DAYS.between(history.first, adjustment.start()));
                LocalDate end = adjustment.end();
                int to = adjustment.kind().equals("step") || end == null
                        ? observed
                        : (int) Math.min(observed, ChronoUnit.DAYS.between(history.first, end) + 1);
                for (int t = from; t < to; t++) {
                    known[t] += adjustment.value();
                }
            }
        }
        int start = 0;
        if (history.first.isAfter(dataFirst)) {
            // A service still ramping up (or just done) has no growth to learn yet: it holds its last week.
            start = settled(history, dataFirst) ? RAMP_DAYS : observed;
        }
        start = Math.max(start, observed - TRAINING_DAYS);
        int length = observed - start;
        double[] learned = new double[length];
        boolean positive = true;
        for (int t = 0; t < length; t++) {
            learned[t] = history.used[start + t] - known[start + t];
            positive &= learned[t] > 0;
        }
        double[] p50 = new double[horizon];
        double[] p90 = new double[horizon];
        double[] p99 = new double[horizon];
        String model;
        Optional<Forecast> fitted = length >= MIN_TRAINING_DAYS
                ? fit(history, start, learned, positive, steps, inputs, profiles, growth, intervals)
                : Optional.empty();
        double ownGrowth = Double.NaN;
        double ownVariance = Double.NaN;
        boolean profiled = false;
        if (fitted.isEmpty()) {
            // Too short (or unfit) to learn a trend: hold the last week's mean, or grow it at a given growth.
            double level = 0;
            int from = Math.max(0, observed - 7);
            int days = observed - from;
            for (int t = from; t < observed; t++) {
                level += history.used[t] - known[t];
            }
            level = observed == 0 ? 0 : level / days;
            // Its service's yearly shape from elsewhere, where one is known, moves the held level through the year:
            // a last week in autumn is not the level of next spring.
            double[] yearly = level > 0
                    ? profiles.values(history.service(), history.resource(), history.first, observed + steps)
                            .orElse(null)
                    : null;
            double lastWeek = 0;
            if (yearly != null) {
                for (int t = from; t < observed; t++) {
                    lastWeek += yearly[t] / days;
                }
            }
            model = (Double.isNaN(growth) ? "LastWeekMean" : "LastWeekMean+" + borrowed.from() + " growth")
                    + (yearly != null ? "+borrowed yearly" : "");
            // How far a day may land from it, on the log scale: a day's own noise (its last week's days about their
            // mean, which leave out what moves the whole week, plus that: a held level has no weekly shape), that
            // mean's own error (the same again), and a growth as far off its target as placements' growths lie.
            double dayVariance = level > 0 ? aboutLevel(history.used, known, from, level) : 0;
            double levelVariance = level > 0 ? weekToWeek(history.used, known, Double.isNaN(growth) ? 0 : growth) : 0;
            if (Double.isNaN(levelVariance)) {
                levelVariance = dayVariance / days;
            }
            double growthVariance = Double.isNaN(growth) || Double.isNaN(borrowed.spread()) ? 0 : borrowed.spread();
            // Days from the middle of the last week to each forecast day.
            double middle = (days - 1) / 2.0;
            for (int i = 0; i < horizon; i++) {
                double ahead = middle + gap + i + 1;
                double value = Double.isNaN(growth) ? level : level * Math.exp(growth * ahead);
                if (yearly != null) {
                    value *= yearly[observed + gap + i] / lastWeek;
                }
                double sd = Math.sqrt(dayVariance + 2 * levelVariance + growthVariance * ahead * ahead);
                // As a fitted placement's: its upper 95% bound read as a normal quantile.
                double upper = value * Math.expm1(Forecast.Z95 * sd) / Forecast.Z95;
                p50[i] = value;
                p90[i] = value + Z90 * upper;
                p99[i] = value + Z99 * upper;
            }
            // Its own growth is unknown: pooling gives it its cluster's.
            ownGrowth = level > 0 ? 0 : Double.NaN;
        } else {
            Forecast forecast = fitted.orElseThrow();
            Map<String, Double> parameters = forecast.provenance().parameters();
            if (positive && parameters.containsKey("slope") && !parameters.containsKey(POOLED_GROWTH) && length > 1) {
                // A driver's growth is not pooled.
                boolean pools = parameters.keySet().stream().noneMatch(name -> name.startsWith("driver:"));
                ownGrowth = pools ? requireNonNull(parameters.get("slope")) / (length - 1) : Double.NaN;
                ownVariance = pools && parameters.containsKey("slopeVariance")
                        ? requireNonNull(parameters.get("slopeVariance")) / ((double) (length - 1) * (length - 1))
                        : Double.NaN;
                profiled = parameters.containsKey(YEARLY_PROFILE);
            }
            model = "Regression" + (positive ? "[log]" : "")
                    + trendChange(parameters, history.first.plusDays(start), length, positive)
                    + (parameters.containsKey(YEARLY_PROFILE) ? "+borrowed yearly" : "")
                    + (parameters.containsKey(YEARLY_PRIOR) ? "+shrunk yearly" : "")
                    + (parameters.containsKey(POOLED_GROWTH) ? "+pooled growth" : "")
                    + parameters.keySet().stream()
                            .filter(name -> name.startsWith("driver:"))
                            .map(name -> "+follows " + name.substring("driver:".length()))
                            .collect(Collectors.joining());
            // A log-scale fit forecasts the median; the cluster sums its services' expected demand, exp(sigma^2 / 2)
            // times the median with sigma the residuals' standard deviation.
            double sigma = positive ? parameters.getOrDefault("sigma", 0.0) : 0;
            double expected = Double.isFinite(sigma) ? Math.exp(sigma * sigma / 2) : 1;
            for (int i = 0; i < horizon; i++) {
                int step = gap + i;
                double mean = forecast.mean(step);
                double upper = Math.max(0, (forecast.upper95()[step] - mean) / Forecast.Z95);
                p50[i] = expected * mean;
                p90[i] = expected * (mean + Z90 * upper);
                p99[i] = expected * (mean + Z99 * upper);
            }
        }
        // Beside other placements: the events its days show (their lifts, 1 where a lift was dropped), and those
        // they do not.
        Map<String, Double> shown = new TreeMap<>();
        Map<String, double[]> unseen = Map.of();
        if (borrowed.amongOthers()) {
            DemandSeries days = fitted.isPresent() ? series(history, start, length) : series(history, 0, observed);
            if (positive && fitted.isPresent()) {
                Map<String, Double> parameters =
                        fitted.orElseThrow().provenance().parameters();
                for (Regressor event : inputs.events(days, steps)) {
                    shown.put(event.name(), parameters.getOrDefault(event.name(), 1.0));
                }
            }
            unseen = inputs.unseenEvents(days, steps);
        }
        boolean lifted = false;
        for (Map.Entry<String, Double> lift : borrowed.lifts().entrySet()) {
            double[] indicator = unseen.get(lift.getKey());
            if (indicator == null) {
                continue;
            }
            lifted = true;
            for (int i = 0; i < horizon; i++) {
                double factor = Math.pow(lift.getValue(), indicator[gap + i]);
                p50[i] *= factor;
                p90[i] *= factor;
                p99[i] *= factor;
            }
        }
        List<String> launches = adjust(history, applicable, asOf.plusDays(1), p50, p90, p99);
        return new Fitted(
                new DemandForecast(
                        history.cluster(),
                        history.resource(),
                        asOf.plusDays(1),
                        p50,
                        p90,
                        p99,
                        model + (lifted ? "+borrowed lifts" : ""),
                        launches),
                fitted.isPresent() ? length : 0,
                ownGrowth,
                ownVariance,
                profiled,
                shown,
                unseen.keySet());
    }

    /**
     * The variance on the log scale of the days from {@code from} on about {@code level} (their mean), over the days
     * above 0; 0 with fewer than two.
     */
    private static double aboutLevel(double[] used, double[] known, int from, double level) {
        double squares = 0;
        int counted = 0;
        for (int t = from; t < used.length; t++) {
            if (used[t] - known[t] > 0) {
                double deviation = Math.log((used[t] - known[t]) / level);
                squares += deviation * deviation;
                counted++;
            }
        }
        return counted > 1 ? squares / (counted - 1) : 0;
    }

    /**
     * The variance of a week's mean about where the weeks before it put it, on the log scale: half the mean square of
     * the changes between its last {@value #LEVEL_WEEKS} whole weeks' means beyond {@code growth} (per day). Days move
     * together (noise runs for days), so a week's mean is less sure than its days' spread over seven says. NaN with
     * fewer than two whole weeks or a week not above 0.
     */
    private static double weekToWeek(double[] used, double[] known, double growth) {
        int weeks = Math.min(LEVEL_WEEKS, used.length / 7);
        if (weeks < 2) {
            return Double.NaN;
        }
        double[] means = new double[weeks];
        for (int w = 0; w < weeks; w++) {
            double sum = 0;
            for (int t = used.length - 7 * (weeks - w); t < used.length - 7 * (weeks - w - 1); t++) {
                sum += used[t] - known[t];
            }
            if (!(sum > 0)) {
                return Double.NaN;
            }
            means[w] = Math.log(sum / 7);
        }
        double squares = 0;
        for (int w = 1; w < weeks; w++) {
            double change = means[w] - means[w - 1] - 7 * growth;
            squares += change * change;
        }
        return squares / (weeks - 1) / 2;
    }

    /** The days {@code start} to {@code start + length - 1} of {@code history} as a daily demand series. */
    private static DemandSeries series(History history, int start, int length) {
        return new DemandSeries(
                history.service(),
                history.cluster(),
                history.resource().code(),
                DemandGrain.DAY,
                history.first.plusDays(start).atStartOfDay().toInstant(ZoneOffset.UTC),
                history.last().atStartOfDay().toInstant(ZoneOffset.UTC),
                length);
    }

    /**
     * Applies the manual adjustments to the forecast days from {@code first}, in the order they were made, as the
     * forecast plans do: a step from its day on and an add over its days move the three quantiles by its value, a
     * multiply scales them, an override sets P50 to its value and moves P90 and P99 with it. Quantiles stay at or
     * above 0.
     *
     * @return for people, each adjustment that changed a forecast day
     */
    private static List<String> adjust(
            History history,
            List<StoredAdjustment> adjustments,
            LocalDate first,
            double[] p50,
            double[] p90,
            double[] p99) {
        List<String> applied = new ArrayList<>();
        for (StoredAdjustment adjustment : adjustments) {
            LocalDate end = adjustment.end();
            int from = (int) Math.max(0, ChronoUnit.DAYS.between(first, adjustment.start()));
            int to = adjustment.kind().equals("step") || end == null
                    ? p50.length
                    : (int) Math.min(p50.length, ChronoUnit.DAYS.between(first, end) + 1);
            if (from >= to) {
                continue;
            }
            for (int day = from; day < to; day++) {
                if (adjustment.kind().equals("multiply")) {
                    p50[day] *= adjustment.value();
                    p90[day] *= adjustment.value();
                    p99[day] *= adjustment.value();
                } else {
                    double shift =
                            adjustment.kind().equals("override") ? adjustment.value() - p50[day] : adjustment.value();
                    p50[day] += shift;
                    p90[day] += shift;
                    p99[day] += shift;
                }
            }
            // A launch that started in the history is already in the data's level; it is not news to list.
            if (!(adjustment.kind().equals("step") && !adjustment.start().isAfter(history.last()))) {
                applied.add(history.service() + ": " + adjustment.describe());
            }
        }
        for (int day = 0; day < p50.length; day++) {
            p50[day] = Math.max(0, p50[day]);
            p90[day] = Math.max(0, p90[day]);
            p99[day] = Math.max(0, p99[day]);
        }
        return applied;
    }

    /**
     * A kept change of growth rate for people, e.g. {@code +growth change 2026-03-02 (10%/y to 41%/y)}; empty without
     * one.
     */
    private static String trendChange(Map<String, Double> parameters, LocalDate first, int length, boolean positive) {
        Double step = parameters.get(RegressionModel.TREND_CHANGE + " step");
        Double before = parameters.get("slopeBefore");
        Double after = parameters.get("slope");
        if (step == null || before == null || after == null || length < 2) {
            return "";
        }
        double perYear = 365.25 / (length - 1);
        return positive
                ? "+growth change %s (%.0f%%/y to %.0f%%/y)"
                        .formatted(
                                first.plusDays(step.longValue() + 1),
                                100 * Math.expm1(before * perYear),
                                100 * Math.expm1(after * perYear))
                : "+growth change %s (%.3g/y to %.3g/y)"
                        .formatted(first.plusDays(step.longValue() + 1), before * perYear, after * perYear);
    }

    /**
     * The trend model of a series of {@code length} days: one log-linear trend (linear when not {@code positive}),
     * weekly Fourier terms, and yearly ones with two years of data.
     */
    private static RegressionModel trendModel(int length, boolean positive) {
        Scale scale = positive ? Scale.MULTIPLICATIVE : Scale.ADDITIVE;
        Season weekly = new Season(7, 3);
        RegressionModel model = length >= 2 * 365
                ? RegressionModel.of(scale, weekly, new Season(365.25, 10))
                : RegressionModel.of(scale, weekly);
        return model.withChangepoints(0);
    }

    /**
     * A traffic driver's future for the services that follow it: {@link #trendModel} over its last {@value
     * #TRAINING_DAYS} days, so it carries its growth a year out.
     */
    static final Forecaster DRIVER_TREND = new Forecaster() {
        @Override
        public String name() {
            return "DriverTrend";
        }

        @Override
        public Forecast forecast(Series series, int horizon) {
            double[] values = series.values();
            double[] recent = Arrays.copyOfRange(values, Math.max(0, values.length - TRAINING_DAYS), values.length);
            boolean positive = Arrays.stream(recent).allMatch(value -> value > 0);
            return new RegressionForecaster(trendModel(recent.length, positive), List.of())
                    .forecast(Series.of(recent, 7), horizon);
        }
    };

    private static Optional<Forecast> fit(
            History history,
            int start,
            double[] learned,
            boolean positive,
            int steps,
            ForecastInputs inputs,
            YearlyProfiles profiles,
            double growth,
            boolean intervals) {
        LocalDate first = history.first.plusDays(start);
        DemandSeries series = series(history, start, learned.length);
        if (positive && learned.length < 2 * 365 && inputs.hasOwnDriver(history.service())) {
            // Too young here to know its growth, but its own traffic driver has a longer history: it follows the
            // driver (with the elasticity its days show) instead of a trend of its own. The driver carries the year.
            List<Regressor> regressors = inputs.forSeries(series, steps).regressors();
            if (regressors.stream().anyMatch(regressor -> regressor.kind() == Regressor.Kind.DRIVER)) {
                RegressionModel followed = RegressionModel.of(Scale.MULTIPLICATIVE, new Season(7, 3))
                        .withoutTrend();
                try {
                    return Optional.of(shared(new RegressionForecaster(followed, regressors), inputs, intervals)
                            .keepingEventsAbove(EVENT_T)
                            .forecast(Series.of(learned, 7), steps));
                } catch (IllegalArgumentException | ArithmeticException e) {
                    // Falls back to its own trend below.
                }
            }
        }
        boolean given = positive && !Double.isNaN(growth);
        List<Regressor> regressors = new ArrayList<>();
        if (learned.length < 2 * 365) {
            // Too young here to show its own year: the shape its service shows elsewhere, with a fitted strength.
            profiles.values(history.service(), history.resource(), first, learned.length + steps)
                    .ifPresent(values -> regressors.add(Regressor.driver(YEARLY_PROFILE, values)));
        }
        // Without that shape, a yearly swing of its own, held by the fleet's prior to the size swings usually are.
        double swing = positive && learned.length < 2 * 365 && regressors.isEmpty() ? profiles.swingSd() : Double.NaN;
        RegressionModel trend = Double.isNaN(swing)
                ? trendModel(learned.length, positive)
                : RegressionModel.of(Scale.MULTIPLICATIVE, new Season(7, 3), new Season(365.25, 1).withPrior(swing))
                        .withChangepoints(0);
        RegressionModel regression = given ? trend.withoutTrend() : trend;
        // Otherwise its own trend carries its growth, and drivers stay out.
        regressors.addAll(inputs.events(series, steps));
        try {
            Map<String, Double> marks = Double.isNaN(swing) ? Map.of() : Map.of(YEARLY_PRIOR, swing);
            if (!given) {
                RegressionForecaster forecaster = shared(
                                new RegressionForecaster(regression, regressors), inputs, intervals)
                        .keepingEventsAbove(EVENT_T);
                if (learned.length >= 2 * 365) {
                    forecaster = forecaster.withTrendChange(GROWTH_CHANGE);
                }
                Forecast own = forecaster.forecast(Series.of(learned, 7), steps);
                return Optional.of(
                        marks.isEmpty()
                                ? own
                                : own.withProvenance(own.provenance().with(marks)));
            }
            // A given growth: the rest is fitted to the series without it, and the forecast gets it back.
            double[] detrended = new double[learned.length];
            for (int t = 0; t < learned.length; t++) {
                detrended[t] = learned[t] * Math.exp(-growth * t);
            }
            Forecast flat = shared(new RegressionForecaster(regression, regressors), inputs, intervals)
                    .keepingEventsAbove(EVENT_T)
                    .forecast(Series.of(detrended, 7), steps);
            double[][] bounds = {flat.mean(), flat.lower80(), flat.upper80(), flat.lower95(), flat.upper95()};
            for (double[] bound : bounds) {
                for (int step = 0; step < steps; step++) {
                    bound[step] *= Math.exp(growth * (learned.length + step));
                }
            }
            return Optional.of(Forecast.of(
                    flat.provenance()
                            .with(Map.of(POOLED_GROWTH, growth * 365.25))
                            .with(marks),
                    bounds[0],
                    bounds[1],
                    bounds[2],
                    bounds[3],
                    bounds[4]));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code forecaster} sharing the plan's designs, without intervals where they are not wanted. */
    private static RegressionForecaster shared(
            RegressionForecaster forecaster, ForecastInputs inputs, boolean intervals) {
        RegressionForecaster sharing = forecaster.sharing(inputs.designs());
        return intervals ? sharing : sharing.withoutIntervals();
    }

    /** Turns each stored series into a gap-free history. */
    private static final class Reader implements CapacityStore.ServiceSeriesVisitor {
        private final List<History> histories;

        Reader(List<History> histories) {
            this.histories = histories;
        }

        /** A missing day repeats the day before; a repeated day keeps the last value. */
        @Override
        public void series(String service, String cluster, String resource, int[] epochDays, double[] values) {
            Resource kind = Resource.parse(resource).orElse(null);
            if (kind == null || epochDays.length == 0) {
                return;
            }
            int first = epochDays[0];
            double[] used = new double[epochDays[epochDays.length - 1] - first + 1];
            int filled = -1;
            for (int k = 0; k < epochDays.length; k++) {
                int index = epochDays[k] - first;
                for (int t = filled + 1; t < index; t++) {
                    used[t] = filled >= 0 ? used[filled] : values[k];
                }
                used[index] = values[k];
                filled = index;
            }
            histories.add(new History(service, cluster, kind, LocalDate.ofEpochDay(first), used));
        }
    }
}
