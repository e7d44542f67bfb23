package io.fleetcast.reliability.fit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import io.fleetcast.reliability.data.LifeData;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.analysis.solvers.BrentSolver;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;

/**
 * Likelihood-ratio confidence bounds of a maximum-likelihood fit: the values q of a quantity whose profile
 * log-likelihood (the largest ln L among parameters that give the quantity the value q) is within χ²₁(C) / 2 of the
 * maximum, C the fit's confidence (Meeker and Escobar, Statistical Methods for Reliability Data, 1998, §8.3; the
 * likelihood ratio bounds of Weibull++). For a parameter this is the extreme of the likelihood contour at χ²₁(C) on its
 * axis.
 *
 * <p>Parameters have bounds for every family without a location with at most 2 parameters (the other parameter is
 * maximised over). The derived quantities (B-life, reliability, conditional reliability, hazard, MTTF) are for the
 * 2-parameter Weibull, reparameterised: for a value q of the quantity, η is the function of β and q that gives it, and
 * the profile maximises over β. Where the likelihood never drops far enough on one side (few failures, heavy
 * censoring), that bound is the quantity's limit (0, 1 or infinity).
 */
public final class LikelihoodRatioBounds implements QuotedQuantities {
    private final LifeFit fit;
    private final LifeData data;
    private final double maximum;
    private final double drop;

    private LikelihoodRatioBounds(LifeFit fit, LifeData data) {
        this.fit = fit;
        this.data = data.compact();
        this.maximum = fit.logLikelihood();
        this.drop = new ChiSquaredDistribution(1).inverseCumulativeProbability(fit.confidence()) / 2;
    }

    /**
     * Bounds for {@code fit}, a maximum-likelihood fit to {@code data} (at the fit's confidence).
     *
     * @throws IllegalArgumentException for a family with a location or more than 2 parameters
     */
    public static LikelihoodRatioBounds of(LifeFit fit, LifeData data) {
        requireNonNull(fit, "fit is null");
        requireNonNull(data, "data is null");
        checkArgument(
                !fit.family().hasLocation() && fit.family().parameterNames().size() <= 2,
                "likelihood-ratio bounds are for families of 1 or 2 parameters without a location, not %s",
                fit.family().label());
        checkArgument(fit.hasCovariance(), "likelihood-ratio bounds need a maximum-likelihood fit");
        return new LikelihoodRatioBounds(fit, data);
    }

    /** The bounds of parameter {@code name} (e.g. {@code shape}). */
    public LifeFit.Bounded parameter(String name) {
        Family family = fit.family();
        int index = family.parameterNames().indexOf(name);
        checkArgument(index >= 0, "%s has no parameter %s; it has %s", family.label(), name, family.parameterNames());
        double estimate = fit.parameter(name);
        Scale scale = family.positive(index) ? Scale.LOG : Scale.LINEAR;
        if (family.parameterNames().size() == 1) {
            return bounds(estimate, scale, q -> logLikelihood(new double[] {q}));
        }
        int other = 1 - index;
        double otherEstimate = fit.parameter(family.parameterNames().get(other));
        boolean otherPositive = family.positive(other);
        double otherSpread = otherPositive
                ? 0
                : 20 * fit.standardError(family.parameterNames().get(other));
        return bounds(
                estimate,
                scale,
                q -> profile(
                        u -> {
                            double[] parameters = new double[2];
                            parameters[index] = q;
                            parameters[other] = otherPositive ? Math.exp(u) : u;
                            return logLikelihood(parameters);
                        },
                        otherPositive ? Math.log(otherEstimate) : otherEstimate,
                        otherPositive ? 6 : otherSpread));
    }

    /** The bounds of the life by which a share {@code p} has failed (B10 for 0.10); Weibull 2P only. */
    @Override
    public LifeFit.Bounded life(double p) {
        checkArgument(p > 0 && p < 1, "the share failed must be between 0 and 1, got %s", p);
        double c = -Math.log1p(-p);
        // t_p = η c^(1/β)
        return weibull(fit.distribution().quantile(p), Scale.LOG, (q, shape) -> q / Math.pow(c, 1 / shape));
    }

    /** The bounds of the reliability at {@code t}; Weibull 2P only. */
    @Override
    public LifeFit.Bounded reliability(double t) {
        checkArgument(t > 0, "the time must be above 0, got %s", t);
        // R = exp(−(t/η)^β)
        return weibull(fit.distribution().sf(t), Scale.LOGIT, (q, shape) -> t / Math.pow(-Math.log(q), 1 / shape));
    }

    /** The bounds of R(age + mission) / R(age); Weibull 2P only. */
    @Override
    public LifeFit.Bounded conditionalReliability(double mission, double age) {
        checkArgument(mission > 0 && age >= 0, "the mission must be above 0 and the age at least 0");
        // ln R = −((age + mission)^β − age^β) / η^β
        return weibull(
                fit.distribution().conditionalReliability(mission, age),
                Scale.LOGIT,
                (q, shape) ->
                        Math.pow((Math.pow(age + mission, shape) - Math.pow(age, shape)) / -Math.log(q), 1 / shape));
    }

