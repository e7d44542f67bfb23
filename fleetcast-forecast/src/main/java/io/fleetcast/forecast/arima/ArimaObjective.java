package io.fleetcast.forecast.arima;

import java.util.Arrays;
import java.util.BitSet;
import org.jspecify.annotations.Nullable;

/**
 * The two objectives an ARIMA fit minimises, for one series, order and regressor, with the work arrays they reuse
 * between evaluations. Coefficients are laid out as R's arima lists them: {@code ar1..p, ma1..q, sar1..P, sma1..Q},
 * then the regression coefficient (intercept or drift) when there is one.
 *
 * <ul>
 *   <li>{@link #conditional}: conditional sum of squares (CSS), {@code 0.5 log(sum e_t^2 / count)} over the
 *       residuals of the differenced series after its first {@code p + P m} values, earlier residuals taken as 0.
 *   <li>{@link #exact}: the exact concentrated Gaussian likelihood of the differenced series by the Kalman filter,
 *       {@code 0.5 (log(S / count) + sum log F_t / count)}, over parameters in which each AR block (regular and
 *       seasonal) is given by the inverse hyperbolic tangents of its partial autocorrelations, so that every real
 *       vector is a stationary model (Jones 1980). MA coefficients are not transformed.
 * </ul>
 *
 * Not thread-safe.
 */
final class ArimaObjective {
    final ArimaOrder order;
    final int regressors;
    private final double[] y;
    private final double @Nullable [] regressor;
    private final double[] differencedY;
    private final double @Nullable [] differencedRegressor;
    private final double[] work;
    private final double[] residuals;
    private final int[] arLags;
    private final int[] maLags;
    private final double[] regularAr;
    private final double[] seasonalAr;
    private final double[] regularMa;
    private final double[] seasonalMa;
    private final double[] coefficients;
    private final double[] transformWork;
    private final KalmanFilter filter;
    private final double[] arPolynomial;
    private final double[] maPolynomial;

    /**
     * @param regressor the regression variable (1 for a mean, t = 1..n for drift), or null for none
     */
    ArimaObjective(double[] y, ArimaOrder order, double @Nullable [] regressor) {
        this.order = order;
        this.y = y;
        this.regressor = regressor;
        this.regressors = regressor == null ? 0 : 1;
        this.differencedY = difference(y, order);
        this.differencedRegressor = regressor == null ? null : difference(regressor, order);
        this.work = new double[differencedY.length];
        this.residuals = new double[differencedY.length];
        int m = order.period();
        this.arLags = lags(order.p(), order.seasonalP(), m);
        this.maLags = lags(order.q(), order.seasonalQ(), m);
        this.regularAr = new double[order.p()];
        this.seasonalAr = new double[order.seasonalP()];
        this.regularMa = new double[order.q()];
        this.seasonalMa = new double[order.seasonalQ()];
        this.coefficients = new double[parameterCount()];
        this.arPolynomial = new double[order.p() + order.seasonalP() * m];
        this.maPolynomial = new double[order.q() + order.seasonalQ() * m];
        this.transformWork = new double[Math.max(order.p(), order.seasonalP()) + 1];
        this.filter =
                new KalmanFilter(order.p() + order.seasonalP() * m, order.q() + order.seasonalQ() * m, new double[0]);
    }

    /** The series differenced d times at lag 1 and D times at lag m: {@code n - d - D m} values. */
    static double[] difference(double[] x, ArimaOrder order) {
        double[] result = x.clone();
        int length = x.length;
        for (int i = 0; i < order.d(); i++) {
            for (int t = 0; t < length - 1; t++) {
                result[t] = result[t + 1] - result[t];
            }
            length--;
        }
        for (int i = 0; i < order.seasonalD(); i++) {
            int m = order.period();
            for (int t = 0; t < length - m; t++) {
                result[t] = result[t + m] - result[t];
            }
            length = Math.max(0, length - m);
        }
        return Arrays.copyOf(result, length);
    }

