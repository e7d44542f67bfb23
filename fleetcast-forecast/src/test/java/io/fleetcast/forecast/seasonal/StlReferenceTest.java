package io.fleetcast.forecast.seasonal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.ets.EtsForecaster;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our STL and MSTL next to R's {@code stl} and {@code forecast::mstl} on classic series and on half-hourly electricity
 * demand with daily and weekly cycles (reference values and the script that made them: {@code
 * src/test/r/stl-reference.R}).
 */
class StlReferenceTest {
    record Case(String kind, String series, JsonNode json) {
        double[] values() {
            return doubles(json.get("values"));
        }

        int[] periods() {
            JsonNode periods = json.get("periods");
            int[] result = new int[periods.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = periods.get(i).asInt();
            }
            return result;
        }

        @Override
        public String toString() {
            return kind + " " + series;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(StlReferenceTest.class.getResourceAsStream("/seasonal/stl-reference.json"))) {
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : new ObjectMapper().readTree(in)) {
                cases.add(new Case(node.get("kind").asText(), node.get("series").asText(), node));
            }
            return cases.stream();
        }
    }

    static Stream<Case> stlCases() throws IOException {
        return cases().filter(c -> c.kind().equals("stl"));
    }

    static Stream<Case> mstlCases() throws IOException {
        return cases().filter(c -> c.kind().equals("mstl"));
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** Largest absolute difference relative to the spread of the reference values. */
    static double relativeError(double[] actual, double[] expected) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            min = Math.min(min, expected[i]);
            max = Math.max(max, expected[i]);
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        return worst / (max - min);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stlCases")
    void stlMatchesR(Case reference) {
        Stl stl = Stl.decompose(
                reference.values(),
                reference.periods()[0],
                reference.json().get("window").asInt());

        assertThat(relativeError(
                        stl.seasonal(),
                        doubles(reference.json().get("seasonals").get(0))))
                .isLessThan(1e-7);
        assertThat(relativeError(stl.trend(), doubles(reference.json().get("trend"))))
                .isLessThan(1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mstlCases")
    void mstlMatchesR(Case reference) {
        Mstl mstl = Mstl.decompose(reference.values(), reference.periods());

        JsonNode seasonals = reference.json().get("seasonals");
        assertThat(mstl.periods()).containsExactly(reference.periods());
        for (int i = 0; i < seasonals.size(); i++) {
            assertThat(relativeError(mstl.seasonal(i), doubles(seasonals.get(i))))
                    .as("seasonal component %s", i + 1)
                    .isLessThan(1e-7);
        }
        assertThat(relativeError(mstl.trend(), doubles(reference.json().get("trend"))))
                .isLessThan(1e-7);
    }

    /**
     * R fits ETS(A,N,N) to the adjusted series in both cases; forecasts agree to 0.1% of the range and 95% bounds to
     * 0.2% (the two optimisers stop at slightly different smoothing parameters).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("mstlCases")
    void mstlForecastMatchesR(Case reference) {
        double[] expected = doubles(reference.json().get("forecast"));
        MstlForecaster forecaster = new MstlForecaster("MSTL", EtsForecaster.automatic());

        Forecast forecast = forecaster.forecast(Series.of(reference.values(), reference.periods()), expected.length);

        assertThat(forecast.provenance().model()).isEqualTo("MSTL[ETS(A,N,N)]");
        assertThat(relativeError(forecast.mean(), expected)).isLessThan(1e-3);
        assertThat(relativeError(forecast.lower95(), doubles(reference.json().get("lo95"))))
                .isLessThan(2e-3);
        assertThat(relativeError(forecast.upper95(), doubles(reference.json().get("hi95"))))
                .isLessThan(2e-3);
    }
}
