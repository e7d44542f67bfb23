package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArimaOrderTest {
    @Test
    void printsAsR() {
        assertThat(ArimaOrder.of(1, 1, 1)).hasToString("ARIMA(1,1,1)");
        assertThat(new ArimaOrder(0, 1, 1, 0, 1, 1, 12)).hasToString("ARIMA(0,1,1)(0,1,1)[12]");
        assertThat(new ArimaOrder(2, 0, 0, 0, 0, 0, 12)).hasToString("ARIMA(2,0,0)");
    }

    @Test
    void countsDifferencesAndCoefficients() {
        ArimaOrder order = new ArimaOrder(2, 1, 1, 1, 1, 2, 4);

        assertThat(order.differences()).isEqualTo(2);
        assertThat(order.differencingLength()).isEqualTo(5);
        assertThat(order.coefficientCount()).isEqualTo(6);
    }

    @Test
    void rejectsNegativeOrdersAndSeasonalOrdersWithoutAPeriod() {
        assertThatThrownBy(() -> ArimaOrder.of(-1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders must be >= 0");
        assertThatThrownBy(() -> new ArimaOrder(0, 0, 0, 1, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need a period of at least 2");
    }

    @Test
    void minimumLengthCoversDifferencingLagsAndParameters() {
        // 13 differenced away, then 3 parameters (two MA coefficients and sigma2) need 4 more, plus one
        assertThat(ArimaEstimator.minimumLength(new ArimaOrder(0, 1, 1, 0, 1, 1, 12), false))
                .isEqualTo(18);
        // the AR lags dominate: 1 + 12 conditioning values
        assertThat(ArimaEstimator.minimumLength(new ArimaOrder(1, 0, 0, 1, 0, 0, 12), true))
                .isEqualTo(14);
    }
}
