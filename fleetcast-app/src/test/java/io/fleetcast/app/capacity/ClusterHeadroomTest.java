package io.fleetcast.app.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.app.forecast.ForecastInputs;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.headroom.HeadroomSizing;
import io.fleetcast.planning.supply.LeadTimes;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The capacity plan's demand forecast and its headroom backtest on a cluster whose answers are known exactly: service
 * A grows by exactly 20% a year (e^0.2) for the three years of data; B arrives 300 days before the end, ramps up
 * linearly over 60 days to 500 cores and then grows like A; C used 50 cores until 300 days before the end and left.
 * Growth that is exactly log-linear is what the plan's regression fits exactly, so its forecasts are exact: A and B
 * carry on, C has left and uses nothing. In the backtest, B is left out of the origins where it had not settled yet
 * and C counts as using nothing, so every error is zero.
 */
class ClusterHeadroomTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
    private static final LocalDate DATA_FIRST = AS_OF.minusDays(1094);
    private static final LocalDate B_FIRST = AS_OF.minusDays(299);
    private static final double GROWTH_PER_DAY = 0.2 / 365.25;
    private static final ForecastInputs NO_EVENTS = ForecastInputs.of(List.of(), Map.of(), List.of(), List.of());

    private static double a(LocalDate day) {
        return 100 * Math.exp(GROWTH_PER_DAY * (day.toEpochDay() - DATA_FIRST.toEpochDay()));
    }

    private static double b(LocalDate day) {
        long age = day.toEpochDay() - B_FIRST.toEpochDay();
        return age < 60 ? 500.0 * (age + 1) / 60 : 500 * Math.exp(GROWTH_PER_DAY * (age - 60));
    }

    private static List<ClusterDemandForecaster.History> services() {
        double[] a = new double[1095];
        for (int t = 0; t < a.length; t++) {
            a[t] = a(DATA_FIRST.plusDays(t));
        }
        double[] b = new double[300];
        for (int t = 0; t < b.length; t++) {
            b[t] = b(B_FIRST.plusDays(t));
        }
        double[] c = new double[1095 - 300];
        Arrays.fill(c, 50);
        return List.of(
                new ClusterDemandForecaster.History("a", "c1", Resource.CPU, DATA_FIRST, a),
                new ClusterDemandForecaster.History("b", "c1", Resource.CPU, B_FIRST, b),
                new ClusterDemandForecaster.History("c", "c1", Resource.CPU, DATA_FIRST, c));
    }

    @Test
    void settledServicesCarryOnAndOneThatLeftUsesNothing() {
        List<DemandForecast> forecasts = ClusterDemandForecaster.forecast(
                services(), DATA_FIRST, AS_OF, 365, NO_EVENTS, List.of(), (done, total) -> {});

        assertThat(forecasts).hasSize(1);
        DemandForecast cluster = forecasts.get(0);
        assertThat(cluster.model()).contains("Left(" + AS_OF.minusDays(300) + ")");
        for (int day = 0; day < 365; day += 13) {
            LocalDate date = AS_OF.plusDays(day + 1);
            double expected = a(date) + b(date);
            assertThat(cluster.p50(day)).as("P50 on %s", date).isCloseTo(expected, within(expected * 1e-6));
        }
    }

    @Test
    void theBacktestRunsThePlansMethodOnTheServicesThatHadSettled() {
        double[] flat = new double[365];
        Arrays.fill(flat, 1000);
        DemandForecast demand =
                new DemandForecast("c1", Resource.CPU, AS_OF.plusDays(1), flat, flat, flat, "", List.of());
        ClusterHeadroom.Context context = new ClusterHeadroom.Context(
                AS_OF,
                List.of(),
                List.of(),
                Map.of(),
                Map.of(),
                LeadTimes.learn(List.of()),
                0.99,
                HeadroomPolicy.DEFAULT,
                NO_EVENTS,
                Map.of("c1/cpu", services()),
                DATA_FIRST,
                List.of());

        HeadroomSizing sizing =
                ClusterHeadroom.size(Resource.CPU, demand, 101, context).orElseThrow();

        assertThat(sizing.method().errorCount()).isEqualTo(12);
        assertThat(sizing.method().errorHorizonDays()).isEqualTo(101);
        assertThat(sizing.method().errorMethod()).isEqualTo("the plan's per-service forecasts, summed");
        // The largest of twelve errors, each zero: counting B's arrival or C's absence would make it tens of percent.
        assertThat(sizing.component("forecast_error").amount()).isCloseTo(0, within(1e-3));
    }
}
