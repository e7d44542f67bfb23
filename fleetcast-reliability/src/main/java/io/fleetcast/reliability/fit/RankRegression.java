package io.fleetcast.reliability.fit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fleetcast.reliability.data.LifeData;
import io.fleetcast.reliability.distribution.LifeDistribution;
import io.fleetcast.reliability.distribution.Normal;
import io.fleetcast.reliability.distribution.Weibull;
import io.fleetcast.reliability.nonparametric.MedianRanks;
import java.util.function.DoubleUnaryOperator;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Least-squares fits on probability paper: the failures' median ranks (Johnson's adjusted ranks among suspensions,
 * Benard's approximation) straightened by the distribution's linearising transform, and a line fitted by regressing Y on
 * X (RRY, as most handbooks) or X on Y (RRX, as Weibull++ by default).
 *
 * <p>The axes, with F the median rank at failure time t (y = a + b x; RRX fits x = c + d y and turns it round):
 *
 * <ul>
 *   <li>Weibull: x = ln t, y = ln(−ln(1 − F)); β = b, η = e^(−a/b). Log-logistic: y = ln(F / (1 − F)), the same way.
 *   <li>Lognormal: x = ln t, y = Φ⁻¹(F); σ = 1/b, μ = −a/b. Normal: x = t, likewise. Gumbel (smallest extreme value):
 *       x = t, y = ln(−ln(1 − F)), likewise.
 *   <li>Exponential 1P: x = t, y = −ln(1 − F), a line through the origin, λ = b. Exponential 2P: a free line, λ = b,
 *       γ = −a/b, where γ lies in [0, first failure]; otherwise the least-squares line through (γ, 0) with γ at the
 *       nearer end (at the first failure the fitted F there is 0 and the Anderson–Darling statistic is infinite).
 *   <li>Weibull 3P and lognormal 3P: the location γ (0 ≤ γ below the first failure) that makes the plot of ln(t − γ)
 *       straightest (the largest correlation coefficient; a grid and a golden-section search), then the 2P line on
 *       t − γ on the chosen axis.
 *   <li>Gamma, which no transform straightens: non-linear least squares on the probability scale, RRY minimising
 *       Σ (F − F̂(t))² and RRX Σ (t − F̂⁻¹(F))² (a Nelder–Mead search from moment estimates).
 * </ul>
 *
 * <p>Only exact failures and suspensions can be ranked; left- and interval-censored data are refused.
 */
public final class RankRegression {
    private static final int LOCATION_GRID = 200;

    /** Which variable the regression takes as exact. */
    public enum Axis {
        /** Regress time (X) on the transformed unreliability: Weibull++'s default. */
        X,
        /** Regress the transformed unreliability (Y) on time. */
        Y
    }

    private RankRegression() {}

    /**
     * The 2-parameter Weibull by rank regression: on Weibull paper, ln(−ln(1 − F)) = β ln t − β ln η.
     *
     * @throws IllegalArgumentException with fewer than 2 distinct failure times, or with left- or interval-censored data
     */
    public static Weibull weibull(LifeData data, Axis axis) {
        return (Weibull) fit(Family.WEIBULL_2P, data, axis).fit().distribution();
    }

