package io.fleetcast.reliability.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.common.collect.ImmutableList;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.Weibull;
import io.fleetcast.reliability.fit.Family;
import io.fleetcast.reliability.fit.LifeFit;
import io.fleetcast.reliability.fit.MaximumLikelihood;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FailureForecastTest {
    private static final Weibull TRUTH = Weibull.of(1500, 2.0);
    private static final List<Double> PERIODS = List.of(100.0, 200.0, 300.0);

    @Test
    void expectationIsTheSumOfConditionalFailureProbabilities() {
        Fleet fleet = Fleet.simulate(new SplittableRandom(1), 400);
        LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_2P, fleet.data(), 0.95);
        ImmutableList<FailureForecast.Period> periods =
                FailureForecast.forecast(fit, fleet.agesInService(), PERIODS, 0.95, 42);
        double expectedFirst = 0;
        for (Map.Entry<Double, Long> unit : fleet.agesInService().entrySet()) {
            double age = unit.getKey();
            expectedFirst += unit.getValue()
                    * (1 - fit.distribution().sf(age + 100) / fit.distribution().sf(age));
        }
        assertThat(periods.get(0).expected()).isCloseTo(expectedFirst, within(1e-9 * expectedFirst));
        assertThat(periods.get(2).from()).isEqualTo(200.0);
        assertThat(periods.get(2).to()).isEqualTo(300.0);
        // Same seed, same answer.
        assertThat(FailureForecast.forecast(fit, fleet.agesInService(), PERIODS, 0.95, 42))
                .isEqualTo(periods);
    }

    @Test
    void intervalsHoldTheFailuresThatHappenAtTheirLevelWhenTheFitIsUncertain() {
        // Small fleets: the fitted Weibull is uncertain, and the intervals must say so to cover the failures that the
        // true distribution then brings (the simulator's lives past the data end).
        SplittableRandom random = new SplittableRandom(2026);
        int covered = 0;
        int trials = 0;
        double parameterShare = 0;
        int runs = 150;
        for (int run = 0; run < runs; run++) {
            Fleet fleet = Fleet.simulate(random, 120);
            LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_2P, fleet.data(), 0.95);
            ImmutableList<FailureForecast.Period> periods =
                    FailureForecast.forecast(fit, fleet.agesInService(), PERIODS, 0.90, run);
            for (FailureForecast.Period period : periods) {
                long actual = fleet.failuresBetween(period.from(), period.to());
                if (period.lower() <= actual && actual <= period.upper()) {
                    covered++;
                }
                trials++;
                parameterShare += period.parameterShare();
            }
        }
        assertThat(covered / (double) trials).isBetween(0.86, 0.96);
        assertThat(parameterShare / trials).isGreaterThan(0.2);
    }

    /** Units installed evenly over the last 1,000 days with true lives from {@link #TRUTH}; "now" is day 1,000. */
    private static final class Fleet {
        private final double[] ages;
        private final double[] lives;

        private Fleet(double[] ages, double[] lives) {
            this.ages = ages;
            this.lives = lives;
        }

        static Fleet simulate(SplittableRandom random, int units) {
            double[] ages = new double[units];
            double[] lives = new double[units];
            for (int i = 0; i < units; i++) {
                ages[i] = Math.floor(1000.0 * (i + 0.5) / units);
                lives[i] = TRUTH.quantile(random.nextDouble());
            }
            return new Fleet(ages, lives);
        }

        LifeData data() {
            LifeData.Builder builder = LifeData.builder();
            for (int i = 0; i < ages.length; i++) {
                if (lives[i] <= ages[i]) {
                    builder.failure(lives[i], 1);
                } else {
                    builder.suspension(ages[i], 1);
                }
            }
            return builder.build();
        }

        Map<Double, Long> agesInService() {
            Map<Double, Long> ages = new TreeMap<>();
            for (int i = 0; i < this.ages.length; i++) {
                if (lives[i] > this.ages[i]) {
                    ages.merge(this.ages[i], 1L, Long::sum);
                }
            }
            return ages;
        }

        long failuresBetween(double from, double to) {
            long count = 0;
            for (int i = 0; i < ages.length; i++) {
                if (lives[i] > ages[i] + from && lives[i] <= ages[i] + to) {
                    count++;
                }
            }
            return count;
        }
    }
}
