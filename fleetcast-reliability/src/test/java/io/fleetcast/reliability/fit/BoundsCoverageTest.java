package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.reliability.data.LifeData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fisher-matrix bounds hold the truth as often as they claim: 200 seeded samples of 100 units from Weibull(η = 1000,
 * β = 1.5), each unit censored at an independent exponential time tuned so that half the units are suspensions; the
 * 95% bounds on η, β, the B10 life and the reliability at 500 must each contain the true value in 92% to 98% of the
 * samples.
 */
class BoundsCoverageTest {
    private static final double SCALE = 1000;
    private static final double SHAPE = 1.5;
    private static final int SAMPLES = 200;
    private static final int UNITS = 100;
    /** The mean of the censoring times that leaves about half the units suspended (found by simulation). */
    private static final double CENSORING_MEAN = 1130;

    @Test
    void ninetyFivePercentBoundsHoldTheTruthAboutNinetyFivePercentOfTheTime() {
        Random random = new Random(20261202);
        int scaleInside = 0;
        int shapeInside = 0;
        int b10Inside = 0;
        int reliabilityInside = 0;
        double trueB10 = SCALE * Math.pow(-Math.log(0.9), 1 / SHAPE);
        double trueReliability = Math.exp(-Math.pow(500 / SCALE, SHAPE));
        long suspended = 0;
        for (int sample = 0; sample < SAMPLES; sample++) {
            LifeData.Builder builder = LifeData.builder();
            for (int unit = 0; unit < UNITS; unit++) {
                double life = SCALE * Math.pow(-Math.log(1 - random.nextDouble()), 1 / SHAPE);
                double censoring = -CENSORING_MEAN * Math.log(1 - random.nextDouble());
                if (life <= censoring) {
                    builder.failure(life, 1);
                } else {
                    builder.suspension(censoring, 1);
                    suspended++;
                }
            }
            LifeFit fit = MaximumLikelihood.fit(Family.WEIBULL_2P, builder.build(), 0.95);
            scaleInside += fit.lowerBound("scale") <= SCALE && SCALE <= fit.upperBound("scale") ? 1 : 0;
            shapeInside += fit.lowerBound("shape") <= SHAPE && SHAPE <= fit.upperBound("shape") ? 1 : 0;
            LifeFit.Bounded b10 = fit.life(0.10);
            b10Inside += b10.lower() <= trueB10 && trueB10 <= b10.upper() ? 1 : 0;
            LifeFit.Bounded reliability = fit.reliability(500);
            reliabilityInside +=
                    reliability.lower() <= trueReliability && trueReliability <= reliability.upper() ? 1 : 0;
        }

        assertThat((double) suspended / (SAMPLES * UNITS)).as("share suspended").isBetween(0.45, 0.55);
        assertThat((double) scaleInside / SAMPLES).as("scale coverage").isBetween(0.92, 0.98);
        assertThat((double) shapeInside / SAMPLES).as("shape coverage").isBetween(0.92, 0.98);
        assertThat((double) b10Inside / SAMPLES).as("B10 coverage").isBetween(0.92, 0.98);
        assertThat((double) reliabilityInside / SAMPLES).as("R(500) coverage").isBetween(0.92, 0.98);
    }
}
