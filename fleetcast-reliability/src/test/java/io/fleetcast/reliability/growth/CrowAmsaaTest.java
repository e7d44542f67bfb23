package io.fleetcast.reliability.growth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.fleetcast.reliability.fit.LifeFit.Bounded;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CrowAmsaaTest {
    /** ReliaWiki, "Crow-AMSAA Parameter Estimation Example": one prototype, failure-terminated at the 22nd failure. */
    private static final List<Double> RELIAWIKI_TIMES = List.of(
            2.7, 10.3, 12.5, 30.6, 57.0, 61.3, 80.0, 109.5, 125.0, 128.6, 143.8, 167.9, 229.2, 296.7, 320.6, 328.2,
            366.2, 396.7, 421.1, 438.2, 501.2, 620.0);

    @Test
    void reproducesThePublishedFailureTerminatedExample() {
        GrowthData data = GrowthData.builder()
                .system("prototype", 0, 620, RELIAWIKI_TIMES)
                .build();
        CrowAmsaaFit fit = CrowAmsaa.fit(data, 0.90);

        // Published: β = 22 / (22 ln 620 − 105.6355) = 0.6142, λ = 22 / 620^β = 0.4239.
        assertThat(fit.beta()).isCloseTo(0.6142, within(5e-5));
        assertThat(fit.lambda()).isCloseTo(0.4239, within(5e-5));
        assertThat(data.isFailureTerminated()).isTrue();
        assertThat(fit.unbiasedBeta().orElseThrow()).isCloseTo(fit.beta() * 20 / 22, within(1e-12));
        // Published Fisher matrix ("Crow-AMSAA Confidence Bounds Example"): Var λ, Cov, Var β. The page evaluates it
        // at λ and β rounded to 4 digits, and its determinant is a small difference of large terms, so 0.5%.
        assertThat(fit.lambdaVariance()).isCloseTo(0.13519969, withinPercentage(0.5));
        assertThat(fit.covariance()).isCloseTo(-0.046614609, withinPercentage(0.5));
        assertThat(fit.betaVariance()).isCloseTo(0.017105343, withinPercentage(0.5));
        // Instantaneous MTBF at the end: 1 / (λ β 620^(β − 1)) = 45.9 h.
        assertThat(fit.instantaneousMtbf(620).estimate()).isCloseTo(45.9, within(0.05));
        assertThat(fit.cumulativeMtbf(620).estimate()).isCloseTo(620.0 / 22, within(1e-9));
        // Exact bounds on β for a failure-terminated test: β × χ²(2(n−1)) quantiles / 2n.
        assertThat(fit.boundsMethod()).isEqualTo("crow");
        assertThat(fit.betaBounds().lower()).isLessThan(fit.beta());
        assertThat(fit.betaBounds().upper()).isBetween(fit.beta(), 1.0);
        // Reliability grows significantly: β well below 1.
        assertThat(fit.trendPValue()).isLessThan(0.05);
        assertThat(fit.growthRate().estimate()).isCloseTo(1 - fit.beta(), within(1e-12));
    }

    @Test
    void exactBoundsCoverTheTrueShapeAtTheirLevel() {
        // Time-terminated tests of a process with known λ, β: 90% bounds should hold β in about 90% of them.
        SplittableRandom random = new SplittableRandom(7);
        int covered = 0;
        int runs = 400;
        for (int run = 0; run < runs; run++) {
            GrowthData data = GrowthData.builder()
                    .system("s", 0, 1000, simulate(random, 0.8, 0.6, 0, 1000))
                    .build();
            Bounded beta = CrowAmsaa.fit(data, 0.90).betaBounds();
            if (beta.lower() <= 0.6 && 0.6 <= beta.upper()) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.86, 0.94);
    }

    @Test
    void fisherBoundsForSystemsWatchedOverDifferentSpansCoverTheTruth() {
        SplittableRandom random = new SplittableRandom(11);
        int betaCovered = 0;
        int lambdaCovered = 0;
        int runs = 300;
        for (int run = 0; run < runs; run++) {
            GrowthData.Builder builder = GrowthData.builder();
            double[][] spans = {{0, 800}, {100, 1500}, {0, 1200}};
            for (int s = 0; s < spans.length; s++) {
                builder.system("s" + s, spans[s][0], spans[s][1], simulate(random, 0.5, 0.7, spans[s][0], spans[s][1]));
            }
            CrowAmsaaFit fit = CrowAmsaa.fit(builder.build(), 0.90);
            assertThat(fit.boundsMethod()).isEqualTo("fisher");
            if (fit.betaBounds().lower() <= 0.7 && 0.7 <= fit.betaBounds().upper()) {
                betaCovered++;
            }
            if (fit.lambdaBounds().lower() <= 0.5 && 0.5 <= fit.lambdaBounds().upper()) {
                lambdaCovered++;
            }
        }
        assertThat(betaCovered / (double) runs).isBetween(0.85, 0.95);
        assertThat(lambdaCovered / (double) runs).isBetween(0.85, 0.95);
    }

    @Test
    void groupedDataInFineIntervalsGiveTheIndividualFit() {
        SplittableRandom random = new SplittableRandom(3);
        List<Double> times = simulate(random, 2.0, 0.5, 0, 5000);
        CrowAmsaaFit individual =
                CrowAmsaa.fit(GrowthData.builder().system("s", 0, 5000, times).build(), 0.95);
        // Cells 0.05% wide on a log scale from 5e-6 (β < 1 puts many failures near 0).
        GrowthData.Builder grouped = GrowthData.builder();
        int cells = 40_000;
        double lower = 0;
        for (int i = 0; i <= cells; i++) {
            double upper = 5000 * Math.pow(1e-9, (cells - i) / (double) cells);
            double from = lower;
            grouped.group(
                    lower,
                    upper,
                    times.stream().filter(t -> t > from && t <= upper).count());
            lower = upper;
        }
        CrowAmsaaFit fromGroups = CrowAmsaa.fit(grouped.build(), 0.95);
        assertThat(fromGroups.beta()).isCloseTo(individual.beta(), within(1e-3 * individual.beta()));
        assertThat(fromGroups.lambda()).isCloseTo(individual.lambda(), within(2e-2 * individual.lambda()));
        assertThat(fromGroups.boundsMethod()).isEqualTo("fisher");
    }

    @Test
    void groupedDataRecoverTheTruth() {
        SplittableRandom random = new SplittableRandom(5);
        int covered = 0;
        int runs = 200;
        double[] inspections = {100, 250, 500, 1000, 2000, 4000};
        for (int run = 0; run < runs; run++) {
            List<Double> times = simulate(random, 1.0, 0.6, 0, 4000);
            GrowthData.Builder builder = GrowthData.builder();
            double lower = 0;
            for (double upper : inspections) {
                double from = lower;
                builder.group(
                        lower,
                        upper,
                        times.stream().filter(t -> t > from && t <= upper).count());
                lower = upper;
            }
            Bounded beta = CrowAmsaa.fit(builder.build(), 0.90).betaBounds();
            if (beta.lower() <= 0.6 && 0.6 <= beta.upper()) {
                covered++;
            }
        }
        assertThat(covered / (double) runs).isBetween(0.85, 0.95);
    }

    @Test
    void expectedFailuresAheadFollowThePowerLaw() {
        CrowAmsaaFit fit = CrowAmsaa.fit(
                GrowthData.builder()
                        .system("prototype", 0, 620, RELIAWIKI_TIMES)
                        .build(),
                0.95);
        Bounded next = fit.expectedFailures(620, 1000);
        assertThat(next.estimate())
                .isCloseTo(fit.lambda() * (Math.pow(1000, fit.beta()) - Math.pow(620, fit.beta())), within(1e-9));
        assertThat(next.lower()).isLessThan(next.estimate());
        assertThat(next.upper()).isGreaterThan(next.estimate());
    }

    @Test
    void badDataAreRefusedClearly() {
        assertThatThrownBy(() -> GrowthData.builder().system("a", 0, 100, List.of(50.0, 150.0)))
                .hasMessageContaining("failure at 150.0 is outside its observation");
        assertThatThrownBy(() ->
                        GrowthData.builder().system("a", 0, 100, List.of(100.0)).build())
                .hasMessageContaining("at least 3 failures");
        assertThatThrownBy(() -> GrowthData.builder().group(0, 10, 2).group(20, 30, 1))
                .hasMessageContaining("must follow each other");
        assertThatThrownBy(() -> GrowthData.builder().build()).hasMessageContaining("neither");
    }

    /** Failure times of a power-law process with λ, β watched over (start, end]. */
    private static List<Double> simulate(
            SplittableRandom random, double lambda, double beta, double start, double end) {
        double mean = lambda * (Math.pow(end, beta) - Math.pow(start, beta));
        int n = poisson(random, mean);
        List<Double> times = new ArrayList<>();
        double from = Math.pow(start, beta);
        double to = Math.pow(end, beta);
        for (int i = 0; i < n; i++) {
            times.add(Math.pow(from + random.nextDouble() * (to - from), 1 / beta));
        }
        return times;
    }

    private static int poisson(SplittableRandom random, double mean) {
        // Counting unit-rate exponential gaps that fit into the mean.
        int n = 0;
        double sum = -Math.log(1 - random.nextDouble());
        while (sum <= mean) {
            n++;
            sum += -Math.log(1 - random.nextDouble());
        }
        return n;
    }
}
