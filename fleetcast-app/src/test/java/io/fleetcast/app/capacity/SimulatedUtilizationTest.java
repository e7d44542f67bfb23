package io.fleetcast.app.capacity;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.capacity.UtilizationReport.ClusterRow;
import io.fleetcast.app.capacity.UtilizationReport.ServiceRow;
import io.fleetcast.app.ingest.IngestProgress;
import io.fleetcast.app.ingest.IngestService;
import io.fleetcast.app.simulate.SimulationService;
import io.fleetcast.simulator.SimulationConfig;
import io.fleetcast.simulator.SimulationListener;
import io.fleetcast.store.StoreConfig;
import io.fleetcast.store.duckdb.DuckDbStore;
import io.fleetcast.store.duckdb.DuckDbUtilizationQueries;
import io.fleetcast.store.utilization.HostShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis of a simulated fleet (600 servers, 150 days, seed 11) checked against figures computed here, directly
 * from the simulator's files: each cluster's daily totals and their percentiles (type 7), and its supply as the
 * capacity of the assets in service on the window's last day.
 */
class SimulatedUtilizationTest {
    private static final LocalDate END = LocalDate.of(2026, 10, 31);

    @TempDir
    Path folder;

    @Test
    void clusterFiguresMatchTheFilesAndServicesAddUpToTheirClusters() throws IOException {
        Path data = folder.resolve("data");
        new SimulationService().simulate(new SimulationConfig(600, 150, 11, END), data, SimulationListener.NONE);
        UtilizationReport report;
        try (DuckDbStore store = DuckDbStore.open(
                StoreConfig.of(folder.resolve("fleet.duckdb")).withThreads(2),
                Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC))) {
            new IngestService(store).ingestFolder(data, false, IngestProgress.NONE);
            report = new UtilizationService(new DuckDbUtilizationQueries(store)).analyse(UtilizationRequest.defaults());
        }
        assertThat(report.to()).isEqualTo(END);
        LocalDate from = END.minusDays(89);
        assertThat(report.from()).isEqualTo(from);

        // Daily totals per cluster and resource, and each service's largest day, straight from usage.csv.
        Map<String, Map<LocalDate, Double>> dailyTotals = new TreeMap<>();
        Map<String, Double> serviceMax = new HashMap<>();
        List<String> usage = Files.readAllLines(data.resolve("usage.csv"), UTF_8);
        for (String line : usage.subList(1, usage.size())) {
            String[] f = line.split(",", -1);
            LocalDate day = LocalDate.parse(f[0].substring(0, 10));
            if (!f[1].equals("day") || day.isBefore(from) || day.isAfter(END)) {
                continue;
            }
            double used = Double.parseDouble(f[6]);
            dailyTotals.computeIfAbsent(f[3] + "/" + f[4], k -> new TreeMap<>()).merge(day, used, Double::sum);
            serviceMax.merge(f[2] + "/" + f[3] + "/" + f[4], used, Math::max);
        }
        Map<String, double[]> supply = supplyOn(END, data);

        assertThat(report.clusterUtilization()).isNotEmpty();
        int checked = 0;
        for (ClusterRow row : report.clusterUtilization()) {
            String key = row.cluster() + "/" + row.resource();
            double[] capacity = supply.getOrDefault(row.cluster(), new double[3]);
            assertThat(row.supply()).as("supply of %s", key).isCloseTo(capacity[indexOf(row.resource())], within(1e-6));
            Map<LocalDate, Double> totals = dailyTotals.get(key);
            if (totals == null) {
                assertThat(row.days()).isZero();
                continue;
            }
            List<Double> sorted = new ArrayList<>(totals.values());
            sorted.sort(Comparator.naturalOrder());
            assertThat(row.days()).isEqualTo(sorted.size());
            assertThat(row.usedP50()).as("P50 of %s", key).isCloseTo(type7(sorted, 0.5), within(1e-6));
            assertThat(row.usedP95()).as("P95 of %s", key).isCloseTo(type7(sorted, 0.95), within(1e-6));
            assertThat(row.usedMax()).as("max of %s", key).isCloseTo(sorted.get(sorted.size() - 1), within(1e-6));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);

