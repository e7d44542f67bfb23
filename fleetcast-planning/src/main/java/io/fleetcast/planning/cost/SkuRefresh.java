package io.fleetcast.planning.cost;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether retiring a SKU's servers at a site and buying the cheapest owned SKU that holds the same cores, memory and
 * storage would cost less per month.
 *
 * <p>What the old servers cost to keep is their running cost only (power with cooling, space, network): their price is
 * spent whether they are retired or not, so any depreciation left is sunk. The replacement costs its depreciation and
 * its running cost ({@link OnPremCostModel#monthlyCost}). Prices and rates are in USD, as the catalog states them. The
 * replacement servers are the fewest that hold each resource the old ones hold, so a compute server is not "replaced"
 * by a storage server that lacks its cores, and they must cost less than new servers of the old SKU would: a better buy
 * for that shape of capacity.
 */
public final class SkuRefresh {
    private SkuRefresh() {}

    /**
     * A SKU's servers in service at a site.
     *
     * @param sku the SKU
     * @param rates the site's rates
     * @param servers in service
     * @param depreciating of those, still depreciating
     */
    public record Holding(
            OnPremCostModel.OwnedSku sku, OnPremCostModel.SiteRates rates, int servers, int depreciating) {
        public Holding {
            requireNonNull(sku, "sku is null");
            requireNonNull(rates, "rates is null");
            if (servers < 1 || depreciating < 0 || depreciating > servers || sku.cores() < 1) {
                throw new IllegalArgumentException(sku.sku() + " at " + rates.site() + ": " + servers + " servers, "
                        + depreciating + " depreciating");
            }
        }
    }

    /**
     * What a SKU at a site costs, and what replacing it would save.
     *
     * @param sku the SKU
     * @param site the site
     * @param servers its servers in service
     * @param coresPerServer cores per server
     * @param depreciating of those, still depreciating
     * @param costPerCoreMonth a server's month, everything included, per core
     * @param runningPerCoreMonth a server's running cost a month, per core
     * @param runningMonthly what its servers cost to run a month
     * @param replacement the cheapest SKU that holds what they hold; null when no other SKU can
     * @param replacementServers how many of it
     * @param replacementMonthly what those cost a month, everything included
     * @param monthlySaving {@code runningMonthly - replacementMonthly}; negative when replacing costs more
     * @param explanation how it was worked out, for people
     */
    public record Assessment(
            String sku,
            String site,
            int servers,
            long coresPerServer,
            int depreciating,
            double costPerCoreMonth,
            double runningPerCoreMonth,
            double runningMonthly,
            @Nullable String replacement,
            long replacementServers,
            double replacementMonthly,
            double monthlySaving,
            String explanation) {}

    /**
     * Assesses each holding against the SKUs that could replace it, costed at the holding's site. Ranked by saving per
     * core (the poorest cost per core first, whatever the fleet's size); holdings nothing can replace last.
     */
    public static ImmutableList<Assessment> assess(List<Holding> holdings, List<OnPremCostModel.OwnedSku> catalog) {
        List<Assessment> assessments = new ArrayList<>();
        for (Holding holding : holdings) {
            assessments.add(assess(holding, catalog));
        }
        assessments.sort(Comparator.comparing((Assessment a) -> a.replacement() == null)
                .thenComparing(
                        Comparator.comparingDouble(SkuRefresh::savingPerCore).reversed())
                .thenComparing(Assessment::site)
                .thenComparing(Assessment::sku));
        return ImmutableList.copyOf(assessments);
    }

    private static double savingPerCore(Assessment assessment) {
        return assessment.monthlySaving() / (assessment.servers() * assessment.coresPerServer());
    }

    /** The cheapest replacement of one holding, and what it saves. */
    static Assessment assess(Holding holding, List<OnPremCostModel.OwnedSku> catalog) {
        OnPremCostModel.OwnedSku old = holding.sku();
        OnPremCostModel.SiteRates rates = holding.rates();
        double running = OnPremCostModel.monthlyRunningCost(old, rates);
        double runningMonthly = running * holding.servers();
        double perCore = 1.0 / old.cores();
        double monthlyCost = OnPremCostModel.monthlyCost(old, rates);
        double costPerCore = monthlyCost * perCore;
        double sameAgain = holding.servers() * monthlyCost;
        OnPremCostModel.OwnedSku best = null;
        long bestServers = 0;
        double bestMonthly = Double.POSITIVE_INFINITY;
        for (OnPremCostModel.OwnedSku candidate : catalog) {
            if (candidate.sku().equals(old.sku())) {
                continue;
            }
            long needed = serversToHold(holding, candidate);
            if (needed < 0) {
                continue;
            }
            double monthly = needed * OnPremCostModel.monthlyCost(candidate, rates);
            // A replacement must hold the same for less than new servers of the same SKU would cost.
            if (monthly < sameAgain && monthly < bestMonthly) {
                best = candidate;
                bestServers = needed;
                bestMonthly = monthly;
            }
        }
        String kept = String.format(
                Locale.ROOT,
                "%,d %s servers at %s (%,d cores) cost %,.2f USD a month to run: power with cooling (%,.0f W x PUE"
                        + " %s at %s USD per kWh), space and network%s",
                holding.servers(),
                old.sku(),
                rates.site(),
                holding.servers() * old.cores(),
                runningMonthly,
                old.powerWatts(),
                rates.pue(),
                rates.usdPerKwh(),
                holding.depreciating() > 0
                        ? String.format(
                                Locale.ROOT,
                                "; %,d of them still depreciate, which is sunk either way",
                                holding.depreciating())
                        : "");
        double saving = best == null ? 0 : runningMonthly - bestMonthly;
        String replaced = best == null
                ? "; no other owned SKU holds their cores, memory and storage for less than new servers of the same SKU"
                        + " would cost"
                : String.format(
                        Locale.ROOT,
                        "; %,d %s servers hold their cores, memory and storage for %,.2f USD a month, depreciation"
                                + " included: replacing them %s %,.2f USD a month",
                        bestServers,
                        best.sku(),
                        bestMonthly,
                        saving > 0 ? "saves" : "costs",
                        Math.abs(saving));
        return new Assessment(
                old.sku(),
                rates.site(),
                holding.servers(),
                old.cores(),
                holding.depreciating(),
                costPerCore,
                running * perCore,
                runningMonthly,
                best == null ? null : best.sku(),
                best == null ? 0 : bestServers,
                best == null ? 0 : bestMonthly,
                saving,
                kept + replaced);
    }

    /**
     * The fewest servers of {@code candidate} that hold each resource the holding's servers hold; -1 when it has none
     * of a resource they have.
     */
    static long serversToHold(Holding holding, OnPremCostModel.OwnedSku candidate) {
        OnPremCostModel.OwnedSku old = holding.sku();
        double[] held = {old.cores(), old.memoryGib(), old.storageTb()};
        double[] each = {candidate.cores(), candidate.memoryGib(), candidate.storageTb()};
        double needed = 0;
        for (int r = 0; r < held.length; r++) {
            if (held[r] <= 0) {
                continue;
            }
            if (each[r] <= 0) {
                return -1;
            }
            // A part-server of rounding noise (1e-9) is not a whole server more.
            needed = Math.max(needed, holding.servers() * held[r] / each[r] - 1e-9);
        }
        return (long) Math.ceil(needed);
    }
}