    /** The bounds of the hazard h(t); Weibull 2P only. */
    @Override
    public LifeFit.Bounded hazard(double t) {
        checkArgument(t > 0, "the time must be above 0, got %s", t);
        // h = β t^(β−1) / η^β
        return weibull(
                fit.distribution().hazard(t),
                Scale.LOG,
                (q, shape) -> Math.pow(shape * Math.pow(t, shape - 1) / q, 1 / shape));
    }

    /** The bounds of the mean life (MTTF); Weibull 2P only. */
    @Override
    public LifeFit.Bounded meanLife() {
        // MTTF = η Γ(1 + 1/β)
        return weibull(
                fit.distribution().mean(),
                Scale.LOG,
                (q, shape) -> q / Math.exp(org.hipparchus.special.Gamma.logGamma(1 + 1 / shape)));
    }

    /** η as a function of the quantity's value and β. */
    @FunctionalInterface
    private interface WeibullScale {
        double scale(double quantity, double shape);
    }

    private LifeFit.Bounded weibull(double estimate, Scale scale, WeibullScale scaleOf) {
        checkArgument(
                fit.family() == Family.WEIBULL_2P,
                "likelihood-ratio bounds on derived quantities are for Weibull_2P, not %s; use Fisher-matrix bounds",
                fit.family().label());
        double logShape = Math.log(fit.parameter("shape"));
        return bounds(
                estimate,
                scale,
                q -> profile(
                        u -> logLikelihood(new double[] {scaleOf.scale(q, Math.exp(u)), Math.exp(u)}), logShape, 6));
    }

    private double logLikelihood(double[] parameters) {
        try {
            double value = MaximumLikelihood.logLikelihood(fit.family().create(parameters), data);
            return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        } catch (IllegalArgumentException outOfRange) {
            return Double.NEGATIVE_INFINITY;
        }
    }

    /** The largest of {@code f} over u within {@code spread} of {@code center} (Brent's method). */
    private static double profile(DoubleUnaryOperator f, double center, double spread) {
        BrentOptimizer optimizer = new BrentOptimizer(1e-12, 1e-14);
        return optimizer
                .optimize(
                        new MaxEval(10_000),
                        new UnivariateObjectiveFunction(f::applyAsDouble),
                        GoalType.MAXIMIZE,
                        new SearchInterval(center - spread, center + spread, center))
                .getValue();
    }

    /** The scale a quantity is searched on: its bounds stay inside its range. */
    private enum Scale {
        LINEAR,
        LOG,
        LOGIT;

        double free(double q) {
            return switch (this) {
                case LINEAR -> q;
                case LOG -> Math.log(q);
                case LOGIT -> Math.log(q / (1 - q));
            };
        }

        double value(double w) {
            return switch (this) {
                case LINEAR -> w;
                case LOG -> Math.exp(w);
                case LOGIT -> 1 / (1 + Math.exp(-w));
            };
        }

        /** The value where no bound was found on one side. */
        double limit(boolean upper) {
            return switch (this) {
                case LINEAR -> upper ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case LOG -> upper ? Double.POSITIVE_INFINITY : 0;
                case LOGIT -> upper ? 1 : 0;
            };
        }
    }

    /**
     * The two values of the quantity where {@code profile} falls to the maximum less χ²₁(C) / 2: stepping out from the
     * estimate on the free scale with doubling steps until it does, then Brent's root finder between the last two
     * steps.
     */
    private LifeFit.Bounded bounds(double estimate, Scale scale, DoubleUnaryOperator profile) {
        double center = scale.free(estimate);
        DoubleUnaryOperator excess = w -> profile.applyAsDouble(scale.value(w)) - (maximum - drop);
        double step = scale == Scale.LINEAR ? 0.01 * Math.max(Math.abs(estimate), 1e-3) : 0.01;
        double[] ends = new double[2];
        for (int side = 0; side < 2; side++) {
            double direction = side == 0 ? -1 : 1;
            double inside = center;
            double h = step;
            ends[side] = scale.limit(side == 1);
            for (int i = 0; i < 60; i++) {
                double outside = center + direction * h;
                double value = excess.applyAsDouble(outside);
                if (value < 0) {
                    // Where the likelihood is 0 (−∞ in logs) Brent's method cannot interpolate: halve towards the
                    // inside until the excess is finite.
                    for (int j = 0; j < 200 && !Double.isFinite(value); j++) {
                        outside = (inside + outside) / 2;
                        value = excess.applyAsDouble(outside);
                    }
                    if (value >= 0) {
                        inside = outside;
                        h = Math.abs(outside - center);
                        continue;
                    }
                    double root = new BrentSolver(1e-13, 1e-12)
                            .solve(1_000, excess::applyAsDouble, Math.min(inside, outside), Math.max(inside, outside));
                    ends[side] = scale.value(root);
                    break;
                }
                if (!Double.isFinite(scale.value(center + direction * 2 * h))) {
                    break;
                }
                inside = outside;
                h *= 2;
            }
        }
        return new LifeFit.Bounded(estimate, ends[0], ends[1]);
    }
}