        // A service's largest day is part of one of its cluster's days: at most the cluster's largest total, and the
        // services' largest days add up to at least it.
        Map<String, Double> sumOfServiceMax = new HashMap<>();
        for (ServiceRow row : report.utilization()) {
            String cluster = row.cluster() + "/" + row.resource();
            assertThat(row.usedMax())
                    .isCloseTo(serviceMax.get(row.service() + "/" + cluster), within(1e-9))
                    .isLessThanOrEqualTo(maxOf(requireNonNull(dailyTotals.get(cluster), cluster)) + 1e-6);
            assertThat(row.clusterSupply())
                    .isCloseTo(
                            requireNonNull(supply.get(row.cluster()), row.cluster())[indexOf(row.resource())],
                            within(1e-6));
            sumOfServiceMax.merge(cluster, row.usedMax(), Double::sum);
        }
        for (ClusterRow row : report.clusterUtilization()) {
            if (row.usedMax() != null) {
                assertThat(sumOfServiceMax.get(row.cluster() + "/" + row.resource()))
                        .isGreaterThanOrEqualTo(row.usedMax() - 1e-6);
            }
        }

        // Host shapes add up to the cluster's supply, and every cluster with servers gets unit rates.
        Map<String, Double> coresByShape = new HashMap<>();
        for (HostShape shape : report.hostShapes()) {
            coresByShape.merge(shape.cluster(), (double) shape.cores(), Double::sum);
        }
        coresByShape.forEach((cluster, cores) ->
                assertThat(cores).as(cluster).isCloseTo(requireNonNull(supply.get(cluster), cluster)[0], within(1e-9)));
        assertThat(report.unitRates()).hasSize(coresByShape.size());
        report.rightsizing().forEach(r -> {
            assertThat(r.reclaimable()).isPositive();
            assertThat(r.usdPerMonth()).isPositive();
        });
    }

    /** Cores, GiB and TB in service on {@code day} per cluster, from assets.csv and skus.csv. */
    private static Map<String, double[]> supplyOn(LocalDate day, Path data) throws IOException {
        Map<String, double[]> skus = new HashMap<>();
        List<String> skuLines = Files.readAllLines(data.resolve("skus.csv"), UTF_8);
        for (String line : skuLines.subList(1, skuLines.size())) {
            // The description is quoted and holds commas: read the name first, the numbers after the closing quote.
            String name = line.substring(0, line.indexOf(','));
            String[] after = line.substring(line.lastIndexOf('"') + 2).split(",", -1);
            skus.put(name, new double[] {
                Double.parseDouble(after[0]), Double.parseDouble(after[1]), Double.parseDouble(after[2])
            });
        }
        Map<String, double[]> supply = new HashMap<>();
        List<String> assets = Files.readAllLines(data.resolve("assets.csv"), UTF_8);
        for (String line : assets.subList(1, assets.size())) {
            String[] f = line.split(",", -1);
            boolean installed = !LocalDate.parse(f[9]).isAfter(day);
            String left = !f[10].isEmpty() ? f[10] : f[11];
            boolean gone = !left.isEmpty() && !LocalDate.parse(left).isAfter(day);
            if (installed && !gone) {
                double[] capacity = requireNonNull(skus.get(f[1]), f[1]);
                double[] total = supply.computeIfAbsent(f[5], c -> new double[3]);
                for (int i = 0; i < 3; i++) {
                    total[i] += capacity[i];
                }
            }
        }
        return supply;
    }

    /** Hyndman and Fan's type 7: x(h) at h = 1 + (n − 1) p, read linearly between neighbours. */
    private static double type7(List<Double> sorted, double p) {
        double h = (sorted.size() - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.size() - 1);
        return sorted.get(below) + (h - below) * (sorted.get(above) - sorted.get(below));
    }

    private static double maxOf(Map<LocalDate, Double> totals) {
        return Collections.max(totals.values());
    }

    private static int indexOf(String resource) {
        return List.of("cpu", "memory", "storage").indexOf(resource);
    }
}
