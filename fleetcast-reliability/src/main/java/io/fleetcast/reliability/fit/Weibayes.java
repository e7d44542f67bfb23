package io.fleetcast.reliability.fit;

import static java.util.Objects.requireNonNull;

import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.Weibull;

/**
 * Weibayes: a 2-parameter Weibull whose shape β is taken as known (from similar items with more failures), for data
 * with too few failures to estimate a shape. Two failures among 374 simulated servers fitted freely give a shape of 5.7
 * where the truth is 2.17, and forecast failures accordingly. (Abernethy, The New Weibull Handbook, chapter 6.)
 *
 * <p>Given β, the failure rate λ = η^−β has the likelihood λ^r·exp(−λ·S), with r the failures and S the exposure
 * Σ (tᵢ^β − eᵢ^β) over every unit's time tᵢ (failed or still running) less its age eᵢ when first observed (0 for most).
 * Alone, that gives η = (S / r)^(1/β). With a prior from other items, as r₀ failures in an exposure S₀ (the gamma prior
 * conjugate to it), the estimate is the posterior mean of λ: η = ((S₀ + S) / (r₀ + r))^(1/β), which keeps one early
 * failure among a few young units from reading as a short life.
 */
public final class Weibayes {
    private Weibayes() {}

    /**
     * The Weibull of {@code shape} that makes {@code data} most likely.
     *
     * @throws IllegalArgumentException as {@link #fit(LifeData, double, double, double)}
     */
    public static Weibull fit(LifeData data, double shape) {
        return fit(data, shape, 0, 0);
    }

    /**
     * The Weibull of {@code shape} whose failure rate is the posterior mean given {@code data} and a prior worth {@code
     * priorFailures} failures in {@code priorExposure} (in time^β).
     *
     * @throws IllegalArgumentException when there is no failure in data and prior, the data hold left- or
     *     interval-censored units (the exposure has no closed form), or the shape or prior is not finite and positive
     */
    public static Weibull fit(LifeData data, double shape, double priorFailures, double priorExposure) {
        requireNonNull(data, "data is null");
        if (!(priorFailures >= 0) || !(priorExposure >= 0) || Double.isInfinite(priorFailures + priorExposure)) {
            throw new IllegalArgumentException(
                    "the Weibayes prior must be finite and >= 0, got " + priorFailures + " in " + priorExposure);
        }
        double failures = data.failureCount() + priorFailures;
        if (failures == 0) {
            throw new IllegalArgumentException("Weibayes needs at least one failure");
        }
        return Weibull.of(Math.pow((exposure(data, shape) + priorExposure) / failures, 1 / shape), shape);
    }

    /**
     * The exposure of {@code data} at {@code shape}: Σ (tᵢ^β − eᵢ^β) over its units.
     *
     * @throws IllegalArgumentException when the data hold left- or interval-censored units, or the shape is not
     *     positive and finite
     */
    public static double exposure(LifeData data, double shape) {
        requireNonNull(data, "data is null");
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("the Weibayes shape must be positive and finite, got " + shape);
        }
        if (!data.leftCensored().isEmpty() || !data.intervals().isEmpty()) {
            throw new IllegalArgumentException("Weibayes takes exact failures and running units only");
        }
        double sum = 0;
        for (LifeData.Observation unit : data.failures()) {
            sum += unit.count() * Math.pow(unit.upper(), shape);
        }
        for (LifeData.Observation unit : data.rightCensored()) {
            sum += unit.count() * Math.pow(unit.lower(), shape);
        }
        // A unit first observed at age e (left truncation) contributes only its exposure after e.
        for (LifeData.Observation unit : data.entries()) {
            sum -= unit.count() * Math.pow(unit.lower(), shape);
        }
        return sum;
    }
}
