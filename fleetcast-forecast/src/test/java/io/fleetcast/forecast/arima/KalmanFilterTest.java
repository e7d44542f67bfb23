package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KalmanFilterTest {
    @Test
    void anAutoregressionStartsFromItsStationaryVariance() {
        KalmanFilter filter = new KalmanFilter(1, 0, new double[0]);
        filter.setCoefficients(new double[] {0.6}, new double[0]);

        assertThat(filter.initialCovariance()[0]).isCloseTo(1 / (1 - 0.36), within(1e-12));
    }

    /** The initial covariance must be the fixed point P = T P T' + R R' of the state equation. */
    @Test
    void initialCovarianceIsStationary() {
        double[] phi = Polynomials.multiplyAutoregressive(new double[] {0.5, -0.2}, new double[] {0.4}, 4);
        double[] theta = Polynomials.multiplyMovingAverage(new double[] {0.3}, new double[] {-0.5}, 4);
        KalmanFilter filter = new KalmanFilter(phi.length, theta.length, new double[0]);
        filter.setCoefficients(phi, theta);
        double[] p = filter.initialCovariance();
        int r = filter.size();
        double[] loading = new double[r];
        loading[0] = 1;
        System.arraycopy(theta, 0, loading, 1, theta.length);
        double[] ph = new double[r];
        System.arraycopy(phi, 0, ph, 0, phi.length);

        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                double next = i + 1 < r && j + 1 < r ? p[(i + 1) * r + j + 1] : 0;
                double right = i + 1 < r ? p[(i + 1) * r] : 0;
                double below = j + 1 < r ? p[j + 1] : 0;
                double expected = ph[i] * ph[j] * p[0] + ph[i] * below + ph[j] * right + next + loading[i] * loading[j];
                assertThat(p[i * r + j]).as("P[%s][%s]", i, j).isCloseTo(expected, within(1e-10));
            }
        }
    }

    @Test
    void refusesANonStationaryAutoregression() {
        KalmanFilter filter = new KalmanFilter(1, 0, new double[0]);

        assertThat(filter.setCoefficients(new double[] {1.1}, new double[0])).isFalse();
    }

    @Test
    void whiteNoiseInnovationsAreTheObservations() {
        KalmanFilter filter = new KalmanFilter(0, 0, new double[0]);
        filter.setCoefficients(new double[0], new double[0]);
        double[] residuals = new double[3];

        assertThat(filter.run(new double[] {1, -2, 3}, residuals)).isTrue();
        assertThat(residuals).containsExactly(1, -2, 3);
        assertThat(filter.sumOfSquares()).isEqualTo(14);
        assertThat(filter.used()).isEqualTo(3);
    }

    @Test
    void diffuseObservationsAreLeftOutOfTheLikelihood() {
        KalmanFilter filter = new KalmanFilter(0, 0, Polynomials.differencing(1, 0, 1));
        filter.setCoefficients(new double[0], new double[0]);

        filter.run(new double[] {10, 11, 13, 12}, null);

        // a random walk: the first observation only sets the level; the rest are steps of 1, 2, -1
        assertThat(filter.used()).isEqualTo(3);
        assertThat(filter.sumOfSquares()).isCloseTo(6, within(1e-4));
    }

    /** The Chandrasekhar recursions give the full filter's likelihood sums. */
    @Test
    void fastLikelihoodEqualsTheFullFilter() {
        double[] phi = Polynomials.multiplyAutoregressive(new double[] {0.5, -0.2}, new double[] {0.6}, 4);
        double[] theta = Polynomials.multiplyMovingAverage(new double[] {0.3}, new double[] {-0.7}, 4);
        double[] x = new double[60];
        for (int t = 0; t < x.length; t++) {
            x[t] = Math.sin(t * 1.3) + 0.2 * (t % 4) + 0.1 * Math.cos(t * t);
        }
        KalmanFilter filter = new KalmanFilter(phi.length, theta.length, new double[0]);
        filter.setCoefficients(phi, theta);

        filter.run(x, null);
        double sumOfSquares = filter.sumOfSquares();
        double sumOfLogGains = filter.sumOfLogGains();
        filter.likelihood(x);

        assertThat(filter.sumOfSquares()).isCloseTo(sumOfSquares, within(1e-10 * sumOfSquares));
        assertThat(filter.sumOfLogGains()).isCloseTo(sumOfLogGains, within(1e-10));
        assertThat(filter.used()).isEqualTo(60);
    }
}
