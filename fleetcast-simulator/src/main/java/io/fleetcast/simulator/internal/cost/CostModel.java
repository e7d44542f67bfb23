package io.fleetcast.simulator.internal.cost;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.catalog.Provider;
import io.fleetcast.simulator.internal.catalog.Sku;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.demand.Placement;
import io.fleetcast.simulator.internal.organization.Organization;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Cluster;
import io.fleetcast.simulator.internal.topology.Site;
import io.fleetcast.simulator.internal.topology.Topology;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes costs.csv, one FOCUS cost line per cluster, service, cost component (and SKU for depreciation) and day, and
 * keeps each team's daily spend for budgets.
 *
 * <p>The cost of a cluster on a day is split over its services by their share of its allocations: a service's share
 * is the mean, over resources, of its allocated quantity divided by the cluster's total allocation of that resource.
 * Owned clusters cost depreciation (price spread evenly over the SKU's depreciation months, 30.436875 days each, while
 * the server is in service), power ({@code watts × 24 h × PUE × site price per kWh}) and space (per server per day).
 * Cloud clusters cost instance hours: reserved hours at the reserved rate (EffectiveCost; BilledCost 0 because the
 * reservation is paid by a monthly Purchase line on the first of the month, EffectiveCost 0) and on-demand hours at the
 * on-demand rate. A quarter of cloud services have untagged lines (Tags {@code {}}, shared sub-account) until a
 * tagging policy caught them, and 1% of other cloud lines are untagged at random. Amounts are exact micro-dollars.
 */
public final class CostModel {
    private static final double DAYS_PER_MONTH = 365.2425 / 12;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM", Locale.ROOT);
    private static final CsvField UNTAGGED = CsvField.of("{}");
    private static final CsvField SHARED_ACCOUNT = CsvField.of("acct-shared");
    private static final CsvField SHARED_ACCOUNT_NAME = CsvField.of("shared-platform");
    private static final List<String> ANOMALY_CAUSES = List.of(
            "runaway batch job left running",
            "misconfigured instance group scaled to its maximum",
            "forgotten load test");

    private final Timeline timeline;
    private final Topology topology;
    private final SkuCatalog catalog;
    private final DemandModel demand;
    private final CostLedger ledger;
    private final Columns columns;
    private final CsvTableWriter writer;
    private final RandomStream untaggedRandom;
    private final List<String> teams;
    private final Map<String, Integer> teamIndex = new HashMap<>();
    private final long[][] teamDaily;
    private final Map<String, CsvField> invoices = new HashMap<>();
    private final List<List<PairFields>> pairsByCluster = new ArrayList<>();
    private final List<ClusterFields> clusterFields = new ArrayList<>();
    private final EnumMap<Provider, Account> accounts = new EnumMap<>(Provider.class);

