package io.fleetcast.forecast.combine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.benchmark.DriftForecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import java.util.List;
import org.junit.jupiter.api.Test;

class CombinationForecasterTest {
    /** 1, 2, ..., 10: naive says 10, drift 11, 12, ...; seasonal naive at 4 repeats 7, 8, 9, 10. */
    static final Series LINE = Series.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 4);

    @Test
    void meanAndMedianStepByStep() {
        List<? extends io.fleetcast.forecast.Forecaster> members =
                List.of(new NaiveForecaster(), new DriftForecaster(), new SeasonalNaiveForecaster());

        Forecast mean = new CombinationForecaster("Mean", CombinationForecaster.Method.MEAN, members).forecast(LINE, 2);
        Forecast median =
                new CombinationForecaster("Median", CombinationForecaster.Method.MEDIAN, members).forecast(LINE, 2);

        assertThat(mean.mean()).containsExactly(new double[] {(10 + 11 + 7) / 3.0, (10 + 12 + 8) / 3.0}, within(1e-12));
        assertThat(median.mean()).containsExactly(new double[] {10, 10}, within(1e-12));
        assertThat(mean.provenance().model()).isEqualTo("Mean[Naive, Drift, sNaive]");
        assertThat(mean.lower95()[0]).isLessThan(mean.mean(0));
    }

    @Test
    void membersThatCannotFitAreLeftOutButNotAll() {
        CombinationForecaster combination = new CombinationForecaster(
                "Mean",
                CombinationForecaster.Method.MEAN,
                List.of(new NaiveForecaster(), new SeasonalNaiveForecaster()));

        Forecast forecast = combination.forecast(Series.of(new double[] {3, 5}, 4), 1);

        assertThat(forecast.provenance().model()).isEqualTo("Mean[Naive]");
        assertThat(forecast.mean(0)).isEqualTo(5.0);
        assertThatThrownBy(() -> new CombinationForecaster(
                                "Mean", CombinationForecaster.Method.MEAN, List.of(new SeasonalNaiveForecaster()))
                        .forecast(Series.of(new double[] {3, 5}, 4), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
