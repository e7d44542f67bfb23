package io.fleetcast.app.capacity;

import static io.fleetcast.app.capacity.ExactCluster.AS_OF;
import static io.fleetcast.app.capacity.ExactCluster.DATA_FIRST;
import static io.fleetcast.app.capacity.ExactCluster.NO_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.headroom.HeadroomSizing;
import io.fleetcast.planning.supply.LeadTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The headroom's forecast-error backtest on {@link ExactCluster}: B is left out of the origins where it had not
 * settled yet and C counts as using nothing, so every error of the plan's exact method is zero; an origin counts only
 * where the settled services carried half the cluster.
 */
class ClusterHeadroomTest {
    @Test
    void theBacktestRunsThePlansMethodOnTheServicesThatHadSettled() {
        HeadroomSizing sizing = size(ExactCluster.services());

        // B settles 146 days after it arrived (299 days before the end): from the fifth origin back, at 157 days
        // before the end, it had not, and its 520 cores were three quarters of the cluster. Those origins measure A
        // alone, a quarter of the cluster, so they are left out.
        assertThat(sizing.method().errorCount()).isEqualTo(4);
        assertThat(sizing.method().errorHorizonDays()).isEqualTo(101);
        assertThat(sizing.method().errorMethod()).isEqualTo("the plan's per-service forecasts, summed");
        // The largest of the errors, each zero: counting B's arrival or C's absence would make it tens of percent.
        assertThat(sizing.component("forecast_error").amount()).isCloseTo(0, within(1e-3));
    }

    @Test
    void anOriginCountsWhereItsSettledServicesCarriedHalfTheCluster() {
        List<ClusterDemandForecaster.History> services = new ArrayList<>(ExactCluster.services());
        ClusterDemandForecaster.History b = services.get(1);
        double[] small = Arrays.stream(b.values()).map(used -> used / 10).toArray();
        services.set(1, new ClusterDemandForecaster.History("b", "c1", Resource.CPU, b.first(), small));

        HeadroomSizing sizing = size(services);

        // A tenth of B is 52 cores beside A's 167 at the earliest origin: A carried three quarters, so all twelve
        // count.
        assertThat(sizing.method().errorCount()).isEqualTo(12);
        assertThat(sizing.component("forecast_error").amount()).isCloseTo(0, within(1e-3));
    }

    private static HeadroomSizing size(List<ClusterDemandForecaster.History> services) {
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
                Map.of("c1/cpu", services),
                DATA_FIRST,
                List.of(),
                YearlyProfiles.NONE);
        return ClusterHeadroom.size(Resource.CPU, demand, 101, context).orElseThrow();
    }
}
