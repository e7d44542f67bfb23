package io.fleetcast.simulator.internal.failure;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.simulator.internal.sampling.RandomStream;

/**
 * A two-parameter Weibull life distribution with shape β and scale η in days: {@code S(t) = exp(−(t/η)^β)}
 * (Abernethy, <i>The New Weibull Handbook</i>, 5th ed., ch. 2). β &gt; 1 means wear-out.
 *
 * @param shape β, &gt; 0
 * @param scaleDays η in days, &gt; 0: the age by which 63.2% of units have failed
 */
public record WeibullLife(double shape, double scaleDays) {
    public WeibullLife {
        checkArgument(shape > 0 && Double.isFinite(shape), "shape must be > 0, got %s", shape);
        checkArgument(scaleDays > 0 && Double.isFinite(scaleDays), "scaleDays must be > 0, got %s", scaleDays);
    }

    /** Probability of surviving past {@code ageDays} (1 for ages ≤ 0). */
    public double survival(double ageDays) {
        if (ageDays <= 0) {
            return 1;
        }
        return StrictMath.exp(-StrictMath.pow(ageDays / scaleDays, shape));
    }

    /** Probability of failing by {@code ageDays}. */
    public double cdf(double ageDays) {
        return 1 - survival(ageDays);
    }

    /** Probability that a unit alive at {@code ageDays} is still alive {@code moreDays} later. */
    public double conditionalSurvival(double ageDays, double moreDays) {
        double alive = survival(ageDays);
        return alive <= 0 ? 0 : survival(ageDays + moreDays) / alive;
    }

    /** A life length in days drawn from this distribution. */
    public double draw(RandomStream random) {
        return random.weibull(shape, scaleDays);
    }

    /** The same shape with the scale multiplied by {@code factor} (a worse batch has a factor below 1). */
    public WeibullLife withScaleFactor(double factor) {
        return new WeibullLife(shape, scaleDays * factor);
    }
}
