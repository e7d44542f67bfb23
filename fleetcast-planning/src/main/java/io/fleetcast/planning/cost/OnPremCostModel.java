package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.planning.utilization.UnitPricing;
import io.fleetcast.planning.utilization.UnitRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What owned servers cost, as cost lines in the same shape as a cloud bill. Per cluster and day:
 *
 * <ul>
 *   <li><b>depreciation</b>: each server still depreciating (in service, and less than its SKU's depreciation months
 *       since install) costs its price over those months, a month being {@link #DAYS_PER_MONTH} days;
 *   <li><b>power</b>: each server in service draws its SKU's typical watts around the clock, times the site's PUE
 *       (cooling), at the site's price per kWh;
 *   <li><b>space</b> and <b>network</b>: each server in service costs the site's rate per server-day.
 * </ul>
 *
 * The cluster's day is split over its services by their share of its allocations: a service's share is the mean, over
 * the resources anything is allocated of, of its allocation divided by the cluster's. A day without allocations gives
 * one unallocated line per component (idle capacity, shown as such). Amounts are rounded to the micro-unit per line.
 */
public final class OnPremCostModel {
    /** Days in an average month: 365.2425 / 12. */
    public static final double DAYS_PER_MONTH = 365.2425 / 12;

    private OnPremCostModel() {}

    /**
     * A site's running costs.
     *
     * @param site the site
     * @param usdPerKwh electricity price, per kWh, in the billing currency
     * @param pue power usage effectiveness, {@code >= 1}: kWh drawn from the grid per kWh the servers use
     * @param spacePerServerDay rack space and facilities per server and day
     * @param networkPerServerDay network per server and day
     */
    public record SiteRates(
            String site, double usdPerKwh, double pue, double spacePerServerDay, double networkPerServerDay) {
        public SiteRates {
            requireNonNull(site, "site is null");
            if (!(usdPerKwh >= 0)
                    || !(pue >= 1)
                    || !(spacePerServerDay >= 0)
                    || !(networkPerServerDay >= 0)
                    || Double.isInfinite(usdPerKwh + pue + spacePerServerDay + networkPerServerDay)) {
                throw new IllegalArgumentException("site " + site + ": rates must be finite and >= 0, and the PUE >= 1:"
                        + " " + usdPerKwh + " per kWh, PUE " + pue + ", " + spacePerServerDay + " space, "
                        + networkPerServerDay + " network per server-day");
            }
        }
    }

    /**
     * An owned SKU as the catalog states it.
     *
     * @param sku the SKU
     * @param cores cores per server
     * @param memoryGib memory per server, GiB
     * @param storageTb storage per server, TB
     * @param price purchase price per server
     * @param depreciationMonths months its price is spread over, {@code >= 1}
     * @param powerWatts typical draw, W
     */
    public record OwnedSku(
            String sku,
            long cores,
            double memoryGib,
            double storageTb,
            double price,
            int depreciationMonths,
            double powerWatts) {
        public OwnedSku {
            requireNonNull(sku, "sku is null");
            if (depreciationMonths < 1 || !(price >= 0) || !(powerWatts >= 0)) {
                throw new IllegalArgumentException("SKU " + sku + ": price, power and depreciation months (" + price
                        + ", " + powerWatts + " W, " + depreciationMonths + ") must be >= 0 and >= 1");
            }
        }
    }

    /** A SKU's servers in a cluster on a day: in service, and of those still depreciating. */
    public record Servers(OwnedSku sku, int inService, int depreciating) {}

    /** What a line is for. */
    public enum Component {
        DEPRECIATION,
        POWER,
        SPACE,
        NETWORK
    }

    /**
     * One cost line.
     *
     * @param service the service it is charged to; null for capacity nothing is allocated on
     * @param component what it is for
     * @param sku the SKU, for depreciation lines
     * @param amount what it costs, rounded to the micro-unit
     * @param quantity how much: server-hours (depreciation), kWh (power), server-days (space, network)
     */
    public record Line(
            @Nullable String service,
            Component component,
            @Nullable String sku,
            BigDecimal amount,
            double quantity) {}

    /**
     * The lines of one cluster's day.
     *
     * @param servers its owned servers per SKU that day
     * @param allocations per service, its allocation of each resource that day (cores, GiB, TB)
     */
    public static ImmutableList<Line> clusterDay(
            SiteRates rates, List<Servers> servers, Map<String, double[]> allocations) {
        Map<String, Double> shares = shares(allocations);
        List<Line> lines = new ArrayList<>();
        double inService = 0;
        double kilowattHours = 0;
        for (Servers s : servers) {
            inService += s.inService();
            kilowattHours += s.inService() * s.sku().powerWatts() * 24 / 1000.0 * rates.pue();
        }
        if (inService == 0) {
            return ImmutableList.of();
        }
        Map<String, Double> parts = shares.isEmpty() ? unallocated() : shares;
        for (Map.Entry<String, Double> part : parts.entrySet()) {
            double share = part.getValue();
            String service = part.getKey().isEmpty() ? null : part.getKey();
            if (share <= 0) {
                continue;
            }
            for (Servers s : servers) {
                if (s.depreciating() > 0) {
                    OwnedSku sku = s.sku();
                    double daily = sku.price() / (sku.depreciationMonths() * DAYS_PER_MONTH);
                    lines.add(new Line(
                            service,
                            Component.DEPRECIATION,
                            sku.sku(),
                            money(share * s.depreciating() * daily),
                            share * s.depreciating() * 24));
                }
            }
            lines.add(new Line(
                    service,
                    Component.POWER,
                    null,
                    money(share * kilowattHours * rates.usdPerKwh()),
                    share * kilowattHours));
            lines.add(new Line(
                    service,
                    Component.SPACE,
                    null,
                    money(share * inService * rates.spacePerServerDay()),
                    share * inService));
            if (rates.networkPerServerDay() > 0) {
                lines.add(new Line(
                        service,
                        Component.NETWORK,
                        null,
                        money(share * inService * rates.networkPerServerDay()),
                        share * inService));
            }
        }
        return ImmutableList.copyOf(lines);
    }

    /**
     * Each service's share of the cluster: the mean, over the resources anything is allocated of, of its allocation
     * over the cluster's total. Empty when nothing is allocated.
     */
    public static Map<String, Double> shares(Map<String, double[]> allocations) {
        Map<String, Double> shares = new TreeMap<>();
        int counted = 0;
        for (int r = 0; r < 3; r++) {
            double total = 0;
            for (double[] allocated : allocations.values()) {
                total += allocated[r];
            }
            if (total <= 0) {
                continue;
            }
            counted++;
            for (Map.Entry<String, double[]> service : allocations.entrySet()) {
                shares.merge(service.getKey(), service.getValue()[r] / total, Double::sum);
            }
        }
        if (counted == 0) {
            return Map.of();
        }
        int resources = counted;
        shares.replaceAll((service, share) -> share / resources);
        return shares;
    }

    /**
     * What a month of one unit of each resource of {@code sku} costs at the site, everything included (depreciation,
     * power with cooling, space, network), split over resources by the weights of {@link UnitPricing}.
     */
    public static UnitRates unitRates(OwnedSku sku, SiteRates rates) {
        double monthly = monthlyCost(sku, rates);
        double weighted = sku.cores() * UnitPricing.CORE_WEIGHT
                + sku.memoryGib() * UnitPricing.GIB_WEIGHT
                + sku.storageTb() * UnitPricing.TB_WEIGHT;
        double perWeight = monthly / weighted;
        return new UnitRates(
                perWeight * UnitPricing.CORE_WEIGHT,
                perWeight * UnitPricing.GIB_WEIGHT,
                perWeight * UnitPricing.TB_WEIGHT);
    }

    /** What a month of one server of {@code sku} at the site costs, everything included: depreciation and running. */
    public static double monthlyCost(OwnedSku sku, SiteRates rates) {
        return sku.price() / sku.depreciationMonths() + monthlyRunningCost(sku, rates);
    }

    /** What a month of running one server of {@code sku} at the site costs: power with cooling, space and network. */
    public static double monthlyRunningCost(OwnedSku sku, SiteRates rates) {
        return (sku.powerWatts() * 24 / 1000.0 * rates.pue() * rates.usdPerKwh()
                        + rates.spacePerServerDay()
                        + rates.networkPerServerDay())
                * DAYS_PER_MONTH;
    }

    private static Map<String, Double> unallocated() {
        return Map.of("", 1.0);
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(Math.round(amount * 1_000_000))
                .movePointLeft(6)
                .setScale(6, RoundingMode.UNNECESSARY);
    }
}
