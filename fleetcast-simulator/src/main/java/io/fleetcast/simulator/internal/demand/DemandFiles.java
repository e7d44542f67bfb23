package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.time.Grain;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;

/** Writes the demand side's files: drivers, events, adjustments and usage. */
public final class DemandFiles {
    private static final int USAGE_DECIMALS = 3;

    private DemandFiles() {}

    /** drivers.csv: every driver's observed value on every day of the history, rounded to whole counts. */
    public static void writeDrivers(DemandModel model, CsvTableWriter writer) {
        int date = writer.column("date");
        int driverColumn = writer.column("driver");
        int service = writer.column("service");
        int value = writer.column("value");
        int unit = writer.column("unit");
        Timeline timeline = model.timeline();
        for (TrafficDriver driver : model.drivers().drivers()) {
            CsvField name = CsvField.of(driver.name());
            CsvField unitField = CsvField.of(driver.unit());
            String serviceName = driver.service();
            CsvField serviceField = serviceName == null ? null : CsvField.of(serviceName);
            for (int day = timeline.firstDay(); day <= timeline.lastDay(); day++) {
                writer.date(date, day).text(driverColumn, name);
                if (serviceField != null) {
                    writer.text(service, serviceField);
                }
                writer.integer(value, Math.round(driver.actual(day))).text(unit, unitField);
                writer.endRow();
            }
        }
    }

    /** events.csv: holidays and one-off events from the start of the history to the end of the planning horizon. */
    public static void writeEvents(DemandModel model, CsvTableWriter writer) {
        int name = writer.column("name");
        int kind = writer.column("kind");
        int start = writer.column("start_date");
        int end = writer.column("end_date");
        int scope = writer.column("scope");
        int scopeValue = writer.column("scope_value");
        for (DemandEvent event : model.events()) {
            writer.text(name, event.name())
                    .text(kind, event.kind().code())
                    .date(start, event.startDay())
                    .date(end, event.endDay())
                    .text(scope, event.scope().code());
            if (!event.scopeValue().isEmpty()) {
                writer.text(scopeValue, event.scopeValue());
            }
            writer.endRow();
        }
    }

    /** adjustments.csv: one step adjustment per launch and resource. */
    public static void writeAdjustments(DemandModel model, CsvTableWriter writer) {
        int id = writer.column("adjustment_id");
        int service = writer.column("service");
        int cluster = writer.column("cluster");
        int resource = writer.column("resource");
        int kind = writer.column("kind");
        int value = writer.column("value");
        int unit = writer.column("unit");
        int start = writer.column("start_date");
        int author = writer.column("author");
        int reason = writer.column("reason");
        int created = writer.column("created_at");
        for (Launch launch : model.launches()) {
            writer.text(id, launch.adjustmentId())
                    .text(service, launch.placement().service().name())
                    .text(cluster, launch.placement().cluster().name())
                    .text(resource, launch.resource().code())
                    .text(kind, "step")
                    .number(value, launch.step(), 3)
                    .text(unit, launch.resource().canonicalUnit())
                    .date(start, launch.startDay())
                    .text(author, launch.author())
                    .text(reason, launch.reason())
                    .timestamp(created, launch.createdDay(), launch.createdMinute() / 60, launch.createdMinute() % 60);
            writer.endRow();
        }
    }

