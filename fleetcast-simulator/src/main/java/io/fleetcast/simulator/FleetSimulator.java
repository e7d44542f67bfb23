package io.fleetcast.simulator;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.dataset.Kind;
import io.fleetcast.simulator.internal.World;
import io.fleetcast.simulator.internal.catalog.SkuCatalog;
import io.fleetcast.simulator.internal.cost.BudgetOverrun;
import io.fleetcast.simulator.internal.cost.Budgets;
import io.fleetcast.simulator.internal.cost.CostModel;
import io.fleetcast.simulator.internal.cost.CostOutcome;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.demand.DemandFiles;
import io.fleetcast.simulator.internal.demand.DemandModel;
import io.fleetcast.simulator.internal.organization.Organization;
import io.fleetcast.simulator.internal.organization.ServicesFile;
import io.fleetcast.simulator.internal.request.RequestsFile;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.supply.SupplyFiles;
import io.fleetcast.simulator.internal.telemetry.TelemetryFile;
import io.fleetcast.simulator.internal.timeline.Timeline;
import io.fleetcast.simulator.internal.topology.Site;
import io.fleetcast.simulator.internal.topology.Topology;
import io.fleetcast.simulator.internal.truth.TruthFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Simulates a fleet and writes its data files, one per {@link Kind} ({@code skus.csv}, {@code assets.csv}, ...,
 * {@code telemetry.csv}) in the formats of {@link Kind#schema()}, plus {@code truth.json} with the ground truth they
 * were generated from. See {@code docs/simulator.md} for the simulated fleet and every truth entry.
 *
 * <p>Stateless and thread-safe. Large files are streamed: memory grows with the number of servers and services, not
 * with the number of rows written (a 100,000-server fleet fits in a 3 GB heap).
 */
public final class FleetSimulator {
    /** The name of the ground-truth document in the output folder. */
    public static final String TRUTH_FILE_NAME = "truth.json";
    /**
     * The owned datacenters' power, cooling and space rates the cost lines were priced at, in the form {@code fleetcast
     * cost onprem --site-rates} and {@code fleetcast cost --site-rates} read.
     */
    public static final String SITE_RATES_FILE_NAME = "site-rates.csv";

    /** The name of the file of {@code kind} in the output folder: {@code usage.csv}, ... */
    public static String fileName(Kind kind) {
        return kind.tableName() + ".csv";
    }

    /**
     * Simulates the fleet {@code config} describes and writes its files to {@code outputFolder}, creating the folder
     * when missing and replacing files of the same names. Files are written in load order, then {@value
     * #SITE_RATES_FILE_NAME} and {@code truth.json}.
     *
     * @param config what to simulate
     * @param outputFolder where the files go
     * @param listener told of each file's progress ({@link SimulationListener#NONE} to ignore it)
     * @return the rows written per kind, in load order, and the files' paths
     * @throws UncheckedIOException naming the path when a folder or file cannot be written
     */
    public SimulationSummary simulate(SimulationConfig config, Path outputFolder, SimulationListener listener) {
        requireNonNull(config, "config is null");
        requireNonNull(outputFolder, "outputFolder is null");
        requireNonNull(listener, "listener is null");
        try {
            Files.createDirectories(outputFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("creating " + outputFolder, e);
        }
        long seed = config.seed();
        World world = World.build(config.servers(), config.days(), config.end(), seed);
        Timeline timeline = world.timeline();
        SkuCatalog catalog = world.catalog();
        Topology topology = world.topology();
        Organization organization = world.organization();
        DemandModel demand = world.demand();
        Supply supply = world.supply();

        ImmutableMap.Builder<Kind, Long> rows = ImmutableMap.builder();
        ImmutableMap.Builder<Kind, Path> files = ImmutableMap.builder();
        CostOutcome costs = null;
        List<BudgetOverrun> overruns = ImmutableList.of();
        for (Kind kind : Kind.loadOrder()) {
            Path path = outputFolder.resolve(fileName(kind));
            try (CsvTableWriter writer = CsvTableWriter.open(
                    path, kind.schema(), (count, complete) -> listener.progress(kind, count, complete))) {
                switch (kind) {
                    case SKUS -> SupplyFiles.writeSkus(catalog, writer);
                    case ASSETS -> SupplyFiles.writeAssets(supply, timeline, writer);
                    case SERVICES -> ServicesFile.write(organization, writer);
                    case ORDERS -> SupplyFiles.writeOrders(supply, timeline, writer);
                    case EVENTS -> DemandFiles.writeEvents(demand, writer);
                    case DRIVERS -> DemandFiles.writeDrivers(demand, writer);
                    case ADJUSTMENTS -> DemandFiles.writeAdjustments(demand, writer);
                    case USAGE -> DemandFiles.writeUsage(demand, writer, RandomStream.of(seed, "usage"));
                    case COSTS ->
                        costs = CostModel.write(
                                timeline,
                                topology,
                                organization,
                                catalog,
                                demand,
                                supply,
                                RandomStream.of(seed, "costs"),
                                writer);
                    case BUDGETS ->
                        overruns =
                                Budgets.write(requireCosts(costs), timeline, RandomStream.of(seed, "budgets"), writer);
                    case TELEMETRY -> TelemetryFile.write(timeline, supply, RandomStream.of(seed, "telemetry"), writer);
                    case REQUESTS ->
                        RequestsFile.write(
                                timeline, topology, demand, supply, RandomStream.of(seed, "requests"), writer);
                }
                writer.finish();
                rows.put(kind, writer.rows());
            }
            files.put(kind, path);
        }
        writeSiteRates(topology, outputFolder.resolve(SITE_RATES_FILE_NAME));
        Path truth = outputFolder.resolve(TRUTH_FILE_NAME);
        TruthFile.write(
                truth,
                new TruthFile.Settings(config.servers(), config.days(), seed),
                new TruthFile.Sources(
                        timeline,
                        catalog,
                        topology,
                        organization,
                        demand,
                        supply,
                        requireCosts(costs).anomalies(),
                        overruns));
        return new SimulationSummary(rows.buildOrThrow(), files.buildOrThrow(), truth);
    }

    /** One row per owned datacenter: its price per kWh, PUE and space per server-day, in USD. */
    private static void writeSiteRates(Topology topology, Path file) {
        StringBuilder text = new StringBuilder("site,usd_per_kwh,pue,space_per_server_day\n");
        for (Site site : topology.sites()) {
            if (!site.isCloud()) {
                text.append(site.name())
                        .append(',')
                        .append(BigDecimal.valueOf(site.kwhPriceMicros(), 6)
                                .stripTrailingZeros()
                                .toPlainString())
                        .append(',')
                        .append(site.powerUsageEffectiveness())
                        .append(',')
                        .append(BigDecimal.valueOf(site.spaceMicrosPerServerDay(), 6)
                                .stripTrailingZeros()
                                .toPlainString())
                        .append('\n');
            }
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private static CostOutcome requireCosts(@Nullable CostOutcome costs) {
        if (costs == null) {
            throw new IllegalStateException("costs are written before budgets and truth");
        }
        return costs;
    }
}
