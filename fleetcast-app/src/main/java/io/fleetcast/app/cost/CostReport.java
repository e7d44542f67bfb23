package io.fleetcast.app.cost;

import io.fleetcast.app.JsonDocuments;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cost report as users read it ({@code fleetcast cost --json}, {@code /api/cost}): money in {@code currency},
 * rounded to the cent; dates ISO {@code YYYY-MM-DD}; periods as the budgets file names them.
 *
 * @param asOf the last charge day of the cost lines
 * @param currency the billing currency
 * @param costColumn the FOCUS column attributed and budgeted
 * @param period the period attributed
 * @param teams the only teams shown, for a team-scoped report; null for the whole fleet
 * @param reconciliation billed against attributed
 * @param attribution one row per team (and the untagged row), with the shares of shared costs
 * @param services spend per org, team and service in the period
 * @param budgets every budget (of the period, when one was asked for)
 * @param alerts the budgets whose P50 forecast exceeds the budget, of periods not yet over
 * @param anomalies spend anomalies
 * @param savings ways to spend less, largest monthly saving first
 * @param unitCosts cost per unit of each traffic driver, per service (or for the fleet), month by month
 * @param skuCosts each owned SKU at each site: its cost per core and what replacing it would save (needs the sites'
 *     rates); empty in a team-scoped report
 * @param notes what the figures rest on and what was left out
 */
public record CostReport(
        String asOf,
        String currency,
        String costColumn,
        Period period,
        @Nullable List<String> teams,
        Reconciliation reconciliation,
        List<Attributed> attribution,
        List<ServiceSpend> services,
        List<Budget> budgets,
        List<Budget> alerts,
        List<Anomaly> anomalies,
        List<SavingRow> savings,
        List<UnitCostRow> unitCosts,
        List<SkuCost> skuCosts,
        List<String> notes) {

    /** A period: its label and its first and last day. */
    public record Period(String label, String start, String end) {}

    /**
     * The cost lines' total against the attributed rows' total.
     *
     * @param billed the total of the cost column over the period's lines, to the cent
     * @param attributed the attributed rows added up
     * @param difference attributed minus billed (0.00 by construction)
     * @param lines cost lines read
     * @param billedCost BilledCost over the same lines
     * @param effectiveCost EffectiveCost over the same lines
     * @param untagged spend no team or ownership rule claims
     * @param byRoute how much spend found its team by each route (team tag, service tag, resource name, none)
     */
    public record Reconciliation(
            BigDecimal billed,
            BigDecimal attributed,
            BigDecimal difference,
            long lines,
            BigDecimal billedCost,
            BigDecimal effectiveCost,
            BigDecimal untagged,
            Map<String, BigDecimal> byRoute) {}

    /** One attribution row. */
    public record Attributed(
            @Nullable String org,
            String team,
            BigDecimal direct,
            BigDecimal shared,
            BigDecimal total,
            List<String> explanation) {}

    /** A service's spend in the period. */
    public record ServiceSpend(@Nullable String org, String team, String service, BigDecimal amount) {}

    /** A budget against spend; forecasts are rounded to the cent. */
    public record Budget(
            String team,
            String period,
            String start,
            String end,
            BigDecimal budget,
            BigDecimal actual,
            int daysElapsed,
            int days,
            double forecastP50,
            double forecastP90,
            double overrunProbability,
            boolean alert,
            String explanation) {}

    /** A spend anomaly, with the largest contributor per dimension. */
    public record Anomaly(
            String team,
            @Nullable String service,
            String date,
            double amount,
            double expected,
            boolean provisional,
            String explanation,
            List<Driver> drivers) {}

    /**
     * A way to spend less.
     *
     * @param kind {@code idle}, {@code rightsizing}, {@code commitment} or {@code sku refresh}
     * @param team the team whose spend it cuts; null for a fleet-wide saving
     * @param service the service, when one
     * @param subject what it acts on
     * @param monthlySaving estimated saving per month, in the report's currency, rounded to the cent
     * @param explanation how it was estimated
     */
    public record SavingRow(
            String kind,
            @Nullable String team,
            @Nullable String service,
            String subject,
            double monthlySaving,
            String explanation) {}

    /**
     * Cost per unit of a traffic driver.
     *
     * @param driver the driver
     * @param service the service whose spend is divided; null for the fleet's
     * @param unitLabel what the figures mean, e.g. {@code USD per 1k requests}
     * @param months the complete months, oldest first
     * @param latest the last month's unit cost
     * @param trendPerMonth the fractional change per month of a log-linear fit; null under three months
     * @param explanation for people
     */
    public record UnitCostRow(
            String driver,
            @Nullable String service,
            String unitLabel,
            List<UnitMonth> months,
            double latest,
            @Nullable Double trendPerMonth,
            String explanation) {}

    /**
     * An owned SKU at a site, in USD (the catalog's and the site rates' currency); see {@code SkuRefresh}.
     *
     * @param sku the SKU
     * @param site the site
     * @param servers its servers in service on the last charge day
     * @param depreciating of those, still depreciating
     * @param costPerCoreMonth a server's month, everything included, per core
     * @param runningPerCoreMonth a server's month of power, space and network, per core
     * @param runningMonthly what its servers cost to run a month
     * @param replacement the cheapest owned SKU that holds their cores, memory and storage; null when none can
     * @param replacementServers how many of it
     * @param replacementMonthly what those cost a month, depreciation included
     * @param monthlySaving running minus replacement; negative when replacing costs more
     * @param explanation how it was worked out
     */
    public record SkuCost(
            String sku,
            String site,
            int servers,
            int depreciating,
            double costPerCoreMonth,
            double runningPerCoreMonth,
            double runningMonthly,
            @Nullable String replacement,
            long replacementServers,
            double replacementMonthly,
            double monthlySaving,
            String explanation) {}

    /** One month of a unit cost: the spend, the driver (summed, or the daily mean for users) and their ratio. */
    public record UnitMonth(String month, double cost, double driver, double unitCost) {}

    /** What drove an anomaly in one dimension. */
    public record Driver(String dimension, String name, double amount, double expected, double share) {}

    /** The report as one JSON document. */
    public String toJson() {
        return JsonDocuments.write(this, "the cost report");
    }
}
