package io.fleetcast.simulator.internal.telemetry;

import static java.util.Objects.requireNonNull;

import io.fleetcast.simulator.internal.csv.CsvField;
import io.fleetcast.simulator.internal.csv.CsvTableWriter;
import io.fleetcast.simulator.internal.failure.FailureMode;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.supply.Asset;
import io.fleetcast.simulator.internal.supply.Supply;
import io.fleetcast.simulator.internal.timeline.Timeline;

/**
 * Writes telemetry.csv: one reading per owned server, signal and day (at 00:00 UTC) over the last
 * {@value Timeline#TELEMETRY_DAYS} days of the history, while the server is in service. Cloud instances have none.
 *
 * <ul>
 *   <li>{@code temp_c} (C): a per-server baseline around 45–55, ±0.8 daily noise, a 1% chance a day of a benign
 *       5–10 degree spike; thermal failures add up to 14 degrees.
 *   <li>{@code fan_rpm} (rpm): follows temperature (120 rpm per degree) with noise; thermal failures add up to 2500.
 *   <li>{@code corrected_memory_errors} (count per day): Poisson, 0.05–0.3 a day (1–4 for 15% of servers), rare
 *       benign bursts of 20–150; memory failures add up to 400 a day.
 *   <li>{@code disk_reallocated_sectors} (count, cumulative): mostly 0, rarely +1; disk failures grow it by up to about
 *       150 a day.
 * </ul>
 *
 * Degradation progresses as the square of the elapsed share of the degradation window, so it is faint at first, times
 * a per-server strength between 0.4 and 1, so some failures announce themselves far more plainly than others.
 */
public final class TelemetryFile {
    private static final CsvField TEMPERATURE = CsvField.of("temp_c");
    private static final CsvField FAN = CsvField.of("fan_rpm");
    private static final CsvField MEMORY_ERRORS = CsvField.of("corrected_memory_errors");
    private static final CsvField SECTORS = CsvField.of("disk_reallocated_sectors");
    private static final CsvField CELSIUS = CsvField.of("C");
    private static final CsvField RPM = CsvField.of("rpm");
    private static final CsvField COUNT = CsvField.of("count");

    private TelemetryFile() {}

    public static void write(Timeline timeline, Supply supply, RandomStream random, CsvTableWriter writer) {
        requireNonNull(timeline, "timeline is null");
        requireNonNull(random, "random is null");
        int assetColumn = writer.column("asset_id");
        int ts = writer.column("ts");
        int signal = writer.column("signal");
        int value = writer.column("value");
        int unit = writer.column("unit");
        int first = timeline.firstTelemetryDay();
        int last = timeline.lastDay();
        for (Asset asset : supply.owned()) {
            int from = Math.max(asset.installDay(), first);
            int to = Math.min(asset.leaveDay() - 1, last);
            if (from > to) {
                continue;
            }
            RandomStream draw = random.derive(asset.id());
            CsvField id = CsvField.of(asset.id());
            double temperatureBase = 45 + draw.uniform(0, 10);
            double fanBase = 6500 + draw.uniform(-300, 300);
            double errorRate = draw.chance(0.15) ? draw.uniform(1, 4) : draw.uniform(0.05, 0.3);
            long sectors = draw.chance(0.1) ? draw.integer(1, 20) : 0;
            FailureMode mode = asset.failureMode();
            boolean degrades = asset.fails() && asset.degradationDays() > 0;
            // How plainly the coming failure shows: some servers warn loudly, others barely.
            double strength = draw.uniform(0.4, 1.0);
            int failure = asset.failureDay();
            int degradationStart = failure - asset.degradationDays();
            for (int day = from; day <= to; day++) {
                double progress = 0;
                if (degrades && day >= degradationStart) {
                    progress = Math.min(1, (day - degradationStart) / (double) asset.degradationDays());
                }
                double severity = strength * progress * progress;
                double temperature = temperatureBase + 0.8 * draw.gaussian();
                if (draw.chance(0.01)) {
                    temperature += draw.uniform(5, 10);
                }
                double fan = fanBase + 120 * (temperature - temperatureBase) + 120 * draw.gaussian();
                double errors = errorRate;
                if (draw.chance(0.004)) {
                    errors += draw.uniform(20, 150);
                }
                long newSectors = draw.chance(0.002) ? 1 : 0;
                switch (mode) {
                    case THERMAL -> {
                        temperature += 14 * severity;
                        fan += 2500 * severity;
                    }
                    case MEMORY -> errors += 400 * severity;
                    case DISK -> newSectors += draw.poisson(StrictMath.exp(5 * severity) - 1);
                    case NONE -> {
                        // Cloud instances have no telemetry and owned servers always have a failure mode.
                    }
                }
                sectors += newSectors;
                writer.text(assetColumn, id)
                        .timestamp(ts, day, 0)
                        .text(signal, TEMPERATURE)
                        .number(value, temperature, 1)
                        .text(unit, CELSIUS);
                writer.endRow();
                writer.text(assetColumn, id)
                        .timestamp(ts, day, 0)
                        .text(signal, FAN)
                        .number(value, fan, 0)
                        .text(unit, RPM);
                writer.endRow();
                writer.text(assetColumn, id)
                        .timestamp(ts, day, 0)
                        .text(signal, MEMORY_ERRORS)
                        .integer(value, draw.poisson(errors))
                        .text(unit, COUNT);
                writer.endRow();
                writer.text(assetColumn, id)
                        .timestamp(ts, day, 0)
                        .text(signal, SECTORS)
                        .integer(value, sectors)
                        .text(unit, COUNT);
                writer.endRow();
            }
        }
    }
}
