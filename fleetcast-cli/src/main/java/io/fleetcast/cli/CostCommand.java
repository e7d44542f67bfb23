package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.cost.AlertWebhook;
import io.fleetcast.app.cost.CostColumn;
import io.fleetcast.app.cost.CostReport;
import io.fleetcast.app.cost.CostService;
import io.fleetcast.app.cost.SharedRule;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.planning.cost.SpikeDetector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "cost",
        mixinStandardHelpOptions = true,
        subcommands = CostOnPremCommand.class,
        description = {
            "Cost governance: the period's cost lines attributed to teams (by tag, else by the services file) and"
                    + " reconciled with the bill to the cent; every budget against actual and forecast spend, with the"
                    + " chance of overrunning; spend anomalies with what drove them.",
            "Example: fleetcast cost --period 2026-Q4 --shared platform=proportional --webhook"
                    + " https://hooks.example.com/finops"
        })
final class CostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(
            names = "--period",
            paramLabel = "P",
            description = "The period to attribute, as budgets name it (2026-Q3, 2026-07, 2026-H1, 2026); only its"
                    + " budgets and anomalies are listed. Default: the quarter of the last charge day, every budget,"
                    + " and the last 365 days' anomalies.")
    @Nullable
    String period;

    @Option(
            names = "--team",
            paramLabel = "TEAM",
            description = "Show only this team's spend, as that team would see it. Repeatable.")
    List<String> teams = new ArrayList<>();

    @Option(
            names = "--cost",
            paramLabel = "COLUMN",
            description = "The cost column: effective (default: commitments amortised), billed, list or contracted.")
    String column = "effective";

    @Option(
            names = "--team-tag",
            paramLabel = "KEY",
            description = "A tag key that names a line's team (default: team). Repeatable; the first present wins.")
    List<String> teamTags = new ArrayList<>();

    @Option(
            names = "--service-tag",
            paramLabel = "KEY",
            description = "The tag key that names a line's service (default: service).")
    String serviceTag = "service";

    @Option(
            names = "--shared",
            paramLabel = "TEAM=RULE",
            description = "Share TEAM's spend among the other teams: TEAM=proportional (to their direct spend),"
                    + " TEAM=usage (to the cores, memory and storage their services used), TEAM=even, or"
                    + " TEAM=weights:A=2,B=1. Repeatable.")
    List<String> shared = new ArrayList<>();

    @Option(
            names = "--anomaly-min",
            paramLabel = "AMOUNT",
            description = "Smallest excess over the expected daily spend that is an anomaly, in the billing currency"
                    + " (default 100).")
    double anomalyMinimum = SpikeDetector.Settings.DEFAULT.minimumAmount();

    @Option(
            names = "--site-rates",
            paramLabel = "FILE",
            description = "The owned sites' rates (site,usd_per_kwh,pue,space_per_server_day[,network_per_server_day]),"
                    + " to cost each owned SKU per core and find SKUs worth replacing.")
    @Nullable
    Path siteRates;

    @Option(
            names = "--webhook",
            paramLabel = "URL",
            description = "POST the budget alerts of periods not yet over to URL as JSON.")
    @Nullable
    String webhook;

    @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        CostService.Request request;
        try {
            List<SharedRule> rules = new ArrayList<>();
            for (String text : shared) {
                rules.add(SharedRule.parse(text));
            }
            SpikeDetector.Settings defaults = SpikeDetector.Settings.DEFAULT;
            request = new CostService.Request(
                    period,
                    teams.isEmpty() ? null : java.util.Set.copyOf(teams),
                    CostColumn.parse(column),
                    teamTags.isEmpty() ? List.of("team") : teamTags,
                    serviceTag,
                    rules,
                    new SpikeDetector.Settings(
                            defaults.threshold(), defaults.minimumRelative(), anomalyMinimum, defaults.minimumSpread()),
                    siteRates);
        } catch (IllegalArgumentException e) {
            throw FleetcastException.badInput(String.valueOf(e.getMessage()));
        }
        long started = System.nanoTime();
        CostReport report;
        try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
            report = app.cost().run(request, (step, done, total) -> {
                if (done == total && total > 1) {
                    terminal.say(String.format(Locale.ROOT, "%s: %d of %d", step, done, total));
                }
            });
        }
        long nanos = System.nanoTime() - started;
        if (json) {
            terminal.json(report);
        } else {
            print(terminal, report);
            terminal.say("Cost report as of " + report.asOf() + " in " + Terminal.seconds(nanos));
        }
        String url = webhook;
        if (url != null) {
            int sent = AlertWebhook.send(url, report);
            terminal.say(sent == 0 ? "No budget alerts to send" : "Sent " + sent + " budget alert(s) to " + url);
        }
        return 0;
    }

    private static void print(Terminal terminal, CostReport report) {
        String currency = report.currency();
        CostReport.Reconciliation rec = report.reconciliation();
        terminal.say(String.format(
                Locale.ROOT,
                "%s %s (%s to %s): billed %,.2f %s, attributed %,.2f %s, untagged %,.2f %s",
                report.costColumn(),
                report.period().label(),
                report.period().start(),
                report.period().end(),
                rec.billed(),
                currency,
                rec.attributed(),
                currency,
                rec.untagged(),
                currency));
        terminal.say(
                String.format(Locale.ROOT, "%-12s %-20s %16s %16s %16s", "org", "team", "direct", "shared", "total"));
        for (CostReport.Attributed row : report.attribution()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%-12s %-20s %16s %16s %16s",
                    row.org() == null ? "" : row.org(),
                    row.team(),
                    String.format(Locale.ROOT, "%,.2f", row.direct()),
                    String.format(Locale.ROOT, "%,.2f", row.shared()),
                    String.format(Locale.ROOT, "%,.2f", row.total())));
        }
        terminal.say("");
        terminal.say(String.format(
                Locale.ROOT,
                "%-20s %-8s %14s %14s %14s %14s %8s  %s",
                "budget",
                "period",
                "budget " + currency,
                "actual",
                "forecast P50",
                "P90",
                "P(over)",
                "alert"));
        for (CostReport.Budget budget : report.budgets()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%-20s %-8s %,14.2f %,14.2f %,14.2f %,14.2f %7.0f%%  %s",
                    budget.team(),
                    budget.period(),
                    budget.budget(),
                    budget.actual(),
                    budget.forecastP50(),
                    budget.forecastP90(),
                    100 * budget.overrunProbability(),
                    budget.alert() ? "OVER" : ""));
        }
        terminal.say("");
        terminal.say(report.anomalies().size() + " spend anomalies:");
        for (CostReport.Anomaly anomaly : report.anomalies()) {
            terminal.say("  " + anomaly.explanation());
        }
        terminal.say("");
        terminal.say(report.savings().size() + " savings, largest first (" + currency + " a month):");
        for (CostReport.SavingRow saving : report.savings()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "  %-12s %,12.2f  %s: %s",
                    saving.kind(),
                    saving.monthlySaving(),
                    saving.subject(),
                    saving.explanation()));
        }
        if (!report.skuCosts().isEmpty()) {
            terminal.say("");
            terminal.say(String.format(
                    Locale.ROOT,
                    "%-16s %-20s %8s %16s %16s %-16s %18s",
                    "owned sku",
                    "site",
                    "servers",
                    "USD/core-month",
                    "running USD/core",
                    "replace with",
                    "saving USD/month"));
            for (CostReport.SkuCost sku : report.skuCosts()) {
                terminal.say(String.format(
                        Locale.ROOT,
                        "%-16s %-20s %,8d %16.2f %16.2f %-16s %18s",
                        sku.sku(),
                        sku.site(),
                        sku.servers(),
                        sku.costPerCoreMonth(),
                        sku.runningPerCoreMonth(),
                        sku.replacement() == null ? "-" : sku.replacementServers() + " " + sku.replacement(),
                        sku.replacement() == null ? "-" : String.format(Locale.ROOT, "%,.2f", sku.monthlySaving())));
            }
        }
        report.notes().forEach(note -> terminal.say("note: " + note));
    }
}
