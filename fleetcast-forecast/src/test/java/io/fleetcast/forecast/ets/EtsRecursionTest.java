package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    void runsMadeTogetherGiveExactlyWhatEachGivesAlone(EtsModel model) {
        double[] y = series();
        // Partners of other kinds: with and without trend, season and multiplicative errors.
        EtsModel second = EtsModel.parse(model.hasTrend() ? "MNM" : "AAdA", PERIOD);
        EtsModel third = EtsModel.parse(model.isSeasonal() ? "MAdN" : "ANA", PERIOD);
        EtsModel fourth = EtsModel.parse(model.isDamped() ? "MAN" : "AAdM", PERIOD);
        for (int count = 1; count <= EtsRecursion.MAX_TOGETHER; count++) {
            List<EtsRecursion.Run> runs = List.of(
                            run(model, 1e5, 0.3),
                            run(second, 0.9e5, 0.6),
                            run(third, 1.1e5, 0.2),
                            run(fourth, 1e5, 0.1))
                    .subList(0, count);
            double[] together = new double[count];

            EtsRecursion.runTogether(y, runs, together);

            double[] alone = {
                alone(y, model, 1e5, 0.3),
                alone(y, second, 0.9e5, 0.6),
                alone(y, third, 1.1e5, 0.2),
                alone(y, fourth, 1e5, 0.1)
            };
            assertThat(together).containsExactly(Arrays.copyOf(alone, count));
        }
    }

    @Test
    void runsOfModelsWithoutSeasonMadeTogetherGiveExactlyWhatEachGivesAlone() {
        double[] y = series();
        List<EtsModel> models = EtsEstimator.candidates(1, true);
        for (int first = 0; first < models.size(); first++) {
            for (int count = 1; count <= EtsRecursion.MAX_TOGETHER; count++) {
                List<EtsRecursion.Run> runs = new ArrayList<>();
                double[] alone = new double[count];
                for (int i = 0; i < count; i++) {
                    EtsModel model = models.get((first + i) % models.size());
                    runs.add(run(model, 1e5 - 1e3 * i, 0.1 + 0.2 * i));
                    alone[i] = alone(y, model, 1e5 - 1e3 * i, 0.1 + 0.2 * i);
                }
                double[] together = new double[count];

                EtsRecursion.runTogether(y, runs, together);

                assertThat(together).containsExactly(alone);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void runsMadeTogetherLeaveTheStatesWhereEachLeavesItsOwn(EtsModel model) {
        double[] y = series();
        EtsRecursion.Run first = run(model, 1e5, 0.3);
        // A partner of the same kind, with or without season.
        EtsRecursion.Run second = run(EtsModel.parse(model.isSeasonal() ? "MAdM" : "MAdN", PERIOD), 0.9e5, 0.6);

        EtsRecursion.runTogether(y, List.of(first, second), new double[2]);

        EtsRecursion.State alone = state(model, 1e5);
        new EtsRecursion(model).run(y, alone, weights(model, 0.3), null);
        assertThat(first.state().level).isEqualTo(alone.level);
        assertThat(first.state().trend).isEqualTo(alone.trend);
        assertThat(first.state().seasonal).containsExactly(alone.seasonal);
    }

    @Test
    void aRunWhoseForecastVanishesIsHugeAndLeavesItsPartnersAlone() {
        EtsModel model = EtsModel.parse("MNN", 1);
        double[] y = series();
        double[] together = new double[2];

        EtsRecursion.runTogether(y, List.of(run(model, 0, 0.3), run(model, 1e5, 0.3)), together);

        assertThat(together).containsExactly(EtsRecursion.HUGE, alone(y, model, 1e5, 0.3));
    }

    @Test
    void runsMadeTogetherNeedRecursionsOfTheirOwn() {
        EtsModel model = EtsModel.parse("ANN", 1);
        EtsRecursion recursion = new EtsRecursion(model);
        EtsRecursion.Run run = new EtsRecursion.Run(recursion, state(model, 1), weights(model, 0.3));
        EtsRecursion.Run another = new EtsRecursion.Run(recursion, state(model, 2), weights(model, 0.3));

        assertThatThrownBy(() -> EtsRecursion.runTogether(series(), List.of(run, another), new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recursions of their own");
    }

    private static EtsRecursion.Run run(EtsModel model, double level, double alpha) {
        return new EtsRecursion.Run(new EtsRecursion(model), state(model, level), weights(model, alpha));
    }

    private static double alone(double[] y, EtsModel model, double level, double alpha) {
        return new EtsRecursion(model).run(y, state(model, level), weights(model, alpha), null);
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
