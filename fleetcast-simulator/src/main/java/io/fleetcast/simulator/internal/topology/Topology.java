package io.fleetcast.simulator.internal.topology;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.catalog.Family;
import io.fleetcast.simulator.internal.catalog.Provider;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The regions, sites and clusters of the simulated fleet. About 15% of the servers are cloud instances; owned
 * clusters hold about 300 servers each (55% compute, 20% storage-heavy, the rest memory-heavy); cloud clusters about
 * 150 instances. Some clusters exist before the history starts, the others are built during it.
 */
public final class Topology {
    /** Share of the fleet held as cloud instances. */
    public static final double CLOUD_SHARE = 0.15;

    private static final int SERVERS_PER_OWNED_CLUSTER = 300;
    private static final int INSTANCES_PER_CLOUD_CLUSTER = 150;
    private static final int CLUSTERS_PER_DATACENTER = 6;
    private static final List<Region> REGIONS = List.of(
            new Region("us-east", -5, Area.AMERICAS, Provider.AWS, "us-east-1", 85_000),
            new Region("eu-west", 0, Area.EUROPE, Provider.AWS, "eu-west-1", 170_000),
            new Region("ap-southeast", 8, Area.ASIA_PACIFIC, Provider.GOOGLE_CLOUD, "asia-southeast1", 130_000),
            new Region("us-west", -8, Area.AMERICAS, Provider.AWS, "us-west-2", 92_000),
            new Region("eu-central", 1, Area.EUROPE, Provider.GOOGLE_CLOUD, "europe-west3", 190_000),
            new Region("ap-northeast", 9, Area.ASIA_PACIFIC, Provider.GOOGLE_CLOUD, "asia-northeast1", 150_000));

    private final ImmutableList<Region> regions;
    private final ImmutableList<Site> sites;
    private final ImmutableList<Cluster> clusters;

    private Topology(List<Region> regions, List<Site> sites, List<Cluster> clusters) {
        this.regions = ImmutableList.copyOf(regions);
        this.sites = ImmutableList.copyOf(sites);
        this.clusters = ImmutableList.copyOf(clusters);
    }

    /** Regions with at least one cluster, in table order. */
    public ImmutableList<Region> regions() {
        return regions;
    }

    public ImmutableList<Site> sites() {
        return sites;
    }

    /** Every cluster; owned clusters first, then cloud ones. {@link Cluster#index()} is the position here. */
    public ImmutableList<Cluster> clusters() {
        return clusters;
    }

