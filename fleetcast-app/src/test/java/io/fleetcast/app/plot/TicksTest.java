package io.fleetcast.app.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicksTest {
    @Test
    void linearTicksAreRoundStepsInsideTheRange() {
        assertThat(Ticks.linear(0, 1.04)).extracting(Tick::value).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(Ticks.linear(0, 1.04)).extracting(Tick::label).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        assertThat(Ticks.linear(-12, 157_000))
                .extracting(Tick::value)
                .startsWith(0.0, 20_000.0)
                .endsWith(140_000.0);
    }

    @Test
    void logTicksStepOneTwoFivePerDecadeOrEveryDigitOverAShortRange() {
        assertThat(Ticks.log(3, 2_000))
                .extracting(Tick::value)
                .containsExactly(5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0);
        assertThat(Ticks.log(20, 187.5))
                .extracting(Tick::value)
                .containsExactly(20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0);
        assertThat(Ticks.log(1e-4, 1e6))
                .extracting(Tick::label)
                .containsExactly("1e-4", "0.001", "0.01", "0.1", "1", "10", "100", "1000", "10000", "100000", "1e6");
    }

    @Test
    void percentTicksAndNumbersReadAsPeopleWriteThem() {
        assertThat(Ticks.percent(0.001, 0.1, 0.632, 0.999))
                .extracting(Tick::label)
                .containsExactly("0.1%", "10%", "63.2%", "99.9%");
        assertThat(Ticks.label(134_700.4, 4)).isEqualTo("134700");
        assertThat(Ticks.label(6.7094e-6, 4)).isEqualTo("6.709e-6");
        assertThat(Ticks.label(9.99996e5 * 10, 4)).isEqualTo("1e7");
        assertThat(Ticks.label(-0.25)).isEqualTo("-0.25");
        assertThat(Ticks.label(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void refusesRangesItCannotTick() {
        assertThatThrownBy(() -> Ticks.log(0, 10)).hasMessageContaining("need 0 < min < max, got 0.0, 10.0");
        assertThatThrownBy(() -> Ticks.linear(2, 2)).hasMessageContaining("need min < max");
        assertThatThrownBy(() -> Ticks.percent(1.5)).hasMessageContaining("a probability must be 0 to 1, got 1.5");
    }
}
