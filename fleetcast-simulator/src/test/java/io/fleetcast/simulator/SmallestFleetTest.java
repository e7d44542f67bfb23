package io.fleetcast.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.core.dataset.Kind;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smallest accepted configuration still gives valid files with every kind of data. */
class SmallestFleetTest {

    @Test
    void tenServersAndSixtyDaysGiveValidFiles(@TempDir Path folder) {
        SimulationSummary summary = new FleetSimulator()
                .simulate(new SimulationConfig(10, 60, 1, LocalDate.of(2030, 1, 15)), folder, SimulationListener.NONE);
        assertThat(SchemaCheck.check(folder)).isEmpty();
        for (Kind kind : Kind.loadOrder()) {
            assertThat(summary.rows().get(kind)).as(kind.tableName()).isPositive();
        }
    }
}
