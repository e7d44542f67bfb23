package io.fleetcast.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.core.error.ErrorKind;
import io.fleetcast.core.error.FleetcastException;
import io.fleetcast.core.unit.Resource;
import io.fleetcast.store.fleet.FleetScope;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetOverviewRequestTest {

    @Test
    void readsEveryParameter() {
        FleetOverviewRequest request = FleetOverviewRequest.fromParameters(ImmutableMap.<String, String>builder()
                .put("region", "us-east")
                .put("site", "dc-ash")
                .put("cluster", "ash-c1")
                .put("service", "checkout")
                .put("from", "2025-01-01")
                .put("to", "2025-12-31")
                .put("resource", "memory")
                .buildOrThrow());

        assertThat(request)
                .isEqualTo(new FleetOverviewRequest(
                        new FleetScope("us-east", "dc-ash", "ash-c1", "checkout"),
                        LocalDate.parse("2025-01-01"),
                        LocalDate.parse("2025-12-31"),
                        Resource.MEMORY));
    }

    @Test
    void emptyAndMissingValuesTakeTheDefaults() {
        assertThat(FleetOverviewRequest.fromParameters(Map.of("region", "", "from", " ")))
                .isEqualTo(FleetOverviewRequest.defaults());
        assertThat(FleetOverviewRequest.fromParameters(Map.of())).isEqualTo(FleetOverviewRequest.defaults());
    }

    @Test
    void rejectsAnUnknownParameterNamingTheKnownOnes() {
        assertThatThrownBy(() -> FleetOverviewRequest.fromParameters(Map.of("regoin", "us-east")))
                .isInstanceOfSatisfying(
                        FleetcastException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessage(
                        "unknown parameter \"regoin\"; expected region, site, cluster, service, from, to, resource");
    }

    @Test
    void rejectsAMalformedDateNamingTheParameter() {
        assertThatThrownBy(() -> FleetOverviewRequest.fromParameters(Map.of("from", "2025-13-01")))
                .isInstanceOfSatisfying(
                        FleetcastException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessage("parameter \"from\": expected a date as YYYY-MM-DD, got \"2025-13-01\"");
    }

    @Test
    void rejectsAnUnknownResource() {
        assertThatThrownBy(() -> FleetOverviewRequest.fromParameters(Map.of("resource", "gpu")))
                .hasMessage("parameter \"resource\": expected one of cpu, memory, storage; got \"gpu\"");
    }

    @Test
    void rejectsFromAfterTo() {
        assertThatThrownBy(() -> FleetOverviewRequest.fromParameters(Map.of("from", "2025-02-01", "to", "2025-01-01")))
                .isInstanceOfSatisfying(
                        FleetcastException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                .hasMessage("from 2025-02-01 is after to 2025-01-01");
    }
}
