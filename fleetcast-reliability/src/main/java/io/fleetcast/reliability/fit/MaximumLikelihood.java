package io.fleetcast.reliability.fit;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.StandardNormal;
import io.fleetcast.reliability.distribution.WeibullCompetingRisks;
import io.fleetcast.reliability.distribution.WeibullMixture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximum-likelihood fits of a {@link Family} to censored {@link LifeData}. Each exact failure contributes its density,
 * each suspension its reliability, each left-censored unit its probability of failure by the inspection, and each
 * interval-censored unit the probability of failing inside its interval, all times its count; a unit first observed
 * at a later age (left truncation) divides its contribution by its reliability at that age.
 *
 * <p>The likelihood is maximised over the parameters with positive ones on the log scale (a proportion on the logit
 * scale): a Nelder–Mead search from moment estimates, then Newton steps on numerical derivatives until the gradient
 * vanishes. A Weibull mixture or competing risks has several local maxima, so it is searched from several starts
 * (the failures split at quantiles, a Weibull on each side) and the most likely optimum wins; its components are
 * reported in order of scale. The covariance of the estimates is the inverse of the observed Fisher information (the
 * negative Hessian of the log-likelihood at the estimates); bounds are Fisher-matrix bounds, log-transformed for
 * positive parameters (as Weibull++, Minitab and Python's {@code reliability} give them).
 */
public final class MaximumLikelihood {
    private static final int MAX_EVALUATIONS = 20_000;
    private static final int NEWTON_STEPS = 50;
    /** The evaluations a coarse search from one of several starts may take. */
    private static final int COARSE_EVALUATIONS = 3_000;
    /**
     * The largest shape a mixture or competing-risks component may take: a component's likelihood grows without bound
     * as it narrows onto tied failure times, so its shape is kept below this and a fit that reaches it is refused.
     */
    private static final double SHAPE_LIMIT = 500;

    private MaximumLikelihood() {}

    /**
     * Fits {@code family} to {@code data} with bounds at {@code confidence} (two-sided, e.g. 0.95).
     *
     * @throws IllegalArgumentException when there are fewer failures than parameters (for a mixture or competing
     *     risks, fewer distinct failure times), a failure at time 0 under a family of positive lives, or the likelihood
     *     has no maximum (the message says which)
     */
    public static LifeFit fit(Family family, LifeData units, double confidence) {
        LifeData data = units.compact();
        if (family.hasLocation()) {
            return fitWithLocation(family, data, confidence);
        }
        checkArgument(confidence > 0 && confidence < 1, "the confidence must be between 0 and 1, got %s", confidence);
        int k = family.parameterNames().size();
        checkArgument(
                data.failureCount() >= k,
                "%s has %s parameters but the data have %s failure%s; every unit is suspended or too few failed to fit"
                        + " it",
                family.label(),
                k,
                data.failureCount(),
                data.failureCount() == 1 ? "" : "s");
        if (family.positiveTimes()) {
            for (LifeData.Observation failure : data.failures()) {
                checkArgument(
                        failure.lower() > 0,
                        "a failure at time 0 is impossible under %s, whose lives are positive; record it as failed"
                                + " before a small time (left-censored) or fit a family for any real time",
                        family.label());
            }
        }
        if (family.hasTwoWeibulls()) {
            int distinct = data.failures().size()
                    + data.leftCensored().size()
                    + data.intervals().size();
            checkArgument(
                    distinct >= k,
                    "%s has %s parameters but the failures take only %s distinct time%s (or intervals); it needs at least"
                            + " %s",
                    family.label(),
                    k,
                    distinct,
                    distinct == 1 ? "" : "s",
                    k);
        }
        Objective objective = new Objective(family, data);
        double[] free = family.hasTwoWeibulls()
                ? bestOfStarts(family, data, objective)
                : climb(objective, toFree(family, family.start(data)));
        double logLikelihood = -objective.negativeLogLikelihood(free);
        checkArgument(
                Double.isFinite(logLikelihood),
                "%s could not be fitted: the likelihood is 0 everywhere the search went",
                family.label());
        LifeDistribution distribution = ordered(family.create(fromFree(family, free)));
        double[] estimates = new double[k];
        for (int i = 0; i < k; i++) {
            estimates[i] = requireNonNull(
                    distribution.parameters().get(family.parameterNames().get(i)));
        }

        double[][] covariance = covariance(objective, estimates);
        return summary(family, data, confidence, distribution, logLikelihood, covariance, objective.evaluations);
    }

    /** A Nelder–Mead search from {@code start} (free parameters), restarted once from its optimum, then Newton steps. */
    private static double[] climb(Objective objective, double[] start) {
        // Restart once from the optimum: Nelder–Mead can stall on a ridge.
        return newton(objective, simplex(objective, simplex(objective, start, 1e-13), 1e-13));
    }

    private static double[] simplex(Objective objective, double[] start, double tolerance) {
        return simplex(objective, start, tolerance, MAX_EVALUATIONS);
    }

    /** A Nelder–Mead search from {@code start}; throws {@code MathIllegalStateException} past {@code evaluations}. */
    private static double[] simplex(Objective objective, double[] start, double tolerance, int evaluations) {
        double[] steps = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            steps[i] = Math.max(0.1, 0.1 * Math.abs(start[i]));
        }
        return new SimplexOptimizer(tolerance, tolerance * 1e-2)
                .optimize(
                        new MaxEval(evaluations),
                        new ObjectiveFunction(objective::negativeLogLikelihood),
                        GoalType.MINIMIZE,
                        new InitialGuess(start),
                        new NelderMeadSimplex(steps))
                .getPoint();
    }

    /**
     * The most likely of the optima reached from each of {@link TwoWeibullStarts}' starts (free parameters): a coarse
     * search from each, then the full climb from the best. An optimum with a shape at {@link #SHAPE_LIMIT} is
     * degenerate (a component collapsed onto tied failures or onto the last failure, where the likelihood grows without
     * bound) and is passed over for the next most likely.
     */
    private static double[] bestOfStarts(Family family, LifeData data, Objective objective) {
        double[] single;
        try {
            LifeFit weibull = fit(Family.WEIBULL_2P, data, 0.95);
            single = new double[] {weibull.parameter("scale"), weibull.parameter("shape")};
        } catch (IllegalArgumentException noInformation) {
            single = Family.WEIBULL_2P.start(data);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (double[] start : TwoWeibullStarts.of(family, data, single)) {
            try {
                double[] free = simplex(objective, toFree(family, start), 1e-6, COARSE_EVALUATIONS);
                double value = objective.negativeLogLikelihood(free);
                if (Double.isFinite(value) && !degenerate(family, free)) {
                    candidates.add(new Candidate(free, value));
                }
            } catch (MathIllegalStateException wandering) {
                // The search drifted along a flat ridge (a component fading away); other starts remain.
            }
        }
        candidates.sort(Comparator.comparingDouble(candidate -> candidate.value));
        // Refine the most likely; should it climb into a degenerate spike, the next most likely, and so on.
        for (Candidate candidate : candidates) {
            double[] refined;
            try {
                refined = simplex(objective, candidate.free, 1e-10);
            } catch (MathIllegalStateException stillMoving) {
                refined = candidate.free; // Newton's steps take it from here
            }
            double[] climbed = newton(objective, refined);
            if (!degenerate(family, climbed)) {
                return climbed;
            }
        }
        throw new IllegalArgumentException(family.label()
                + " could not be fitted: the failure times do not split into two groups of two distinct times, or"
                + " every optimum puts a component on a single time (a shape above " + SHAPE_LIMIT + ")");
    }

    /** An optimum of a coarse search: the free parameters and the negative log-likelihood there. */
    private static final class Candidate {
        final double[] free;
        final double value;

        Candidate(double[] free, double value) {
            this.free = free;
            this.value = value;
        }
    }

    /** Whether a shape is at the limit the search allows (free parameters). */
    private static boolean degenerate(Family family, double[] free) {
        double[] parameters = fromFree(family, free);
        for (int i = 0; i < parameters.length; i++) {
            if (family.parameterNames().get(i).startsWith("shape") && parameters[i] > SHAPE_LIMIT * 0.99) {
                return true;
            }
        }
        return false;
    }

    /** A fitted mixture or competing-risks distribution with its components in order of scale; others as they are. */
    private static LifeDistribution ordered(LifeDistribution distribution) {
        if (distribution instanceof WeibullMixture mixture) {
            return mixture.ordered();
        }
        if (distribution instanceof WeibullCompetingRisks risks) {
            return risks.ordered();
        }
        return distribution;
    }

    /** The fit's report: standard errors, bounds (log-transformed for positive parameters), AICc and BIC. */
    private static LifeFit summary(
            Family family,
            LifeData data,
            double confidence,
            LifeDistribution distribution,
            double logLikelihood,
            double[][] covariance,
            int evaluations) {
        int k = family.parameterNames().size();
        double[] estimates = new double[k];
        for (int i = 0; i < k; i++) {
            estimates[i] = requireNonNull(distribution
                    .parameters()
                    .getOrDefault(family.parameterNames().get(i), 0.0));
        }
        double z = StandardNormal.twoSided(confidence);
        ImmutableMap.Builder<String, Double> errors = ImmutableMap.builder();
        ImmutableMap.Builder<String, ImmutableList<Double>> bounds = ImmutableMap.builder();
        for (int i = 0; i < k; i++) {
            String name = family.parameterNames().get(i);
            double se = Math.sqrt(covariance[i][i]);
            errors.put(name, se);
            double p = estimates[i];
            if (family.proportion(i)) {
                // On the logit scale, so that the bounds stay inside (0, 1).
                double spread = Math.exp(z * se / (p * (1 - p)));
                bounds.put(name, ImmutableList.of(p / (p + (1 - p) * spread), p / (p + (1 - p) / spread)));
            } else if (family.positive(i)) {
                bounds.put(name, ImmutableList.of(p * Math.exp(-z * se / p), p * Math.exp(z * se / p)));
            } else {
                bounds.put(name, ImmutableList.of(p - z * se, p + z * se));
            }
        }
        double aicc = aicc(logLikelihood, k, data.unitCount());
        double bic = bic(logLikelihood, k, data.unitCount());
        ImmutableList.Builder<ImmutableList<Double>> rows = ImmutableList.builder();
        for (double[] row : covariance) {
            rows.add(ImmutableList.copyOf(java.util.Arrays.stream(row).boxed().toList()));
        }
        return new LifeFit(
                family,
                distribution,
                logLikelihood,
                aicc,
                bic,
                errors.buildOrThrow(),
                bounds.buildOrThrow(),
                confidence,
                rows.build(),
                evaluations);
    }

    /** Grid points of the location's profile likelihood, before the search refines the best. */
    private static final int LOCATION_GRID = 24;

    /**
     * A family with a location γ by profile likelihood: for each γ from 0 to just below the earliest failure the family
     * without location is fitted to the times less γ; a grid over γ (several starts, as the profile can have more than
     * one peak) and a golden-section search around the best point find the γ whose fit is most likely. The covariance
     * of all parameters is the inverse observed information at the optimum; where that is not positive definite (an
     * optimum at a bound of γ), the location gets no bounds and the other parameters those of the fit at that γ.
     */
    private static LifeFit fitWithLocation(Family family, LifeData data, double confidence) {
        Family base = family.withoutLocation();
        double earliest = Double.POSITIVE_INFINITY;
        for (LifeData.Observation o : data.failures()) {
            earliest = Math.min(earliest, o.upper());
        }
        for (LifeData.Observation o : data.leftCensored()) {
            earliest = Math.min(earliest, o.upper());
        }
        for (LifeData.Observation o : data.intervals()) {
            earliest = Math.min(earliest, o.upper());
        }
        int k = family.parameterNames().size();
        checkArgument(
                data.failureCount() >= k,
                "%s has %s parameters but the data have %s failure%s; too few failed to fit it",
                family.label(),
                k,
                data.failureCount(),
                data.failureCount() == 1 ? "" : "s");
        checkArgument(
                earliest > 0,
                "%s cannot be fitted: a failure at time 0 leaves no room for a failure-free time; fit %s",
                family.label(),
                base.label());
        double upper = earliest * (1 - 1e-7);
        java.util.function.DoubleUnaryOperator profile = location -> {
            try {
                return fit(base, data.shifted(location), confidence).logLikelihood();
            } catch (IllegalArgumentException cannotFit) {
                return Double.NEGATIVE_INFINITY;
            }
        };
        double bestLocation = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] grid = new double[LOCATION_GRID + 1];
        for (int i = 0; i <= LOCATION_GRID; i++) {
            grid[i] = upper * i / LOCATION_GRID;
            double value = profile.applyAsDouble(grid[i]);
            if (value > bestValue) {
                bestValue = value;
                bestLocation = grid[i];
            }
        }
        double low = Math.max(0, bestLocation - upper / LOCATION_GRID);
        double high = Math.min(upper, bestLocation + upper / LOCATION_GRID);
        double location = GoldenSection.maximum(profile, low, high, 80, 1e-10 * Math.max(1, upper));
        if (profile.applyAsDouble(location) < bestValue) {
            location = bestLocation;
        }
        LifeFit shifted = fit(base, data.shifted(location), confidence);
        double[] estimates = new double[k];
        for (int i = 0; i < k - 1; i++) {
            estimates[i] = shifted.parameter(base.parameterNames().get(i));
        }
        estimates[k - 1] = location;
        LifeDistribution distribution = family.create(estimates);
        double logLikelihood = logLikelihood(distribution, data);

        double[][] covariance;
        try {
            covariance = covariance(new Objective(family, data), estimates);
            for (int i = 0; i < k; i++) {
                checkArgument(covariance[i][i] > 0 && Double.isFinite(covariance[i][i]), "not positive definite");
            }
        } catch (IllegalArgumentException atABound) {
            covariance = new double[k][k];
            for (int i = 0; i < k - 1; i++) {
                for (int j = 0; j < k - 1; j++) {
                    covariance[i][j] = shifted.covariance().get(i).get(j);
                }
            }
            covariance[k - 1][k - 1] = Double.NaN;
        }
        return summary(family, data, confidence, distribution, logLikelihood, covariance, 0);
    }

    /** AICc = −2 ln L + 2k + 2k(k + 1) / (n − k − 1); {@code NaN} when n ≤ k + 1. */
    public static double aicc(double logLikelihood, int k, long n) {
        return -2 * logLikelihood + 2 * k + (n - k - 1 > 0 ? 2.0 * k * (k + 1) / (n - k - 1) : Double.NaN);
    }

    /** BIC = −2 ln L + k ln n, n counting every unit, failed or censored. */
    public static double bic(double logLikelihood, int k, long n) {
        return -2 * logLikelihood + k * Math.log((double) n);
    }

    /** The log-likelihood of {@code distribution} on {@code data}. */
    public static double logLikelihood(LifeDistribution distribution, LifeData data) {
        double sum = 0;
        for (LifeData.Observation o : data.failures()) {
            sum += o.count() * distribution.logPdf(o.lower());
        }
        for (LifeData.Observation o : data.rightCensored()) {
            sum += o.count() * distribution.logSf(o.lower());
        }
        for (LifeData.Observation o : data.leftCensored()) {
            sum += o.count() * distribution.logCdf(o.upper());
        }
        for (LifeData.Observation o : data.intervals()) {
            // F(u) − F(l), from whichever tail keeps it accurate.
            double inside = distribution.cdf(o.lower()) < 0.5
                    ? distribution.cdf(o.upper()) - distribution.cdf(o.lower())
                    : distribution.sf(o.lower()) - distribution.sf(o.upper());
            sum += o.count() * Math.log(inside);
        }
        // A unit first seen at time e is known to have survived to e: its likelihood is conditional on R(e).
        for (LifeData.Observation o : data.entries()) {
            sum -= o.count() * distribution.logSf(o.lower());
        }
        return sum;
    }

    /** The negative log-likelihood over the free (log-transformed where positive) parameters. */
    private static final class Objective {
        private final Family family;
        private final LifeData data;
        private int evaluations;

        Objective(Family family, LifeData data) {
            this.family = family;
            this.data = data;
        }

        double negativeLogLikelihood(double[] free) {
            evaluations++;
            return negativeLogLikelihoodAt(fromFree(family, free));
        }

        double negativeLogLikelihoodAt(double[] parameters) {
            if (family.hasTwoWeibulls() && (parameters[1] > SHAPE_LIMIT || parameters[3] > SHAPE_LIMIT)) {
                return Double.POSITIVE_INFINITY;
            }
            LifeDistribution distribution;
            try {
                distribution = family.create(parameters);
            } catch (IllegalArgumentException outOfRange) {
                return Double.POSITIVE_INFINITY;
            }
            double value = -logLikelihood(distribution, data);
            return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
        }
    }

    /** Newton steps on the free parameters, halving a step that does not improve, until the gradient vanishes. */
    private static double[] newton(Objective objective, double[] start) {
        double[] x = start.clone();
        double value = objective.negativeLogLikelihood(x);
        for (int iteration = 0; iteration < NEWTON_STEPS; iteration++) {
            double[] gradient = new double[x.length];
            double[][] hessian = new double[x.length][x.length];
            derivatives(objective::negativeLogLikelihood, x, gradient, hessian);
            double[] step;
            try {
                RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(hessian))
                        .getSolver()
                        .getInverse();
                step = inverse.operate(gradient);
            } catch (RuntimeException singular) {
                return x;
            }
            boolean improved = false;
            for (double scale = 1; scale > 1e-6; scale /= 2) {
                double[] candidate = x.clone();
                for (int i = 0; i < x.length; i++) {
                    candidate[i] -= scale * step[i];
                }
                double candidateValue = objective.negativeLogLikelihood(candidate);
                if (candidateValue <= value) {
                    improved = value - candidateValue > 1e-14 * Math.max(1, Math.abs(value));
                    x = candidate;
                    value = candidateValue;
                    break;
                }
            }
            if (!improved) {
                return x;
            }
        }
        return x;
    }

    /** A function of the parameters, for numerical derivatives. */
    @FunctionalInterface
    private interface Function {
        double value(double[] x);
    }

    /** Central-difference gradient and Hessian of {@code f} at {@code x}. */
    private static void derivatives(Function f, double[] x, double[] gradient, double[][] hessian) {
        int k = x.length;
        double f0 = f.value(x);
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = 1e-4 * Math.max(1, Math.abs(x[i]));
        }
        for (int i = 0; i < k; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h[i];
            minus[i] -= h[i];
            double fPlus = f.value(plus);
            double fMinus = f.value(minus);
            gradient[i] = (fPlus - fMinus) / (2 * h[i]);
            hessian[i][i] = (fPlus - 2 * f0 + fMinus) / (h[i] * h[i]);
            for (int j = 0; j < i; j++) {
                double[] pp = x.clone();
                double[] pm = x.clone();
                double[] mp = x.clone();
                double[] mm = x.clone();
                pp[i] += h[i];
                pp[j] += h[j];
                pm[i] += h[i];
                pm[j] -= h[j];
                mp[i] -= h[i];
                mp[j] += h[j];
                mm[i] -= h[i];
                mm[j] -= h[j];
                double value = (f.value(pp) - f.value(pm) - f.value(mp) + f.value(mm)) / (4 * h[i] * h[j]);
                hessian[i][j] = value;
                hessian[j][i] = value;
            }
        }
    }

    /** The inverse of the observed information, by a numerical Hessian of the log-likelihood in the parameters. */
    private static double[][] covariance(Objective objective, double[] estimates) {
        int k = estimates.length;
        double[] gradient = new double[k];
        double[][] hessian = new double[k][k];
        // Steps relative to each parameter, so a scale of 10⁵ hours and a shape of 1.5 are both resolved.
        double[] scaled = new double[k];
        double[] unit = new double[k];
        for (int i = 0; i < k; i++) {
            unit[i] = objective.family.proportion(i)
                    ? Math.min(estimates[i], 1 - estimates[i])
                    : Math.abs(estimates[i]) > 0 ? Math.abs(estimates[i]) : 1;
            scaled[i] = estimates[i] / unit[i];
        }
        derivatives(
                y -> {
                    double[] p = new double[k];
                    for (int i = 0; i < k; i++) {
                        p[i] = y[i] * unit[i];
                    }
                    return objective.negativeLogLikelihoodAt(p);
                },
                scaled,
                gradient,
                hessian);
        double[][] covariance;
        try {
            covariance = new LUDecomposition(new Array2DRowRealMatrix(hessian))
                    .getSolver()
                    .getInverse()
                    .getData();
        } catch (RuntimeException singular) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "the information matrix of the fit is singular: the data cannot tell the %d parameters apart",
                    k));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                covariance[i][j] *= unit[i] * unit[j];
            }
        }
        return covariance;
    }

    private static double[] toFree(Family family, double[] parameters) {
        double[] free = parameters.clone();
        for (int i = 0; i < free.length; i++) {
            if (family.positive(i)) {
                free[i] = Math.log(free[i]);
            } else if (family.proportion(i)) {
                free[i] = Math.log(free[i] / (1 - free[i]));
            }
        }
        return free;
    }

    private static double[] fromFree(Family family, double[] free) {
        double[] parameters = free.clone();
        for (int i = 0; i < parameters.length; i++) {
            if (family.positive(i)) {
                parameters[i] = Math.exp(parameters[i]);
            } else if (family.proportion(i)) {
                parameters[i] = 1 / (1 + Math.exp(-parameters[i]));
            }
        }
        return parameters;
    }
}
