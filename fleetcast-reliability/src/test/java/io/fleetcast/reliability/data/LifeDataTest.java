package io.fleetcast.reliability.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LifeDataTest {
    @Test
    void mergesEqualObservationsKeepingTheirCounts() {
        LifeData data = LifeData.builder()
                .failure(30, 1)
                .failure(10, 2)
                .failure(30, 4)
                .suspension(50, 3)
                .suspension(50, 1)
                .failedBetween(5, 8, 1)
                .failedBetween(5, 8, 2)
                .build();

        assertThat(data.failures())
                .containsExactly(new LifeData.Observation(10, 10, 2), new LifeData.Observation(30, 30, 5));
        assertThat(data.rightCensored()).containsExactly(new LifeData.Observation(50, 50, 4));
        assertThat(data.intervals()).hasSize(2);
        assertThat(data.compact().intervals()).containsExactly(new LifeData.Observation(5, 8, 3));
        assertThat(data.unitCount()).isEqualTo(14);
        assertThat(data.failureCount()).isEqualTo(10);
        assertThat(LifeData.combine(data, data).compact().failures())
                .containsExactly(new LifeData.Observation(10, 10, 4), new LifeData.Observation(30, 30, 10));
    }
}
