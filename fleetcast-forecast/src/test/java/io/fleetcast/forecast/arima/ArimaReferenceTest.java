package io.fleetcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fleetcast.forecast.Forecast;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our ARIMA next to R's {@code forecast::Arima} and {@code auto.arima} on classic series (reference values and the
 * script that made them: {@code src/test/r/arima-reference.R}).
 */
class ArimaReferenceTest {
    static List<ArimaReference.Case> fixed() {
        return ArimaReference.section("fixed");
    }

    static List<ArimaReference.Case> automatic() {
        return ArimaReference.section("auto");
    }

    /**
     * At R's coefficients, the likelihood, criteria, sigma2 and forecasts are R's. Tolerances: R's Kalman filter gives
     * the differencing states a large but finite prior variance (1e6 sigma2) and never freezes the gain; ours freezes
     * it once the covariance has converged. Both change the numbers in the seventh digit or beyond.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void computesRsLikelihoodAndForecastsAtRsCoefficients(ArimaReference.Case r) {
        ArimaFit fit = ArimaEstimator.withCoefficients(r.y(), r.order(), r.constant(), r.coefficients());

        assertThat(fit.logLikelihood()).as("log-likelihood").isCloseTo(r.number("loglik"), within(1e-4));
        assertThat(fit.aicc()).as("AICc").isCloseTo(r.number("aicc"), within(2e-4));
        assertThat(fit.bic()).as("BIC").isCloseTo(r.number("bic"), within(2e-4));
        assertThat(fit.sigma2()).as("sigma2").isCloseTo(r.number("sigma2"), within(1e-5 * r.number("sigma2")));
        assertForecastsMatch(fit.forecast(r.numbers("mean").length), r, 1e-6, 1e-5);
    }

    /**
     * Fitted from scratch, the coefficients agree with R's to 2e-3 (relative, or absolute for coefficients below 1 in
     * size), the log-likelihood to 1e-3: both optimisers stop when the likelihood changes by less than 1.5e-8
     * relative, which leaves coefficients uncertain in about the fourth digit, and more where the likelihood is flat
     * (USAccDeaths' drift differs by 1.4e-3 relative while the log-likelihoods differ by 4e-6).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixed")
    void fitsTheCoefficientsRFits(ArimaReference.Case r) {
        ArimaFit fit = ArimaEstimator.fit(r.y(), r.order(), r.constant());

        double[] expected = r.coefficients();
        double[] actual = fit.coefficients().values().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i])
                    .as("coefficient %s", ArimaFit.coefficientNames(r.order(), r.constant())[i])
                    .isCloseTo(expected[i], within(2e-3 * Math.max(1, Math.abs(expected[i]))));
        }
        assertThat(fit.logLikelihood()).as("log-likelihood").isCloseTo(r.number("loglik"), within(1e-3));
        assertThat(fit.aicc()).as("AICc").isCloseTo(r.number("aicc"), within(2e-3));
        assertThat(fit.sigma2()).as("sigma2").isCloseTo(r.number("sigma2"), within(1e-3 * r.number("sigma2")));
        assertForecastsMatch(fit.forecast(r.numbers("mean").length), r, 1e-3, 1e-3);
    }

    private static void assertForecastsMatch(
            Forecast forecast, ArimaReference.Case r, double meanTolerance, double widthTolerance) {
        double[] mean = r.numbers("mean");
        double[] lower80 = r.numbers("lower80");
        double[] upper80 = r.numbers("upper80");
        double[] lower95 = r.numbers("lower95");
        double[] upper95 = r.numbers("upper95");
        for (int h = 0; h < mean.length; h++) {
            double width80 = upper80[h] - lower80[h];
            double width95 = upper95[h] - lower95[h];
            assertThat(forecast.mean(h))
                    .as("forecast %s steps ahead", h + 1)
                    .isCloseTo(mean[h], within(meanTolerance * Math.max(Math.abs(mean[h]), width95)));
            assertThat(forecast.upper80()[h] - forecast.lower80()[h])
                    .as("80%% interval width %s steps ahead", h + 1)
                    .isCloseTo(width80, within(widthTolerance * width80));
            assertThat(forecast.upper95()[h] - forecast.lower95()[h])
                    .as("95%% interval width %s steps ahead", h + 1)
                    .isCloseTo(width95, within(widthTolerance * width95));
        }
    }

    /**
     * auto.arima's choice, with its defaults (the approximation for nottem and co2, which are longer than 150). Our
     * choice must never have a higher AICc than R's (checked first); on these 13 series it is moreover R's model, with
     * R's AICc to 1e-3. Where the searches part on other data, it is through the optimisers reaching different local
     * optima of the same likelihood: on the first 30 M4 Weekly and 8 Hourly series (not in this file) 35 of 38 choices
     * are R's, two others have a lower AICc, and one (H4) a higher one by 1.1, because our fit of a candidate R rejected found a higher
     * likelihood at a regular Hessian, so the search stopped there.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("automatic")
    void automaticChoiceMatchesR(ArimaReference.Case r) {
        ArimaSearch.Outcome outcome = ArimaSearch.select(
                r.y(), r.seriesPeriod(), ArimaSearch.defaultApproximation(r.y().length, r.seriesPeriod()));
        ArimaFit fit = outcome.fit().orElseThrow();

        assertThat(fit.order().d()).as("d").isEqualTo(r.order().d());
        assertThat(fit.order().seasonalD()).as("D").isEqualTo(r.order().seasonalD());
        assertThat(fit.aicc()).as("AICc").isLessThan(r.number("aicc") + 1e-3);
        assertThat(fit.order()).as("orders").isEqualTo(r.order());
        assertThat(fit.hasConstant()).as("constant").isEqualTo(r.constant());
        assertThat(fit.aicc()).as("AICc").isCloseTo(r.number("aicc"), within(1e-3));
    }
}
