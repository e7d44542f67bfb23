package io.fleetcast.app.bench;

import io.fleetcast.app.life.LifeFitService;
import io.fleetcast.core.error.FleetcastException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A fleet-sized life data set and the time Fleetcast takes to fit it: {@code units} drives with Weibull lives
 * (η = 2,000 days, β = 1.4), installed evenly over a span chosen so that a share {@code suspended} of them are still
 * working on the last day; ages in whole days, as a fleet's records give them. Written as a {@code time,state} CSV
 * for other tools (R's {@code survreg}, in {@code scripts/compare-life-with-r.sh}) to fit the same file.
 */
public final class LifeBenchmark {
    /** The true Weibull scale, in days. */
    public static final double SCALE_DAYS = 2000;
    /** The true Weibull shape. */
    public static final double SHAPE = 1.4;

    /**
     * The measurement.
     *
     * @param units the units written
     * @param suspended the share of them suspended
     * @param seconds the wall time of reading the file and fitting it ({@code fleetcast life fit}'s work)
     * @param fit the fit, as {@code fleetcast life fit --json} gives it
     */
    public record Result(String file, long units, double suspended, double seconds, LifeFitService.Result fit) {}

    private LifeBenchmark() {}

    /** Writes the data set to {@code file} (seeded), then reads and fits it, timing that. */
    public static Result run(long units, double suspended, Path file) {
        if (units < 10 || !(suspended >= 0 && suspended < 1)) {
            throw FleetcastException.badInput("--units must be at least 10 and --suspended 0 to below 1");
        }
        double span = installSpan(suspended);
        Random random = new Random(1);
        long suspensions = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write("time,state\n");
            for (long i = 0; i < units; i++) {
                double age = Math.floor(span * random.nextDouble()) + 1;
                double life = SCALE_DAYS * Math.pow(-Math.log(1 - random.nextDouble()), 1 / SHAPE);
                if (life < age) {
                    writer.write(Long.toString(Math.max(1, Math.round(life))));
                    writer.write(",F\n");
                } else {
                    writer.write(Long.toString((long) age));
                    writer.write(",S\n");
                    suspensions++;
                }
            }
        } catch (IOException e) {
            throw FleetcastException.badInput(file + ": cannot write: " + e.getMessage());
        }
        long start = System.nanoTime();
        LifeFitService.Result fit = LifeFitService.fit(file, "weibull2p", "mle", 0.95);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(file.toString(), units, (double) suspensions / units, seconds, fit);
    }

    /** The install span (days) for which a share {@code suspended} of units with uniform ages in it still work. */
    private static double installSpan(double suspended) {
        double low = 1;
        double high = 1e6;
        for (int i = 0; i < 100; i++) {
            double mid = Math.sqrt(low * high);
            if (survivingShare(mid) > suspended) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The mean of R(a) for ages a uniform on (0, span). */
    private static double survivingShare(double span) {
        int steps = 2000;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            double a = span * (i + 0.5) / steps;
            sum += Math.exp(-Math.pow(a / SCALE_DAYS, SHAPE));
        }
        return sum / steps;
    }
}
