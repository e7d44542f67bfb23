package io.fleetcast.planning.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.fleetcast.planning.headroom.ForecastErrors.Form;
import io.fleetcast.planning.supply.EmpiricalDays;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON a sizing becomes with the mapping the CLI and server use (snake_case record components). */
class HeadroomJsonTest {
    @Test
    void sizingSerializesToTheDocumentedShape() {
        List<Double> errors = new ArrayList<>();
        for (int i = 1; i <= 250; i++) {
            errors.add((double) i);
        }
        HeadroomSizing sizing = HeadroomSizer.size(HeadroomRequest.builder("cores", 0.99, 30)
                .demand(1000, ForecastErrors.of("ETS(ANN)", Form.ABSOLUTE, 30, errors))
                .pool(new SupplyPool("m5", 20, 32, 0.02))
                .order(new OrderInFlight("m6", 320, 12, EmpiricalDays.of(0, 0, 2, 25)))
                .utilizationCeiling(0.85)
                .seed(3)
                .build());
        JsonNode json = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .valueToTree(sizing);

        assertThat(json.properties().stream().map(entry -> entry.getKey()))
                .containsExactly(
                        "unit",
                        "service_level",
                        "lead_time_days",
                        "demand_p50",
                        "components",
                        "total_buffer",
                        "supply_needed",
                        "flat_rule",
                        "method",
                        "notes");
        JsonNode first = json.get("components").get(0);
        assertThat(first.properties().stream().map(entry -> entry.getKey()))
                .containsExactly("name", "amount", "counted", "rule", "explanation");
        assertThat(json.get("components").findValuesAsText("name"))
                .containsExactly(
                        "forecast_error",
                        "supply_variance",
                        "statistical",
                        "disaster_recovery",
                        "utilization_ceiling",
                        "maintenance",
                        "failure_domains");
        assertThat(json.get("flat_rule").properties().stream().map(entry -> entry.getKey()))
                .containsExactly("fraction", "buffer", "difference", "larger");
        assertThat(json.get("method").properties().stream().map(entry -> entry.getKey()))
                .containsExactly(
                        "error_method",
                        "error_form",
                        "error_count",
                        "error_horizon_days",
                        "confidence",
                        "error_rank",
                        "supply_draws",
                        "seed");
        assertThat(json.get("supply_needed").asDouble()).isEqualTo(sizing.supplyNeeded());
    }
}
