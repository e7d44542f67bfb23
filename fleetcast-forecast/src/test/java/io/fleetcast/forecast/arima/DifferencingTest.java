package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ndiffs and nsdiffs as R's forecast package decides them on the reference series (arima/reference.json). */
class DifferencingTest {
    static List<ArimaReference.Case> tests() {
        return ArimaReference.section("tests");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void regularOrderIsNdiffs(ArimaReference.Case r) {
        assertThat(Differencing.regularOrder(r.y(), 2))
                .isEqualTo(r.json().get("ndiffs").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void seasonalOrderIsNsdiffs(ArimaReference.Case r) {
        int period = r.json().get("period").asInt();
        if (period == 1) {
            return;
        }
        assertThat(Differencing.seasonalOrder(r.y(), period))
                .isEqualTo(r.json().get("nsdiffs").asInt());
    }

    @Test
    void constantSeriesNeedNoDifference() {
        double[] constant = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};

        assertThat(Differencing.regularOrder(constant, 2)).isZero();
        assertThat(Differencing.seasonalOrder(constant, 4)).isZero();
    }

    @Test
    void aLineNeedsOneDifference() {
        double[] line = new double[40];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 + 0.5 * t;
        }

        assertThat(Differencing.regularOrder(line, 2)).isEqualTo(1); // its differences are constant
    }

    @Test
    void shortSeriesNeedNoSeasonalDifference() {
        double[] twoPeriods = {1, 5, 2, 6, 1, 5, 2, 6};

        assertThat(Differencing.seasonalOrder(twoPeriods, 4)).isZero();
    }
}
