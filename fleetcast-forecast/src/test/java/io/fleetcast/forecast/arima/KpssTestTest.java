package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KPSS statistic next to R's {@code urca::ur.kpss(type = "mu")} with ndiffs' lags (arima/reference.json). */
class KpssTestTest {
    static List<ArimaReference.Case> tests() {
        return ArimaReference.section("tests");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void statisticIsUrcas(ArimaReference.Case r) {
        double[] y = r.y();
        int lags = r.json().get("kpssLags").asInt();

        assertThat(KpssTest.defaultLags(y.length)).isEqualTo(lags);
        assertThat(KpssTest.statistic(y, lags)).isCloseTo(r.number("kpss"), within(1e-8 * r.number("kpss")));
        double[] differences = Differencing.difference(y, 1);
        assertThat(KpssTest.statistic(differences, KpssTest.defaultLags(differences.length)))
                .isCloseTo(r.number("kpssOfDifferences"), within(1e-8 * r.number("kpssOfDifferences")));
    }

    @Test
    void constantSeriesHasNoStatistic() {
        double[] constant = new double[20];
        Arrays.fill(constant, 3.5);

        assertThat(KpssTest.statistic(constant, 2)).isNaN();
    }

    @Test
    void rejectsTooFewObservationsAndBadLags() {
        assertThatThrownBy(() -> KpssTest.statistic(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 observations");
        assertThatThrownBy(() -> KpssTest.statistic(new double[] {1, 2, 3}, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lags");
    }
}
