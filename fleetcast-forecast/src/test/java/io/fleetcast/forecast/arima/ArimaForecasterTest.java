package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArimaForecasterTest {
    @Test
    void provenanceRecordsOrdersAndCoefficients() {
        Series series = Series.of(ArimaReference.y("WWWusage"));

        Forecast forecast = ArimaForecaster.automatic().forecast(series, 5);

        assertThat(forecast.provenance().model()).isEqualTo("ARIMA(1,1,1)");
        assertThat(forecast.provenance().parameters())
                .containsKeys("p", "d", "q", "P", "D", "Q", "period", "ar1", "ma1", "sigma2")
                .containsEntry("d", 1.0);
        assertThat(forecast.provenance().parameters().get("ar1")).isCloseTo(0.6504, within(1e-3));
        assertThat(forecast.provenance().trainingObservations()).isEqualTo(100);
    }

    @Test
    void fixedOrdersUseTheSeriesPeriod() {
        Series series = Series.of(ArimaReference.y("USAccDeaths"), 12);

        Forecast forecast = ArimaForecaster.of(0, 1, 1, 0, 1, 1, false).forecast(series, 12);

        assertThat(forecast.provenance().model()).isEqualTo("ARIMA(0,1,1)(0,1,1)[12]");
        assertThat(forecast.provenance().parameters()).containsKeys("ma1", "sma1");
        assertThat(ArimaForecaster.of(0, 1, 1, 0, 1, 1, false).name()).isEqualTo("ARIMA(0,1,1)(0,1,1)");
    }

    @Test
    void tooShortSeriesAreRefusedWithTheMinimumLength() {
        Series short2 = Series.of(new double[] {1, 2});
        Series short12 = Series.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 12);

        assertThatThrownBy(() -> ArimaForecaster.automatic().forecast(short2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 observations");
        assertThatThrownBy(() -> ArimaForecaster.of(0, 1, 1, 0, 1, 1, false).forecast(short12, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs at least 18 observations, got 12");
    }

    @Test
    void refusesSeasonalOrdersWithoutAPeriodAndAConstantWithTwoDifferences() {
        assertThatThrownBy(() ->
                        ArimaForecaster.of(0, 1, 1, 0, 1, 1, false).forecast(Series.of(ArimaReference.y("Nile")), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("seasonal period");
        assertThatThrownBy(() -> ArimaForecaster.of(0, 2, 1, 0, 0, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("polynomial trend");
    }

    @Test
    void aConstantSeriesIsForecastExactly() {
        double[] flat = new double[30];
        Arrays.fill(flat, 7.5);

        Forecast forecast = ArimaForecaster.automatic().forecast(Series.of(flat), 4);

        assertThat(forecast.mean()).containsOnly(7.5);
        assertThat(forecast.upper95()).containsOnly(7.5);
        assertThat(forecast.provenance().model()).isEqualTo("ARIMA(0,0,0) with non-zero mean");
    }

    @Test
    void aLineIsExtended() {
        double[] line = new double[30];
        for (int t = 0; t < line.length; t++) {
            line[t] = 4 + 2 * t;
        }

        Forecast forecast = ArimaForecaster.automatic().forecast(Series.of(line), 3);

        assertThat(forecast.mean()).containsExactly(64, 66, 68);
        assertThat(forecast.provenance().model()).isEqualTo("ARIMA(0,1,0) with drift");
    }

    /**
     * Hourly data with a slowly changing daily cycle (two weeks): seasonally differenced, with the series' shortest
     * period; auto.arima's approximation (period above 12) keeps it quick.
     */
    @Test
    void hourlySeriesWithADailyCycle() {
        SplittableRandom random = new SplittableRandom(42);
        double[] y = new double[24 * 14];
        double[] cycle = new double[24];
        for (int hour = 0; hour < 24; hour++) {
            cycle[hour] = 20 * Math.sin(2 * Math.PI * hour / 24);
        }
        double level = 100;
        for (int t = 0; t < y.length; t++) {
            level += random.nextDouble() - 0.5;
            cycle[t % 24] += 0.5 * (random.nextDouble() - 0.5);
            y[t] = level + cycle[t % 24] + (random.nextDouble() - 0.5);
        }

        Forecast forecast = ArimaForecaster.automatic().forecast(Series.of(y, 24, 168), 48);

        assertThat(forecast.provenance().parameters())
                .containsEntry("period", 24.0)
                .containsEntry("D", 1.0);
        for (int h = 0; h < 48; h++) {
            double expected = level + cycle[(y.length + h) % 24];
            assertThat(forecast.mean(h)).isCloseTo(expected, within(6.0));
            assertThat(forecast.lower95()[h]).isLessThan(forecast.mean(h));
        }
    }
}
