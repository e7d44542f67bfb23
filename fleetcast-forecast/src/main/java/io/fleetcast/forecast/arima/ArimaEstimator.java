package io.fleetcast.forecast.arima;

import static com.google.common.base.Preconditions.checkArgument;

import io.fleetcast.forecast.optimize.Bfgs;
import io.fleetcast.forecast.optimize.FiniteDifferences;
import io.fleetcast.forecast.optimize.Minimum;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * Fits an ARIMA model to a series as R's {@code stats::arima(method = "CSS-ML")} does: conditional sum of squares for
 * starting values, then exact maximum likelihood by the Kalman filter, both minimised by BFGS with numerical
 * gradients (R's {@code optim} settings: relative tolerance {@code sqrt(machine epsilon)}, 100 iterations, gradient
 * step 1e-3 in units of each parameter's scale). During the likelihood stage the AR blocks are parameterised by their
 * partial autocorrelations, so every step is stationary; afterwards MA roots inside the unit circle are reflected
 * outside. A constant is a regression on 1 (a mean, without differencing) or on t = 1..n (a drift, with one
 * difference), estimated jointly with the ARMA coefficients and started from least squares on the differenced series.
 */
public final class ArimaEstimator {
    /** R's {@code optim} relative tolerance: the square root of the machine epsilon. */
    static final double TOLERANCE = 1.4901161193847656e-8;

    static final double GRADIENT_STEP = 1e-3;
    private static final Bfgs OPTIMIZER = new Bfgs(TOLERANCE, 100, GRADIENT_STEP);
    /** auto.arima rejects models with an AR or MA root closer to the origin than this. */
    static final double MIN_ROOT = 1.01;

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private ArimaEstimator() {}

    /**
     * The fewest observations {@code order} (with a constant or not) can be fitted to: enough for the differencing,
     * the AR lags the conditional sum of squares conditions on, and one more than the parameters after differencing
     * (so that AICc is defined).
     */
    public static int minimumLength(ArimaOrder order, boolean constant) {
        int parameters = order.coefficientCount() + (constant ? 1 : 0) + 1;
        int arLags = order.p() + order.seasonalP() * order.period();
        return order.differencingLength() + Math.max(arLags, parameters + 1) + 1;
    }

    /**
     * Fits {@code order} to {@code y}, with a constant when {@code constant} (a mean when d + D = 0, a drift when d +
     * D = 1). When the conditional-sum-of-squares estimates are not stationary (R's arima stops there with an error),
     * the likelihood stage starts from zero AR coefficients instead.
     *
     * @throws IllegalArgumentException when {@code y} is shorter than {@link #minimumLength}, when a constant is asked
     *     for with two or more differences (it would be a quadratic trend), or when the likelihood cannot be evaluated
     *     (e.g. a constant series)
     */
    public static ArimaFit fit(double[] y, ArimaOrder order, boolean constant) {
        checkFittable(y, order, constant);
        Optional<Attempt> attempt = attempt(y, order, constant, true);
        checkArgument(attempt.isPresent(), "%s cannot be fitted: its likelihood is not finite", order);
        return attempt.orElseThrow().fit();
    }

    static void checkFittable(double[] y, ArimaOrder order, boolean constant) {
        checkArgument(
                !constant || order.differences() <= 1,
                "a constant with %s differences would be a polynomial trend; use at most one difference",
                order.differences());
        int minimum = minimumLength(order, constant);
        checkArgument(
                y.length >= minimum,
                "%s%s needs at least %s observations, got %s",
                order,
                constant ? " with a constant" : "",
                minimum,
                y.length);
        for (int t = 0; t < y.length; t++) {
            checkArgument(Double.isFinite(y[t]), "observation %s is %s", (Object) (t + 1), y[t]);
        }
    }

    /**
     * R's auto.arima checks on a fitted model: no root of the AR or MA polynomial within 1.01 of the origin, and a
     * Hessian that can be inverted into positive variances (R's {@code checkarima}; arima itself fails on a singular
     * Hessian). The roots are checked at once; the Hessian, which costs four evaluations of the objective per pair of
     * parameters, only when {@link #pass} is first asked, since the search needs it only for models that would
     * improve on the best so far.
     */
    static final class Checks {
        private final boolean rootsOutside;
        private final BooleanSupplier hessian;
        private @Nullable Boolean regular;

        Checks(boolean rootsOutside, BooleanSupplier hessian) {
            this.rootsOutside = rootsOutside;
            this.hessian = hessian;
        }

        boolean pass() {
            if (!rootsOutside) {
                return false;
            }
            if (regular == null) {
                regular = hessian.getAsBoolean();
            }
            return regular;
        }
    }

    /** A maximum-likelihood fit and R's checks on it. */
    record Attempt(ArimaFit fit, Checks checks) {}

    /** A conditional-sum-of-squares fit: its innovation variance {@code sum e^2 / count} and R's checks on it. */
    record ConditionalFit(double variance, Checks checks) {}

    /**
     * The objectives for one model and where the optimiser starts: ARMA coefficients at 0 with scale 1, the
     * regression coefficient at its least-squares value with scale ten times its standard error (R's arima).
     */
    private static final class Start {
        final ArimaObjective objective;
        final double[] point;
        final double[] scales;

        private Start(ArimaObjective objective, double[] point, double[] scales) {
            this.objective = objective;
            this.point = point;
            this.scales = scales;
        }

        static Start of(double[] y, ArimaOrder order, boolean constant) {
            double @Nullable [] regressor = regressor(y.length, order, constant);
            ArimaObjective objective = new ArimaObjective(y, order, regressor);
            int k = objective.parameterCount();
            double[] start = new double[k];
            double[] scales = new double[k];
            Arrays.fill(scales, 1);
            if (regressor != null) {
                double[] regression = regressionStart(y, regressor, objective);
                start[k - 1] = regression[0];
                scales[k - 1] = regression[1] > 0 && Double.isFinite(regression[1]) ? 10 * regression[1] : 1;
            }
            return new Start(objective, start, scales);
        }
    }

    /**
     * CSS then maximum likelihood. With {@code lenient}, non-stationary CSS estimates restart the AR part from zero;
     * otherwise (R's behaviour, which the automatic search follows) the attempt fails. Empty when the likelihood is
     * not finite at the start. The checks are only meaningful for the automatic search.
     */
    static Optional<Attempt> attempt(double[] y, ArimaOrder order, boolean constant, boolean lenient) {
        Start setup = Start.of(y, order, constant);
        ArimaObjective objective = setup.objective;
        double[] scales = setup.scales;
        Minimum conditional = OPTIMIZER.minimize(objective::conditional, setup.point, scales);
        double[] coefficients = conditional.isConverged() ? conditional.point() : setup.point.clone();
        if (!objective.isStationary(coefficients)) {
            if (!lenient) {
                return Optional.empty();
            }
            int p = order.p();
            int q = order.q();
            Arrays.fill(coefficients, 0, p, 0);
            Arrays.fill(coefficients, p + q, p + q + order.seasonalP(), 0);
        }
        double[] parameters = objective.toParameters(objective.invertMovingAverage(coefficients));
        Minimum likelihood = OPTIMIZER.minimize(objective::exact, parameters, scales);
        if (!Double.isFinite(likelihood.value())) {
            return Optional.empty();
        }
        parameters = likelihood.point();
        objective.toCoefficients(parameters, coefficients);
        double[] inverted = objective.invertMovingAverage(coefficients);
        if (!Arrays.equals(inverted, coefficients)) {
            coefficients = inverted;
            parameters = objective.toParameters(coefficients);
        }
        Optional<ArimaFit> fit = finish(y, order, constant, coefficients, objective);
        if (fit.isEmpty()) {
            return Optional.empty();
        }
        double[] optimum = parameters;
        Checks checks = new Checks(
                objective.hasRootsOutside(coefficients, MIN_ROOT),
                () -> hasPositiveVariances(objective::exact, optimum, scales, objective));
        return Optional.of(new Attempt(fit.orElseThrow(), checks));
    }

    /**
     * The conditional-sum-of-squares fit alone, as auto.arima's approximation scores it; empty when the sum of squares
     * is not finite.
     */
    static Optional<ConditionalFit> conditionalFit(double[] y, ArimaOrder order, boolean constant) {
        Start setup = Start.of(y, order, constant);
        ArimaObjective objective = setup.objective;
        // Unlike CSS-ML, which falls back to the starting values, R's method "CSS" keeps where the optimiser stopped.
        double[] coefficients = OPTIMIZER
                .minimize(objective::conditional, setup.point, setup.scales)
                .point();
        double value = objective.conditional(coefficients);
        if (!Double.isFinite(value)) {
            return Optional.empty();
        }
        Checks checks = new Checks(
                objective.hasRootsOutside(coefficients, MIN_ROOT),
                () -> hasPositiveVariances(objective::conditional, coefficients, setup.scales, null));
        return Optional.of(new ConditionalFit(Math.exp(2 * value), checks));
    }

    /**
     * The model at given coefficients (R's order; see {@link ArimaFit#coefficientNames}), without estimating
     * anything: for checking likelihoods and forecasts against another implementation.
     */
    static ArimaFit withCoefficients(double[] y, ArimaOrder order, boolean constant, double[] coefficients) {
        checkFittable(y, order, constant);
        ArimaObjective objective = new ArimaObjective(y, order, regressor(y.length, order, constant));
        checkArgument(
                coefficients.length == objective.parameterCount(),
                "%s needs %s coefficients, got %s",
                order,
                objective.parameterCount(),
                coefficients.length);
        return finish(y, order, constant, coefficients, objective)
                .orElseThrow(() -> new IllegalArgumentException("the coefficients are not stationary"));
    }

    /** Runs the full filter (with diffuse differencing states) at the final coefficients; R's likelihood and sigma2. */
    private static Optional<ArimaFit> finish(
            double[] y, ArimaOrder order, boolean constant, double[] coefficients, ArimaObjective objective) {
        double[] residuals = new double[y.length];
        KalmanFilter filter = objective.finalFilter(coefficients, residuals);
        if (filter == null) {
            return Optional.empty();
        }
        int used = filter.used();
        int effective = y.length - order.differencingLength();
        double value = 0.5 * (Math.log(filter.sumOfSquares() / used) + filter.sumOfLogGains() / used);
        double logLikelihood = -0.5 * (2 * effective * value + effective + effective * LOG_TWO_PI);
        double sumOfSquares = 0;
        for (double residual : residuals) {
            sumOfSquares += residual * residual;
        }
        int parameters = coefficients.length + 1;
        double sigma2 = sumOfSquares / (effective - parameters + 1);
        if (!Double.isFinite(logLikelihood) || !Double.isFinite(sigma2)) {
            return Optional.empty();
        }
        double likelihoodVariance = filter.sumOfSquares() / effective;
        return Optional.of(new ArimaFit(
                order, constant, coefficients, logLikelihood, sigma2, likelihoodVariance, y.length, filter));
    }

    /** 1 for a mean (no differencing), t = 1..n for a drift (one difference), null without a constant. */
    static double @Nullable [] regressor(int n, ArimaOrder order, boolean constant) {
        if (!constant) {
            return null;
        }
        double[] regressor = new double[n];
        for (int t = 0; t < n; t++) {
            regressor[t] = order.differences() == 0 ? 1 : t + 1;
        }
        return regressor;
    }

    /**
     * Least squares of the differenced series on the differenced regressor (of the series on the regressor when too
     * little is left after differencing): the coefficient and its standard error, which sets the optimiser's scale.
     */
    private static double[] regressionStart(double[] y, double[] regressor, ArimaObjective objective) {
        double[] dy = objective.differencedSeries();
        double @Nullable [] dz = objective.differencedRegressor();
        if (dz == null || dy.length <= 1) {
            dy = y;
            dz = regressor;
        }
        double zz = 0;
        double zy = 0;
        for (int t = 0; t < dy.length; t++) {
            zz += dz[t] * dz[t];
            zy += dz[t] * dy[t];
        }
        double beta = zy / zz;
        double residualSquares = 0;
        for (int t = 0; t < dy.length; t++) {
            double e = dy[t] - beta * dz[t];
            residualSquares += e * e;
        }
        double standardError = dy.length > 1 ? Math.sqrt(residualSquares / (dy.length - 1) / zz) : 0;
        return new double[] {beta, standardError};
    }

    /**
     * True when the inverse Hessian of {@code function} at {@code point} (mapped to coefficients through the
     * Jacobian of the AR transformation when {@code transformed} is given, as R's arima does) has a positive,
     * finite diagonal: R's {@code checkarima} rejects fits whose standard errors would be NaN, and arima fails
     * outright on a singular Hessian.
     */
    private static boolean hasPositiveVariances(
            ToDoubleFunction<double[]> function,
            double[] point,
            double[] scales,
            @Nullable ArimaObjective transformed) {
        int k = point.length;
        if (k == 0) {
            return true;
        }
        double[] gradientSteps = new double[k];
        double[] outerSteps = new double[k];
        for (int i = 0; i < k; i++) {
            gradientSteps[i] = GRADIENT_STEP * scales[i];
            outerSteps[i] = GRADIENT_STEP; // optimhess steps by ndeps in the parameter's own units
        }
        double[][] hessian = FiniteDifferences.hessianOfGradient(function, point, gradientSteps, outerSteps);
        double[][] inverse = LinearSystems.invert(hessian);
        if (inverse == null) {
            return false;
        }
        double[][] jacobian = new double[k][k];
        if (transformed == null) {
            for (int i = 0; i < k; i++) {
                jacobian[i][i] = 1;
            }
        } else {
            double[] base = new double[k];
            double[] moved = new double[k];
            transformed.toCoefficients(point, base);
            double[] shifted = point.clone();
            for (int i = 0; i < k; i++) {
                shifted[i] += GRADIENT_STEP;
                transformed.toCoefficients(shifted, moved);
                shifted[i] = point[i];
                for (int j = 0; j < k; j++) {
                    jacobian[i][j] = (moved[j] - base[j]) / GRADIENT_STEP;
                }
            }
        }
        for (int j = 0; j < k; j++) {
            double variance = 0;
            for (int a = 0; a < k; a++) {
                for (int b = 0; b < k; b++) {
                    variance += jacobian[a][j] * inverse[a][b] * jacobian[b][j];
                }
            }
            if (!(variance >= 0) || !Double.isFinite(variance)) {
                return false;
            }
        }
        return true;
    }
}
