package io.fleetcast.forecast.arima;

import io.fleetcast.forecast.linear.SchurCohn;
import java.util.Arrays;

/**
 * The lag polynomials of an ARIMA model. AR coefficients follow the convention {@code 1 - phi_1 B - ... - phi_p B^p},
 * MA coefficients {@code 1 + theta_1 B + ... + theta_q B^q}; arrays hold the coefficients of B^1, B^2, ...
 */
final class Polynomials {
    private static final int MAX_ROOT_ITERATIONS = 500;

    private Polynomials() {}

    /**
     * The AR polynomial {@code (1 - sum phi_i B^i)(1 - sum Phi_j B^(j m))} multiplied out, as the coefficients of
     * {@code 1 - sum c_k B^k}.
     */
    static double[] multiplyAutoregressive(double[] regular, double[] seasonal, int period) {
        return multiply(regular, seasonal, period, -1);
    }

    /** The MA polynomial {@code (1 + sum theta_i B^i)(1 + sum Theta_j B^(j m))} multiplied out. */
    static double[] multiplyMovingAverage(double[] regular, double[] seasonal, int period) {
        return multiply(regular, seasonal, period, 1);
    }

    /** {@code (1 + s sum a_i B^i)(1 + s sum b_j B^(j m))} as {@code 1 + s sum c_k B^k}, for sign s = 1 or -1. */
    private static double[] multiply(double[] regular, double[] seasonal, int period, int sign) {
        double[] full = new double[regular.length + seasonal.length * period];
        multiplyInto(regular, seasonal, period, sign, full);
        return full;
    }

    /** {@link #multiply} into {@code full} (of length p + P m), so that an optimiser's evaluations allocate nothing. */
    static void multiplyInto(double[] regular, double[] seasonal, int period, int sign, double[] full) {
        Arrays.fill(full, 0);
        System.arraycopy(regular, 0, full, 0, regular.length);
        for (int j = 0; j < seasonal.length; j++) {
            int lag = (j + 1) * period;
            full[lag - 1] += seasonal[j];
            for (int i = 0; i < regular.length; i++) {
                full[lag + i] += sign * regular[i] * seasonal[j];
            }
        }
    }

    /**
     * The differencing operator {@code (1 - B)^d (1 - B^m)^D} written as {@code 1 - sum delta_k B^k}: the undifferenced
     * value is {@code x_t = w_t + sum delta_k x_(t-k)}.
     */
    static double[] differencing(int d, int seasonalD, int period) {
        double[] polynomial = {1}; // coefficients of B^0, B^1, ...
        for (int i = 0; i < d; i++) {
            polynomial = multiplyByOneMinusLag(polynomial, 1);
        }
        for (int i = 0; i < seasonalD; i++) {
            polynomial = multiplyByOneMinusLag(polynomial, period);
        }
        double[] delta = new double[polynomial.length - 1];
        for (int k = 0; k < delta.length; k++) {
            delta[k] = 0.0 - polynomial[k + 1]; // 0.0 - x keeps a zero coefficient +0.0
        }
        return delta;
    }

    private static double[] multiplyByOneMinusLag(double[] polynomial, int lag) {
        double[] product = new double[polynomial.length + lag];
        for (int i = 0; i < polynomial.length; i++) {
            product[i] += polynomial[i];
            product[i + lag] -= polynomial[i];
        }
        return product;
    }

    /** True when every root of {@code 1 - sum a_k z^k} lies outside the circle of the given radius (Schur-Cohn). */
    static boolean hasRootsOutside(double[] coefficients, double radius) {
        return SchurCohn.hasRootsOutside(coefficients, radius);
    }

    /** True when the MA polynomial {@code 1 + sum theta_k z^k} has every root outside the given radius. */
    static boolean isInvertible(double[] theta, double radius) {
        double[] negated = new double[theta.length];
        for (int k = 0; k < theta.length; k++) {
            negated[k] = -theta[k];
        }
        return hasRootsOutside(negated, radius);
    }

    /**
     * The AR coefficients whose partial autocorrelations are {@code tanh(raw)}: maps any real vector to a stationary
     * AR polynomial (Jones 1980, Technometrics 22(3); the Durbin-Levinson recursion run forwards).
     */
    static void partialToAutoregressive(double[] raw, int from, int count, double[] out, double[] work) {
        for (int j = 0; j < count; j++) {
            out[from + j] = Math.tanh(raw[from + j]);
        }
        for (int j = 1; j < count; j++) {
            double reflection = out[from + j];
            for (int k = 0; k < j; k++) {
                work[k] = out[from + k] - reflection * out[from + j - 1 - k];
            }
            System.arraycopy(work, 0, out, from, j);
        }
    }

