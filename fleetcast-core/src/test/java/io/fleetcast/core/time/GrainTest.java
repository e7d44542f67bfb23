package io.fleetcast.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GrainTest {

    @Test
    void hourlyPointsStartAnHour() {
        assertThat(Grain.HOUR.isAligned(Instant.parse("2026-03-01T13:00:00Z"))).isTrue();
        assertThat(Grain.HOUR.isAligned(Instant.parse("2026-03-01T13:30:00Z"))).isFalse();
        assertThat(Grain.HOUR.isAligned(Instant.parse("2026-03-01T13:00:00Z").getEpochSecond()))
                .isTrue();
    }

    @Test
    void dailyPointsStartAUtcDay() {
        assertThat(Grain.DAY.isAligned(Instant.parse("2026-03-01T00:00:00Z"))).isTrue();
        assertThat(Grain.DAY.isAligned(Instant.parse("2026-03-01T01:00:00Z"))).isFalse();
        assertThat(Grain.DAY.isAligned(Instant.parse("1969-12-31T00:00:00Z").getEpochSecond()))
                .isTrue();
    }
}
