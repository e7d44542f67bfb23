package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The plan table's column for demand at the horizon's end names the horizon it was run with. */
class PlanCommandTest {
    @Test
    void theEndOfHorizonColumnNamesTheHorizon() {
        assertThat(PlanCommand.horizon(365)).isEqualTo("1 year");
        assertThat(PlanCommand.horizon(1095)).isEqualTo("3 years");
        assertThat(PlanCommand.horizon(180)).isEqualTo("180 days");
        assertThat(PlanCommand.horizon(400)).isEqualTo("400 days");
    }
}
