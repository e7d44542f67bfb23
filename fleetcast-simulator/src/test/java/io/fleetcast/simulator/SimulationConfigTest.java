package io.fleetcast.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SimulationConfigTest {

    @Test
    void defaultsDescribeTheDemoFleet() {
        SimulationConfig defaults = SimulationConfig.defaults();
        assertThat(defaults.servers()).isEqualTo(2000);
        assertThat(defaults.days()).isEqualTo(1095);
        assertThat(defaults.seed()).isEqualTo(42);
        assertThat(defaults.end()).isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void rejectsTooFewServersNamingTheValue() {
        assertThatThrownBy(() -> new SimulationConfig(9, 100, 1, SimulationConfig.DEFAULT_END))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("servers")
                .hasMessageContaining("got 9")
                .satisfies(
                        error -> assertThat(((FleetcastException) error).kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }

    @Test
    void rejectsTooShortAHistoryNamingTheValue() {
        assertThatThrownBy(() -> new SimulationConfig(100, 59, 1, SimulationConfig.DEFAULT_END))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("days")
                .hasMessageContaining("got 59");
    }

    @Test
    void rejectsAnEndOutsideTheSupportedYears() {
        assertThatThrownBy(() -> new SimulationConfig(100, 100, 1, LocalDate.of(1999, 12, 31)))
                .isInstanceOf(FleetcastException.class)
                .hasMessageContaining("got 1999-12-31");
    }

    @Test
    void acceptsTheSmallestFleet() {
        assertThat(new SimulationConfig(10, 60, -5, LocalDate.of(2030, 1, 1)).servers())
                .isEqualTo(10);
    }
}
