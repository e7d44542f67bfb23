package io.fleetcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.app.capacity.CapacityPlanDocument;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    /** The plan table's column for demand at the horizon's end names the horizon it was run with. */
    @Test
    void theEndOfHorizonColumnNamesTheHorizon() {
        assertThat(PlanCommand.horizon(365)).isEqualTo("1 year");
        assertThat(PlanCommand.horizon(1095)).isEqualTo("3 years");
        assertThat(PlanCommand.horizon(180)).isEqualTo("180 days");
        assertThat(PlanCommand.horizon(400)).isEqualTo("400 days");
    }

    /** A cluster's row says what its cloud instances are, and for owned servers beside them which the supply counts. */
    @Test
    void aRowSaysWhichCloudInstancesTheSupplyCounts() {
        assertThat(PlanCommand.cloudNote(entry(false, null, null))).isEmpty();
        assertThat(PlanCommand.cloudNote(entry(true, 1536.0, 2048.0)))
                .isEqualTo("  (cloud: 1,536 cores reserved, 2,048 cores on demand)");
        assertThat(PlanCommand.cloudNote(entry(false, 16.0, 32.0)))
                .isEqualTo("  (owned + cloud: supply counts 16 cores reserved, not 32 cores on demand)");
    }

    private static CapacityPlanDocument.Entry entry(
            boolean elastic, @Nullable Double reserved, @Nullable Double onDemand) {
        return new CapacityPlanDocument.Entry(
                "ash-c1",
                "dc-ash",
                "us-east",
                "cpu",
                "cores",
                elastic,
                144,
                reserved,
                onDemand,
                144,
                150,
                150,
                160,
                170,
                null,
                null,
                null,
                null,
                0,
                0,
                0,
                0,
                List.of(),
                "Regression[log]",
                List.of(),
                new CapacityPlanDocument.Headroom(0, "cores", 0, 150, List.of(), null, List.of()),
                List.of(),
                List.of());
    }
}
