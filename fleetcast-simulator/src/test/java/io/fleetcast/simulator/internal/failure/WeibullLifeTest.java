package io.fleetcast.simulator.internal.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeibullLifeTest {
    private final WeibullLife life = new WeibullLife(1.5, 4000);

    @Test
    void survivalAtTheScaleIsOneOverE() {
        assertThat(life.survival(4000)).isCloseTo(Math.exp(-1), within(1e-12));
        assertThat(life.survival(0)).isEqualTo(1);
        assertThat(life.cdf(1000)).isCloseTo(1 - Math.exp(-Math.pow(0.25, 1.5)), within(1e-12));
    }

    @Test
    void conditionalSurvivalDividesSurvivals() {
        assertThat(life.conditionalSurvival(1000, 500))
                .isCloseTo(life.survival(1500) / life.survival(1000), within(1e-12));
        assertThat(life.conditionalSurvival(2000, 0)).isEqualTo(1);
    }

    @Test
    void aWorseBatchKeepsTheShape() {
        WeibullLife worse = life.withScaleFactor(0.3);
        assertThat(worse.shape()).isEqualTo(1.5);
        assertThat(worse.scaleDays()).isCloseTo(1200, within(1e-9));
        assertThat(worse.cdf(365)).isGreaterThan(life.cdf(365));
    }

    @Test
    void rejectsNonPositiveParameters() {
        assertThatThrownBy(() -> new WeibullLife(-0.3, 10)).hasMessageContaining("-0.3");
        assertThatThrownBy(() -> new WeibullLife(1, 0)).hasMessageContaining("0");
        assertThatThrownBy(() -> new WeibullLife(Double.NaN, 10)).hasMessageContaining("NaN");
    }
}
