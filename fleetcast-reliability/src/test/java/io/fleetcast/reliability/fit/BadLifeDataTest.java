package io.fleetcast.reliability.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.reliability.data.LifeData;
import org.junit.jupiter.api.Test;

/** Data a fit cannot use is refused with the reason; a fit never silently returns nonsense. */
class BadLifeDataTest {
    @Test
    void refusesAllSuspendedOrTooFewFailures() {
        LifeData suspended = LifeData.of(new double[0], new double[] {10, 20, 30});
        assertThatThrownBy(() -> MaximumLikelihood.fit(Family.WEIBULL_2P, suspended, 0.95))
                .hasMessageContaining("Weibull_2P has 2 parameters but the data have 0 failures");
        LifeData one = LifeData.of(new double[] {12}, new double[] {10, 20, 30});
        assertThatThrownBy(() -> MaximumLikelihood.fit(Family.LOGNORMAL_2P, one, 0.95))
                .hasMessageContaining("have 1 failure;");
        // One failure is enough for the exponential: λ = 1 / total time on test.
        LifeFit exponential = MaximumLikelihood.fit(Family.EXPONENTIAL_1P, one, 0.95);
        assertThat(exponential.parameter("rate")).isCloseTo(1.0 / 72, within(1e-9));
    }

    @Test
    void refusesAFailureAtTimeZeroUnderPositiveLives() {
        LifeData zero = LifeData.of(new double[] {0, 5, 9, 14}, new double[0]);
        assertThatThrownBy(() -> MaximumLikelihood.fit(Family.WEIBULL_2P, zero, 0.95))
                .hasMessageContaining("a failure at time 0 is impossible under Weibull_2P");
        assertThat(MaximumLikelihood.fit(Family.NORMAL_2P, zero, 0.95).parameter("mu"))
                .isCloseTo(7, within(1e-6));
    }

    @Test
    void refusesMalformedObservations() {
        assertThatThrownBy(() -> LifeData.builder().failure(-1, 1))
                .hasMessageContaining("a failure time must be a number of at least 0, got -1.0");
        assertThatThrownBy(() -> LifeData.builder().failure(Double.NaN, 1)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> LifeData.builder().suspension(5, 0)).hasMessageContaining("count must be at least 1");
        assertThatThrownBy(() -> LifeData.builder().failedBetween(9, 3, 1))
                .hasMessageContaining("an interval must end after it starts, got 9.0 to 3.0");
        assertThatThrownBy(() -> LifeData.builder().build()).hasMessageContaining("at least one unit");
        assertThatThrownBy(() ->
                        MaximumLikelihood.fit(Family.WEIBULL_2P, LifeData.of(new double[] {1, 2}, new double[0]), 1))
                .hasMessageContaining("confidence must be between 0 and 1");
    }
}