    /**
     * usage.csv: for every placement and resource, one daily row per day of the history from the placement's start,
     * then hourly rows for the last {@value Timeline#HOURLY_DAYS} days whose average equals the day's row.
     */
    public static void writeUsage(DemandModel model, CsvTableWriter writer, RandomStream random) {
        requireNonNull(random, "random is null");
        int ts = writer.column("ts");
        int grain = writer.column("grain");
        int service = writer.column("service");
        int cluster = writer.column("cluster");
        int resource = writer.column("resource");
        int unit = writer.column("unit");
        int used = writer.column("used");
        int allocated = writer.column("allocated");
        Timeline timeline = model.timeline();
        CsvField day = CsvField.of(Grain.DAY.code());
        CsvField hour = CsvField.of(Grain.HOUR.code());
        int firstHourly = timeline.firstHourlyDay();
        double[] recent = new double[Timeline.HOURLY_DAYS];
        double[] hourly = new double[24];
        for (Placement placement : model.placements()) {
            CsvField serviceField = CsvField.of(placement.service().name());
            CsvField clusterField = CsvField.of(placement.cluster().name());
            ServiceDemand demand = placement.demand();
            DriverBinding binding = placement.binding();
            int first = Math.max(timeline.firstDay(), placement.startDay());
            if (first > timeline.lastDay()) {
                continue;
            }
            RandomStream placementRandom = random.derive(
                    placement.cluster().name() + "/" + placement.service().name());
            for (Resource resourceValue : Resource.values()) {
                CsvField resourceField = CsvField.of(resourceValue.code());
                CsvField unitField = CsvField.of(resourceValue.canonicalUnit());
                RandomStream noiseRandom = placementRandom.derive(resourceValue.code());
                double sigma = demand.noiseSigma(resourceValue);
                double phi = demand.noisePhi();
                double innovation = sigma * StrictMath.sqrt(1 - phi * phi);
                double z = sigma * noiseRandom.gaussian();
                for (int d = first; d <= timeline.lastDay(); d++) {
                    double steps = placement.steps(resourceValue, d);
                    double base = placement.expected(resourceValue, d) - steps;
                    if (binding != null && resourceValue != Resource.STORAGE) {
                        TrafficDriver driver = binding.driver();
                        base *= StrictMath.pow(driver.actual(d) / driver.expected(d), binding.elasticity());
                    }
                    double value = Math.max(0, (base + steps) * StrictMath.exp(z - sigma * sigma / 2));
                    z = phi * z + innovation * noiseRandom.gaussian();
                    writer.timestamp(ts, d, 0)
                            .text(grain, day)
                            .text(service, serviceField)
                            .text(cluster, clusterField)
                            .text(resource, resourceField)
                            .text(unit, unitField)
                            .number(used, value, USAGE_DECIMALS)
                            .number(allocated, placement.allocated(resourceValue, d), USAGE_DECIMALS);
                    writer.endRow();
                    if (d >= firstHourly) {
                        recent[d - firstHourly] = value;
                    }
                }
                RandomStream hourlyRandom = placementRandom.derive(resourceValue.code() + "-hourly");
                int offset = placement.cluster().region().utcOffsetHours();
                double amplitude = resourceValue == Resource.STORAGE ? 0.01 : demand.dailyAmplitude();
                double hourlySigma = resourceValue == Resource.STORAGE ? 0.002 : 0.03;
                for (int d = Math.max(first, firstHourly); d <= timeline.lastDay(); d++) {
                    double sum = 0;
                    for (int h = 0; h < 24; h++) {
                        int localHour = Math.floorMod(h + offset, 24);
                        double cycle = 1
                                + amplitude * StrictMath.cos(2 * Math.PI * (localHour - demand.peakLocalHour()) / 24.0);
                        hourly[h] = cycle * StrictMath.exp(hourlySigma * hourlyRandom.gaussian());
                        sum += hourly[h];
                    }
                    double dayValue = recent[d - firstHourly];
                    double dayAllocated = placement.allocated(resourceValue, d);
                    for (int h = 0; h < 24; h++) {
                        writer.timestamp(ts, d, h)
                                .text(grain, hour)
                                .text(service, serviceField)
                                .text(cluster, clusterField)
                                .text(resource, resourceField)
                                .text(unit, unitField)
                                .number(used, dayValue * hourly[h] * 24 / sum, USAGE_DECIMALS)
                                .number(allocated, dayAllocated, USAGE_DECIMALS);
                        writer.endRow();
                    }
                }
            }
        }
    }
}
