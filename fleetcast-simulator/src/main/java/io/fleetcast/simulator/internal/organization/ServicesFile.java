package io.fleetcast.simulator.internal.organization;

import io.fleetcast.simulator.internal.csv.CsvTableWriter;

/** Writes services.csv: the ownership mapping of every service. */
public final class ServicesFile {
    private ServicesFile() {}

    public static void write(Organization organization, CsvTableWriter writer) {
        int service = writer.column("service");
        int team = writer.column("team");
        int org = writer.column("org");
        int tier = writer.column("tier");
        for (Service value : organization.services()) {
            writer.text(service, value.name())
                    .text(team, value.team())
                    .text(org, value.org())
                    .text(tier, value.tier());
            writer.endRow();
        }
    }
}
