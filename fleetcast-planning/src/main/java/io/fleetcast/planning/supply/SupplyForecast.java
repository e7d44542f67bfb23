package io.fleetcast.planning.supply;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.reliability.distribution.LifeDistribution;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Forecasts each cluster's usable capacity per resource from the inventory, the servers' life distributions, planned
 * retirements and open orders:
 *
 * <pre>
 *   usable(u) = Σ cohorts not retired by u:  count × capacity × S(age at u) / S(age at start)
 *             + Σ open orders delivered by u at the median: quantity × capacity × [P(delivered by u) ≥ ½]
 * </pre>
 *
 * S is the SKU's fitted survival function (ages in days; a SKU without one does not fail), so expected failures are
 * subtracted without replacement. P(delivered by u) comes from the SKU's learned delivery slips, conditioned on the
 * order not having arrived yet (an overdue order is late by at least as much as it already is); with no history an
 * order arrives on its promised day (an overdue one the day after the start). An order counts whole from its median
 * arrival day and not before, as it arrives whole: counting it by its chance of having arrived would spread it over
 * the days it might come, and blur a retirement just before it is due into a dip too shallow to cross demand, where the
 * order more likely than not comes after it. The variance treats servers as failing independently and each order as
 * arriving whole, with its chance of having arrived by each day.
 */
public final class SupplyForecast {
    /** An open order counts from the first day it has more likely than not arrived. */
    private static final double MEDIAN = 0.5;

    private SupplyForecast() {}

    /**
     * The supply of every cluster with inventory or open orders, by cluster then resource.
     *
     * @param asOf the data's last day; the paths start the day after
     * @param days how many days to forecast
     * @param shapes each SKU's capacity per server
     * @param lives each SKU's life distribution, ages in days; SKUs absent do not fail
     * @throws IllegalArgumentException if a cohort or order names a SKU without a shape
     */
    public static Map<String, Map<Resource, SupplyPath>> forecast(
            LocalDate asOf,
            int days,
            List<ServerCohort> cohorts,
            List<InFlightOrder> orders,
            Map<String, ServerShape> shapes,
            Map<String, LifeDistribution> lives,
            LeadTimes leadTimes) {
        requireNonNull(asOf, "asOf is null");
        if (days < 1) {
            throw new IllegalArgumentException("the forecast needs at least one day, got " + days);
        }
        Map<String, Accumulator> clusters = new TreeMap<>();
        for (ServerCohort cohort : cohorts) {
            ServerShape shape = shape(shapes, cohort.sku(), "cluster " + cohort.cluster());
            Accumulator sums = clusters.computeIfAbsent(cohort.cluster(), name -> new Accumulator(days));
            // A cohort due to retire on or before asOf (past its end of life) retires on the first day.
            int retireDay = cohort.retires().equals(LocalDate.MAX)
                    ? Integer.MAX_VALUE
                    : (int) Math.max(
                            0, Math.min(Integer.MAX_VALUE, ChronoUnit.DAYS.between(asOf, cohort.retires()) - 1));
            LifeDistribution life = ServerCohort.lifeOf(lives, cohort.sku(), cohort.batch());
            double age = ChronoUnit.DAYS.between(cohort.installed(), asOf);
            double aliveNow = life == null ? 1 : life.sf(age);
            for (Resource resource : Resource.values()) {
                double capacity = cohort.count() * shape.capacity(resource);
                sums.installed.merge(resource, capacity, Double::sum);
            }
            for (int day = 0; day < days; day++) {
                boolean retired = day >= retireDay;
                // A retired server's failures stop counting on its retirement day.
                int lastInService = retired ? retireDay : day;
                double survive = life == null || aliveNow <= 0 ? 1 : life.sf(age + 1 + lastInService) / aliveNow;
                for (Resource resource : Resource.values()) {
                    Sums sum = sums.of(resource);
                    double perServer = shape.capacity(resource);
                    double capacity = cohort.count() * perServer;
                    sum.failed[day] += capacity * (1 - survive);
                    if (retired) {
                        sum.retired[day] += capacity * survive;
                    } else {
                        sum.variance[day] += cohort.count() * survive * (1 - survive) * perServer * perServer;
                    }
                }
            }
        }
        for (InFlightOrder order : orders) {
            ServerShape shape = shape(shapes, order.sku(), "order " + order.orderId());
            Accumulator sums = clusters.computeIfAbsent(order.cluster(), name -> new Accumulator(days));
            Optional<EmpiricalDays> slips = leadTimes.slip(order.sku());
            int overdue = (int) ChronoUnit.DAYS.between(order.promised(), asOf);
            for (int day = 0; day < days; day++) {
                int pastPromise = (int) ChronoUnit.DAYS.between(order.promised(), asOf.plusDays(1 + day));
                double arrived = slips.isPresent()
                        ? slips.orElseThrow().cumulativeGiven(pastPromise, Math.max(overdue, Integer.MIN_VALUE + 1))
                        : (pastPromise >= 0 || overdue >= 0 ? 1 : 0);
                for (Resource resource : Resource.values()) {
                    Sums sum = sums.of(resource);
                    double capacity = order.quantity() * shape.capacity(resource);
                    sum.arriving[day] += arrived >= MEDIAN ? capacity : 0;
                    sum.variance[day] += capacity * capacity * arrived * (1 - arrived);
                }
            }
        }
        Map<String, Map<Resource, SupplyPath>> paths = new TreeMap<>();
        LocalDate start = asOf.plusDays(1);
        clusters.forEach((cluster, sums) -> {
            Map<Resource, SupplyPath> byResource = new EnumMap<>(Resource.class);
            for (Resource resource : Resource.values()) {
                Sums sum = sums.of(resource);
                byResource.put(
                        resource,
                        new SupplyPath(
                                cluster,
                                resource,
                                start,
                                sums.installed.getOrDefault(resource, 0.0),
                                sum.failed,
                                sum.retired,
                                sum.arriving,
                                sum.variance));
            }
            paths.put(cluster, byResource);
        });
        return paths;
    }

    private static ServerShape shape(Map<String, ServerShape> shapes, String sku, String where) {
        ServerShape shape = shapes.get(sku);
        if (shape == null) {
            throw new IllegalArgumentException(where + " names SKU " + sku + ", which the SKU catalog does not have");
        }
        return shape;
    }

    private static final class Accumulator {
        final Map<Resource, Double> installed = new EnumMap<>(Resource.class);
        final Map<Resource, Sums> sums = new EnumMap<>(Resource.class);

        Accumulator(int days) {
            for (Resource resource : Resource.values()) {
                sums.put(resource, new Sums(days));
            }
        }

        Sums of(Resource resource) {
            return requireNonNull(sums.get(resource));
        }
    }

    /**
     * Per day, of what was installed at the start: failed, retired; of open orders: arrived by their median day; and
     * the variance.
     */
    private static final class Sums {
        final double[] failed;
        final double[] retired;
        final double[] arriving;
        final double[] variance;

        Sums(int days) {
            failed = new double[days];
            retired = new double[days];
            arriving = new double[days];
            variance = new double[days];
        }
    }
}
