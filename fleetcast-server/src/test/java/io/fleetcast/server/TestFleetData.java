package io.fleetcast.server;

import static io.fleetcast.server.TestApps.write;

import io.fleetcast.app.FleetcastApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A small, deterministic fleet for the server's tests: two regions, four sites, six clusters, four services, a few
 * dozen servers installed over 2024 and 2025 (some failed, some retired), and a year of daily usage (2025) of every
 * resource. No random numbers: every value follows from its indices, so tests can recompute what they expect.
 */
final class TestFleetData {
    static final LocalDate FIRST_USAGE_DAY = LocalDate.parse("2025-01-01");
    static final LocalDate AS_OF = LocalDate.parse("2025-12-31");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T09:00:00Z"), ZoneOffset.UTC);

    /** A cluster, where it is, and the SKU its servers are. */
    record Cluster(String name, String site, String region, String siteKind, String sku, int servers) {}

    /** One generated server. */
    record Asset(
            String id,
            Cluster cluster,
            LocalDate install,
            @Nullable LocalDate failure,
            @Nullable LocalDate retire) {
        boolean inServiceOn(LocalDate day) {
            LocalDate leave = failure != null ? failure : retire;
            return !install.isAfter(day) && (leave == null || leave.isAfter(day));
        }
    }

    record Sku(String name, String kind, int cores, double memoryGib, double storageTb) {}

    static final List<Sku> SKUS = List.of(
            new Sku("gen6-compute", "owned", 64, 512, 3.84),
            new Sku("gen7-storage", "owned", 32, 256, 61.44),
            new Sku("m7.4xlarge", "cloud", 16, 64, 0));

    static final List<Cluster> CLUSTERS = List.of(
            new Cluster("ash-c1", "dc-ash", "us-east", "datacenter", "gen6-compute", 14),
            new Cluster("ash-c2", "dc-ash", "us-east", "datacenter", "gen7-storage", 8),
            new Cluster("chi-c1", "dc-chi", "us-east", "datacenter", "gen6-compute", 10),
            new Cluster("use-cloud", "aws-us-east-1", "us-east", "cloud", "m7.4xlarge", 6),
            new Cluster("fra-c1", "dc-fra", "eu-west", "datacenter", "gen6-compute", 9),
            new Cluster("euw-cloud", "aws-eu-west-1", "eu-west", "cloud", "m7.4xlarge", 5));

    static final List<String> SERVICES = List.of("checkout", "search", "billing", "analytics");

    private TestFleetData() {}

