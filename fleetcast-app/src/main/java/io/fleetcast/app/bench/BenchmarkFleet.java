package io.fleetcast.app.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

/**
 * The synthetic fleet the ingest benchmark loads: 40 clusters, 250 services, and hourly usage rows cycling through
 * every (service, cluster, resource) series, in the usage file format. Deterministic for a given row count.
 */
final class BenchmarkFleet {
    static final int CLUSTERS = 40;
    static final int SERVICES = 250;
    private static final String[] RESOURCES = {"cpu", "memory", "storage"};
    private static final String[] UNITS = {"cores", "GiB", "TB"};
    private static final int SERIES_PER_HOUR = 1000;

    private BenchmarkFleet() {}

    /** Writes skus.csv, assets.csv and services.csv into {@code folder}. */
    static void writeTopology(Path folder) {
        StringBuilder assets = new StringBuilder("asset_id,sku,region,site,site_kind,cluster,ownership,install_date\n");
        for (int cluster = 0; cluster < CLUSTERS; cluster++) {
            for (int server = 0; server < 10; server++) {
                assets.append("srv-")
                        .append(cluster)
                        .append('-')
                        .append(server)
                        .append(",bench-compute,region-")
                        .append(cluster % 4)
                        .append(",site-")
                        .append(cluster % 8)
                        .append(",datacenter,cluster-")
                        .append(cluster)
                        .append(",owned,2023-01-01\n");
            }
        }
        StringBuilder services = new StringBuilder("service,team,org\n");
        for (int service = 0; service < SERVICES; service++) {
            services.append("service-")
                    .append(service)
                    .append(",team-")
                    .append(service % 25)
                    .append(",org-")
                    .append(service % 5)
                    .append('\n');
        }
        write(folder.resolve("skus.csv"), """
                sku,kind,cores,memory_gib,storage_tb,price_usd,power_watts,depreciation_months
                bench-compute,owned,64,512,7.68,14500,450,60
                """);
        write(folder.resolve("assets.csv"), assets.toString());
        write(folder.resolve("services.csv"), services.toString());
    }

    /** Writes {@code rows} usage rows to {@code file}. */
    static void writeUsage(Path file, long rows) {
        SplittableRandom random = new SplittableRandom(42);
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        try (Writer out = Files.newBufferedWriter(file, UTF_8)) {
            out.write("ts,grain,service,cluster,resource,unit,used,allocated\n");
            StringBuilder line = new StringBuilder(96);
            String hour = "";
            for (long i = 0; i < rows; i++) {
                if (i % SERIES_PER_HOUR == 0) {
                    hour = DateTimeFormatter.ISO_INSTANT.format(start.plusSeconds(3600 * (i / SERIES_PER_HOUR)));
                }
                int series = (int) (i % SERIES_PER_HOUR);
                int resource = series % 3;
                long used = random.nextLong(1_000_000);
                line.setLength(0);
                line.append(hour)
                        .append(",hour,service-")
                        .append(series % SERVICES)
                        .append(",cluster-")
                        .append(series % CLUSTERS)
                        .append(',')
                        .append(RESOURCES[resource])
                        .append(',')
                        .append(UNITS[resource])
                        .append(',');
                appendThousandths(line, used);
                line.append(',');
                appendThousandths(line, used + 100_000 + random.nextLong(500_000));
                line.append('\n');
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    /** {@code value / 1000} with three decimals, without floating point. */
    private static void appendThousandths(StringBuilder line, long value) {
        line.append(value / 1000).append('.');
        long fraction = value % 1000;
        if (fraction < 100) {
            line.append('0');
        }
        if (fraction < 10) {
            line.append('0');
        }
        line.append(fraction);
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }
}
