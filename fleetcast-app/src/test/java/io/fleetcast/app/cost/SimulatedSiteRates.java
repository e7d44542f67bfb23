package io.fleetcast.app.cost;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fleetcast.app.FleetcastApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sites' rates the simulator used, as its on-prem power and space lines state them, written as a rates file. */
final class SimulatedSiteRates {
    private SimulatedSiteRates() {}

    /** Writes the rates of every site with on-prem power lines to {@code file}. */
    static Path write(FleetcastApp app, Path file) {
        List<String> rates = new ArrayList<>(List.of("site,usd_per_kwh,pue,space_per_server_day"));
        for (List<Object> row : app.sql()
                .query(
                        "SELECT replace(p.SkuId, 'power-', ''), any_value(p.ListUnitPrice),"
                                + " any_value(regexp_extract(p.ChargeDescription, 'PUE ([0-9.]+)', 1)),"
                                + " any_value(s.ListUnitPrice) FROM costs p JOIN costs s"
                                + " ON s.SkuId = replace(p.SkuId, 'power-', 'space-')"
                                + " WHERE p.SkuId LIKE 'power-%' GROUP BY 1 ORDER BY 1",
                        1000)
                .rows()) {
            rates.add(row.get(0) + "," + row.get(1) + "," + row.get(2) + "," + row.get(3));
        }
        try {
            return Files.write(file, rates, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
