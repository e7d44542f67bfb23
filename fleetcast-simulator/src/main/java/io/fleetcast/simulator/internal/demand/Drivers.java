package io.fleetcast.simulator.internal.demand;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import io.fleetcast.simulator.internal.organization.Service;
import io.fleetcast.simulator.internal.organization.Workload;
import io.fleetcast.simulator.internal.sampling.RandomStream;
import io.fleetcast.simulator.internal.timeline.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The traffic drivers: fleet-wide daily active users (growing 12–25% a year, 20% lower at weekends, a 5% yearly swing
 * peaking in early December, 2% autocorrelated noise), and daily requests of half the interactive services (their
 * users times a per-user rate with its own growth and 3% noise). Every interactive service follows one of them with an
 * elasticity between 0.6 and 1.0.
 */
public final class Drivers {
    /** Weekday factors of daily active users, Monday first (they average 1). */
    private static final double[] WEEKLY = normalised(new double[] {1.03, 1.05, 1.05, 1.04, 0.99, 0.83, 0.81});

    private final ImmutableList<TrafficDriver> drivers;
    private final ImmutableList<DriverBinding> bindings;

    private Drivers(List<TrafficDriver> drivers, List<DriverBinding> bindings) {
        this.drivers = ImmutableList.copyOf(drivers);
        this.bindings = ImmutableList.copyOf(bindings);
    }

    /** Every driver: daily active users first, then requests per service. */
    public ImmutableList<TrafficDriver> drivers() {
        return drivers;
    }

    /** Which service follows which driver, in service order. */
    public ImmutableList<DriverBinding> bindings() {
        return bindings;
    }

    /** The driver {@code service} follows, if any. */
    public Optional<DriverBinding> bindingOf(Service service) {
        return bindings.stream()
                .filter(binding -> binding.service().index() == service.index())
                .findFirst();
    }

    /** The drivers of a fleet of {@code servers} with {@code services}. */
    public static Drivers build(Timeline timeline, int servers, List<Service> services, RandomStream random) {
        requireNonNull(timeline, "timeline is null");
        RandomStream usersRandom = random.derive("daily_active_users");
        double usersAtEnd = Math.round(usersRandom.uniform(1.5e6, 3e6) * servers / 2000.0);
        double growth = usersRandom.uniform(0.12, 0.25);
        double yearlyAmplitude = 0.05;
        int peakDayOfYear = 340;
        int length = timeline.length();
        double[] usersTrend = new double[length];
        double[] usersExpected = new double[length];
        double[] usersActual = new double[length];
        double[] usersNoise = noise(length, 0.02, 0.5, usersRandom.derive("noise"));
        for (int i = 0; i < length; i++) {
            int day = timeline.earliestDay() + i;
            usersTrend[i] = usersAtEnd * StrictMath.exp(growth * timeline.yearsFromEnd(day));
            double yearly = 1
                    + yearlyAmplitude
                            * StrictMath.cos(
                                    2 * Math.PI * (Timeline.date(day).getDayOfYear() - peakDayOfYear) / 365.25);
            usersExpected[i] = usersTrend[i] * WEEKLY[Timeline.dayOfWeek(day) - 1] * yearly;
            usersActual[i] = usersExpected[i] * usersNoise[i];
        }
        List<TrafficDriver> drivers = new ArrayList<>();
        TrafficDriver users = new TrafficDriver(
                "daily_active_users", null, "users", timeline, usersExpected, usersTrend, usersActual);
        drivers.add(users);

        List<DriverBinding> bindings = new ArrayList<>();
        int interactiveCount = 0;
        for (Service service : services) {
            if (service.workload() != Workload.INTERACTIVE) {
                continue;
            }
            RandomStream serviceRandom = random.derive("requests-" + service.name());
            double elasticity = Math.round(serviceRandom.uniform(0.6, 1.0) * 100) / 100.0;
            // Alternate: even interactive services follow users, odd ones their own requests.
            boolean ownRequests = interactiveCount++ % 2 == 1;
            if (!ownRequests) {
                bindings.add(new DriverBinding(service, users, elasticity));
                continue;
            }
            double perUser = serviceRandom.uniform(20, 300);
            double extraGrowth = serviceRandom.uniform(-0.03, 0.15);
            double[] requestNoise = noise(length, 0.03, 0.4, serviceRandom.derive("noise"));
            double[] trend = new double[length];
            double[] expected = new double[length];
            double[] actual = new double[length];
            for (int i = 0; i < length; i++) {
                int day = timeline.earliestDay() + i;
                double factor = perUser * StrictMath.exp(extraGrowth * timeline.yearsFromEnd(day));
                trend[i] = usersTrend[i] * factor;
                expected[i] = usersExpected[i] * factor;
                actual[i] = usersActual[i] * factor * requestNoise[i];
            }
            TrafficDriver requests =
                    new TrafficDriver("requests", service.name(), "requests", timeline, expected, trend, actual);
            drivers.add(requests);
            bindings.add(new DriverBinding(service, requests, elasticity));
        }
        return new Drivers(drivers, bindings);
    }

    /**
     * Multiplicative noise with mean 1: {@code exp(z − σ²/2)} where z is a stationary AR(1) process with standard
     * deviation σ and lag-one autocorrelation φ.
     */
    static double[] noise(int length, double sigma, double phi, RandomStream random) {
        double[] values = new double[length];
        double innovation = sigma * StrictMath.sqrt(1 - phi * phi);
        double z = sigma * random.gaussian();
        for (int i = 0; i < length; i++) {
            values[i] = StrictMath.exp(z - sigma * sigma / 2);
            z = phi * z + innovation * random.gaussian();
        }
        return values;
    }

    private static double[] normalised(double[] factors) {
        double sum = 0;
        for (double factor : factors) {
            sum += factor;
        }
        double[] result = new double[factors.length];
        for (int i = 0; i < factors.length; i++) {
            result[i] = factors[i] * factors.length / sum;
        }
        return result;
    }
}