    private CostModel(
            Timeline timeline,
            Topology topology,
            Organization organization,
            SkuCatalog catalog,
            DemandModel demand,
            Supply supply,
            RandomStream random,
            CsvTableWriter writer) {
        this.timeline = timeline;
        this.topology = topology;
        this.catalog = catalog;
        this.demand = demand;
        this.ledger = new CostLedger(timeline, supply);
        this.columns = new Columns(writer);
        this.writer = writer;
        this.untaggedRandom = random.derive("untagged-lines");
        this.teams = organization.teams();
        for (int i = 0; i < teams.size(); i++) {
            teamIndex.put(teams.get(i), i);
        }
        this.teamDaily = new long[teams.size()][timeline.currentQuarterEndDay() - timeline.firstDay() + 1];
        for (Provider provider : Provider.values()) {
            accounts.put(provider, Account.of(provider));
        }
        RandomStream policy = random.derive("tagging-policy");
        for (Cluster cluster : topology.clusters()) {
            Account account = account(cluster.site().provider());
            String regionId = cluster.isCloud()
                    ? cluster.region().cloudRegionId()
                    : cluster.region().name();
            clusterFields.add(ClusterFields.of(cluster, account, regionId, catalog));
            List<PairFields> pairs = new ArrayList<>();
            for (Placement placement : demand.placementsIn(cluster)) {
                Service service = placement.service();
                int untaggedUntil = Integer.MIN_VALUE;
                if (cluster.isCloud() && policy.chance(0.25) && timeline.historyDays() > 500) {
                    untaggedUntil = policy.integer(timeline.firstDay() + 60, timeline.lastDay() - 400);
                }
                String tags = "{\"team\":\"" + service.team() + "\",\"service\":\"" + service.name() + "\"}";
                pairs.add(new PairFields(
                        placement,
                        teamIndex.getOrDefault(service.team(), 0),
                        CsvField.of(cluster.name() + "/" + service.name()),
                        CsvField.of(service.name()),
                        CsvField.of(tags),
                        CsvField.of((cluster.isCloud() ? "acct-" : "cc-") + service.team()),
                        CsvField.of(service.team()),
                        untaggedUntil,
                        false));
            }
            pairsByCluster.add(pairs);
        }
    }

    /**
     * Writes every cost line of the history to {@code writer} and returns the teams' spend, including the (unwritten)
     * days from the end of the history to the end of its quarter.
     */
    public static CostOutcome write(
            Timeline timeline,
            Topology topology,
            Organization organization,
            SkuCatalog catalog,
            DemandModel demand,
            Supply supply,
            RandomStream random,
            CsvTableWriter writer) {
        requireNonNull(timeline, "timeline is null");
        CostModel model = new CostModel(timeline, topology, organization, catalog, demand, supply, random, writer);
        return model.run(organization, random.derive("anomalies"));
    }

    private CostOutcome run(Organization organization, RandomStream anomalyRandom) {
        List<PlannedAnomaly> planned = planAnomalies(organization, anomalyRandom);
        List<CostAnomaly> anomalies = new ArrayList<>();
        int first = timeline.firstDay();
        for (int day = first; day <= timeline.currentQuarterEndDay(); day++) {
            boolean written = day <= timeline.lastDay();
            for (Cluster cluster : topology.clusters()) {
                if (cluster.isCloud()) {
                    cloudDay(cluster, day, written);
                } else {
                    ownedDay(cluster, day, written);
                }
            }
            for (PlannedAnomaly anomaly : planned) {
                if (anomaly.day() == day) {
                    anomalies.add(anomaly(anomaly));
                }
            }
        }
        return new CostOutcome(teams, first, teamDaily, anomalies);
    }

