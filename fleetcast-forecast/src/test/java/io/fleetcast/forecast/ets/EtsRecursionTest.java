package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EtsRecursionTest {
    private static final int PERIOD = 4;

    static Stream<EtsModel> models() {
        return EtsEstimator.candidates(PERIOD, true).stream();
    }

    /** Values near 1e5: running products of the forecasts pass the folding limit every few dozen steps. */
    private static double[] series() {
        double[] y = new double[300];
        for (int t = 0; t < y.length; t++) {
            y[t] = 1e5 * (1 + 0.001 * t + 0.2 * Math.sin(2 * Math.PI * t / PERIOD) + 0.05 * Math.cos(0.7 * t * t));
        }
        return y;
    }

    private static EtsRecursion.State state(EtsModel model, double level) {
        EtsRecursion.State state = new EtsRecursion.State(model.period());
        state.level = level;
        state.trend = model.hasTrend() ? 50 : 0;
        for (int i = 0; i < model.period(); i++) {
            boolean multiplicative = model.season() == EtsModel.Season.MULTIPLICATIVE;
            double season = 0.2 * Math.sin(2 * Math.PI * i / PERIOD);
            state.seasonal[i] = model.isSeasonal() ? (multiplicative ? 1 + season : 1e5 * season) : 0;
        }
        return state;
    }

    private static EtsRecursion.Weights weights(EtsModel model, double alpha) {
        return new EtsRecursion.Weights(
                alpha, model.hasTrend() ? 0.01 : 0, model.isSeasonal() ? 0.05 : 0, model.isDamped() ? 0.9 : 1);
    }

    @ParameterizedTest
    @MethodSource("models")
    void twoRunsAtOnceGiveExactlyWhatEachGivesAlone(EtsModel model) {
        double[] y = series();
        EtsRecursion recursion = new EtsRecursion(model);
        EtsRecursion.State first = state(model, 1e5);
        EtsRecursion.State second = state(model, 0.9e5);
        double[] together = new double[2];

        recursion.runTwo(y, first, weights(model, 0.3), second, weights(model, 0.6), together);

        EtsRecursion.State firstAlone = state(model, 1e5);
        EtsRecursion.State secondAlone = state(model, 0.9e5);
        assertThat(together[0]).isEqualTo(recursion.run(y, firstAlone, weights(model, 0.3), null));
        assertThat(together[1]).isEqualTo(recursion.run(y, secondAlone, weights(model, 0.6), null));
        assertThat(first.level).isEqualTo(firstAlone.level);
        assertThat(second.trend).isEqualTo(secondAlone.trend);
        assertThat(second.seasonal).containsExactly(secondAlone.seasonal);
    }

    @Test
    void aRunWhoseForecastVanishesIsHugeAndLeavesItsPartnerAlone() {
        EtsModel model = EtsModel.parse("MNN", 1);
        double[] y = series();
        EtsRecursion recursion = new EtsRecursion(model);
        double[] together = new double[2];

        recursion.runTwo(y, state(model, 0), weights(model, 0.3), state(model, 1e5), weights(model, 0.3), together);

        assertThat(together[0]).isEqualTo(EtsRecursion.HUGE);
        assertThat(together[1]).isEqualTo(recursion.run(y, state(model, 1e5), weights(model, 0.3), null));
    }

    @Test
    void residualsStopWhereTheRunFails() {
        EtsModel model = EtsModel.parse("ANN", 1);
        // With alpha 1 the level is the last observation: after the 0 the next forecast is 0 and the run stops.
        double[] y = {1, 0, 3, 4};
        double[] residuals = new double[y.length];

        double objective =
                new EtsRecursion(model).run(y, state(model, 1), new EtsRecursion.Weights(1, 0, 0, 1), residuals);

        assertThat(objective).isEqualTo(EtsRecursion.HUGE);
        assertThat(residuals).containsExactly(0, -1, 0, 0);
    }
}
