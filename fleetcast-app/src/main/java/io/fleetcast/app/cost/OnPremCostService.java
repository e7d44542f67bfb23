package io.fleetcast.app.cost;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.planning.cost.OnPremCostModel;
import io.fleetcast.planning.utilization.UnitRates;
import io.fleetcast.store.CostQueries;
import io.fleetcast.store.cost.CapacityDay;
import io.fleetcast.store.cost.OwnedServerDay;
import io.fleetcast.store.utilization.SkuPrice;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a month of owned servers' costs as FOCUS cost lines ({@link OnPremCostModel}), ready for {@code fleetcast
 * ingest costs}, and the unit rates of each owned SKU at each site. Lines carry a {@code service} tag, so the services
 * file names their team; capacity nothing is allocated on carries the team tag {@value #IDLE_TEAM}, under the
 * cluster's name. All lines are
 * billed to the account {@value #ACCOUNT} of provider {@value #PROVIDER} for the month, so loading a month again
 * replaces it.
 */
public final class OnPremCostService {
    /** The provider named on the lines. */
    public static final String PROVIDER = "On-Premises";
    /**
     * The team tag of capacity nothing is allocated on: its own row in the report, which {@code --shared
     * idle-capacity=usage} (or another rule) spreads over the teams.
     */
    public static final String IDLE_TEAM = "idle-capacity";
    /** The billing account the lines are billed to. */
    public static final String ACCOUNT = "fleetcast-onprem";

    private static final String HEADER = "BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency,"
            + "BillingAccountId,BillingAccountName,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,"
            + "ChargeCategory,ChargeDescription,ConsumedQuantity,ConsumedUnit,PricingCategory,ProviderName,RegionId,"
            + "ResourceId,ResourceName,ServiceCategory,ServiceName,SkuId,Tags";

    private final CostQueries queries;

    public OnPremCostService(CostQueries queries) {
        this.queries = requireNonNull(queries, "queries is null");
    }

    /**
     * What was written.
     *
     * @param file the cost lines
     * @param lines how many
     * @param total their total, exact
     * @param unitRates each owned SKU's unit rates at each site it is in service at, everything included
     */
    public record Result(Path file, long lines, BigDecimal total, List<UnitRate> unitRates) {}

    /** An owned SKU's month of one unit of each resource at a site, in the rates' currency. */
    public record UnitRate(String sku, String site, double perCoreMonth, double perGibMonth, double perTbMonth) {
        /** Per core-hour, a month being 730.485 hours. */
        public double perCoreHour() {
            return perCoreMonth / (OnPremCostModel.DAYS_PER_MONTH * 24);
        }

        /** Per GiB-hour. */
        public double perGibHour() {
            return perGibMonth / (OnPremCostModel.DAYS_PER_MONTH * 24);
        }
    }

    /**
     * Writes {@code month}'s lines to {@code out} (replaced if it exists), from the stored assets, SKU catalog and daily
     * usage, with the sites' rates read from {@code siteRates}.
     *
     * @throws FleetcastException {@code BAD_INPUT} when the rates file is malformed (naming its line), a site with owned
     *     servers has no rates, or there are no owned servers in the month
     */
    public Result write(YearMonth month, Path siteRates, Path out) {
        Map<String, OnPremCostModel.SiteRates> rates = readSiteRates(siteRates);
        Map<String, OnPremCostModel.OwnedSku> skus = ownedSkus(queries);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<String, Map<LocalDate, List<OnPremCostModel.Servers>>> servers = new TreeMap<>();
        Map<String, String[]> placeOfCluster = new HashMap<>();
        Map<String, Map<String, OnPremCostModel.OwnedSku>> skusAtSite = new TreeMap<>();
        for (OwnedServerDay day : queries.ownedServerDays(from, to)) {
            OnPremCostModel.OwnedSku sku = requireNonNull(skus.get(day.sku()), day.sku());
            servers.computeIfAbsent(day.cluster(), c -> new TreeMap<>())
                    .computeIfAbsent(day.day(), d -> new ArrayList<>())
                    .add(new OnPremCostModel.Servers(sku, day.inService(), day.depreciating()));
            placeOfCluster.put(day.cluster(), new String[] {day.site(), day.region()});
            skusAtSite.computeIfAbsent(day.site(), s -> new TreeMap<>()).put(sku.sku(), sku);
        }
        if (servers.isEmpty()) {
            throw FleetcastException.badInput(
                    "no owned servers are in service in " + month + ": load assets and the SKU catalog first");
        }
        for (String site : skusAtSite.keySet()) {
            if (!rates.containsKey(site)) {
                throw FleetcastException.badInput(
                        siteRates + ": no rates for site " + site + ", which has owned servers");
            }
        }
        Map<String, Map<LocalDate, Map<String, double[]>>> allocations = new HashMap<>();
        for (CapacityDay day : queries.allocationDays(from, to)) {
            allocations
                    .computeIfAbsent(day.cluster(), c -> new HashMap<>())
                    .computeIfAbsent(day.day(), d -> new TreeMap<>())
                    .put(day.service(), new double[] {day.cores(), day.memoryGib(), day.storageTb()});
        }
        long lines = 0;
        BigDecimal total = BigDecimal.ZERO;
        try (BufferedWriter writer = Files.newBufferedWriter(out, UTF_8)) {
            writer.write(HEADER);
            writer.write('\n');
            for (Map.Entry<String, Map<LocalDate, List<OnPremCostModel.Servers>>> cluster : servers.entrySet()) {
                String[] place = requireNonNull(placeOfCluster.get(cluster.getKey()));
                OnPremCostModel.SiteRates site = requireNonNull(rates.get(place[0]));
                for (Map.Entry<LocalDate, List<OnPremCostModel.Servers>> day :
                        cluster.getValue().entrySet()) {
                    Map<String, double[]> allocated =
                            allocations.getOrDefault(cluster.getKey(), Map.of()).getOrDefault(day.getKey(), Map.of());
                    for (OnPremCostModel.Line line : OnPremCostModel.clusterDay(site, day.getValue(), allocated)) {
                        writer.write(csv(month, day.getKey(), cluster.getKey(), place, site, line));
                        lines++;
                        total = total.add(line.amount());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + out, e);
        }
        List<UnitRate> unitRates = new ArrayList<>();
        skusAtSite.forEach((site, atSite) -> atSite.values().forEach(sku -> {
            UnitRates r = OnPremCostModel.unitRates(sku, requireNonNull(rates.get(site)));
            unitRates.add(new UnitRate(sku.sku(), site, r.usdPerCoreMonth(), r.usdPerGibMonth(), r.usdPerTbMonth()));
        }));
        return new Result(out, lines, total, unitRates);
    }

    /**
     * The catalog's owned SKUs by name, as the cost model reads them.
     *
     * @throws FleetcastException {@code BAD_INPUT} when an owned SKU lacks its price, depreciation months or power
     */
    static Map<String, OnPremCostModel.OwnedSku> ownedSkus(CostQueries queries) {
        Map<String, OnPremCostModel.OwnedSku> skus = new TreeMap<>();
        for (SkuPrice sku : queries.ownedSkus()) {
            BigDecimal price = sku.priceUsd();
            Long months = sku.depreciationMonths();
            Double watts = sku.powerWatts();
            if (price == null || months == null || watts == null) {
                throw FleetcastException.badInput("owned SKU " + sku.sku()
                        + " has no price, depreciation months or power in the catalog; the cost model needs all three");
            }
            skus.put(
                    sku.sku(),
                    new OnPremCostModel.OwnedSku(
                            sku.sku(),
                            sku.cores(),
                            sku.memoryGib(),
                            sku.storageTb(),
                            price.doubleValue(),
                            months.intValue(),
                            watts));
        }
        return skus;
    }

    static String csv(
            YearMonth month,
            LocalDate day,
            String cluster,
            String[] place,
            OnPremCostModel.SiteRates site,
            OnPremCostModel.Line line) {
        String amount = line.amount().toPlainString();
        String description;
        String unit;
        String category;
        String serviceName;
        String skuId;
        switch (line.component()) {
            case DEPRECIATION -> {
                description = "Depreciation of " + line.sku() + " servers";
                unit = "Hours";
                category = "Compute";
                serviceName = "Datacenter Servers";
                skuId = String.valueOf(line.sku());
            }
            case POWER -> {
                description = String.format(Locale.ROOT, "Electricity incl. cooling (PUE %s)", site.pue());
                unit = "kWh";
                category = "Other";
                serviceName = "Datacenter Power";
                skuId = "power-" + site.site();
            }
            case SPACE -> {
                description = "Rack space and facilities";
                unit = "Server-Days";
                category = "Other";
                serviceName = "Datacenter Space";
                skuId = "space-" + site.site();
            }
            case NETWORK -> {
                description = "Network";
                unit = "Server-Days";
                category = "Networking";
                serviceName = "Datacenter Network";
                skuId = "network-" + site.site();
            }
            default -> throw new IllegalStateException(line.component().name());
        }
        String service = line.service();
        String tags = service == null
                ? "{\"team\":\"" + IDLE_TEAM + "\"}"
                : "{\"service\":\"" + service.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return String.join(
                        ",",
                        List.of(
                                        amount,
                                        amount,
                                        amount,
                                        amount,
                                        "USD",
                                        ACCOUNT,
                                        "owned datacenters",
                                        month.atDay(1) + "T00:00:00Z",
                                        month.plusMonths(1).atDay(1) + "T00:00:00Z",
                                        day + "T00:00:00Z",
                                        day.plusDays(1) + "T00:00:00Z",
                                        "Usage",
                                        description,
                                        String.format(Locale.ROOT, "%.4f", line.quantity()),
                                        unit,
                                        "Standard",
                                        PROVIDER,
                                        place[1],
                                        service == null ? cluster : cluster + "/" + service,
                                        service == null ? cluster : service,
                                        category,
                                        serviceName,
                                        skuId,
                                        tags)
                                .stream()
                                .map(OnPremCostService::field)
                                .toList())
                + "\n";
    }

    /** A CSV field, quoted when it holds a comma, a quote or a line break. */
    private static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0) {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /**
     * Reads a site rates file: {@code site,usd_per_kwh,pue,space_per_server_day,network_per_server_day} (the last
     * optional, default 0), one row per site.
     *
     * @throws FleetcastException {@code BAD_INPUT} naming the file and line of a malformed row
     */
    static Map<String, OnPremCostModel.SiteRates> readSiteRates(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, UTF_8);
        } catch (IOException e) {
            throw FleetcastException.badInput(file + ": cannot be read: " + e.getMessage());
        }
        String expected = "site,usd_per_kwh,pue,space_per_server_day";
        if (lines.isEmpty() || !lines.get(0).trim().startsWith(expected)) {
            throw FleetcastException.badInput(
                    file + ":1: the header must be " + expected + "[,network_per_server_day]");
        }
        Map<String, OnPremCostModel.SiteRates> rates = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (text.isEmpty()) {
                continue;
            }
            List<String> fields = Splitter.on(',').trimResults().splitToList(text);
            try {
                if (fields.size() < 4 || fields.size() > 5 || fields.get(0).isEmpty()) {
                    throw new IllegalArgumentException("expected 4 or 5 fields, got " + fields.size());
                }
                OnPremCostModel.SiteRates site = new OnPremCostModel.SiteRates(
                        fields.get(0),
                        number(fields, 1, "usd_per_kwh"),
                        number(fields, 2, "pue"),
                        number(fields, 3, "space_per_server_day"),
                        fields.size() == 5 && !fields.get(4).isEmpty()
                                ? number(fields, 4, "network_per_server_day")
                                : 0);
                if (rates.put(site.site(), site) != null) {
                    throw new IllegalArgumentException("site " + site.site() + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw FleetcastException.badInput(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return rates;
    }

    private static double number(List<String> fields, int index, String column) {
        try {
            return Double.parseDouble(fields.get(index));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " must be a number, not '" + fields.get(index) + "'", e);
        }
    }
}
