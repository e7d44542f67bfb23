package io.fleetcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.forecast.Forecast;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ETS fits next to R's {@code forecast::ets} on classic series (reference values and the script that made them:
 * {@code src/test/r/ets-reference.R}). Maximum likelihood is the target: our fit must be at least as likely as R's
 * (R's optimiser can stop short; ours may find a slightly better optimum), with parameters, AICc and forecasts close.
 */
class EtsReferenceTest {
    record Case(String series, int period, String requested, String model, JsonNode json) {
        double[] y() {
            return doubles(json.get("y"));
        }

        @Override
        public String toString() {
            return series + " " + requested;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in =
                Objects.requireNonNull(EtsReferenceTest.class.getResourceAsStream("/ets/reference.json"))) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Case> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                cases.add(new Case(
                        node.get("series").asText(),
                        node.get("period").asInt(),
                        node.get("requested").asText(),
                        node.get("model").asText(),
                        node));
            }
            return cases.stream();
        }
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void computesRsLikelihoodAndForecastsFromRsParameters(Case reference) {
        Map<String, Double> parameters = new LinkedHashMap<>();
        reference
                .json()
                .get("par")
                .properties()
                .forEach(e -> parameters.put(e.getKey(), e.getValue().asDouble()));
        JsonNode r = reference.json();

        EtsFit fit = EtsEstimator.withParameters(
                reference.y(), EtsModel.parse(reference.model(), reference.period()), parameters);

        assertThat(fit.logLikelihood()).isCloseTo(r.get("loglik").asDouble(), within(1e-4));
        assertThat(fit.aicc()).isCloseTo(r.get("aicc").asDouble(), within(1e-4));
        assertThat(fit.sigma())
                .isCloseTo(
                        r.get("sigma").asDouble(), within(1e-6 * r.get("sigma").asDouble()));
        double[] expected = doubles(r.get("forecast"));
        double[] mean = fit.forecast(expected.length).mean();
        // With multiplicative errors and seasonality, R reports the forecast distribution's mean, which adds variance
        // terms to the point forecast (Hyndman et al. 2008, section 6.4); we report the point forecast, so only close.
        boolean pointForecastsOnly = fit.model().error() == EtsModel.ErrorType.MULTIPLICATIVE
                && fit.model().season() == EtsModel.Season.MULTIPLICATIVE;
        for (int h = 0; h < expected.length; h++) {
            double tolerance = pointForecastsOnly ? 2e-3 : 1e-6;
            assertThat(mean[h]).as("step %s", h + 1).isCloseTo(expected[h], within(tolerance * Math.abs(expected[h])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fitsTheModelRFitsAtLeastAsWell(Case reference) {
        EtsFit fit = EtsEstimator.fit(reference.y(), EtsModel.parse(reference.model(), reference.period()));
        JsonNode r = reference.json();
        double rLogLikelihood = r.get("loglik").asDouble();

        assertThat(fit.logLikelihood()).as("log-likelihood").isGreaterThan(rLogLikelihood - 0.01);
        assertThat(fit.aicc()).as("AICc").isLessThan(r.get("aicc").asDouble() + 0.02);
        if (fit.logLikelihood() > rLogLikelihood + 0.1) {
            // A better optimum than R's (R's Nelder-Mead starts from a simplex scaled by the largest parameter, the
            // level, and can stop early): parameters and forecasts may then differ; the likelihood is what counts.
            return;
        }
        assertThat(fit.alpha()).as("alpha").isCloseTo(r.get("alpha").asDouble(), within(0.02));
        if (fit.model().hasTrend()) {
            assertThat(fit.beta()).as("beta").isCloseTo(r.get("beta").asDouble(), within(0.02));
        }
        if (fit.model().isSeasonal()) {
            assertThat(fit.gamma()).as("gamma").isCloseTo(r.get("gamma").asDouble(), within(0.02));
        }
        if (fit.model().isDamped()) {
            assertThat(fit.phi()).as("phi").isCloseTo(r.get("phi").asDouble(), within(0.02));
        }
        double[] expected = doubles(r.get("forecast"));
        Forecast forecast = fit.forecast(expected.length);
        for (int h = 0; h < expected.length; h++) {
            assertThat(forecast.mean(h))
                    .as("forecast %s steps ahead", h + 1)
                    .isCloseTo(expected[h], within(0.01 * Math.abs(expected[h])));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void automaticChoiceIsAtLeastAsGoodAsRs(Case reference) {
        if (!reference.requested().equals("ZZZ")) {
            return;
        }
        EtsFit chosen = EtsEstimator.select(reference.y(), reference.period());

        assertThat(chosen.aicc()).isLessThan(reference.json().get("aicc").asDouble() + 0.01);
    }
}
