package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.organization.Workload;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import org.jspecify.annotations.Nullable;

/**
 * The demand behaviour of one service, shared by all its clusters: growth, weekly and yearly seasonality (or the
 * driver it follows), the resources one unit of its load needs, noise, daily cycle and allocation headroom.
 */
final class ServiceDemand {
    private final Service service;
    private final @Nullable DriverBinding binding;
    private final double growthPerYear;
    private final double[] weekly;
    private final double yearlyAmplitude;
    private final int yearlyPeakDay;
    private final double[] perLoad;
    private final double[] noiseSigma;
    private final double noisePhi;
    private final double dailyAmplitude;
    private final int peakLocalHour;
    private final double headroom;
    private final int startDay;

    private ServiceDemand(
            Service service,
            @Nullable DriverBinding binding,
            double growthPerYear,
            double[] weekly,
            double yearlyAmplitude,
            int yearlyPeakDay,
            double[] perLoad,
            double[] noiseSigma,
            double noisePhi,
            double dailyAmplitude,
            int peakLocalHour,
            double headroom,
            int startDay) {
        this.service = service;
        this.binding = binding;
        this.growthPerYear = growthPerYear;
        this.weekly = weekly;
        this.yearlyAmplitude = yearlyAmplitude;
        this.yearlyPeakDay = yearlyPeakDay;
        this.perLoad = perLoad;
        this.noiseSigma = noiseSigma;
        this.noisePhi = noisePhi;
        this.dailyAmplitude = dailyAmplitude;
        this.peakLocalHour = peakLocalHour;
        this.headroom = headroom;
        this.startDay = startDay;
    }

    static ServiceDemand draw(
            Service service, @Nullable DriverBinding binding, Timeline timeline, RandomStream random) {
        requireNonNull(service, "service is null");
        Workload workload = service.workload();
        double growth = switch (workload) {
            case INTERACTIVE -> 0;
            case BATCH -> random.uniform(0.05, 0.4);
            case IN_MEMORY -> random.uniform(0.05, 0.35);
            case STORAGE -> random.uniform(0.15, 0.45);
        };
        if (workload != Workload.STORAGE && workload != Workload.INTERACTIVE && random.chance(0.1)) {
            growth = random.uniform(-0.15, -0.02);
        }
        double[] weekly = switch (workload) {
            case INTERACTIVE -> new double[] {1, 1, 1, 1, 1, 1, 1};
            case BATCH -> new double[] {0.97, 0.97, 0.97, 0.97, 0.98, 1.07, 1.07};
            case IN_MEMORY -> new double[] {1.02, 1.02, 1.02, 1.02, 1.01, 0.95, 0.96};
            case STORAGE -> new double[] {1, 1, 1, 1, 1, 1, 1};
        };
        double yearly = switch (workload) {
            case INTERACTIVE, STORAGE -> 0;
            case BATCH -> random.uniform(0.02, 0.08);
            case IN_MEMORY -> random.uniform(0.01, 0.05);
        };
        double[] base = switch (workload) {
            case INTERACTIVE -> new double[] {1, 3, 0.004};
            case BATCH -> new double[] {1, 5, 0.02};
            case IN_MEMORY -> new double[] {1, 14, 0.012};
            case STORAGE -> new double[] {0.1, 0.8, 1};
        };
        double[] perLoad = new double[3];
        for (int r = 0; r < 3; r++) {
            perLoad[r] = base[r] * random.uniform(0.8, 1.25);
        }
        double sigma = switch (workload) {
            case INTERACTIVE -> 0.025;
            case BATCH -> 0.07;
            case IN_MEMORY -> 0.02;
            case STORAGE -> 0.004;
        };
        double[] noiseSigma = {sigma, sigma * 0.6, Math.min(sigma, 0.004)};
        double dailyAmplitude = switch (workload) {
            case INTERACTIVE -> random.uniform(0.25, 0.45);
            case BATCH -> random.uniform(0.15, 0.3);
            case IN_MEMORY -> random.uniform(0.08, 0.18);
            case STORAGE -> 0.01;
        };
        int peakHour = switch (workload) {
            case INTERACTIVE -> random.chance(0.5) ? 20 : 14;
            case BATCH -> 2;
            case IN_MEMORY, STORAGE -> 19;
        };
        int start = timeline.earliestDay();
        if (random.chance(0.15) && timeline.historyDays() > 300) {
            start = random.integer(timeline.firstDay() + 60, timeline.lastDay() - 150);
        }
        return new ServiceDemand(
                service,
                binding,
                growth,
                weekly,
                yearly,
                random.integer(1, 365),
                perLoad,
                noiseSigma,
                random.uniform(0.55, 0.8),
                dailyAmplitude,
                peakHour,
                random.uniform(1.02, 1.35),
                start);
    }

    Service service() {
        return service;
    }

    @Nullable
    DriverBinding binding() {
        return binding;
    }

    double growthPerYear() {
        return growthPerYear;
    }

    double weekly(int dayOfWeek) {
        return weekly[dayOfWeek - 1];
    }

    double yearly(int dayOfYear) {
        return 1 + yearlyAmplitude * StrictMath.cos(2 * Math.PI * (dayOfYear - yearlyPeakDay) / 365.25);
    }

    /** Canonical units of {@code resource} one unit of load needs. */
    double perLoad(Resource resource) {
        return switch (resource) {
            case CPU -> perLoad[0];
            case MEMORY -> perLoad[1];
            case STORAGE -> perLoad[2];
        };
    }

    double noiseSigma(Resource resource) {
        return switch (resource) {
            case CPU -> noiseSigma[0];
            case MEMORY -> noiseSigma[1];
            case STORAGE -> noiseSigma[2];
        };
    }

    double noisePhi() {
        return noisePhi;
    }

    double dailyAmplitude() {
        return dailyAmplitude;
    }

    int peakLocalHour() {
        return peakLocalHour;
    }

    double headroom() {
        return headroom;
    }

    /** First day the service exists (the earliest simulated day for services older than the simulation). */
    int startDay() {
        return startDay;
    }
}