    private void ownedDay(Cluster cluster, int day, boolean written) {
        int index = cluster.index();
        Site site = cluster.site();
        double servers = 0;
        double kilowattHours = 0;
        for (CostLedger.SkuCounts counts : ledger.ownedCounts(index)) {
            int inService = counts.inService(day);
            servers += inService;
            kilowattHours += inService * counts.sku().powerWatts() * 24 / 1000.0 * site.powerUsageEffectiveness();
        }
        if (servers == 0) {
            return;
        }
        List<PairFields> pairs = pairsByCluster.get(index);
        double[] shares = shares(pairs, day);
        boolean allocated = shares.length > 0 && sum(shares) > 0;
        int lines = allocated ? pairs.size() : 1;
        for (int p = 0; p < lines; p++) {
            double share = allocated ? shares[p] : 1;
            if (share <= 0) {
                continue;
            }
            PairFields pair = allocated ? pairs.get(p) : null;
            for (CostLedger.SkuCounts counts : ledger.ownedCounts(index)) {
                int depreciating = counts.depreciating(day);
                if (depreciating == 0) {
                    continue;
                }
                Sku sku = counts.sku();
                double dailyMicros = sku.priceMicros() / (sku.depreciationMonths() * DAYS_PER_MONTH);
                double serverHours = share * depreciating * 24;
                long amount = Math.round(share * depreciating * dailyMicros);
                LineKind kind = clusterFields.get(index).depreciation(sku);
                long hourly = Math.round(dailyMicros / 24);
                line(
                        cluster,
                        pair,
                        kind,
                        day,
                        amount,
                        amount,
                        amount,
                        amount,
                        serverHours,
                        hourly,
                        hourly,
                        "",
                        written);
            }
            long powerAmount = Math.round(share * kilowattHours * site.kwhPriceMicros());
            line(
                    cluster,
                    pair,
                    clusterFields.get(index).power(),
                    day,
                    powerAmount,
                    powerAmount,
                    powerAmount,
                    powerAmount,
                    share * kilowattHours,
                    site.kwhPriceMicros(),
                    site.kwhPriceMicros(),
                    "",
                    written);
            long spaceAmount = Math.round(share * servers * site.spaceMicrosPerServerDay());
            line(
                    cluster,
                    pair,
                    clusterFields.get(index).space(),
                    day,
                    spaceAmount,
                    spaceAmount,
                    spaceAmount,
                    spaceAmount,
                    share * servers,
                    site.spaceMicrosPerServerDay(),
                    site.spaceMicrosPerServerDay(),
                    "",
                    written);
        }
    }

    private void cloudDay(Cluster cluster, int day, boolean written) {
        int index = cluster.index();
        Sku sku = catalog.cloudType(cluster.region().cloudProvider(), cluster.family());
        int reserved = ledger.reserved(index, day);
        int onDemand = ledger.onDemand(index, day);
        String commitment = ledger.commitment(index, day);
        LocalDate date = Timeline.date(day);
        if (reserved > 0 && date.getDayOfMonth() == 1 && written) {
            double hours = reserved * 24.0 * date.lengthOfMonth();
            long fee = Math.round(hours * sku.reservedHourlyMicros());
            line(
                    cluster,
                    null,
                    clusterFields.get(index).purchase(),
                    day,
                    fee,
                    0,
                    fee,
                    fee,
                    hours,
                    sku.reservedHourlyMicros(),
                    sku.reservedHourlyMicros(),
                    commitment,
                    true);
        }
        if (reserved + onDemand == 0) {
            return;
        }
        List<PairFields> pairs = pairsByCluster.get(index);
        double[] shares = shares(pairs, day);
        boolean allocated = shares.length > 0 && sum(shares) > 0;
        int lines = allocated ? pairs.size() : 1;
        for (int p = 0; p < lines; p++) {
            double share = allocated ? shares[p] : 1;
            if (share <= 0) {
                continue;
            }
            PairFields pair = allocated ? pairs.get(p) : null;
            if (reserved > 0) {
                double hours = share * reserved * 24;
                long effective = Math.round(hours * sku.reservedHourlyMicros());
                long list = Math.round(hours * sku.hourlyMicros());
                line(
                        cluster,
                        pair,
                        clusterFields.get(index).reservedUsage(),
                        day,
                        0,
                        effective,
                        list,
                        effective,
                        hours,
                        sku.hourlyMicros(),
                        sku.reservedHourlyMicros(),
                        commitment,
                        written);
            }
            if (onDemand > 0) {
                double hours = share * onDemand * 24;
                long cost = Math.round(hours * sku.hourlyMicros());
                line(
                        cluster,
                        pair,
                        clusterFields.get(index).onDemandUsage(),
                        day,
                        cost,
                        cost,
                        cost,
                        cost,
                        hours,
                        sku.hourlyMicros(),
                        sku.hourlyMicros(),
                        "",
                        written);
            }
        }
    }