    /** The topology of a fleet of about {@code servers} servers and instances. */
    public static Topology build(int servers, Timeline timeline, RandomStream random) {
        checkArgument(servers >= 2, "servers must be >= 2, got %s", servers);
        requireNonNull(timeline, "timeline is null");
        int cloudUnits = Math.max(1, (int) Math.round(servers * CLOUD_SHARE));
        int ownedUnits = servers - cloudUnits;
        int regionCount = (int) Math.max(1, Math.min(REGIONS.size(), Math.round(log2(servers / 250.0))));
        List<Region> regions = REGIONS.subList(0, regionCount);

        int ownedClusters = Math.max(2, (int) Math.round(ownedUnits / (double) SERVERS_PER_OWNED_CLUSTER));
        List<Family> families = ownedFamilies(ownedClusters, random.derive("families"));
        int cloudClusters = Math.max(1, (int) Math.round(cloudUnits / (double) INSTANCES_PER_CLOUD_CLUSTER));

        RandomStream sizes = random.derive("sizes");
        double[] ownedTargets = split(ownedUnits, ownedClusters, sizes);
        double[] cloudTargets = split(cloudUnits, cloudClusters, sizes);
        RandomStream builds = random.derive("builds");
        int[] ownedBuilds = new int[ownedClusters];
        for (int i = 0; i < ownedClusters; i++) {
            boolean firstOfFamily = families.indexOf(families.get(i)) == i;
            ownedBuilds[i] = buildDay(timeline, firstOfFamily || builds.chance(0.6), builds);
        }
        int[] cloudBuilds = new int[cloudClusters];
        for (int i = 0; i < cloudClusters; i++) {
            cloudBuilds[i] = buildDay(timeline, i == 0 || builds.chance(0.5), builds);
        }
        boolean[] designed = designedClusters(ownedBuilds, families, timeline, random.derive("designed"));

        // Owned clusters go round-robin over regions, then each region's clusters fill datacenters of up to six.
        List<List<Integer>> ownedByRegion = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            ownedByRegion.add(new ArrayList<>());
        }
        for (int i = 0; i < ownedClusters; i++) {
            ownedByRegion.get(i % regions.size()).add(i);
        }
        RandomStream facilities = random.derive("facilities");
        List<Site> sites = new ArrayList<>();
        Cluster[] owned = new Cluster[ownedClusters];
        for (int r = 0; r < regions.size(); r++) {
            Region region = regions.get(r);
            List<Integer> members = ownedByRegion.get(r);
            int datacenters = Math.max(1, (members.size() + CLUSTERS_PER_DATACENTER - 1) / CLUSTERS_PER_DATACENTER);
            List<Site> regionSites = new ArrayList<>();
            for (int d = 0; d < datacenters; d++) {
                double priceFactor = facilities.uniform(0.9, 1.15);
                regionSites.add(new Site(
                        region.name() + "-dc" + (d + 1),
                        region,
                        Provider.ON_PREMISES,
                        Math.round(facilities.uniform(1.2, 1.55) * 100) / 100.0,
                        Math.round(region.kwhPriceMicros() * priceFactor / 100.0) * 100,
                        Math.round(facilities.uniform(1.2, 2.6) * 100) * 10_000L));
            }
            sites.addAll(regionSites);
            int[] perSite = new int[datacenters];
            for (int m = 0; m < members.size(); m++) {
                int i = members.get(m);
                Site site = regionSites.get(m % datacenters);
                int number = ++perSite[m % datacenters];
                int orderUnit = (int) Math.max(1, Math.min(20, Math.round(ownedTargets[i] / 12)));
                owned[i] = new Cluster(
                        i,
                        site.name() + "-c" + twoDigits(number),
                        site,
                        families.get(i),
                        ownedBuilds[i],
                        ownedTargets[i],
                        orderUnit,
                        designed[i]);
            }
        }
        List<Cluster> clusters = new ArrayList<>(List.of(owned));
        List<Site> cloudSites = new ArrayList<>();
        int[] perCloudSite = new int[regions.size()];
        for (int c = 0; c < cloudClusters; c++) {
            int r = c % regions.size();
            Region region = regions.get(r);
            if (perCloudSite[r] == 0) {
                cloudSites.add(new Site(
                        region.cloudProvider().prefix() + "-" + region.cloudRegionId(),
                        region,
                        region.cloudProvider(),
                        1,
                        0,
                        0));
            }
            Site site = cloudSites.stream()
                    .filter(candidate -> candidate.region().equals(region))
                    .findFirst()
                    .orElseThrow();
            int number = ++perCloudSite[r];
            Family family = c % 3 == 2 ? Family.MEMORY : Family.COMPUTE;
            clusters.add(new Cluster(
                    ownedClusters + c,
                    site.name() + "-k" + twoDigits(number),
                    site,
                    family,
                    cloudBuilds[c],
                    cloudTargets[c],
                    1,
                    false));
        }
        sites.addAll(cloudSites);
        List<Region> used = new ArrayList<>();
        for (Region region : regions) {
            if (sites.stream().anyMatch(site -> site.region().equals(region))) {
                used.add(region);
            }
        }
        return new Topology(used, sites, clusters);
    }

    private static List<Family> ownedFamilies(int count, RandomStream random) {
        int compute = Math.max(1, (int) Math.round(count * 0.55));
        int storage = Math.min(count - compute, (int) Math.round(count * 0.2));
        int memory = count - compute - storage;
        List<Family> families = new ArrayList<>();
        for (int i = 0; i < compute; i++) {
            families.add(Family.COMPUTE);
        }
        for (int i = 0; i < memory; i++) {
            families.add(Family.MEMORY);
        }
        for (int i = 0; i < storage; i++) {
            families.add(Family.STORAGE);
        }
        // The first cluster stays a compute cluster; the rest are shuffled with the seed.
        List<Family> rest = families.subList(1, families.size());
        for (int i = rest.size() - 1; i > 0; i--) {
            Collections.swap(rest, i, random.integer(0, i));
        }
        return families;
    }

    private static double[] split(int units, int parts, RandomStream random) {
        double[] weights = new double[parts];
        double total = 0;
        for (int i = 0; i < parts; i++) {
            weights[i] = random.uniform(0.7, 1.3);
            total += weights[i];
        }
        for (int i = 0; i < parts; i++) {
            weights[i] = Math.max(1.5, units * weights[i] / total);
        }
        return weights;
    }

    /** Before the history (up to about 4.7 years earlier) or, when the history is long enough, during it. */
    private static int buildDay(Timeline timeline, boolean beforeHistory, RandomStream random) {
        int first = timeline.firstDay();
        int last = timeline.lastDay();
        if (beforeHistory || last - first < 300) {
            return first - random.integer(60, 1700);
        }
        return random.integer(first + 30, last - 200);
    }

    /** About a quarter of owned clusters (at least one), among those old enough to have grown into trouble. */
    private static boolean[] designedClusters(
            int[] builds, List<Family> families, Timeline timeline, RandomStream random) {
        boolean[] designed = new boolean[builds.length];
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < builds.length; i++) {
            if (builds[i] <= timeline.lastDay() - 540 && families.get(i) != Family.STORAGE) {
                candidates.add(i);
            }
        }
        int count = Math.min(candidates.size(), Math.max(1, (int) Math.round(builds.length * 0.25)));
        for (int n = 0; n < count; n++) {
            int pick = random.integer(0, candidates.size() - 1);
            designed[candidates.remove(pick)] = true;
        }
        return designed;
    }

    private static double log2(double value) {
        return StrictMath.log(value) / StrictMath.log(2);
    }

    private static String twoDigits(int number) {
        return String.format(Locale.ROOT, "%02d", number);
    }
}
