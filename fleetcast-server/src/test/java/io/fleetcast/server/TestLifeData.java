package io.fleetcast.server;

import static io.fleetcast.server.TestApps.write;

import io.fleetcast.app.FleetcastApp;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fleet with known lives for the reliability page's tests, in days, with no random numbers:
 *
 * <ul>
 *   <li>{@value #WEAK} and {@value #STRONG}, {@value #UNITS_PER_SKU} drives each, whose lives are the Weibull quantiles
 *       at (k + ½) / n (k shuffled over the units) of η = {@value #WEAK_SCALE_DAYS} and {@value #STRONG_SCALE_DAYS} days,
 *       both β = {@value #SHAPE}; installed over 2023-01-01..2025-09; a life that ends after {@link #AS_OF} leaves the
 *       drive in service;
 *   <li>{@value #SMALL}: six units installed on 2025-01-01 whose Kaplan–Meier estimate is easy by hand: failures at 100,
 *       200 and 364 days, retirements at 150 and 250, one in service at 364 (its failure on 2025-12-31 makes that day
 *       the data's last);
 *   <li>{@value #NEW}: two units installed in November 2025, none failed, so no family can be fitted to them.
 * </ul>
 *
 * The drives alternate between two sites ({@value #SITE_A}, {@value #SITE_B}) in one region.
 */
final class TestLifeData {
    static final LocalDate AS_OF = LocalDate.parse("2025-12-31");
    static final String WEAK = "hdd-weak";
    static final String STRONG = "hdd-strong";
    static final String SMALL = "ssd-small";
    static final String NEW = "gpu-new";
    static final String SITE_A = "dc-a";
    static final String SITE_B = "dc-b";
    static final double WEAK_SCALE_DAYS = 500;
    static final double STRONG_SCALE_DAYS = 2000;
    static final double SHAPE = 1.8;
    static final int UNITS_PER_SKU = 80;

    /** One asset as written to {@code assets.csv}. */
    record Asset(
            String id,
            String sku,
            String site,
            LocalDate install,
            @Nullable LocalDate failure,
            @Nullable LocalDate retire) {
        boolean inService() {
            return failure == null && retire == null;
        }
    }

    private TestLifeData() {}

    /** The true B10 life in days of a Weibull with {@code scale} and {@link #SHAPE}: η (−ln 0.9)^(1/β). */
    static double trueB10Days(double scale) {
        return scale * Math.pow(-Math.log(0.9), 1 / SHAPE);
    }

    static List<Asset> assets() {
        List<Asset> assets = new ArrayList<>();
        for (String sku : List.of(WEAK, STRONG)) {
            double scale = sku.equals(WEAK) ? WEAK_SCALE_DAYS : STRONG_SCALE_DAYS;
            for (int i = 0; i < UNITS_PER_SKU; i++) {
                LocalDate install = LocalDate.parse("2023-01-01").plusDays((i * 37L) % 1000);
                double u = ((i * 29) % UNITS_PER_SKU + 0.5) / UNITS_PER_SKU;
                long lifeDays = Math.max(1, Math.round(scale * Math.pow(-Math.log(1 - u), 1 / SHAPE)));
                LocalDate end = install.plusDays(lifeDays);
                assets.add(new Asset(
                        sku + "-" + (i + 1),
                        sku,
                        i % 2 == 0 ? SITE_A : SITE_B,
                        install,
                        end.isAfter(AS_OF) ? null : end,
                        null));
            }
        }
        LocalDate installed = LocalDate.parse("2025-01-01");
        assets.add(new Asset(SMALL + "-1", SMALL, SITE_A, installed, installed.plusDays(100), null));
        assets.add(new Asset(SMALL + "-2", SMALL, SITE_A, installed, null, installed.plusDays(150)));
        assets.add(new Asset(SMALL + "-3", SMALL, SITE_A, installed, installed.plusDays(200), null));
        assets.add(new Asset(SMALL + "-4", SMALL, SITE_A, installed, null, installed.plusDays(250)));
        assets.add(new Asset(SMALL + "-5", SMALL, SITE_A, installed, installed.plusDays(364), null));
        assets.add(new Asset(SMALL + "-6", SMALL, SITE_A, installed, null, null));
        assets.add(new Asset(NEW + "-1", NEW, SITE_B, LocalDate.parse("2025-11-01"), null, null));
        assets.add(new Asset(NEW + "-2", NEW, SITE_B, LocalDate.parse("2025-11-15"), null, null));
        return assets;
    }

    static void writeFiles(Path folder) {
        List<String> skus = new ArrayList<>();
        skus.add("sku,kind,description,cores,memory_gib,storage_tb,price_usd,hourly_usd,reserved_hourly_usd,"
                + "power_watts,depreciation_months,lifetime_months");
        for (String sku : List.of(WEAK, STRONG, SMALL, NEW)) {
            skus.add(sku + ",owned,test " + sku + ",32,256,8.00,9000.00,,,400,60,72");
        }
        write(folder.resolve("skus.csv"), skus);
        List<String> assets = new ArrayList<>();
        assets.add("asset_id,sku,region,site,site_kind,cluster,rack,batch,ownership,install_date,failure_date,"
                + "retire_date");
        for (Asset asset : assets()) {
            assets.add(String.join(
                    ",",
                    asset.id(),
                    asset.sku(),
                    "us-east",
                    asset.site(),
                    "datacenter",
                    asset.site() + "-c1",
                    "r1",
                    asset.install().getYear() + "Q" + ((asset.install().getMonthValue() - 1) / 3 + 1),
                    "owned",
                    asset.install().toString(),
                    asset.failure() == null ? "" : asset.failure().toString(),
                    asset.retire() == null ? "" : asset.retire().toString()));
        }
        write(folder.resolve("assets.csv"), assets);
    }

    /** An application on a new store in {@code folder}, loaded with these assets. */
    static FleetcastApp loadedApp(Path folder) {
        return TestApps.loadedApp(folder, TestLifeData::writeFiles);
    }
}