    /**
     * Fits {@code family} to {@code data} by rank regression on {@code axis}. The result's {@link LifeFit} has the
     * log-likelihood at the estimates (and AICc and BIC from it) but no standard errors, covariance or bounds: those of
     * the Fisher matrix describe the maximum-likelihood estimator, not this one.
     *
     * @throws IllegalArgumentException with fewer failures than parameters or fewer than 2 distinct failure times, a
     *     failure at time 0 under a family of positive lives, left- or interval-censored data, or a family without a
     *     probability paper (a mixture)
     */
    public static RankRegressionFit fit(Family family, LifeData data, Axis axis) {
        Paper paper = PAPERS.get(family);
        checkArgument(
                paper != null,
                "rank regression does not fit %s: it has no probability paper here; fit it by maximum likelihood",
                family.label());
        ImmutableList<MedianRanks.Position> positions = MedianRanks.of(data);
        int n = positions.size();
        int k = family.parameterNames().size();
        checkArgument(
                n >= Math.max(k, 2),
                "%s by rank regression needs at least %s failures, got %s",
                family.label(),
                Math.max(k, 2),
                n);
        double[] times = new double[n];
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = positions.get(i).time();
            ranks[i] = positions.get(i).unreliability();
            checkArgument(
                    !family.positiveTimes() || times[i] > 0,
                    "rank regression for %s needs failure times above 0, got %s",
                    family.label(),
                    times[i]);
        }
        Plot plot = switch (paper) {
            case WEIBULL, LOGLOGISTIC, LOGNORMAL, NORMAL, GUMBEL -> linear(family, paper, times, ranks, axis);
            case EXPONENTIAL ->
                family.hasLocation() ? linear(family, paper, times, ranks, axis) : throughOrigin(times, ranks, axis, 0);
            case GAMMA -> gamma(data, times, ranks, axis);
        };
        LifeDistribution distribution = plot.distribution();
        double logLikelihood = MaximumLikelihood.logLikelihood(distribution, data);
        LifeFit fit = new LifeFit(
                family,
                distribution,
                logLikelihood,
                MaximumLikelihood.aicc(logLikelihood, k, data.unitCount()),
                MaximumLikelihood.bic(logLikelihood, k, data.unitCount()),
                ImmutableMap.of(),
                ImmutableMap.of(),
                Double.NaN,
                ImmutableList.of(),
                0);
        return new RankRegressionFit(fit, axis, AndersonDarling.statistic(distribution, positions), plot.correlation());
    }

    /** A fitted distribution and the correlation coefficient of its probability plot. */
    private record Plot(LifeDistribution distribution, double correlation) {}

    /** The probability papers: how a family's plot is straightened. */
    private enum Paper {
        WEIBULL,
        LOGLOGISTIC,
        LOGNORMAL,
        NORMAL,
        GUMBEL,
        EXPONENTIAL,
        /** None straightens it: non-linear least squares. */
        GAMMA;

        /** The time axis (before any location is taken off). */
        DoubleUnaryOperator xAxis() {
            return switch (this) {
                case WEIBULL, LOGLOGISTIC, LOGNORMAL -> Math::log;
                case NORMAL, GUMBEL, EXPONENTIAL, GAMMA -> t -> t;
            };
        }

        /** The probability axis, a function of the median rank F. */
        DoubleUnaryOperator yAxis() {
            Normal standard = new Normal(0, 1);
            return switch (this) {
                case WEIBULL, GUMBEL -> f -> Math.log(-Math.log1p(-f));
                case LOGLOGISTIC -> f -> Math.log(f / (1 - f));
                case LOGNORMAL, NORMAL -> standard::quantile;
                case EXPONENTIAL, GAMMA -> f -> -Math.log1p(-f);
            };
        }
    }

    /** The families rank regression fits, on their paper; any other (a mixture, say) is refused. */
    private static final ImmutableMap<Family, Paper> PAPERS = ImmutableMap.<Family, Paper>builder()
            .put(Family.WEIBULL_2P, Paper.WEIBULL)
            .put(Family.WEIBULL_3P, Paper.WEIBULL)
            .put(Family.EXPONENTIAL_1P, Paper.EXPONENTIAL)
            .put(Family.EXPONENTIAL_2P, Paper.EXPONENTIAL)
            .put(Family.LOGNORMAL_2P, Paper.LOGNORMAL)
            .put(Family.LOGNORMAL_3P, Paper.LOGNORMAL)
            .put(Family.NORMAL_2P, Paper.NORMAL)
            .put(Family.GAMMA_2P, Paper.GAMMA)
            .put(Family.LOGLOGISTIC_2P, Paper.LOGLOGISTIC)
            .put(Family.GUMBEL_2P, Paper.GUMBEL)
            .buildOrThrow();

    private static Plot linear(Family family, Paper paper, double[] times, double[] ranks, Axis axis) {
        int n = times.length;
        DoubleUnaryOperator xAxis = paper.xAxis();
        DoubleUnaryOperator yAxis = paper.yAxis();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = yAxis.applyAsDouble(ranks[i]);
        }
        double location = family.hasLocation() && paper != Paper.EXPONENTIAL ? straightestLocation(times, y, xAxis) : 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xAxis.applyAsDouble(times[i] - location);
        }
        double[] line = axis == Axis.Y ? line(x, y) : turned(line(y, x));
        double a = line[0];
        double b = line[1];
        checkArgument(
                b > 0, "the probability plot of %s falls with time; rank regression cannot fit it", family.label());
        double correlation = correlation(x, y);
        LifeDistribution distribution = switch (paper) {
            case WEIBULL -> new Weibull(Math.exp(-a / b), b, location);
            case LOGLOGISTIC -> family.create(new double[] {Math.exp(-a / b), b});
            case LOGNORMAL -> family.create(new double[] {-a / b, 1 / b, location});
            case NORMAL, GUMBEL -> family.create(new double[] {-a / b, 1 / b});
            case EXPONENTIAL -> {
                double first = java.util.Arrays.stream(times).min().orElseThrow();
                double free = -a / b;
                if (free >= 0 && free <= first) {
                    yield family.create(new double[] {b, free});
                }
                double bound = free < 0 ? 0 : first;
                double rate = ((io.fleetcast.reliability.distribution.Exponential)
                                throughOrigin(times, ranks, axis, bound).distribution())
                        .rate();
                yield family.create(new double[] {rate, bound});
            }
            case GAMMA -> throw new IllegalStateException("gamma has no straight probability plot");
        };
        return new Plot(distribution, correlation);
    }

    /**
     * The exponential line −ln(1 − F) = λ (t − γ) through (γ, 0): the 1P fit for γ = 0, and the 2P fit where the free
     * line's location falls outside [0, first failure] (least squares under that constraint puts γ at the nearer end).
     */
    private static Plot throughOrigin(double[] times, double[] ranks, Axis axis, double location) {
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        double[] y = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double x = times[i] - location;
            y[i] = -Math.log1p(-ranks[i]);
            sxy += x * y[i];
            sxx += x * x;
            syy += y[i] * y[i];
        }
        double rate = axis == Axis.Y ? sxy / sxx : syy / sxy;
        return new Plot(Family.EXPONENTIAL_1P.create(new double[] {rate}), correlation(times, y));
    }

    /**
     * The location γ in [0, first failure) whose plot of x(t − γ) against y is straightest (largest correlation): a grid,
     * then a golden-section search between the best point's neighbours.
     */
    private static double straightestLocation(double[] times, double[] y, DoubleUnaryOperator xAxis) {
        double first = Double.POSITIVE_INFINITY;
        for (double t : times) {
            first = Math.min(first, t);
        }
        double upper = first * (1 - 1e-9);
        DoubleUnaryOperator straightness = location -> {
            double[] x = new double[times.length];
            for (int i = 0; i < times.length; i++) {
                x[i] = xAxis.applyAsDouble(times[i] - location);
            }
            double r = correlation(x, y);
            return Double.isNaN(r) ? Double.NEGATIVE_INFINITY : r;
        };
        double best = 0;
        double bestValue = straightness.applyAsDouble(0);
        for (int i = 1; i <= LOCATION_GRID; i++) {
            double location = upper * i / LOCATION_GRID;
            double value = straightness.applyAsDouble(location);
            if (value > bestValue) {
                best = location;
                bestValue = value;
            }
        }
        double low = Math.max(0, best - upper / LOCATION_GRID);
        double high = Math.min(upper, best + upper / LOCATION_GRID);
        double found = GoldenSection.maximum(straightness, low, high, 200, 1e-14 * Math.max(1, Math.abs(high)));
        // Only a real gain moves the location off the grid: at a grid optimum of 0 the search would otherwise return a
        // location of 1e-13 that is rounding, not a failure-free time.
        return straightness.applyAsDouble(found) > bestValue + 1e-12 ? found : best;
    }

    /**
     * Gamma by non-linear least squares on the probability scale (RRY: the CDF at each failure against its median rank;
     * RRX: the quantile at each median rank against its failure time), over the logs of shape and scale.
     */
    private static Plot gamma(LifeData data, double[] times, double[] ranks, Axis axis) {
        Family family = Family.GAMMA_2P;
        double[] start = family.start(data);
        ObjectiveFunction squares = new ObjectiveFunction(free -> {
            LifeDistribution d;
            try {
                d = family.create(new double[] {Math.exp(free[0]), Math.exp(free[1])});
            } catch (IllegalArgumentException outOfRange) {
                return Double.POSITIVE_INFINITY;
            }
            double sum = 0;
            for (int i = 0; i < times.length; i++) {
                double residual = axis == Axis.Y ? ranks[i] - d.cdf(times[i]) : times[i] - d.quantile(ranks[i]);
                sum += residual * residual;
            }
            return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
        });
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-15, 1e-300);
        double[] point = {Math.log(start[0]), Math.log(start[1])};
        // Restarts from the optimum: Nelder–Mead can stall before the bottom of a long valley.
        for (int restart = 0; restart < 4; restart++) {
            PointValuePair best = optimizer.optimize(
                    new MaxEval(20_000),
                    squares,
                    GoalType.MINIMIZE,
                    new InitialGuess(point),
                    new NelderMeadSimplex(new double[] {0.1, 0.1}));
            point = best.getPoint();
        }
        LifeDistribution distribution = family.create(new double[] {Math.exp(point[0]), Math.exp(point[1])});
        double[] fitted = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            fitted[i] = distribution.quantile(ranks[i]);
        }
        return new Plot(distribution, correlation(times, fitted));
    }

    /** The least-squares line {intercept, slope} of {@code v} on {@code u}. */
    private static double[] line(double[] u, double[] v) {
        int n = u.length;
        double meanU = 0;
        double meanV = 0;
        for (int i = 0; i < n; i++) {
            meanU += u[i] / n;
            meanV += v[i] / n;
        }
        double suu = 0;
        double suv = 0;
        for (int i = 0; i < n; i++) {
            suu += (u[i] - meanU) * (u[i] - meanU);
            suv += (u[i] - meanU) * (v[i] - meanV);
        }
        checkArgument(n >= 2 && suu > 0, "rank regression needs at least 2 distinct failure times, got %s failures", n);
        double slope = suv / suu;
        return new double[] {meanV - slope * meanU, slope};
    }

    /** x = c + d y as y = −c/d + x/d. */
    private static double[] turned(double[] line) {
        return new double[] {-line[0] / line[1], 1 / line[1]};
    }

    /** Pearson's correlation coefficient of {@code u} and {@code v}. */
    static double correlation(double[] u, double[] v) {
        int n = u.length;
        double meanU = 0;
        double meanV = 0;
        for (int i = 0; i < n; i++) {
            meanU += u[i] / n;
            meanV += v[i] / n;
        }
        double suu = 0;
        double svv = 0;
        double suv = 0;
        for (int i = 0; i < n; i++) {
            suu += (u[i] - meanU) * (u[i] - meanU);
            svv += (v[i] - meanV) * (v[i] - meanV);
            suv += (u[i] - meanU) * (v[i] - meanV);
        }
        return suv / Math.sqrt(suu * svv);
    }
}
