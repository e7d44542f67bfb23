package io.fleetcast.forecast.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import org.junit.jupiter.api.Test;

class BenchmarkForecastersTest {
    private static final Series TRENDED = Series.of(new double[] {10, 12, 11, 15, 14, 18, 17, 21}, 2);

    @Test
    void naiveRepeatsTheLastValueWithRandomWalkIntervals() {
        Forecast forecast = new NaiveForecaster().forecast(TRENDED, 4);

        assertThat(forecast.mean()).containsOnly(21);
        // residuals 2,-1,4,-1,4,-1,4: mean square 55/7
        double sigma = Math.sqrt(55.0 / 7);
        assertThat(forecast.provenance().parameters().get("sigma")).isCloseTo(sigma, within(1e-12));
        assertThat(forecast.upper95()[3] - forecast.mean(3)).isCloseTo(Forecast.Z95 * sigma * 2, within(1e-12));
        assertThat(forecast.upper80()[0] - forecast.lower80()[0]).isCloseTo(2 * Forecast.Z80 * sigma, within(1e-12));
    }

    @Test
    void seasonalNaiveRepeatsTheLastSeasonAndWidensPerCycle() {
        Forecast forecast = new SeasonalNaiveForecaster().forecast(TRENDED, 5);

        assertThat(forecast.mean()).containsExactly(17, 21, 17, 21, 17);
        // lag-2 residuals 1,3,3,3,3,3: mean square 46/6
        double sigma = Math.sqrt(46.0 / 6);
        double[] halfWidths = new double[5];
        for (int step = 0; step < 5; step++) {
            halfWidths[step] = (forecast.upper95()[step] - forecast.mean(step)) / (Forecast.Z95 * sigma);
        }
        assertThat(halfWidths)
                .containsExactly(new double[] {1, 1, Math.sqrt(2), Math.sqrt(2), Math.sqrt(3)}, within(1e-12));
    }

    @Test
    void driftExtendsTheLineFromFirstToLast() {
        Forecast forecast = new DriftForecaster().forecast(TRENDED, 2);

        assertThat(forecast.mean()).containsExactly(new double[] {21 + 11.0 / 7, 21 + 22.0 / 7}, within(1e-12));
        assertThat(forecast.provenance().parameters().get("slope")).isEqualTo(11.0 / 7);
    }

    @Test
    void naive2IsNaiveWhenTheSeriesIsNotSeasonal() {
        Forecast naive2 = new Naive2Forecaster().forecast(TRENDED, 3);

        assertThat(naive2.mean()).containsOnly(21);
        assertThat(naive2.provenance().parameters().get("seasonal")).isZero();
    }

    @Test
    void naive2ReseasonsTheLastAdjustedValue() {
        double[] values = new double[48];
        for (int t = 0; t < values.length; t++) {
            values[t] = 100 * (t % 4 == 0 ? 2.0 : 2.0 / 3);
        }

        Forecast forecast = new Naive2Forecaster().forecast(Series.of(values, 4), 4);

        assertThat(forecast.provenance().parameters().get("seasonal")).isEqualTo(1.0);
        assertThat(forecast.mean())
                .containsExactly(
                        new double[] {200, 66.66666666666667, 66.66666666666667, 66.66666666666667}, within(1e-9));
    }

    @Test
    void tooShortSeriesAreRefusedSayingHowLongTheyMustBe() {
        assertThatThrownBy(() -> new SeasonalNaiveForecaster().forecast(Series.of(new double[] {1, 2}, 2), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sNaive needs at least 3 observations, got 2");
        assertThatThrownBy(() -> Series.of(new double[] {1, Double.NaN})).hasMessageContaining("observation 2 is NaN");
    }
}