    /** The lags at which the multiplied-out polynomial can have non-zero coefficients: i, j m and i + j m. */
    private static int[] lags(int regular, int seasonal, int period) {
        BitSet lags = new BitSet();
        for (int j = 0; j <= seasonal; j++) {
            for (int i = 0; i <= regular; i++) {
                if (i + j > 0) {
                    lags.set(i + j * period);
                }
            }
        }
        return lags.stream().toArray();
    }

    int parameterCount() {
        return order.coefficientCount() + regressors;
    }

    /** How many observations the differenced series has: {@code n - d - D m}. */
    int differencedLength() {
        return differencedY.length;
    }

    /** How many residuals enter the conditional sum of squares: {@code n - d - D m - p - P m}. */
    int conditionalCount() {
        return differencedY.length - (order.p() + order.seasonalP() * order.period());
    }

    /** The CSS objective at the given (untransformed) coefficients; infinite where it is not defined. */
    double conditional(double[] parameters) {
        expand(parameters);
        double[] w = regressed(parameters);
        int start = order.p() + order.seasonalP() * order.period();
        double sum = 0;
        for (int t = 0; t < start; t++) {
            residuals[t] = 0;
        }
        for (int t = start; t < w.length; t++) {
            double value = w[t];
            for (int lag : arLags) {
                value -= arPolynomial[lag - 1] * w[t - lag];
            }
            for (int lag : maLags) {
                if (lag > t - start) {
                    break;
                }
                value -= maPolynomial[lag - 1] * residuals[t - lag];
            }
            residuals[t] = value;
            sum += value * value;
        }
        int count = w.length - start;
        double result = 0.5 * Math.log(sum / count);
        return Double.isNaN(result) ? Double.POSITIVE_INFINITY : result;
    }

    /** The CSS innovation variance, {@code sum e_t^2 / count}, at the given coefficients. */
    double conditionalVariance(double[] parameters) {
        return Math.exp(2 * conditional(parameters));
    }

