package io.fleetcast.app.capacity;

import static io.fleetcast.app.capacity.ExactCluster.AS_OF;
import static io.fleetcast.app.capacity.ExactCluster.DATA_FIRST;
import static io.fleetcast.app.capacity.ExactCluster.NO_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.planning.capacity.DemandForecast;
import io.fleetcast.planning.headroom.ForecastErrors;
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
 * where the settled services carried half the cluster; and how each cluster's errors are pooled with the other
 * clusters', scaled to its own.
 */
class ClusterHeadroomTest {
    @Test
    void theBacktestRunsThePlansMethodOnTheServicesThatHadSettled() {
        ClusterHeadroom.Backtest backtest = backtest(ExactCluster.services());

        // B settles 146 days after it arrived (299 days before the end): from the fifth origin back, at 157 days
        // before the end, it had not, and its 520 cores were three quarters of the cluster. Those origins measure A
        // alone, a quarter of the cluster, so they are left out.
        assertThat(backtest.errors()).hasSize(4);
        assertThat(backtest.complete()).isFalse();
        assertThat(backtest.days()).isEqualTo(101);
        // Each error is zero: counting B's arrival or C's absence would make them tens of percent.
        assertThat(backtest.errors()).allSatisfy(error -> assertThat(error).isCloseTo(0, within(1e-6)));
    }

    @Test
    void anOriginCountsWhereItsSettledServicesCarriedHalfTheCluster() {
        List<ClusterDemandForecaster.History> services = new ArrayList<>(ExactCluster.services());
        ClusterDemandForecaster.History b = services.get(1);
        double[] small = Arrays.stream(b.values()).map(used -> used / 10).toArray();
        services.set(1, new ClusterDemandForecaster.History("b", "c1", Resource.CPU, b.first(), small));

        ClusterHeadroom.Backtest backtest = backtest(services);

        // A tenth of B is 52 cores beside A's 167 at the earliest origin: A carried three quarters, so all twelve
        // count.
        assertThat(backtest.errors()).hasSize(12);
        assertThat(backtest.complete()).isTrue();
        assertThat(backtest.errors()).allSatisfy(error -> assertThat(error).isCloseTo(0, within(1e-6)));
    }

    @Test
    void aClusterAddsTheOtherClustersErrorsDividedByTheirSpreadAndMultipliedByItsOwn() {
        List<Double> alternating = new ArrayList<>();
        for (int k = 0; k < ClusterHeadroom.ORIGINS; k++) {
            alternating.add(k % 2 == 0 ? 0.02 : -0.02);
        }
        ClusterHeadroom.Backtest c1 =
                new ClusterHeadroom.Backtest("c1", Resource.CPU, 101, ImmutableList.copyOf(alternating));
        ClusterHeadroom.Backtest c2 = new ClusterHeadroom.Backtest("c2", Resource.CPU, 101, steady(1));
        DemandForecast demand = flat();

        ForecastErrors errors = ClusterHeadroom.errors(c1, List.of(c1, c2), demand);
        HeadroomSizing sizing = ClusterHeadroom.size(Resource.CPU, demand, errors, context(List.of()));

        // c2's root mean square is sqrt(650 / 12) / 100 = 7.36%, c1's 2%: c2's largest, 12%, becomes 12 / 7.36 × 2 =
        // 3.26% of the 1,000 cores forecast, the largest of 24.
        assertThat(errors.values()).hasSize(24);
        assertThat(errors.method())
                .isEqualTo("the plan's per-service forecasts, summed: its own 12 and 12 of 1 other cluster (cpu errors,"
                        + " any lead time), each divided by its cluster's root mean square and multiplied by 2.00%, its"
                        + " own");
        assertThat(sizing.component("forecast_error").amount()).isCloseTo(32.609579, within(1e-6));
        // c2 takes c1's ±1 times its own 7.36%: below its own largest, 12%.
        assertThat(ClusterHeadroom.errors(c2, List.of(c1, c2), demand).values())
                .hasSize(24)
                .contains(0.12)
                .allSatisfy(error -> assertThat(error).isLessThanOrEqualTo(0.12));
        // Alone, a cluster keeps its own.
        ForecastErrors alone = ClusterHeadroom.errors(c2, List.of(c2), demand);
        assertThat(alone.values()).isEqualTo(steady(1));
        assertThat(alone.method()).isEqualTo("the plan's per-service forecasts, summed");
    }

