package io.fleetcast.planning.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-worked cases with the benchmark forecasters, whose forecasts are known in closed form: naive repeats the last
 * value, seasonal naive the last week.
 *
 * <p>With 200 days of history and 30 days ahead the backtest origins end at 200 - 30 - 14k for k = 0..7, that is at
 * 170, 156, ..., 72, all at least 56 days in: 8 origins.
 */
class SpendForecasterTest {
    private static final SpendForecaster NAIVE = new SpendForecaster((series, horizon) -> new NaiveForecaster());
    private static final SpendForecaster SEASONAL_NAIVE =
            new SpendForecaster((series, horizon) -> new SeasonalNaiveForecaster());

    /** Monday to Sunday; the week sums to 710. */
    private static final double[] WEEK = {100, 110, 120, 130, 140, 60, 50};

    private static double[] constant(int days, double value) {
        double[] daily = new double[days];
        Arrays.fill(daily, value);
        return daily;
    }

    /** v_t = t. */
    private static double[] linear(int days) {
        double[] daily = new double[days];
        for (int t = 0; t < days; t++) {
            daily[t] = t;
        }
        return daily;
    }

    @Test
    void aConstantSeriesIsForecastExactlyWithNoError() {
        // 30 days × 50 = 1,500; every backtest origin also forecasts 1,500 for 1,500 spent.
        assertThat(NAIVE.outlook(constant(200, 50.0), 30)).isEqualTo(new SpendOutlook(30, 1500, 0, "Naive", 8));
    }

    @Test
    void backtestOriginsStopAtTheMinimumHistory() {
        // 100 days, 30 ahead: origins end at 70 and 56; the next, 42, has too little history before it.
        assertThat(NAIVE.outlook(constant(100, 50.0), 30)).isEqualTo(new SpendOutlook(30, 1500, 0, "Naive", 2));
    }

    @Test
    void aRepeatingWeekIsForecastExactlyBySeasonalNaive() {
        double[] history = new double[200];
        for (int t = 0; t < history.length; t++) {
            history[t] = WEEK[t % 7];
        }

        // Days 200..229: four whole weeks (4 × 710 = 2,840), then days 228 and 229, a Friday and a Saturday
        // (140 + 60): 3,040.
        assertThat(SEASONAL_NAIVE.outlook(history, 30)).isEqualTo(new SpendOutlook(30, 3040, 0, "sNaive", 8));
        // Ten days later, days 210..229: weeks from day 210 (a Monday) and 217 (2 × 710 = 1,420), then days 224..229,
        // Monday to Saturday (100 + 110 + 120 + 130 + 140 + 60 = 660): 2,080.
        assertThat(SEASONAL_NAIVE.outlook(history, 10, 20)).isEqualTo(new SpendOutlook(20, 2080, 0, "sNaive", 8));
    }

    @Test
    void theErrorIsTheRootMeanSquareOfTheBacktestMisses() {
        double[] history = linear(200);

        // Naive forecasts every day ahead at the last value, 199: 30 × 199 = 5,970. At an origin ending at e the
        // forecast is 30(e - 1) and the actual e + (e + 1) + ... + (e + 29) = 30e + 435, a miss of 30 + 435 = 465 at
        // every origin, so the root mean square is 465.
        assertThat(NAIVE.outlook(history, 30)).isEqualTo(new SpendOutlook(30, 5970, 465, "Naive", 8));
        // Days 10..29 ahead: forecast 20 × 199 = 3,980; at each origin the actual is (e + 10) + ... + (e + 29) = 20e +
        // 390 against 20(e - 1), a miss of 410.
        assertThat(NAIVE.outlook(history, 10, 20)).isEqualTo(new SpendOutlook(20, 3980, 410, "Naive", 8));
    }

    @Test
    void withoutRoomToBacktestTheMethodsOwnIntervalsGiveTheError() {
        // 56 days, 3 ahead: the first origin would end at 53, short of 56 days. Naive's sigma on v_t = t is 1 (every
        // difference is 1), its standard errors 1, √2, √3 for steps 1 to 3, summed: 4.146264.
        SpendOutlook outlook = NAIVE.outlook(linear(56), 3);

        assertThat(outlook.p50()).isEqualTo(3 * 55);
        assertThat(outlook.standardError()).isCloseTo(1 + Math.sqrt(2) + Math.sqrt(3), within(1e-9));
        assertThat(outlook.backtestOrigins()).isZero();
    }

    @Test
    void theChooserSeesTheLastYearWithAWeeklySeasonAndTheWholeHorizon() {
        List<String> asked = new ArrayList<>();
        SpendForecaster forecaster = new SpendForecaster((series, horizon) -> {
            asked.add(series.length() + " days, period " + series.primaryPeriod() + ", horizon " + horizon);
            return new NaiveForecaster();
        });

        forecaster.outlook(constant(400, 50.0), 10, 20);

        assertThat(asked).containsExactly("365 days, period 7, horizon 30");
    }

    @Test
    void historyShorterThanTheMinimumIsRefused() {
        assertThatThrownBy(() -> NAIVE.outlook(constant(SpendForecaster.MINIMUM_DAYS - 1, 50.0), 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("spend forecasts need at least 56 days of history, not 55");
        assertThatThrownBy(() -> NAIVE.outlook(constant(200, 50.0), -1, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("days ahead must not be negative: -1, 30");
    }

    @Test
    void noDaysAheadIsNoOutlook() {
        assertThat(NAIVE.outlook(constant(200, 50.0), 0)).isEqualTo(SpendOutlook.NONE);
        assertThat(NAIVE.outlook(constant(200, 50.0), 5, 0)).isEqualTo(SpendOutlook.NONE);
    }
}