    /** Each placement's share of the cluster's cost on {@code day}; empty when the cluster has no placements. */
    private double[] shares(List<PairFields> pairs, int day) {
        double[] shares = new double[pairs.size()];
        int counted = 0;
        for (Resource resource : Resource.values()) {
            double total = 0;
            for (PairFields pair : pairs) {
                total += pair.placement().allocated(resource, day);
            }
            if (total <= 0) {
                continue;
            }
            counted++;
            for (int p = 0; p < shares.length; p++) {
                shares[p] += pairs.get(p).placement().allocated(resource, day) / total;
            }
        }
        if (counted > 0) {
            for (int p = 0; p < shares.length; p++) {
                shares[p] /= counted;
            }
        }
        return shares;
    }

    private void line(
            Cluster cluster,
            @Nullable PairFields pair,
            LineKind kind,
            int day,
            long billed,
            long effective,
            long list,
            long contracted,
            double quantity,
            long listUnitPrice,
            long contractedUnitPrice,
            String commitment,
            boolean written) {
        if (effective == 0 && billed == 0) {
            return;
        }
        if (pair != null) {
            teamDaily[pair.team()][day - timeline.firstDay()] += effective;
        }
        if (!written) {
            return;
        }
        boolean tagged = pair != null
                && day >= pair.untaggedUntil()
                && (pair.alwaysTagged() || !(cluster.isCloud() && untaggedRandom.chance(0.01)));
        ClusterFields fields = clusterFields.get(cluster.index());
        Account account = fields.account();
        LocalDate date = Timeline.date(day);
        LocalDate monthStart = date.withDayOfMonth(1);
        LocalDate nextMonth = monthStart.plusMonths(1);
        int chargeStart = kind.monthly() ? Timeline.day(monthStart) : day;
        int chargeEnd = kind.monthly() ? Timeline.day(nextMonth) : day + 1;
        Columns c = columns;
        writer.micros(c.billed, billed)
                .micros(c.effective, effective)
                .micros(c.list, list)
                .micros(c.contracted, contracted)
                .text(c.currency, Account.USD)
                .text(c.accountId, account.id())
                .text(c.accountName, account.name())
                .timestamp(c.billingStart, Timeline.day(monthStart), 0)
                .timestamp(c.billingEnd, Timeline.day(nextMonth), 0)
                .timestamp(c.chargeStart, chargeStart, 0)
                .timestamp(c.chargeEnd, chargeEnd, 0)
                .text(c.category, kind.category())
                .text(c.description, kind.description())
                .text(c.frequency, kind.frequency())
                .number(c.consumedQuantity, quantity, 4)
                .text(c.consumedUnit, kind.unit())
                .micros(c.listUnitPrice, listUnitPrice)
                .micros(c.contractedUnitPrice, contractedUnitPrice)
                .number(c.pricingQuantity, quantity, 4)
                .text(c.pricingUnit, kind.unit())
                .text(c.pricingCategory, kind.pricingCategory())
                .text(c.invoiceIssuer, account.invoiceIssuer())
                .text(c.provider, account.provider())
                .text(c.regionId, fields.regionId())
                .text(c.regionName, fields.regionName())
                .text(c.resourceType, kind.resourceType())
                .text(c.serviceCategory, kind.serviceCategory())
                .text(c.serviceName, kind.serviceName())
                .text(c.skuId, kind.skuId());
        if (!commitment.isEmpty()) {
            writer.text(c.commitmentCategory, "Usage")
                    .text(c.commitmentId, commitment)
                    .text(c.commitmentType, account.commitmentType());
            if (!kind.monthly()) {
                writer.text(c.commitmentStatus, "Used");
            }
        }
        if (Timeline.day(nextMonth) - 1 <= timeline.lastDay()) {
            writer.text(c.invoiceId, invoice(account, monthStart));
        }
        if (pair != null) {
            writer.text(c.resourceId, pair.resourceId()).text(c.resourceName, pair.resourceName());
        } else {
            writer.text(c.resourceId, fields.clusterName());
        }
        if (pair != null && tagged) {
            writer.text(c.subAccountId, pair.subAccountId())
                    .text(c.subAccountName, pair.subAccountName())
                    .text(c.tags, pair.tags());
        } else {
            writer.text(c.subAccountId, SHARED_ACCOUNT)
                    .text(c.subAccountName, SHARED_ACCOUNT_NAME)
                    .text(c.tags, UNTAGGED);
        }
        writer.endRow();
    }

