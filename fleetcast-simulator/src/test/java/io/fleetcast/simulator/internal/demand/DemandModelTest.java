package io.fleetcast.simulator.internal.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DemandModelTest {

    @Test
    void allocationsRoundUpToTwoSignificantDigits() {
        assertThat(DemandModel.roundUpTwoDigits(1234)).isCloseTo(1300, within(1e-9));
        assertThat(DemandModel.roundUpTwoDigits(0.0341)).isCloseTo(0.035, within(1e-12));
        assertThat(DemandModel.roundUpTwoDigits(100)).isCloseTo(100, within(1e-9));
        assertThat(DemandModel.roundUpTwoDigits(0)).isZero();
    }
}
