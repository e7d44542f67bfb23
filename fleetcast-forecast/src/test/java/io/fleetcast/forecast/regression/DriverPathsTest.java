package io.fleetcast.forecast.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.benchmark.DriftForecaster;
import org.junit.jupiter.api.Test;

class DriverPathsTest {
    @Test
    void extendsTheHistoryWithTheDriversOwnForecast() {
        double[] path = DriverPaths.extended(new double[] {10, 12, 14, 16}, 3, new DriftForecaster());

        assertThat(path).containsExactly(new double[] {10, 12, 14, 16, 18, 20, 22}, within(1e-12));
    }

    @Test
    void aScenarioRampsToItsChangeAndHoldsIt() {
        double[] path = {100, 100, 100, 100, 100, 100};

        double[] plusTwenty = DriverPaths.scenario(path, 1, 3, 0.2);

        assertThat(plusTwenty).containsExactly(new double[] {100, 100, 110, 120, 120, 120}, within(1e-12));
        assertThat(DriverPaths.scenario(path, 2, 2, -0.1))
                .containsExactly(new double[] {100, 100, 90, 90, 90, 90}, within(1e-12));
        assertThatThrownBy(() -> DriverPaths.scenario(path, 3, 1, 0.2))
                .hasMessage("a scenario ramps from step 3 to step 1; it needs 0 <= from <= to");
    }
}