    private CsvField invoice(Account account, LocalDate month) {
        String key = account.prefix() + "-" + MONTH.format(month);
        return invoices.computeIfAbsent(key, text -> CsvField.of("INV-" + text));
    }

    private List<PlannedAnomaly> planAnomalies(Organization organization, RandomStream random) {
        List<PlannedAnomaly> planned = new ArrayList<>();
        int from = Math.max(timeline.firstDay() + 30, timeline.lastDay() - 330);
        int to = timeline.lastDay() - 2;
        if (from > to) {
            return planned;
        }
        int count = Math.max(3, (int) Math.round(teams.size() * 0.25));
        List<Cluster> cloudClusters =
                topology.clusters().stream().filter(Cluster::isCloud).toList();
        for (int k = 0; k < count; k++) {
            Service service = random.pick(organization.services());
            int day = random.integer(from, to);
            boolean taken = planned.stream()
                    .anyMatch(other -> other.service().team().equals(service.team()) && other.day() == day);
            if (taken) {
                continue;
            }
            Cluster host = cloudClusters.get(0);
            for (Placement placement : demand.placements()) {
                if (placement.service().index() == service.index()) {
                    for (Cluster cloud : cloudClusters) {
                        if (cloud.region().equals(placement.cluster().region())) {
                            host = cloud;
                        }
                    }
                    break;
                }
            }
            planned.add(
                    new PlannedAnomaly(service, day, host, random.uniform(2.5, 5.0), random.pick(ANOMALY_CAUSES), k));
        }
        planned.sort(Comparator.comparingInt(PlannedAnomaly::day).thenComparingInt(PlannedAnomaly::sequence));
        return planned;
    }

    private CostAnomaly anomaly(PlannedAnomaly planned) {
        Service service = planned.service();
        int team = teamIndex.getOrDefault(service.team(), 0);
        int day = planned.day();
        long normal = teamDaily[team][day - timeline.firstDay()];
        long amount = Math.max(500_000_000L, Math.round(planned.factor() * normal));
        Cluster cluster = planned.cluster();
        Sku sku = catalog.cloudType(cluster.region().cloudProvider(), Family.STORAGE);
        double hours = amount / (double) sku.hourlyMicros();
        Placement placement = demand.placements().stream()
                .filter(candidate -> candidate.service().index() == service.index())
                .findFirst()
                .orElseThrow();
        PairFields pair = new PairFields(
                placement,
                team,
                CsvField.of(cluster.name() + "/" + service.name() + "-" + planned.sequence()),
                CsvField.of(service.name() + " (" + planned.cause() + ")"),
                CsvField.of("{\"team\":\"" + service.team() + "\",\"service\":\"" + service.name() + "\"}"),
                CsvField.of("acct-" + service.team()),
                CsvField.of(service.team()),
                Integer.MIN_VALUE,
                true);
        line(
                cluster,
                pair,
                LineKind.onDemandUsage(sku),
                day,
                amount,
                amount,
                amount,
                amount,
                hours,
                sku.hourlyMicros(),
                sku.hourlyMicros(),
                "",
                true);
        return new CostAnomaly(service.team(), day, service.name(), cluster.name(), amount, normal, planned.cause());
    }

    private Account account(Provider provider) {
        Account account = accounts.get(provider);
        if (account == null) {
            throw new IllegalStateException("no billing account for " + provider);
        }
        return account;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    private record PlannedAnomaly(
            Service service, int day, Cluster cluster, double factor, String cause, int sequence) {}
}
