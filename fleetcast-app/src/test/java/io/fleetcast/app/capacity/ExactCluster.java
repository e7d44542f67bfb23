package io.fleetcast.app.capacity;

import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.core.unit.Resource;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A cluster whose forecasts are known exactly: service A grows by exactly 20% a year (e^0.2) for the three years of
 * data; B arrives 300 days before the end, ramps up linearly over 60 days to 500 cores and then grows like A; C used
 * 50 cores until 300 days before the end and left. Growth that is exactly log-linear is what the plan's regression
 * fits exactly, so its forecasts are exact.
 */
final class ExactCluster {
    static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    static final LocalDate DATA_FIRST = AS_OF.minusDays(1094);
    static final LocalDate B_FIRST = AS_OF.minusDays(299);
    static final ForecastInputs NO_EVENTS = ForecastInputs.of(List.of(), Map.of(), List.of(), List.of());
    private static final double GROWTH_PER_DAY = 0.2 / 365.25;

    private ExactCluster() {}

    static double a(LocalDate day) {
        return 100 * Math.exp(GROWTH_PER_DAY * (day.toEpochDay() - DATA_FIRST.toEpochDay()));
    }

    static double b(LocalDate day) {
        long age = day.toEpochDay() - B_FIRST.toEpochDay();
        return age < 60 ? 500.0 * (age + 1) / 60 : 500 * Math.exp(GROWTH_PER_DAY * (age - 60));
    }

    /** A's history: {@code a(day)}, plus {@code step} from {@code stepFrom} on. */
    static ClusterDemandForecaster.History a(double step, LocalDate stepFrom) {
        double[] used = new double[1095];
        for (int t = 0; t < used.length; t++) {
            LocalDate day = DATA_FIRST.plusDays(t);
            used[t] = a(day) + (day.isBefore(stepFrom) ? 0 : step);
        }
        return new ClusterDemandForecaster.History("a", "c1", Resource.CPU, DATA_FIRST, used);
    }

    /** A, B and C. */
    static List<ClusterDemandForecaster.History> services() {
        double[] b = new double[300];
        for (int t = 0; t < b.length; t++) {
            b[t] = b(B_FIRST.plusDays(t));
        }
        double[] c = new double[1095 - 300];
        Arrays.fill(c, 50);
        return List.of(
                a(0, AS_OF),
                new ClusterDemandForecaster.History("b", "c1", Resource.CPU, B_FIRST, b),
                new ClusterDemandForecaster.History("c", "c1", Resource.CPU, DATA_FIRST, c));
    }
}