    /** The exact likelihood objective at transformed parameters; infinite where it is not defined. */
    double exact(double[] parameters) {
        toCoefficients(parameters, coefficients);
        expand(coefficients);
        if (!filter.setCoefficients(arPolynomial, maPolynomial)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] w = regressed(coefficients);
        if (!filter.likelihood(w) || filter.used() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        double result =
                0.5 * (Math.log(filter.sumOfSquares() / filter.used()) + filter.sumOfLogGains() / filter.used());
        return Double.isNaN(result) ? Double.POSITIVE_INFINITY : result;
    }

    /** The differenced series less the regression effect (the returned array is reused). */
    private double[] regressed(double[] parameters) {
        if (differencedRegressor == null) {
            return differencedY;
        }
        double beta = parameters[order.coefficientCount()];
        for (int t = 0; t < work.length; t++) {
            work[t] = differencedY[t] - beta * differencedRegressor[t];
        }
        return work;
    }

    /** Multiplies out the lag polynomials of the coefficients into {@link #arPolynomial} and {@link #maPolynomial}. */
    private void expand(double[] parameters) {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        System.arraycopy(parameters, 0, regularAr, 0, p);
        System.arraycopy(parameters, p, regularMa, 0, q);
        System.arraycopy(parameters, p + q, seasonalAr, 0, sp);
        System.arraycopy(parameters, p + q + sp, seasonalMa, 0, order.seasonalQ());
        Polynomials.multiplyInto(regularAr, seasonalAr, order.period(), -1, arPolynomial);
        Polynomials.multiplyInto(regularMa, seasonalMa, order.period(), 1, maPolynomial);
    }

    /** The coefficients of transformed parameters: each AR block from its partial autocorrelations. */
    void toCoefficients(double[] parameters, double[] out) {
        System.arraycopy(parameters, 0, out, 0, parameters.length);
        Polynomials.partialToAutoregressive(parameters, 0, order.p(), out, transformWork);
        Polynomials.partialToAutoregressive(parameters, order.p() + order.q(), order.seasonalP(), out, transformWork);
    }

    /** The transformed parameters of coefficients whose AR blocks are stationary. */
    double[] toParameters(double[] coefficients) {
        double[] parameters = coefficients.clone();
        Polynomials.autoregressiveToPartial(coefficients, 0, order.p(), parameters);
        Polynomials.autoregressiveToPartial(coefficients, order.p() + order.q(), order.seasonalP(), parameters);
        return parameters;
    }

    /** True when both AR blocks of the coefficients are stationary. */
    boolean isStationary(double[] coefficients) {
        int p = order.p();
        int offset = p + order.q();
        return Polynomials.hasRootsOutside(Arrays.copyOfRange(coefficients, 0, p), 1)
                && Polynomials.hasRootsOutside(Arrays.copyOfRange(coefficients, offset, offset + order.seasonalP()), 1);
    }

    /** The coefficients with each MA block made invertible (roots inside the unit circle reflected). */
    double[] invertMovingAverage(double[] coefficients) {
        double[] result = coefficients.clone();
        int p = order.p();
        int q = order.q();
        double[] regular = Polynomials.invertMovingAverage(Arrays.copyOfRange(coefficients, p, p + q));
        System.arraycopy(regular, 0, result, p, q);
        int from = p + q + order.seasonalP();
        double[] seasonal =
                Polynomials.invertMovingAverage(Arrays.copyOfRange(coefficients, from, from + order.seasonalQ()));
        System.arraycopy(seasonal, 0, result, from, order.seasonalQ());
        return result;
    }

    /**
     * True when the multiplied-out AR and MA polynomials have every root at least {@code radius} from the origin (R's
     * auto.arima rejects models with a root within 1.01 of the unit circle). Checked factor by factor: the roots of a
     * product are those of its factors, and a root w of the seasonal factor in B^m gives roots of modulus |w|^(1/m).
     */
    boolean hasRootsOutside(double[] coefficients, double radius) {
        int p = order.p();
        int q = order.q();
        int sp = order.seasonalP();
        double seasonalRadius = Math.pow(radius, order.period());
        return Polynomials.hasRootsOutside(Arrays.copyOfRange(coefficients, 0, p), radius)
                && Polynomials.isInvertible(Arrays.copyOfRange(coefficients, p, p + q), radius)
                && Polynomials.hasRootsOutside(Arrays.copyOfRange(coefficients, p + q, p + q + sp), seasonalRadius)
                && Polynomials.isInvertible(
                        Arrays.copyOfRange(coefficients, p + q + sp, p + q + sp + order.seasonalQ()), seasonalRadius);
    }

    /**
     * A filter over the undifferenced series with the given coefficients, run to its end (so that it can forecast),
     * together with the series less its regression effect. Null when the coefficients are not stationary.
     */
    @Nullable
    KalmanFilter finalFilter(double[] coefficients, double[] standardizedResiduals) {
        expand(coefficients);
        KalmanFilter full = new KalmanFilter(
                arPolynomial.length,
                maPolynomial.length,
                Polynomials.differencing(order.d(), order.seasonalD(), order.period()));
        if (!full.setCoefficients(arPolynomial, maPolynomial)) {
            return null;
        }
        double[] x = y.clone();
        if (regressor != null) {
            double beta = coefficients[order.coefficientCount()];
            for (int t = 0; t < x.length; t++) {
                x[t] -= beta * regressor[t];
            }
        }
        return full.run(x, standardizedResiduals) ? full : null;
    }

    /** The regression variable's differenced values, or null without a regressor. */
    double @Nullable [] differencedRegressor() {
        return differencedRegressor;
    }

    /** The differenced series (shared; do not modify). */
    double[] differencedSeries() {
        return differencedY;
    }
}
