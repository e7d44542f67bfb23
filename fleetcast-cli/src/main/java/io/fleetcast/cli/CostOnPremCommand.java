package io.fleetcast.cli;

import io.fleetcast.app.FleetcastApp;
import io.fleetcast.app.cost.OnPremCostService;
import io.fleetcast.core.error.FleetcastException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "onprem",
        mixinStandardHelpOptions = true,
        description = {
            "Write a month of owned servers' costs as FOCUS cost lines: depreciation (price over the SKU's depreciation"
                    + " months), power (typical watts x PUE x the site's price per kWh), space and network per"
                    + " server-day, split over services by their share of each cluster's allocations. Load the file"
                    + " with 'fleetcast ingest costs FILE'; loading a month again replaces it. Prints each owned SKU's"
                    + " unit rates at each site.",
            "The site rates file: site,usd_per_kwh,pue,space_per_server_day[,network_per_server_day].",
            "Example: fleetcast cost onprem --month 2026-10 --site-rates sites.csv --out onprem-2026-10.csv"
        })
final class CostOnPremCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--month", paramLabel = "YYYY-MM", required = true, description = "The month to cost.")
    String month = "";

    @Option(names = "--site-rates", paramLabel = "FILE", required = true, description = "Each site's rates (CSV).")
    Path siteRates = Path.of("");

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "Where to write the cost lines.")
    Path out = Path.of("");

    @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        Terminal terminal = Terminals.of(spec);
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw FleetcastException.badInput("--month takes a month like 2026-10, not '" + month + "'");
        }
        OnPremCostService.Result result;
        try (FleetcastApp app = FleetcastApp.open(store.config().readOnly())) {
            result = app.onPremCosts().write(parsed, siteRates, out);
        }
        if (json) {
            terminal.json(result);
            return 0;
        }
        terminal.say(String.format(
                Locale.ROOT, "%-16s %-20s %14s %14s %14s", "sku", "site", "USD/core-h", "USD/GiB-h", "USD/TB-month"));
        for (OnPremCostService.UnitRate rate : result.unitRates()) {
            terminal.say(String.format(
                    Locale.ROOT,
                    "%-16s %-20s %14.5f %14.6f %14.2f",
                    rate.sku(),
                    rate.site(),
                    rate.perCoreHour(),
                    rate.perGibHour(),
                    rate.perTbMonth()));
        }
        terminal.say(String.format(
                Locale.ROOT,
                "%s: %,d cost lines for %s, %,.2f USD; load them with 'fleetcast ingest costs %s'",
                result.file(),
                result.lines(),
                parsed,
                result.total(),
                result.file()));
        return 0;
    }
}
