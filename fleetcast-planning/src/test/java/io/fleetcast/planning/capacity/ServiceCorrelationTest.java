package io.fleetcast.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ServiceCorrelationTest {
    @Test
    void spreadsAddWhenTheyMoveTogetherAndInQuadratureWhenTheyDoNot() {
        assertThat(ServiceCorrelation.combine(new double[] {3, 4}, 1)).isCloseTo(7, within(1e-12));
        assertThat(ServiceCorrelation.combine(new double[] {3, 4}, 0)).isCloseTo(5, within(1e-12));
        assertThat(ServiceCorrelation.combine(new double[] {3, 4}, 0.5)).isCloseTo(Math.sqrt(37), within(1e-12));
    }

    @Test
    void theCorrelationOfServicesWithACommonShockIsItsShareOfTheirVariance() {
        // log amount = common random walk + own random walk, equal step variances: each pair correlates at 1/2.
        assertThat(ServiceCorrelation.of(services(1, 1, 11))).isCloseTo(0.5, within(0.1));
        // A common walk three times as variable as the own ones: 9 / (9 + 1) = 0.9.
        assertThat(ServiceCorrelation.of(services(3, 1, 12))).isCloseTo(0.9, within(0.05));
        // No common walk.
        assertThat(ServiceCorrelation.of(services(0, 1, 13))).isCloseTo(0, within(0.1));
    }

    @Test
    void identicalServicesCorrelateFullyAndTooLittleHistoryIsTakenAsFull() {
        List<double[]> same = services(1, 1, 14).subList(0, 1);
        assertThat(ServiceCorrelation.of(List.of(same.get(0), same.get(0).clone())))
                .isCloseTo(1, within(1e-9));
        assertThat(ServiceCorrelation.of(List.of(new double[100], new double[100])))
                .isEqualTo(1);
    }

    /** Eight services over 400 days, log amount = common × a common walk + own × an own walk, from levels 50 to 400. */
    private static List<double[]> services(double common, double own, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int days = 400;
        double[] shared = walk(random, days, 0.01 * common);
        List<double[]> services = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            double[] mine = walk(random, days, 0.01 * own);
            double[] amounts = new double[days];
            for (int t = 0; t < days; t++) {
                amounts[t] = 50 * (i + 1) * Math.exp(shared[t] + mine[t]);
            }
            services.add(amounts);
        }
        return services;
    }

    private static double[] walk(SplittableRandom random, int days, double step) {
        double[] walk = new double[days];
        for (int t = 1; t < days; t++) {
            double gaussian = 0;
            for (int k = 0; k < 12; k++) {
                gaussian += random.nextDouble();
            }
            walk[t] = walk[t - 1] + step * (gaussian - 6);
        }
        return walk;
    }
}
