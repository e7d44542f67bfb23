package io.fleetcast.simulator.internal.catalog;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.failure.WeibullLife;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every SKU of the simulated fleet. Owned hardware comes in generations two years apart, the newest introduced about
 * seven months before the end of the history; each older generation has fewer cores, less memory and storage, and a
 * lower price. Each owned SKU has its own Weibull life: shape β in [1.2, 2.4] (wear-out), scale η in [3000, 7000]
 * days, drawn from the seed.
 */
public final class SkuCatalog {
    private static final int GENERATION_DAYS = 730;
    private static final int NEWEST_INTRODUCED_DAYS_BEFORE_END = 210;
    private static final long MICROS = 1_000_000L;

    private final ImmutableList<Sku> owned;
    private final ImmutableList<Sku> cloud;

    private SkuCatalog(List<Sku> owned, List<Sku> cloud) {
        this.owned = ImmutableList.copyOf(owned);
        this.cloud = ImmutableList.copyOf(cloud);
    }

    /** The catalogue for {@code timeline}, with SKU lives drawn from {@code random}. */
    public static SkuCatalog build(Timeline timeline, RandomStream random) {
        requireNonNull(timeline, "timeline is null");
        int newest = timeline.lastDay() - NEWEST_INTRODUCED_DAYS_BEFORE_END;
        int generations = (newest - timeline.earliestDay()) / GENERATION_DAYS + 1;
        List<Sku> owned = new ArrayList<>();
        for (int age = generations - 1; age >= 0; age--) {
            int introduced = newest - age * GENERATION_DAYS;
            int year = Timeline.date(introduced).getYear();
            for (Family family : Family.values()) {
                owned.add(ownedSku(family, age, introduced, year, random.derive(family.code() + "-" + year)));
            }
        }
        List<Sku> cloud = new ArrayList<>();
        int always = timeline.earliestDay();
        cloud.add(cloudSku(
                "m6id.4xlarge", Provider.AWS, Family.COMPUTE, 16, 64, 0.95, "0.9492", "0.5980", always, "general"));
        cloud.add(cloudSku(
                "r6id.4xlarge", Provider.AWS, Family.MEMORY, 16, 128, 0.95, "1.2096", "0.7620", always, "memory"));
        cloud.add(cloudSku(
                "m6id.16xlarge", Provider.AWS, Family.STORAGE, 64, 256, 3.8, "3.7968", "2.3920", always, "large"));
        cloud.add(cloudSku(
                "n2-standard-16",
                Provider.GOOGLE_CLOUD,
                Family.COMPUTE,
                16,
                64,
                0.75,
                "0.7769",
                "0.4894",
                always,
                "general"));
        cloud.add(cloudSku(
                "n2-highmem-16",
                Provider.GOOGLE_CLOUD,
                Family.MEMORY,
                16,
                128,
                0.75,
                "1.0483",
                "0.6604",
                always,
                "memory"));
        cloud.add(cloudSku(
                "n2-standard-64",
                Provider.GOOGLE_CLOUD,
                Family.STORAGE,
                64,
                256,
                3.0,
                "3.1075",
                "1.9577",
                always,
                "large"));
        return new SkuCatalog(owned, cloud);
    }

    /** Owned SKUs, oldest generation first. */
    public ImmutableList<Sku> owned() {
        return owned;
    }

    /** Cloud instance types. */
    public ImmutableList<Sku> cloud() {
        return cloud;
    }

    /** Every SKU: owned, then cloud. */
    public ImmutableList<Sku> all() {
        return ImmutableList.<Sku>builder().addAll(owned).addAll(cloud).build();
    }

    /** The newest owned SKU of {@code family} that can be ordered on {@code day} (the oldest if none yet). */
    public Sku currentOwned(Family family, int day) {
        Sku current = null;
        for (Sku sku : owned) {
            // owned is ordered oldest first: the first match is the fallback, later available ones replace it.
            if (sku.family() == family && (current == null || sku.availableFromDay() <= day)) {
                current = sku;
            }
        }
        if (current == null) {
            throw new IllegalStateException("no owned SKU of family " + family);
        }
        return current;
    }

    /**
     * The cloud instance type of {@code provider} for {@code family}; {@link Family#STORAGE} stands for the large
     * general-purpose type.
     */
    public Sku cloudType(Provider provider, Family family) {
        for (Sku sku : cloud) {
            if (sku.provider() == provider && sku.family() == family) {
                return sku;
            }
        }
        throw new IllegalStateException("no cloud type of " + provider + " for " + family);
    }

    private static Sku ownedSku(Family family, int age, int introduced, int year, RandomStream random) {
        Spec spec = switch (family) {
            case COMPUTE -> new Spec(128, 512, 7.68, 21_000, 700, 48, 60, "compute server");
            case MEMORY -> new Spec(96, 1536, 3.84, 34_000, 750, 48, 60, "memory-heavy server");
            case STORAGE -> new Spec(48, 384, 264, 30_000, 850, 60, 72, "storage-heavy server");
        };
        int cores = roundTo(spec.cores() * StrictMath.pow(0.78, age), 8, 16);
        double memory = roundTo(spec.memoryGib() * StrictMath.pow(0.72, age), 64, 64);
        double storage = round2(spec.storageTb() * StrictMath.pow(0.7, age));
        long priceUsd = roundTo(spec.priceUsd() * StrictMath.pow(0.93, age), 50, 1000);
        int watts = roundTo(spec.powerWatts() * StrictMath.pow(0.96, age), 5, 100);
        int depreciation = spec.depreciationMonths();
        int lifetime = spec.lifetimeMonths();
        String kind = spec.kind();
        WeibullLife life =
                new WeibullLife(round2(random.uniform(1.2, 2.4)), Math.round(random.uniform(3000, 7000) / 10.0) * 10.0);
        String name = family.code() + "-" + year;
        String description = String.format(
                Locale.ROOT,
                "2-socket %s, %d cores, %d GiB, %s TB (%d generation)",
                kind,
                cores,
                Math.round(memory),
                formatTb(storage),
                year);
        return new Sku(
                name,
                Provider.ON_PREMISES,
                family,
                description,
                cores,
                memory,
                storage,
                priceUsd * MICROS,
                0,
                0,
                watts,
                depreciation,
                lifetime,
                introduced,
                life);
    }

    private static Sku cloudSku(
            String name,
            Provider provider,
            Family family,
            int cores,
            double memory,
            double storage,
            String hourly,
            String reserved,
            int availableFrom,
            String kind) {
        String description = String.format(
                Locale.ROOT,
                "%s %s instance type, %d vCPUs, %d GiB, %s TB local NVMe",
                provider.displayName(),
                kind,
                cores,
                Math.round(memory),
                formatTb(storage));
        return new Sku(
                name,
                provider,
                family,
                description,
                cores,
                memory,
                storage,
                0,
                micros(hourly),
                micros(reserved),
                0,
                0,
                0,
                availableFrom,
                null);
    }

    private static long micros(String usd) {
        return new BigDecimal(usd).movePointRight(6).longValueExact();
    }

    private static int roundTo(double value, int step, int min) {
        return Math.max(min, (int) Math.round(value / step) * step);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String formatTb(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The newest generation's specification of a family; older generations scale down from it. */
    private record Spec(
            int cores,
            double memoryGib,
            double storageTb,
            long priceUsd,
            int powerWatts,
            int depreciationMonths,
            int lifetimeMonths,
            String kind) {}
}
