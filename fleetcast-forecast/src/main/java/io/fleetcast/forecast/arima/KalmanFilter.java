package io.fleetcast.forecast.arima;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The Gaussian likelihood of an ARIMA model by the Kalman filter, on the state-space form of Harvey (Forecasting,
 * Structural Time Series Models and the Kalman Filter, 1989, section 3.3) that R's {@code stats::arima} uses: an ARMA
 * block of {@code r = max(p, q + 1)} states whose first element is the differenced value, followed by {@code d} states
 * holding the last undifferenced observations, which are given a diffuse prior (variance {@code KAPPA}). Observations
 * whose innovation variance is still dominated by that prior ({@code >= 1e4}) are left out of the likelihood, as in R.
 * The ARMA block starts from its stationary covariance, found exactly from the autocovariances of the process (the
 * quantity Gardner, Harvey and Phillips 1980 compute).
 *
 * <p>Everything is in units of the innovation variance: the filter returns the sum of squared standardised
 * innovations and the sum of log innovation variances, from which the concentrated likelihood follows. Two ways to
 * run it: {@link #run}, the full filter, which keeps the final state and covariance for forecasting and, once the
 * covariance stops changing (to 1e-11 of the innovation variance), keeps the gain fixed; and {@link #likelihood}, for
 * the optimiser on a differenced series, by the Chandrasekhar recursions in O(r) per observation instead of O(r^2).
 * One instance per model dimension; not thread-safe: work arrays are reused between runs so that an optimiser's many
 * evaluations allocate nothing.
 */
final class KalmanFilter {
    /** The prior variance of the differencing states, relative to the innovation variance (R's {@code kappa}). */
    static final double KAPPA = 1e6;
    /** Innovation variances at or above this are treated as still diffuse and excluded from the likelihood. */
    static final double DIFFUSE_GAIN = 1e4;

    private static final double STEADY_TOLERANCE = 1e-11;

    private final int arOrder;
    private final int maOrder;
    private final int r;
    private final int d;
    private final int size;
    private final double[] phi;
    private final double[] loading;
    private final double[] delta;
    private final int[] deltaLags;

    private final double[] initialCovariance;
    private final double[] state;
    private final double[] predicted;
    private final double[] gainVector;
    private final double[] covariance;
    private final double[] predictedCovariance;
    private final double[] product;
    private final double[] psi;
    private final double[] autocovariance;
    private final double[][] system;
    private final double[] firstRow;
    private final double[] chandrasekhar;

    private double sumOfSquares;
    private double sumOfLogGains;
    private int used;

    /** A filter for AR and MA polynomials of the given (multiplied-out) degrees and differencing {@code delta}. */
    KalmanFilter(int arOrder, int maOrder, double[] delta) {
        this.arOrder = arOrder;
        this.maOrder = maOrder;
        this.r = Math.max(arOrder, maOrder + 1);
        this.d = delta.length;
        this.size = r + d;
        this.phi = new double[r];
        this.loading = new double[r];
        this.delta = delta.clone();
        this.deltaLags = nonZero(delta);
        this.initialCovariance = new double[size * size];
        this.state = new double[size];
        this.predicted = new double[size];
        this.gainVector = new double[size];
        this.covariance = new double[size * size];
        this.predictedCovariance = new double[size * size];
        this.product = new double[size * size];
        this.psi = new double[r + 1];
        this.autocovariance = new double[r + 1];
        this.system = new double[arOrder + 1][arOrder + 2];
        this.firstRow = new double[r + 1];
        this.chandrasekhar = new double[size];
    }

    private static int[] nonZero(double[] values) {
        return IntStream.range(0, values.length).filter(i -> values[i] != 0).toArray();
    }

    /**
     * Sets the AR and MA coefficients ({@code 1 - sum phi_k B^k}, {@code 1 + sum theta_k B^k}) and the stationary
     * covariance of the ARMA block. False when the AR polynomial is not stationary (no such covariance exists).
     */
    boolean setCoefficients(double[] arCoefficients, double[] maCoefficients) {
        Arrays.fill(phi, 0);
        Arrays.fill(loading, 0);
        System.arraycopy(arCoefficients, 0, phi, 0, arOrder);
        loading[0] = 1;
        System.arraycopy(maCoefficients, 0, loading, 1, maOrder);
        Arrays.fill(initialCovariance, 0);
        if (!stationaryCovariance()) {
            return false;
        }
        for (int i = r; i < size; i++) {
            initialCovariance[i * size + i] = KAPPA;
        }
        return true;
    }

    /**
     * The covariance of the ARMA block under stationarity, P = T P T' + R R'. Its first row is the covariance of the
     * current value with each state, {@code P[0][j] = sum_{k>=j} (phi_(k+1) gamma(k - j + 1) + R_k psi_(k-j))}, from
     * the autocovariances gamma and the psi weights; the rest follows from P = T P T' + R R' element by element, from
     * the last row and column inwards.
     */
    private boolean stationaryCovariance() {
        if (arOrder > 0 && !Polynomials.hasRootsOutside(Arrays.copyOf(phi, arOrder), 1)) {
            return false;
        }
        // psi weights: psi_0 = 1, psi_j = theta_j + sum_i phi_i psi_(j-i)
        psi[0] = 1;
        for (int j = 1; j <= r; j++) {
            double value = j <= maOrder ? loading[j] : 0;
            for (int i = 1; i <= Math.min(j, arOrder); i++) {
                value += phi[i - 1] * psi[j - i];
            }
            psi[j] = value;
        }
        // gamma(k) - sum_i phi_i gamma(|k - i|) = sum_{j>=k} theta_j psi_(j-k), for k = 0..p
        int p = arOrder;
        for (int k = 0; k <= p; k++) {
            double[] row = system[k];
            Arrays.fill(row, 0);
            row[k] += 1;
            for (int i = 1; i <= p; i++) {
                row[Math.abs(k - i)] -= phi[i - 1];
            }
            row[p + 1] = movingAverageTerm(k);
        }
        if (!LinearSystems.solveInPlace(system, p + 1)) {
            return false;
        }
        for (int k = 0; k <= Math.min(p, r); k++) {
            autocovariance[k] = system[k][p + 1];
        }
        for (int k = p + 1; k <= r; k++) {
            double value = movingAverageTerm(k);
            for (int i = 1; i <= p; i++) {
                value += phi[i - 1] * autocovariance[k - i];
            }
            autocovariance[k] = value;
        }
        double[] first = firstRow; // first[r] = 0 stands for the state beyond the block
        first[0] = autocovariance[0];
        for (int j = 1; j < r; j++) {
            double value = 0;
            for (int k = j; k < r; k++) {
                value += phi[k] * autocovariance[k - j + 1] + loading[k] * psi[k - j];
            }
            first[j] = value;
        }
        for (int j = 0; j < r; j++) {
            initialCovariance[j] = first[j];
            initialCovariance[j * size] = first[j];
        }
        for (int i = r - 1; i >= 1; i--) {
            for (int j = r - 1; j >= i; j--) {
                double next = i + 1 < r && j + 1 < r ? initialCovariance[(i + 1) * size + j + 1] : 0;
                double value = phi[i] * phi[j] * first[0]
                        + phi[i] * first[j + 1]
                        + phi[j] * first[i + 1]
                        + next
                        + loading[i] * loading[j];
                initialCovariance[i * size + j] = value;
                initialCovariance[j * size + i] = value;
            }
        }
        return true;
    }

    /** {@code sum_{j=k..q} theta_j psi_(j-k)} with theta_0 = 1. */
    private double movingAverageTerm(int k) {
        double sum = 0;
        for (int j = k; j <= maOrder; j++) {
            sum += loading[j] * psi[j - k];
        }
        return sum;
    }

    /**
     * Filters {@code x} (undifferenced when the filter has differencing states). Afterwards {@link #sumOfSquares()},
     * {@link #sumOfLogGains()} and {@link #used()} describe the likelihood, and the filter holds the final state. When
     * {@code residuals} is given, it receives the standardised innovations (innovation over the square root of its
     * variance, as R's arima reports residuals). False when an innovation variance is not positive and finite.
     */
    /**
     * The likelihood sums of {@link #run} for a filter without differencing states, by the Chandrasekhar recursions
     * (Morf, Sidhu and Kailath, IEEE Transactions on Automatic Control 19(4), 1974; Herbst, Computational Economics
     * 45, 2015), which replace the covariance update, O(r^2) per observation, by a rank-one one, O(r): started from
     * the stationary covariance P, the first change of the predicted covariance is {@code -K K' / F}, and every later
     * one stays of rank one, {@code m_t w_t w_t'}, with
     *
     * <pre>
     * F_(t+1) = F_t + m_t u^2,  K_(t+1) = K_t + m_t u T w_t,  w_(t+1) = T w_t - K_t u / F_t,  m_(t+1) = m_t F_t / F_(t+1)
     * </pre>
     *
     * where u = w_t[0], K_t = T P_t Z' and F_t = Z P_t Z' the innovation variance. The innovations and their variances
     * are those of the full filter; the final state and covariance are not kept (use {@link #run} to forecast).
     */
    boolean likelihood(double[] x) {
        if (d > 0) {
            return run(x, null);
        }
        double[] a = state;
        double[] k = gainVector;
        double[] w = chandrasekhar;
        double[] next = predicted;
        Arrays.fill(a, 0);
        for (int i = 0; i < r; i++) {
            next[i] = initialCovariance[i * size]; // P e_0
        }
        transition(next, k);
        System.arraycopy(k, 0, w, 0, r);
        double f = initialCovariance[0];
        double m = -1 / f;
        sumOfSquares = 0;
        sumOfLogGains = 0;
        used = 0;
        for (int t = 0; t < x.length; t++) {
            if (!(f > 0) || !Double.isFinite(f)) {
                return false;
            }
            double innovation = x[t] - a[0];
            if (f < DIFFUSE_GAIN) {
                used++;
                sumOfSquares += innovation * innovation / f;
                sumOfLogGains += Math.log(f);
            }
            transition(a, next);
            double scaled = innovation / f;
            for (int i = 0; i < r; i++) {
                a[i] = next[i] + k[i] * scaled;
            }
            double u = w[0];
            transition(w, next);
            double uOverF = u / f;
            double mu = m * u;
            for (int i = 0; i < r; i++) {
                double transitioned = next[i];
                w[i] = transitioned - k[i] * uOverF;
                k[i] += mu * transitioned;
            }
            double fNext = f + mu * u;
            m = m * f / fNext;
            f = fNext;
        }
        return Double.isFinite(sumOfSquares);
    }

    boolean run(double[] x, double @Nullable [] residuals) {
        Arrays.fill(state, 0);
        Arrays.fill(predicted, 0);
        System.arraycopy(initialCovariance, 0, predictedCovariance, 0, size * size);
        sumOfSquares = 0;
        sumOfLogGains = 0;
        used = 0;
        boolean steady = false;
        double gain = 0;
        for (int t = 0; t < x.length; t++) {
            if (t > 0) {
                transition(state, predicted);
                if (!steady) {
                    double change = propagate(covariance, product, predictedCovariance);
                    steady = change <= STEADY_TOLERANCE * Math.max(1, gain);
                }
            }
            double innovation = x[t] - observe(predicted);
            if (!steady) {
                for (int i = 0; i < size; i++) {
                    int row = i * size;
                    double value = predictedCovariance[row];
                    for (int lag : deltaLags) {
                        value += delta[lag] * predictedCovariance[row + r + lag];
                    }
                    gainVector[i] = value;
                }
                gain = observe(gainVector);
                if (!(gain > 0) || !Double.isFinite(gain)) {
                    return false;
                }
            }
            if (gain < DIFFUSE_GAIN) {
                used++;
                sumOfSquares += innovation * innovation / gain;
                sumOfLogGains += Math.log(gain);
            }
            if (residuals != null) {
                residuals[t] = innovation / Math.sqrt(gain);
            }
            double scaled = innovation / gain;
            for (int i = 0; i < size; i++) {
                state[i] = predicted[i] + gainVector[i] * scaled;
            }
            if (!steady) {
                for (int i = 0; i < size; i++) {
                    double mi = gainVector[i] / gain;
                    int row = i * size;
                    for (int j = 0; j < size; j++) {
                        covariance[row + j] = predictedCovariance[row + j] - mi * gainVector[j];
                    }
                }
            }
        }
        return Double.isFinite(sumOfSquares);
    }

    /** {@code Z' v}: the ARMA value plus the differencing combination of past observations. */
    private double observe(double[] vector) {
        double value = vector[0];
        for (int lag : deltaLags) {
            value += delta[lag] * vector[r + lag];
        }
        return value;
    }

    /** {@code out = T a}. */
    private void transition(double[] a, double[] out) {
        double first = a[0];
        for (int i = 0; i < r - 1; i++) {
            out[i] = phi[i] * first + a[i + 1];
        }
        out[r - 1] = phi[r - 1] * first;
        if (d > 0) {
            for (int i = size - 1; i > r; i--) {
                out[i] = a[i - 1];
            }
            out[r] = observe(a);
        }
    }

    /**
     * {@code out = T in T' + R R'} for a symmetric {@code in}, using the sparsity of T (a first column of AR
     * coefficients, a shifted identity and the differencing rows); {@code work} receives {@code T in}. Returns the
     * largest difference between the new and the old content of {@code out}.
     */
    private double propagate(double[] in, double[] work, double[] out) {
        // work = T in: row i of T applied down each column of in.
        for (int i = 0; i < r; i++) {
            int row = i * size;
            double coefficient = phi[i];
            if (i + 1 < r) {
                System.arraycopy(in, row + size, work, row, size);
            } else {
                Arrays.fill(work, row, row + size, 0);
            }
            if (coefficient != 0) {
                for (int c = 0; c < size; c++) {
                    work[row + c] += coefficient * in[c];
                }
            }
        }
        if (d > 0) {
            int row = r * size;
            System.arraycopy(in, 0, work, row, size);
            for (int lag : deltaLags) {
                double coefficient = delta[lag];
                int source = (r + lag) * size;
                for (int c = 0; c < size; c++) {
                    work[row + c] += coefficient * in[source + c];
                }
            }
            for (int i = r + 1; i < size; i++) {
                System.arraycopy(in, (i - 1) * size, work, i * size, size);
            }
        }
        // out = work T' + R R': T applied along each row of work.
        double change = 0;
        for (int i = 0; i < size; i++) {
            int row = i * size;
            double first = work[row];
            double loadingI = i < r ? loading[i] : 0;
            for (int l = 0; l < r; l++) {
                double value = phi[l] * first + (l + 1 < r ? work[row + l + 1] : 0);
                if (loadingI != 0) {
                    value += loadingI * loading[l];
                }
                change = Math.max(change, Math.abs(value - out[row + l]));
                out[row + l] = value;
            }
            if (d > 0) {
                double value = first;
                for (int lag : deltaLags) {
                    value += delta[lag] * work[row + r + lag];
                }
                change = Math.max(change, Math.abs(value - out[row + r]));
                out[row + r] = value;
                for (int l = r + 1; l < size; l++) {
                    value = work[row + l - 1];
                    change = Math.max(change, Math.abs(value - out[row + l]));
                    out[row + l] = value;
                }
            }
        }
        return change;
    }

    /**
     * Forecasts from the final filtered state: for each step the mean of the observation and its variance in units
     * of the innovation variance (R's {@code KalmanForecast}). Leaves the filter's state untouched.
     */
    void forecast(int horizon, double[] mean, double[] variance) {
        double[] a = state.clone();
        double[] next = new double[size];
        double[] p = covariance.clone();
        double[] work = new double[size * size];
        double[] nextCovariance = new double[size * size];
        for (int h = 0; h < horizon; h++) {
            transition(a, next);
            double[] swap = a;
            a = next;
            next = swap;
            propagate(p, work, nextCovariance);
            double[] swapCovariance = p;
            p = nextCovariance;
            nextCovariance = swapCovariance;
            mean[h] = observe(a);
            double value = 0;
            // Z' P Z
            for (int i = 0; i < size; i++) {
                double zi = i == 0 ? 1 : i >= r ? delta[i - r] : 0;
                if (zi == 0) {
                    continue;
                }
                int row = i * size;
                double inner = p[row];
                for (int lag : deltaLags) {
                    inner += delta[lag] * p[row + r + lag];
                }
                value += zi * inner;
            }
            variance[h] = value;
        }
    }

    /** The stationary covariance of the ARMA block followed by the diffuse block, row-major, {@code size x size}. */
    double[] initialCovariance() {
        return initialCovariance.clone();
    }

    int size() {
        return size;
    }

    /** Sum over the non-diffuse observations of innovation^2 / innovation variance. */
    double sumOfSquares() {
        return sumOfSquares;
    }

    /** Sum over the non-diffuse observations of log innovation variance. */
    double sumOfLogGains() {
        return sumOfLogGains;
    }

    /** How many observations entered the likelihood. */
    int used() {
        return used;
    }
}
