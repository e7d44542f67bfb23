package io.fleetcast.cli;

import io.fleetcast.app.AppConfig;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.capacity.CapacityPlanDocument;
import io.fleetcast.app.demo.DemoService;
import io.fleetcast.app.fleet.FleetOverview;
import io.fleetcast.app.prognose.PrognosticsService;
import io.fleetcast.store.fleet.BreakdownRow;
import io.fleetcast.store.fleet.ServerTotals;
import io.fleetcast.store.ingest.IngestReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Simulate a realistic fleet, load it, run every analysis that exists, print a short summary and serve the"
                    + " dashboard (until Ctrl-C; --no-serve stops after the summary). Files go to DIR/data, the"
                    + " database to DIR/fleetcast.duckdb; running it again reuses both."
        })
final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    SimulateCommand.SimulationOptions fleet = new SimulateCommand.SimulationOptions();

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            defaultValue = "fleetcast-demo",
            description = "Folder for the demo's files and database (default: ${DEFAULT-VALUE}).")
    Path dir = Path.of("fleetcast-demo");

    @Option(
            names = "--port",
            paramLabel = "P",
            defaultValue = "7070",
            description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int port = ServeCommand.DEFAULT_PORT;

    @Option(names = "--no-serve", description = "Stop after the summary instead of serving the dashboard.")
    boolean noServe;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        DemoService demo = new DemoService();
        DemoService.DemoFolder folder = new DemoService.DemoFolder(dir);
        long start = System.nanoTime();

        terminal.say("1/3 simulating a fleet of about " + Terminal.count(fleet.servers) + " servers over " + fleet.days
                + " days into " + folder.data() + " ...");
        boolean simulated = demo.prepare(folder, fleet.config(), new SimulationProgress(terminal));
        if (!simulated) {
            terminal.say("  the same fleet is already there; reusing it");
        }
        long simulatedAt = System.nanoTime();

        terminal.say("2/3 loading it into " + folder.database() + " ...");
        try (FleetcastApp app = FleetcastApp.open(AppConfig.of(folder.database()))) {
            List<IngestReport> reports =
                    demo.load(app, folder, new ProgressBar(terminal, IngestCommand.reporter(terminal)));
            long loadedAt = System.nanoTime();

            terminal.say("3/3 analysing ...");
            DemoService.Summary summary = demo.summarise(app, folder);
            long analysedAt = System.nanoTime();

            render(terminal, summary, reports, folder);
            terminal.say(String.format(
                    Locale.ROOT,
                    "Time: simulate %s, load %s, analyse %s; total %s.",
                    Terminal.seconds(simulatedAt - start),
                    Terminal.seconds(loadedAt - simulatedAt),
                    Terminal.seconds(analysedAt - loadedAt),
                    Terminal.seconds(analysedAt - start)));
            terminal.say("Try: ./fleetcast sql \"SELECT kind, rows_loaded FROM ingest_log\" --db " + folder.database());
            if (!noServe) {
                Serving.untilInterrupted(
                        app, io.fleetcast.server.ServerConfig.local(port).withSiteRates(folder.siteRates()), terminal);
            }
        }
        return 0;
    }

    private static void render(
            Terminal terminal, DemoService.Summary summary, List<IngestReport> reports, DemoService.DemoFolder folder) {
        long loaded = reports.stream().mapToLong(IngestReport::rowsLoaded).sum();
        terminal.say("");
        terminal.say("Fleet on " + summary.asOf() + " (" + Terminal.rows(summary.storedRows()) + " stored in "
                + folder.database() + (loaded > 0 ? ", " + Terminal.rows(loaded) + " loaded now" : "") + ")");
        FleetOverview cpu = summary.overviews().get(0);
        cpu.servers().ifPresent(servers -> terminal.say(capacityLine(servers)));
        for (FleetOverview overview : summary.overviews()) {
            terminal.say(usageLine(overview));
        }
        terminal.say("  by region (servers, cpu used / capacity over the last year):");
        for (BreakdownRow row : cpu.figures().breakdown()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "    %-14s %8s servers  %s",
                    row.key(),
                    row.servers() == null ? "-" : Terminal.count(row.servers()),
                    utilisation(row.used(), row.capacity(), cpu.unit())));
        }
        CapacityPlanDocument plan = summary.plan();
        Map<String, String> runsOut = new TreeMap<>();
        for (CapacityPlanDocument.Entry entry : plan.clusters()) {
            String date = entry.exhaustionP50();
            if (date != null) {
                // "date resource" so the earliest date wins.
                runsOut.merge(entry.cluster(), date + " " + entry.resource(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        long orders = plan.clusters().stream()
                .mapToLong(entry -> entry.orders().size())
                .sum();
        double cost = plan.clusters().stream()
                .flatMap(entry -> entry.orders().stream())
                .mapToDouble(CapacityPlanDocument.Order::cost)
                .sum();
        terminal.say(String.format(
                Locale.ROOT,
                "Capacity plan %s: %d clusters run out within %d days at P50 demand%s; %d orders recommended, %,.0f USD"
                        + " (fleetcast plan --db %s shows them with their reasons).",
                plan.planVersion(),
                runsOut.size(),
                plan.horizonDays(),
                runsOut.isEmpty()
                        ? ""
                        : " ("
                                + runsOut.entrySet().stream()
                                        .map(e -> e.getKey() + " " + e.getValue())
                                        .collect(java.util.stream.Collectors.joining(", "))
                                + ")",
                orders,
                cost,
                folder.database()));
        if (!summary.riskiest().isEmpty()) {
            PrognosticsService.Prediction first = summary.riskiest().get(0);
            terminal.say(String.format(
                    Locale.ROOT,
                    "Servers most likely to fail within %d days (model %d, telemetry to %s; 'fleetcast prognose"
                            + " evaluate' for its held-out precision):",
                    first.horizonDays(),
                    first.modelVersion(),
                    first.day()));
            for (PrognosticsService.Prediction prediction : summary.riskiest()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  %-14s %5.1f%%  %s",
                        prediction.assetId(),
                        100 * prediction.risk(),
                        prediction.reasons().isEmpty()
                                ? ""
                                : prediction.reasons().get(0)));
            }
        }
        DemoService.Truth truth = summary.truth();
        terminal.say(String.format(
                Locale.ROOT,
                "Built in by the simulator, to check the analyses against (%s): %d clusters that run out of a resource"
                        + " within a year if nothing more is ordered, %d cost anomalies, %d budget overruns, %d failures"
                        + " (%d of them after the data ends).",
                truth.file(),
                truth.exhaustedClusters(),
                truth.costAnomalies(),
                truth.budgetOverruns(),
                truth.failures(),
                truth.futureFailures()));
    }

    private static String capacityLine(ServerTotals servers) {
        return String.format(
                Locale.ROOT,
                "  %s servers in service: %s cores, %s GiB memory, %s TB storage",
                Terminal.count(servers.servers()),
                Terminal.count(servers.cores()),
                Terminal.count(Math.round(servers.memoryGib())),
                Terminal.count(Math.round(servers.storageTb())));
    }

    private static String usageLine(FleetOverview overview) {
        var usage = overview.figures().usage();
        double capacity =
                overview.servers().map(s -> s.capacity(overview.resource())).orElse(0.0);
        return String.format(
                Locale.ROOT,
                "  %-8s used %s, allocated %s on average from %s to %s",
                overview.resource().code() + ":",
                utilisation(usage.used(), capacity, overview.unit()),
                utilisation(usage.allocated(), capacity, overview.unit()),
                overview.from(),
                overview.to());
    }

    private static String utilisation(
            @org.jspecify.annotations.Nullable Double value,
            @org.jspecify.annotations.Nullable Double capacity,
            String unit) {
        if (value == null) {
            return "no usage data";
        }
        String amount = Terminal.count(Math.round(value)) + " " + unit;
        if (capacity == null || capacity <= 0) {
            return amount;
        }
        return String.format(Locale.ROOT, "%s (%.0f%% of capacity)", amount, 100 * value / capacity);
    }
}
