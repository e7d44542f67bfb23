package io.fleetcast.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.benchmark.DriftForecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacktestTest {
    /** 0, 1, 2, ..., 19: the naive forecast from origin o is o - 1 for every step; the errors are 1, 2, 3. */
    static Series line() {
        double[] values = new double[20];
        for (int t = 0; t < values.length; t++) {
            values[t] = t;
        }
        return Series.of(values);
    }

    @Test
    void foldsEndAtTheLastObservationAHorizonApart() {
        BacktestResult result = Backtest.run(new NaiveForecaster(), line(), BacktestPlan.of(3, 3));

        assertThat(result.folds()).extracting(BacktestResult.Fold::origin).containsExactly(11, 14, 17);
        assertThat(result.folds().get(2).actual()).containsExactly(17, 18, 19);
        assertThat(result.folds().get(0).scale()).isEqualTo(1.0);
        // Mean absolute error 2 over an in-sample naive error of 1.
        assertThat(result.mase()).isCloseTo(2.0, within(1e-12));
        assertThat(result.bias()).isCloseTo(-2.0, within(1e-12));
        assertThat(result.scaledBias()).isCloseTo(-2.0, within(1e-12));
        // sMAPE of the last fold (forecast 16, actual 17, 18, 19): 200/3 * (1/33 + 2/34 + 3/35).
        double last = 200.0 / 3 * (1.0 / 33 + 2.0 / 34 + 3.0 / 35);
        double middle = 200.0 / 3 * (1.0 / 27 + 2.0 / 28 + 3.0 / 29);
        double first = 200.0 / 3 * (1.0 / 21 + 2.0 / 22 + 3.0 / 23);
        assertThat(result.smape()).isCloseTo((first + middle + last) / 3, within(1e-12));
    }

    @Test
    void driftIsExactOnALineAndItsIntervalsHaveNoWidth() {
        BacktestResult result = Backtest.run(new DriftForecaster(), line(), BacktestPlan.of(4, 2));

        assertThat(result.mase()).isCloseTo(0, within(1e-12));
        assertThat(result.coverage95()).isEqualTo(1.0);
        assertThat(result.width95()).isCloseTo(0, within(1e-9));
    }

    @Test
    void summaryAveragesOverSeries() {
        BacktestResult naive = Backtest.run(new NaiveForecaster(), line(), BacktestPlan.of(3, 3));
        BacktestResult shorter = Backtest.run(new NaiveForecaster(), line(), BacktestPlan.of(1, 2));

        BacktestSummary summary = BacktestSummary.of(List.of(naive, shorter));

        assertThat(summary.series()).isEqualTo(2);
        assertThat(summary.mase()).isCloseTo((2.0 + 1.0) / 2, within(1e-12));
        assertThat(summary.scaledBias()).isCloseTo((-2.0 - 1.0) / 2, within(1e-12));
    }

    @Test
    void aSeriesTooShortForThePlanIsRefusedWithTheLengthNeeded() {
        Series seasonal = Series.of(new double[30], 7);

        assertThatThrownBy(() -> Backtest.run(new NaiveForecaster(), seasonal, BacktestPlan.of(8, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a backtest with 3 folds of 8 steps (8 apart) needs more than 31 observations, got 30");
    }
}
