package io.fleetcast.forecast.seasonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The strength of seasonality next to R's {@code forecast:::seas.heuristic} (mstl, i.e. stl with s.window 11), as
 * {@code src/test/r/arima-reference.R} wrote it to arima/reference.json. The same algorithm and settings: only the
 * order of floating-point operations differs, hence 1e-6.
 */
class SeasonalStrengthTest {
    record Case(String series, int period, JsonNode values, double strength) {
        double[] y() {
            double[] y = new double[values.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = values.get(i).asDouble();
            }
            return y;
        }

        @Override
        public String toString() {
            return series;
        }
    }

    static List<Case> seasonalSeries() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(SeasonalStrengthTest.class.getResourceAsStream("/arima/reference.json"))) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode test : root.get("tests")) {
                int period = test.get("period").asInt();
                if (period > 1) {
                    String series = test.get("series").asText();
                    JsonNode values = root.get("series").get(series).get("y");
                    cases.add(new Case(
                            series, period, values, test.get("seasonalStrength").asDouble()));
                }
            }
            return cases;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seasonalSeries")
    void isRsSeasonalStrength(Case r) {
        assertThat(SeasonalStrength.of(r.y(), r.period())).isCloseTo(r.strength(), within(1e-6));
    }

    @Test
    void aPureCycleIsFullySeasonalAndNoiseIsNot() {
        double[] cycle = new double[48];
        double[] line = new double[48];
        for (int t = 0; t < cycle.length; t++) {
            cycle[t] = new double[] {3, -1, 4, -6}[t % 4] + 0.01 * t;
            line[t] = 2 + 0.5 * t;
        }

        assertThat(SeasonalStrength.of(cycle, 4)).isGreaterThan(0.99);
        assertThat(SeasonalStrength.of(line, 4)).isLessThan(0.01);
    }

    @Test
    void needsMoreThanTwoPeriods() {
        assertThatThrownBy(() -> SeasonalStrength.of(new double[24], 12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more than 24 observations");
    }
}
