package io.fleetcast.core.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResourceTest {

    @Test
    void convertsInputUnitsToCanonicalOnes() {
        assertThat(Resource.CPU.toCanonical("millicores").orElseThrow()).isEqualTo(0.001);
        assertThat(Resource.MEMORY.toCanonical("MiB").orElseThrow()).isEqualTo(1.0 / 1024);
        // 1 GB = 10^9 bytes = 0.9313225746 GiB
        assertThat(Resource.MEMORY.toCanonical("GB").orElseThrow()).isCloseTo(0.9313225746, within(1e-10));
        // 1 TiB = 1.099511627776 TB
        assertThat(Resource.STORAGE.toCanonical("TiB").orElseThrow()).isEqualTo(1.099511627776);
        assertThat(Resource.STORAGE.toCanonical(" pb ").orElseThrow()).isEqualTo(1000.0);
    }

    @Test
    void rejectsUnitsOfAnotherResource() {
        assertThat(Resource.CPU.toCanonical("GiB")).isEmpty();
        assertThat(Resource.STORAGE.toCanonical("cores")).isEmpty();
    }

    @Test
    void parsesCodes() {
        assertThat(Resource.parse("Memory")).contains(Resource.MEMORY);
        assertThat(Resource.parse("ram")).isEmpty();
        assertThat(Resource.MEMORY.canonicalUnit()).isEqualTo("GiB");
    }
}
