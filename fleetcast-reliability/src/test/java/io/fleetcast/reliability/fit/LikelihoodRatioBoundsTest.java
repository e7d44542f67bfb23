package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/**
 * Likelihood-ratio bounds against R: {@code rank-regression-and-lr-bounds.R} (output saved beside it) profiles the
 * Weibull likelihood with the closed-form η(β) for each β, {@code optimize} and {@code uniroot}, independently of this
 * code. Tolerance 1e-6 relative (R's roots are to 1e-14, printed to 12 digits).
 */
class LikelihoodRatioBoundsTest {
    private static void close(LifeFit.Bounded bounded, double estimate, double lower, double upper) {
        assertThat(bounded.estimate()).isCloseTo(estimate, within(1e-6 * estimate));
        assertThat(bounded.lower()).isCloseTo(lower, within(1e-6 * lower));
        assertThat(bounded.upper()).isCloseTo(upper, within(1e-6 * upper));
    }

    @Test
    void reliaSoftsFiveFailuresAtNinetyPercent() {
        // Weibull++ / reliawiki "Likelihood Ratio Confidence Bounds", Example 1: failures at 10, 20, 30, 40, 50 hours,
        // published MLE beta = 2.2938, eta = 33.9428; 90% two-sided bounds.
        LifeData data = LifeData.of(new double[] {10, 20, 30, 40, 50}, new double[0]);
        LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_2P, data, 0.90);
        assertThat(fit.parameter("shape")).isCloseTo(2.2938, within(1e-4));
        assertThat(fit.parameter("scale")).isCloseTo(33.9428, within(2e-4));

        LikelihoodRatioBounds bounds = LikelihoodRatioBounds.of(fit, data);

        close(bounds.parameter("shape"), 2.29380663777, 1.14203945797, 3.95206751204);
        close(bounds.parameter("scale"), 33.9429070976, 22.4721048606, 49.9738215229);
        close(bounds.life(0.10), 12.725623529, 3.83292264998, 22.3464380072);
        close(bounds.reliability(30), 0.470793756413, 0.204226089678, 0.749533299651);
        close(bounds.conditionalReliability(10, 20), 0.633736906295, 0.415111802775, 0.821280136738);
        close(bounds.hazard(30), 0.057600173424, 0.0239888189318, 0.112981591819);
        close(bounds.meanLife(), 30.0696124537, 20.246671125, 44.3961590109);
        // Not the Fisher-matrix bounds (log-transformed: 1.249 to 4.212): the profile is skewed the other way.
        assertThat(fit.lowerBound("shape")).isCloseTo(1.249, within(1e-3));
    }

    @Test
    void censoredCaseAtNinetyFivePercent() {
        // reliability docs' 3 failures and 2 suspensions (reliability-golden.json), 95%.
        LifeData data = LifeData.of(new double[] {5, 12, 17}, new double[] {20, 25});
        LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_2P, data, 0.95);

        LikelihoodRatioBounds bounds = LikelihoodRatioBounds.of(fit, data);

        close(bounds.parameter("shape"), 1.57473862728, 0.444841854031, 3.65009751731);
        close(bounds.parameter("scale"), 23.0653074449, 10.8069592334, 125.740773211);
        close(bounds.life(0.10), 5.5250253926, 0.199848856782, 14.1731621085);
        close(bounds.reliability(10), 0.764766489856, 0.392303305071, 0.959964760605);
        close(bounds.conditionalReliability(5, 10), 0.786894617821, 0.52643366135, 0.946628207672);
        close(bounds.hazard(15), 0.053314946947, 0.0106849601068, 0.154993048744);
        close(bounds.meanLife(), 20.7111959737, 10.7263337309, 209.641770179);
    }

    @Test
    void otherFamiliesHaveParameterBoundsWhereTheLikelihoodDropsByHalfTheChiSquare() {
        LifeData data = LifeData.of(new double[] {27, 64, 3, 18, 8}, new double[0]);
        LifeFit exponential = MaximumLikelihood.fit(Family.EXPONENTIAL_1P, data, 0.95);
        LifeFit.Bounded rate = LikelihoodRatioBounds.of(exponential, data).parameter("rate");
        double target =
                exponential.logLikelihood() - new ChiSquaredDistribution(1).inverseCumulativeProbability(0.95) / 2;
        // ln L(λ) = r ln λ − λ T with r = 5 failures and T = 120 hours in all.
        assertThat(5 * Math.log(rate.lower()) - rate.lower() * 120).isCloseTo(target, within(1e-9));
        assertThat(5 * Math.log(rate.upper()) - rate.upper() * 120).isCloseTo(target, within(1e-9));
        assertThat(rate.lower()).isLessThan(5.0 / 120).isPositive();

        LifeFit normal = MaximumLikelihood.fit(Family.NORMAL_2P, data, 0.95);
        LifeFit.Bounded mu = LikelihoodRatioBounds.of(normal, data).parameter("mu");
        // With σ maximised out, the normal's profile in μ is −(n/2) ln(Σ (t − μ)² / n) − n/2 − (n/2) ln 2π.
        double[] times = {27, 64, 3, 18, 8};
        for (double value : new double[] {mu.lower(), mu.upper()}) {
            double squares = 0;
            for (double t : times) {
                squares += (t - value) * (t - value);
            }
            double profile = -2.5 * Math.log(squares / 5) - 2.5 - 2.5 * Math.log(2 * Math.PI);
            assertThat(profile).isCloseTo(target(normal), within(1e-7));
        }
        assertThatThrownBy(() -> LikelihoodRatioBounds.of(normal, data).life(0.1))
                .hasMessageContaining("are for Weibull_2P, not Normal_2P");
        LifeData eight = LifeData.of(new double[] {27, 64, 3, 18, 8, 33, 41, 12}, new double[0]);
        assertThatThrownBy(() -> LikelihoodRatioBounds.of(MaximumLikelihood.fit(Family.WEIBULL_3P, eight, 0.95), eight))
                .hasMessageContaining("without a location, not Weibull_3P");
    }

    private static double target(LifeFit fit) {
        return fit.logLikelihood() - new ChiSquaredDistribution(1).inverseCumulativeProbability(0.95) / 2;
    }
}
