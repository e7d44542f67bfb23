package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.forecast.ReconciliationBacktest;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.plan.DemandGrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "How much each reconciliation method helps on the stored demand: holds out the last H periods of every"
                    + " series, forecasts every series and aggregate (org, team, service, region, site, cluster, total)"
                    + " from the rest, reconciles with every method, and reports MASE and 95%% coverage per level."
                    + " Example: fleetcast bench reconcile --db fleetcast-demo/fleetcast.duckdb --grain week --horizon 13"
        })
final class BenchReconcileCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--grain", paramLabel = "GRAIN", description = "hour, day (the default), week or month.")
    String grain = DemandGrain.DAY.code();

    @Option(
            names = "--horizon",
            paramLabel = "H",
            description = "Periods held out and forecast (default: 24 hours, 28 days, 13 weeks or 6 months).")
    @Nullable
    Integer horizon;

    @Option(
            names = "--series",
            paramLabel = "SELECTOR",
            description = "Only the resources of the series this selects (as fleetcast forecast --series).")
    String selector = "";

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        DemandGrain demandGrain = DemandGrain.parse(grain)
                .orElseThrow(() ->
                        FleetcastException.badInput("--grain must be hour, day, week or month, got \"" + grain + "\""));
        int periods = horizon != null
                ? horizon
                : switch (demandGrain) {
                    case HOUR -> 24;
                    case DAY -> 28;
                    case WEEK -> 13;
                    case MONTH -> 6;
                };
        ReconciliationBacktest.Result result;
        try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
            result = app.reconciliationBacktest()
                    .run(demandGrain, periods, selector, ForecastCommand.progress(terminal));
        }
        if (json) {
            terminal.json(result);
            return 0;
        }
        result.notes().forEach(note -> terminal.say("  note    " + note));
        terminal.say(String.format(
                Locale.ROOT,
                "Last %s held out of %d series (stored and aggregates), in %.1f s. MASE (no unit: mean absolute error over"
                        + " the in-sample seasonal naive one; lower is better) per level, and in95%%: share of held-out"
                        + " values inside the 95%% intervals:",
                demandGrain.count(periods),
                result.nodes(),
                result.seconds()));
        Map<String, Map<String, ReconciliationBacktest.Score>> table = ReconciliationBacktest.table(result);
        List<String> methods = new ArrayList<>(table.values().iterator().next().keySet());
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-8s %6s", "level", "series"));
        methods.forEach(method -> header.append(String.format(Locale.ROOT, " %15s", method)));
        terminal.say(header.toString());
        table.forEach((level, byMethod) -> {
            StringBuilder row = new StringBuilder(String.format(
                    Locale.ROOT,
                    "  %-8s %6d",
                    level,
                    byMethod.values().iterator().next().nodes()));
            for (String method : methods) {
                ReconciliationBacktest.Score score = byMethod.get(method);
                row.append(
                        score == null
                                ? String.format(Locale.ROOT, " %15s", "-")
                                : String.format(
                                        Locale.ROOT, " %7.3f (%3.0f%%)", score.mase(), 100 * score.coverage95()));
            }
            terminal.say(row.toString());
        });
        return 0;
    }
}
