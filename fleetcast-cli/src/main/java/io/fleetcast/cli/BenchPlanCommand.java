package io.fleetcast.cli;

import io.fleetcast.app.bench.LatencySummary;
import io.fleetcast.app.bench.PlanBenchmark;
import io.fleetcast.simulator.SimulationConfig;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = {
            "The capacity plan at fleet scale: simulate a fleet once (kept in --work and reused), load what the plan"
                    + " reads into a fresh store, then per round time the full plan stage by stage with its peak memory,"
                    + " the dashboard's drill-down queries (p50/p95/max), and DuckDB's own aggregate of the same usage."
                    + " Targets: plan under 60 s, drill-downs p95 under 300 ms.",
            "Example: fleetcast bench plan --servers 100000 --days 1095 --rounds 3"
        })
final class BenchPlanCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    BenchOptions bench = new BenchOptions();

    @Option(
            names = "--servers",
            paramLabel = "N",
            defaultValue = "100000",
            description = "Servers, roughly (default: ${DEFAULT-VALUE}).")
    int servers = 100_000;

    @Option(
            names = "--days",
            paramLabel = "D",
            defaultValue = "1095",
            description = "Days of history (default: ${DEFAULT-VALUE}).")
    int days = 1095;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 42).")
    long seed = SimulationConfig.DEFAULT_SEED;

    @Option(
            names = "--repeats",
            paramLabel = "N",
            defaultValue = "50",
            description = "Timed runs of each drill-down query per round (default: ${DEFAULT-VALUE}).")
    int repeats = 50;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        PlanBenchmark.Result result = PlanBenchmark.run(
                new PlanBenchmark.Request(servers, days, seed, bench.work, bench.rounds, repeats, bench.threads),
                terminal::say);
        if (bench.json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT,
                "%,d servers x %,d days (%s%s); %s of daily usage loaded in %.1f s; %d DuckDB threads, %d cores,"
                        + " load average %.2f before and %.2f after",
                result.servers(),
                result.days(),
                result.simulationFolder(),
                result.simulationReused()
                        ? ", reused"
                        : String.format(Locale.ROOT, ", simulated in %.1f s", result.simulationSeconds()),
                Terminal.rows(result.usageRows()),
                result.loads().stream().mapToDouble(PlanBenchmark.Load::seconds).sum(),
                result.threads(),
                result.cores(),
                result.loadAverage().get(0),
                result.loadAverage().get(1)));
        for (PlanBenchmark.Round round : result.rounds()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "round %d: plan v%d (%d cluster/resource entries) in %.1f s; peak Java heap %s, peak process memory"
                            + " %s",
                    round.round(),
                    round.planVersion(),
                    round.planEntries(),
                    round.planSeconds(),
                    Terminal.bytes(round.planPeakHeapBytes()),
                    round.planPeakResidentBytes() < 0 ? "unknown" : Terminal.bytes(round.planPeakResidentBytes())));
            for (PlanBenchmark.Stage stage : round.stages()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  %-42s %7.2f s%s",
                        stage.name(),
                        stage.seconds(),
                        stage.items() > 0 ? String.format(Locale.ROOT, "  (%,d)", stage.items()) : ""));
            }
            terminal.say(String.format(
                    Locale.ROOT,
                    "  %-24s %-46s %6s %9s %9s %9s",
                    "query",
                    "scope",
                    "runs",
                    "p50 ms",
                    "p95 ms",
                    "max ms"));
            for (PlanBenchmark.Query query : round.queries()) {
                say(terminal, query);
            }
            for (PlanBenchmark.Query query : round.peers()) {
                say(terminal, query);
            }
        }
        terminal.say(String.format(
                Locale.ROOT,
                "plan: median %.1f s (target %.0f s: %s); drill-downs that ran: worst p95 %.1f ms (target %.0f ms: %s);"
                        + " peak Java heap %s, peak process memory %s",
                result.planSecondsMedian(),
                result.planTargetSeconds(),
                result.planSecondsMedian() < result.planTargetSeconds() ? "met" : "missed",
                result.drillDownP95MillisWorst(),
                result.drillDownTargetP95Millis(),
                result.drillDownP95MillisWorst() < result.drillDownTargetP95Millis() ? "met" : "missed",
                Terminal.bytes(result.peakHeapBytes()),
                result.peakResidentBytes() < 0 ? "unknown" : Terminal.bytes(result.peakResidentBytes())));
        return 0;
    }

    private static void say(Terminal terminal, PlanBenchmark.Query query) {
        LatencySummary latency = query.latency();
        terminal.say(
                latency == null
                        ? String.format(
                                Locale.ROOT, "  %-24s %-46s failed: %s", query.name(), query.scope(), query.failure())
                        : String.format(
                                Locale.ROOT,
                                "  %-24s %-46s %6d %9.1f %9.1f %9.1f",
                                query.name(),
                                query.scope(),
                                latency.count(),
                                latency.p50Millis(),
                                latency.p95Millis(),
                                latency.maxMillis()));
    }
}