    /** The inverse of {@link #partialToAutoregressive}: {@code atanh} of the partial autocorrelations. */
    static void autoregressiveToPartial(double[] ar, int from, int count, double[] out) {
        double[] a = new double[count];
        System.arraycopy(ar, from, a, 0, count);
        double[] work = new double[count];
        for (int j = count - 1; j > 0; j--) {
            double reflection = a[j];
            double denominator = 1 - reflection * reflection;
            for (int k = 0; k < j; k++) {
                work[k] = (a[k] + reflection * a[j - 1 - k]) / denominator;
            }
            System.arraycopy(work, 0, a, 0, j);
        }
        for (int j = 0; j < count; j++) {
            out[from + j] = atanh(a[j]);
        }
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }

    /**
     * An invertible MA polynomial with the same autocorrelations as {@code 1 + sum theta_k B^k}: each root inside the
     * unit circle is replaced by its reciprocal (as R's {@code arima} does after fitting, since the likelihood cannot
     * tell the two apart). Returns {@code theta} itself when it is already invertible.
     */
    static double[] invertMovingAverage(double[] theta) {
        int degree = theta.length;
        while (degree > 0 && theta[degree - 1] == 0) {
            degree--;
        }
        if (degree == 0 || isInvertible(Arrays.copyOf(theta, degree), 1)) {
            return theta;
        }
        double[] result = new double[theta.length];
        if (degree == 1) {
            result[0] = 1 / theta[0];
            return result;
        }
        double[][] roots = roots(theta, degree);
        // Rebuild prod (1 - B / root) from the reflected roots, in complex arithmetic.
        double[] re = new double[degree + 1];
        double[] im = new double[degree + 1];
        re[0] = 1;
        for (int k = 0; k < degree; k++) {
            double rootRe = roots[0][k];
            double rootIm = roots[1][k];
            double modulus2 = rootRe * rootRe + rootIm * rootIm;
            if (modulus2 < 1) {
                rootRe /= modulus2; // 1 / conj(z) has the reciprocal modulus and the same angle
                rootIm /= modulus2;
                modulus2 = rootRe * rootRe + rootIm * rootIm;
            }
            double inverseRe = rootRe / modulus2; // 1 / root
            double inverseIm = -rootIm / modulus2;
            for (int i = k + 1; i >= 1; i--) {
                double productRe = re[i - 1] * inverseRe - im[i - 1] * inverseIm;
                double productIm = re[i - 1] * inverseIm + im[i - 1] * inverseRe;
                re[i] -= productRe;
                im[i] -= productIm;
            }
        }
        for (int k = 0; k < degree; k++) {
            result[k] = re[k + 1];
        }
        return result;
    }

    /**
     * The complex roots of {@code 1 + sum_{k<=degree} theta_k z^k} by the Durand-Kerner (Weierstrass) iteration; row 0
     * holds the real parts, row 1 the imaginary parts. Meant for the low degrees of MA polynomials.
     */
    static double[][] roots(double[] theta, int degree) {
        // Monic form: z^n + c_(n-1) z^(n-1) + ... + c_0 with c_k = coefficient of z^k / theta_n.
        double leading = theta[degree - 1];
        double[] monic = new double[degree];
        monic[0] = 1 / leading;
        for (int k = 1; k < degree; k++) {
            monic[k] = theta[k - 1] / leading;
        }
        double[] re = new double[degree];
        double[] im = new double[degree];
        double radius = 1;
        for (double c : monic) {
            radius = Math.max(radius, 1 + Math.abs(c));
        }
        for (int k = 0; k < degree; k++) {
            double angle = 2 * Math.PI * k / degree + 0.4;
            re[k] = 0.5 * radius * Math.cos(angle);
            im[k] = 0.5 * radius * Math.sin(angle);
        }
        for (int iteration = 0; iteration < MAX_ROOT_ITERATIONS; iteration++) {
            double change = 0;
            for (int k = 0; k < degree; k++) {
                // p(z) by Horner
                double valueRe = 1;
                double valueIm = 0;
                for (int j = degree - 1; j >= 0; j--) {
                    double nextRe = valueRe * re[k] - valueIm * im[k] + monic[j];
                    double nextIm = valueRe * im[k] + valueIm * re[k];
                    valueRe = nextRe;
                    valueIm = nextIm;
                }
                double denominatorRe = 1;
                double denominatorIm = 0;
                for (int j = 0; j < degree; j++) {
                    if (j != k) {
                        double diffRe = re[k] - re[j];
                        double diffIm = im[k] - im[j];
                        double nextRe = denominatorRe * diffRe - denominatorIm * diffIm;
                        double nextIm = denominatorRe * diffIm + denominatorIm * diffRe;
                        denominatorRe = nextRe;
                        denominatorIm = nextIm;
                    }
                }
                double norm = denominatorRe * denominatorRe + denominatorIm * denominatorIm;
                double stepRe = (valueRe * denominatorRe + valueIm * denominatorIm) / norm;
                double stepIm = (valueIm * denominatorRe - valueRe * denominatorIm) / norm;
                re[k] -= stepRe;
                im[k] -= stepIm;
                change = Math.max(change, Math.hypot(stepRe, stepIm) / Math.max(1, Math.hypot(re[k], im[k])));
            }
            if (change < 1e-14) {
                break;
            }
        }
        return new double[][] {re, im};
    }
}
