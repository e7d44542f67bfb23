package io.fleetcast.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.google.common.collect.ImmutableList;
import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.forecast.DriverScenario;
import io.fleetcast.app.forecast.PlanDiff;
import io.fleetcast.app.forecast.PlanForecast;
import io.fleetcast.app.forecast.PlanProgress;
import io.fleetcast.app.forecast.PlanRequest;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.store.plan.DemandGrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "forecast",
        mixinStandardHelpOptions = true,
        description = {
            "Forecast the stored demand series (daily by default) into a new plan version. Only series with data newer than their"
                    + " last fit (or never fitted) are refitted; the others are carried forward unchanged.",
            "Stored events (in scope) and traffic drivers are regressors; stored adjustments are applied on top of the"
                    + " statistical forecast, which is kept apart. A series whose events, drivers or scenarios changed"
                    + " is refitted too.",
            "With --diff V1 V2, explain per series what changed between two plan versions instead.",
            "Example: fleetcast forecast --series 'checkout/*' --horizon 30;"
                    + " fleetcast forecast --scenario daily_active_users=+20%%@2027-06-01; fleetcast forecast --diff 1 2"
        })
final class ForecastCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(
            names = "--series",
            paramLabel = "SELECTOR",
            description = "Which series (keys service/cluster/resource): a prefix, or a glob with * and ?."
                    + " Default: all.")
    String selector = "";

    @Option(
            names = "--grain",
            paramLabel = "GRAIN",
            description = "hour (next days, from hourly usage rows), day (the default), week or month (next years: the"
                    + " store averages the daily rows over whole weeks or months). Each grain has its own plan line.")
    String grain = DemandGrain.DAY.code();

    @Option(
            names = "--horizon",
            paramLabel = "H",
            description = "Periods of the grain to forecast past each series' last one (default: 168 hours, 90 days,"
                    + " 104 weeks or 36 months).")
    @Nullable
    Integer horizon;

    @Option(
            names = "--scenario",
            paramLabel = "DRIVER=CHANGE%@DATE",
            description = "A driver scenario, e.g. daily_active_users=+20%%@2027-06-01: the driver's forecast ramps to"
                    + " +20%% by that day and holds; series with that driver follow it (regression model). Repeatable.")
    List<String> scenarios = new ArrayList<>();

    @Option(
            names = "--reconcile",
            paramLabel = "METHOD",
            description = "Make the plan coherent across org -> team -> service and region -> site -> cluster: mint"
                    + " (MinT with shrinkage, weighing every series by its backtest errors; best by week), wls-variance (by"
                    + " the backtest errors' variances; best by day), wls, ols or bottom-up. fleetcast bench reconcile"
                    + " compares them on your data."
                    + " Forecasts the aggregates too (keys such as team:payments/*/cpu, */region:us-east/cpu), and"
                    + " every series of each resource selected.")
    @Nullable
    String reconcile;

    @Option(
            names = "--diff",
            arity = "2",
            paramLabel = "V",
            description = "Compare plan versions V1 and V2 instead of forecasting.")
    @Nullable
    List<Integer> diff;

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        List<Integer> versions = diff;
        if (versions != null) {
            try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
                render(terminal, app.plans().diff(versions.get(0), versions.get(1)));
            }
            return 0;
        }
        DemandGrain demandGrain = DemandGrain.parse(grain)
                .orElseThrow(() ->
                        FleetcastException.badInput("--grain must be hour, day, week or month, got \"" + grain + "\""));
        PlanRequest request = new PlanRequest(
                selector,
                demandGrain,
                horizon == null ? demandGrain.defaultHorizon() : horizon,
                scenarios.stream().map(DriverScenario::parse).collect(ImmutableList.toImmutableList()),
                Optional.ofNullable(reconcile).map(PlanRequest::reconciliationMethod));
        long started = System.nanoTime();
        PlanForecast result;
        try (FleetcastApp app = FleetcastApp.open(store.config())) {
            result = app.plans().forecast(request, progress(terminal));
        }
        long nanos = System.nanoTime() - started;
        if (json) {
            terminal.json(new Summary(result, nanos / 1e9));
            return 0;
        }
        for (PlanForecast.SeriesOutcome outcome : result.series()) {
            if (!outcome.action().equals("carried")) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "  %-7s %s: %s%s%s%s",
                        outcome.action(),
                        outcome.seriesKey(),
                        outcome.reason(),
                        outcome.model() == null ? "" : " (" + outcome.model() + ")",
                        outcome.regressors().isEmpty() ? "" : " with " + String.join(", ", outcome.regressors()),
                        outcome.adjustments().isEmpty()
                                ? ""
                                : "; adjusted by " + String.join(", ", outcome.adjustments())));
            }
        }
        result.notes().forEach(note -> terminal.say("  note    " + note));
        terminal.say(String.format(
                Locale.ROOT,
                "Plan %d%s%s: %s refitted, %s carried forward%s, horizon %s, in %s",
                result.planVersion(),
                result.parentVersion() == null ? "" : " (from plan " + result.parentVersion() + ")",
                result.reconciliation() == null ? "" : ", reconciled by " + result.reconciliation(),
                Terminal.count(result.refitted()),
                Terminal.count(result.carried()),
                result.skipped() == 0 ? "" : ", " + result.skipped() + " skipped",
                result.grain().count(result.horizon()),
                Terminal.seconds(nanos)));
        return 0;
    }

    /** The {@code --json} document of a forecast: the plan's outcome and the seconds it took. */
    record Summary(@JsonUnwrapped PlanForecast plan, double seconds) {}

    private void render(Terminal terminal, PlanDiff result) {
        if (json) {
            terminal.json(result);
            return;
        }
        StringBuilder text = new StringBuilder();
        int changed = 0;
        for (PlanDiff.SeriesChange change : result.series()) {
            if (!change.status().equals("unchanged")) {
                changed++;
                text.append(String.format(
                        Locale.ROOT, "%-9s %s: %s%n", change.status(), change.seriesKey(), change.explanation()));
            }
        }
        terminal.result(text.toString());
        terminal.say(String.format(
                Locale.ROOT,
                "Plan %d -> %d: %d of %d series changed",
                result.fromVersion(),
                result.toVersion(),
                changed,
                result.series().size()));
    }

    /** A line per tenth of the series fitted, so long runs show that work goes on. */
    static PlanProgress progress(Terminal terminal) {
        return (done, total, seriesKey) -> {
            if (total >= 20 && (done * 10 / total) != ((done - 1) * 10 / total)) {
                terminal.say(String.format(Locale.ROOT, "fitted %d of %d series (%s)", done, total, seriesKey));
            }
        };
    }
}