    static Sku sku(String name) {
        return SKUS.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Every server: installed over 2024-03..2025-11; every 7th fails, every 9th retires, both before {@link #AS_OF}. */
    static List<Asset> assets() {
        List<Asset> assets = new ArrayList<>();
        int n = 0;
        for (Cluster cluster : CLUSTERS) {
            for (int i = 0; i < cluster.servers(); i++, n++) {
                LocalDate install = LocalDate.parse("2024-03-01").plusDays((n * 53L) % 620);
                LocalDate failure = n % 7 == 3 ? install.plusDays(40 + (n * 13L) % 200) : null;
                LocalDate retire = failure == null && n % 9 == 5 ? install.plusDays(60 + (n * 17L) % 150) : null;
                if (failure != null && failure.isAfter(AS_OF)) {
                    failure = null;
                }
                if (retire != null && retire.isAfter(AS_OF)) {
                    retire = null;
                }
                assets.add(new Asset(cluster.name() + "-" + (i + 1), cluster, install, failure, retire));
            }
        }
        return assets;
    }

    /** The servers in service on {@code day} that {@code filter} keeps, counted from the generated list. */
    static long serversInService(LocalDate day, Predicate<Asset> filter) {
        return assets().stream().filter(a -> a.inServiceOn(day)).filter(filter).count();
    }

    /** The generated servers of {@code site}. */
    static Predicate<Asset> inSite(String site) {
        return asset -> asset.cluster().site().equals(site);
    }

    /** The generated servers of {@code cluster}. */
    static Predicate<Asset> inCluster(String cluster) {
        return asset -> asset.cluster().name().equals(cluster);
    }

    /**
     * How the generated servers that {@code filter} keeps changed from {@code first} to {@code last}, as
     * {@code opening installed failed retired closing}, each {@code servers/capacity} with the capacity rounded.
     */
    static String changes(
            LocalDate first, LocalDate last, Predicate<Asset> filter, ToDoubleFunction<Sku> capacityPerServer) {
        List<Asset> assets = assets().stream().filter(filter).toList();
        List<Predicate<Asset>> flows = List.of(
                asset -> asset.inServiceOn(first.minusDays(1)),
                asset -> within(asset.install(), first, last),
                asset -> within(asset.failure(), first, last),
                asset -> within(asset.retire(), first, last),
                asset -> asset.inServiceOn(last));
        return flows.stream()
                .map(flow -> {
                    List<Asset> counted = assets.stream().filter(flow).toList();
                    double capacity = counted.stream()
                            .mapToDouble(asset -> capacityPerServer.applyAsDouble(
                                    sku(asset.cluster().sku())))
                            .sum();
                    return counted.size() + "/" + Math.round(capacity);
                })
                .collect(Collectors.joining(" "));
    }

    private static boolean within(@Nullable LocalDate day, LocalDate first, LocalDate last) {
        return day != null && !day.isBefore(first) && !day.isAfter(last);
    }

    /** The services running on {@code cluster}: two or three of them, by position. */
    static List<String> servicesOn(int clusterIndex) {
        List<String> services = new ArrayList<>();
        for (int s = 0; s < SERVICES.size(); s++) {
            if ((clusterIndex + s) % 4 != 3) {
                services.add(SERVICES.get(s));
            }
        }
        return services;
    }

    /** Writes skus, assets, services and a year of daily usage as CSV files into {@code folder}. */
    static void writeFiles(Path folder) {
        List<String> skus = new ArrayList<>();
        skus.add("sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,"
                + "power_watts,depreciation_months,lifetime_months");
        for (Sku sku : SKUS) {
            boolean owned = sku.kind().equals("owned");
            skus.add(String.join(
                    ",",
                    sku.name(),
                    sku.kind(),
                    "test " + sku.kind(),
                    Integer.toString(sku.cores()),
                    number(sku.memoryGib()),
                    number(sku.storageTb()),
                    owned ? "15000.00" : "",
                    owned ? "" : "0.8064",
                    owned ? "" : "0.5080",
                    owned ? "450" : "",
                    owned ? "60" : "",
                    owned ? "72" : ""));
        }
        write(folder.resolve("skus.csv"), skus);

        List<String> assets = new ArrayList<>();
        assets.add("asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,"
                + "retire_date");
        for (Asset asset : assets()) {
            Cluster cluster = asset.cluster();
            boolean cloud = cluster.siteKind().equals("cloud");
            assets.add(String.join(
                    ",",
                    asset.id(),
                    cluster.sku(),
                    cluster.region(),
                    cluster.site(),
                    cluster.siteKind(),
                    cluster.name(),
                    cloud ? "" : "r" + (asset.id().hashCode() & 7),
                    asset.install().getYear() + "Q" + ((asset.install().getMonthValue() - 1) / 3 + 1),
                    cloud ? "on_demand" : "owned",
                    asset.install().toString(),
                    asset.failure() == null ? "" : asset.failure().toString(),
                    asset.retire() == null ? "" : asset.retire().toString()));
        }
        write(folder.resolve("assets.csv"), assets);

        List<String> services = new ArrayList<>();
        services.add("service,team,org,tier");
        for (String service : SERVICES) {
            services.add(service + ",team-" + service + ",commerce,standard");
        }
        write(folder.resolve("services.csv"), services);

        List<String> usage = new ArrayList<>();
        usage.add("ts,grain,service,cluster,resource,unit,used,allocated");
        for (int c = 0; c < CLUSTERS.size(); c++) {
            Cluster cluster = CLUSTERS.get(c);
            Sku sku = sku(cluster.sku());
            for (String service : servicesOn(c)) {
                double share = 0.08 + 0.03 * ((c + service.length()) % 4);
                for (LocalDate day = FIRST_USAGE_DAY; !day.isAfter(AS_OF); day = day.plusDays(1)) {
                    int d = (int) (day.toEpochDay() - FIRST_USAGE_DAY.toEpochDay());
                    double weekly = 1 + 0.15 * Math.sin(2 * Math.PI * d / 7.0);
                    double trend = 1 + 0.5 * d / 365.0;
                    double servers = cluster.servers() * share * trend * weekly;
                    usage.add(row(day, service, cluster, "cpu", "cores", servers * sku.cores()));
                    usage.add(row(day, service, cluster, "memory", "GiB", servers * sku.memoryGib()));
                    if (sku.storageTb() > 0) {
                        usage.add(row(day, service, cluster, "storage", "TB", servers * sku.storageTb()));
                    }
                }
            }
        }
        write(folder.resolve("usage.csv"), usage);
    }

    private static String row(
            LocalDate day, String service, Cluster cluster, String resource, String unit, double used) {
        return String.join(
                ",", day.toString(), "day", service, cluster.name(), resource, unit, number(used), number(used * 1.4));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** An application on a new store in {@code folder}, loaded with this fleet. */
    static FleetcastApp loadedApp(Path folder) {
        return TestApps.loadedApp(folder, TestFleetData::writeFiles);
    }
}
