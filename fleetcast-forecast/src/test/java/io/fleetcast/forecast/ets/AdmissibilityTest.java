package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Our admissibility test agrees with R's on 300 random weights (src/test/r/ets-admissible.R). */
class AdmissibilityTest {
    @Test
    void agreesWithR() throws IOException {
        JsonNode points;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/ets/admissible.json"))) {
            points = new ObjectMapper().readTree(in);
        }
        int inadmissible = 0;
        for (JsonNode point : points) {
            boolean expected = point.get("admissible").asBoolean();
            inadmissible += expected ? 0 : 1;
            assertThat(Admissibility.isAdmissible(
                            point.get("alpha").asDouble(),
                            point.get("beta").asDouble(),
                            point.get("gamma").asDouble(),
                            point.get("phi").asDouble(),
                            point.get("m").asInt()))
                    .as("%s", point)
                    .isEqualTo(expected);
        }
        assertThat(inadmissible).as("the sample must test both verdicts").isBetween(30, 270);
    }
}