    @Test
    void aYoungClusterTakesTheSpreadOfCompleteClustersWithItsLeadTime() {
        ClusterHeadroom.Backtest young = backtest(ExactCluster.services());
        List<ClusterHeadroom.Backtest> all = List.of(
                young,
                new ClusterHeadroom.Backtest("c2", Resource.CPU, 101, steady(1)),
                // Another lead time lends its shape, not its spread; another resource and another young cluster
                // lend nothing.
                new ClusterHeadroom.Backtest("c3", Resource.CPU, 78, steady(2)),
                new ClusterHeadroom.Backtest("c2", Resource.MEMORY, 101, steady(3)),
                new ClusterHeadroom.Backtest("c4", Resource.CPU, 101, ImmutableList.of(0.5)));
        DemandForecast demand = flat();

        HeadroomSizing sizing = ClusterHeadroom.size(
                Resource.CPU, demand, ClusterHeadroom.errors(young, all, demand), context(List.of()));

        assertThat(sizing.method().errorCount()).isEqualTo(4 + 24);
        assertThat(sizing.method().errorHorizonDays()).isEqualTo(101);
        assertThat(sizing.method().errorMethod())
                .isEqualTo("the plan's per-service forecasts, summed: 4 errors of this cluster's own (at its other"
                        + " origins its services had not settled) and 24 of 2 other clusters (cpu errors, any lead"
                        + " time), each divided by its cluster's root mean square and multiplied by 7.36%, the larger of"
                        + " its own (0.00%) and that of the complete clusters with the same lead time (7.36%)");
        // c2's and c3's errors, each divided by its root mean square and multiplied by c2's: c2's own, twice. The
        // largest is 12% of the 1,000 cores forecast.
        assertThat(sizing.component("forecast_error").amount()).isCloseTo(120, within(1e-6));
        // Alone, a young cluster keeps its few.
        assertThat(ClusterHeadroom.errors(young, List.of(young), demand).values())
                .isEqualTo(young.errors());
    }

    @Test
    void aYoungClusterWhoseOwnErrorsAreLargerKeepsTheirSpread() {
        ClusterHeadroom.Backtest young =
                new ClusterHeadroom.Backtest("c1", Resource.CPU, 101, ImmutableList.of(0.3, -0.1));
        ClusterHeadroom.Backtest c2 = new ClusterHeadroom.Backtest("c2", Resource.CPU, 101, steady(1));
        DemandForecast demand = flat();

        ForecastErrors errors = ClusterHeadroom.errors(young, List.of(young, c2), demand);
        HeadroomSizing sizing = ClusterHeadroom.size(Resource.CPU, demand, errors, context(List.of()));

        // Root mean squares: c1's sqrt((0.3² + 0.1²) / 2) = 22.36%, c2's 7.36%; c2's largest, 12%, becomes
        // 12 / 7.36 × 22.36 = 36.46% of the 1,000 cores forecast, above c1's own 30%.
        assertThat(errors.values()).hasSize(14);
        assertThat(errors.method()).contains("multiplied by 22.36%, the larger of its own (22.36%)");
        assertThat(sizing.component("forecast_error").amount()).isCloseTo(364.586172, within(1e-5));
    }

    @Test
    void aClusterWithoutErrorsOfItsOwnTakesTheSpreadOfEveryCompleteClusterWhereNoneHasItsLeadTime() {
        ClusterHeadroom.Backtest none = new ClusterHeadroom.Backtest("c1", Resource.CPU, 101, ImmutableList.of());
        ClusterHeadroom.Backtest c3 = new ClusterHeadroom.Backtest("c3", Resource.CPU, 78, steady(2));
        DemandForecast demand = flat();

        ForecastErrors errors = ClusterHeadroom.errors(none, List.of(none, c3), demand);

        // c3's own errors, 2% to 24%: divided by their root mean square and multiplied by it again.
        assertThat(errors.values()).hasSize(12);
        assertThat(errors.values().get(11)).isCloseTo(0.24, within(1e-12));
        assertThat(errors.method())
                .endsWith("the larger of its own (none) and that of the complete clusters (none has its lead time)"
                        + " (14.72%)");
    }

    /** 1%, 2%, ..., 12%, times {@code factor}. */
    private static ImmutableList<Double> steady(int factor) {
        ImmutableList.Builder<Double> errors = ImmutableList.builder();
        for (int k = 1; k <= ClusterHeadroom.ORIGINS; k++) {
            errors.add(factor * k / 100.0);
        }
        return errors.build();
    }

    private static ClusterHeadroom.Backtest backtest(List<ClusterDemandForecaster.History> services) {
        return ClusterHeadroom.backtest(Resource.CPU, flat(), 101, context(services))
                .orElseThrow();
    }

    private static DemandForecast flat() {
        double[] flat = new double[365];
        Arrays.fill(flat, 1000);
        return new DemandForecast("c1", Resource.CPU, AS_OF.plusDays(1), flat, flat, flat, "", List.of());
    }

    private static ClusterHeadroom.Context context(List<ClusterDemandForecaster.History> services) {
        return new ClusterHeadroom.Context(
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
    }
}
