package io.fleetcast.server;

import static io.fleetcast.server.TestLifeData.NEW;
import static io.fleetcast.server.TestLifeData.SHAPE;
import static io.fleetcast.server.TestLifeData.SMALL;
import static io.fleetcast.server.TestLifeData.STRONG;
import static io.fleetcast.server.TestLifeData.STRONG_SCALE_DAYS;
import static io.fleetcast.server.TestLifeData.WEAK;
import static io.fleetcast.server.TestLifeData.WEAK_SCALE_DAYS;
import static io.fleetcast.server.TestServer.assertError;
import static io.fleetcast.server.TestServer.fieldNames;
import static io.fleetcast.server.TestServer.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetcast.server.TestServer.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability endpoints on the real server on a free port, over a real store loaded with {@link TestLifeData}'s
 * fleet of known lives, through a real HTTP client. Expected numbers come from the fixture's design (the Weibull the
 * lives were drawn from, a Kaplan–Meier product worked by hand) or from the Weibull formulas applied to the fitted
 * parameters the API reports, written out here independently of the reliability module.
 */
class ReliabilityApiTest {
    @TempDir
    static Path folder;

    @RegisterExtension
    static final TestServer server = TestServer.over(() -> TestLifeData.loadedApp(folder));

    private static void assertContains(JsonNode bounded, double truth, String what) {
        assertThat(bounded.get("lower").asDouble()).as(what + " lower bound").isLessThan(truth);
        assertThat(bounded.get("upper").asDouble()).as(what + " upper bound").isGreaterThan(truth);
        assertThat(bounded.get("lower").asDouble())
                .as(what)
                .isLessThan(bounded.get("estimate").asDouble());
        assertThat(bounded.get("upper").asDouble())
                .as(what)
                .isGreaterThan(bounded.get("estimate").asDouble());
    }

    /** Weibull reliability exp(−(t/η)^β). */
    private static double weibullReliability(double t, double scale, double shape) {
        return Math.exp(-Math.pow(t / scale, shape));
    }

    @Test
    void theTableRanksSegmentsByB10AndRecoversTheKnownLives() {
        JsonNode result = server.json("/api/reliability");

        assertThat(fieldNames(result))
                .containsExactly(
                        "by",
                        "distribution",
                        "confidence",
                        "as_of",
                        "months",
                        "totals",
                        "segments",
                        "forecast",
                        "segment_forecasts");
        assertThat(result.get("by").asText()).isEqualTo("sku");
        assertThat(result.get("distribution").asText()).isEqualTo("Weibull_2P");
        assertThat(result.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(result.get("as_of").asText()).isEqualTo("2025-12-31");
        assertThat(result.get("months").asInt()).isEqualTo(12);

        JsonNode segments = result.get("segments");
        List<String> names = new ArrayList<>();
        segments.forEach(segment -> names.add(segment.get("segment").asText()));
        assertThat(names).hasSize(4).containsExactlyInAnyOrder(WEAK, STRONG, SMALL, NEW);
        assertThat(names.get(3)).as("the unfitted segment comes last").isEqualTo(NEW);
        double previous = 0;
        for (int i = 0; i < 3; i++) {
            double b10 = segments.get(i).get("b10_days").get("estimate").asDouble();
            assertThat(b10).as("ranked by B10, shortest first").isGreaterThan(previous);
            previous = b10;
        }

        JsonNode weak = row(segments, "segment", WEAK);
        JsonNode strong = row(segments, "segment", STRONG);
        assertThat(fieldNames(weak))
                .containsExactly("segment", "units", "failures", "in_service", "parameters", "b10_days", "note");
        assertThat(fieldNames(weak.get("parameters"))).containsExactly("scale", "shape");
        // The worse Weibull has the shorter B10, and the difference is well outside the bounds.
        assertThat(names.indexOf(WEAK)).isLessThan(names.indexOf(STRONG));
        assertThat(weak.get("b10_days").get("upper").asDouble())
                .isLessThan(strong.get("b10_days").get("lower").asDouble());
        // The lives' true Weibull is inside the 95% bounds.
        assertContains(weak.get("b10_days"), TestLifeData.trueB10Days(WEAK_SCALE_DAYS), "weak B10");
        assertContains(strong.get("b10_days"), TestLifeData.trueB10Days(STRONG_SCALE_DAYS), "strong B10");
        assertContains(weak.get("parameters").get("scale"), WEAK_SCALE_DAYS, "weak scale");
        assertContains(weak.get("parameters").get("shape"), SHAPE, "weak shape");
        assertContains(strong.get("parameters").get("scale"), STRONG_SCALE_DAYS, "strong scale");
        assertContains(strong.get("parameters").get("shape"), SHAPE, "strong shape");
        assertThat(weak.get("note").isNull()).isTrue();

        // Counts, recounted from the fixture.
        List<TestLifeData.Asset> assets = TestLifeData.assets();
        for (String sku : List.of(WEAK, STRONG, SMALL, NEW)) {
            JsonNode segment = row(segments, "segment", sku);
            assertThat(segment.get("units").asLong())
                    .as(sku)
                    .isEqualTo(assets.stream().filter(a -> a.sku().equals(sku)).count());
            assertThat(segment.get("failures").asLong())
                    .as(sku)
                    .isEqualTo(assets.stream()
                            .filter(a -> a.sku().equals(sku) && a.failure() != null)
                            .count());
            assertThat(segment.get("in_service").asLong())
                    .as(sku)
                    .isEqualTo(assets.stream()
                            .filter(a -> a.sku().equals(sku) && a.inService())
                            .count());
        }
        JsonNode totals = result.get("totals");
        assertThat(fieldNames(totals)).containsExactly("units", "failures", "in_service", "outlook_months", "outlook");
        assertThat(totals.get("units").asLong()).isEqualTo(assets.size());
        assertThat(totals.get("failures").asLong())
                .isEqualTo(assets.stream().filter(a -> a.failure() != null).count());
        assertThat(totals.get("in_service").asLong())
                .isEqualTo(assets.stream().filter(TestLifeData.Asset::inService).count());
        assertThat(weak.get("failures").asLong()).isBetween(20L, 70L); // censored, but with enough failures to fit

        // A segment without failures is listed with why it was not fitted.
        JsonNode unfitted = row(segments, "segment", NEW);
        assertThat(unfitted.get("b10_days").isNull()).isTrue();
        assertThat(unfitted.get("parameters").size()).isZero();
        assertThat(unfitted.get("note").asText()).contains("0 failures");
    }

    @Test
    void theFleetForecastIsTheSumOfTheSegmentsAndFollowsTheFittedWeibull() {
        JsonNode result = server.json("/api/reliability?months=4");

        JsonNode forecast = result.get("forecast");
        JsonNode bySegment = result.get("segment_forecasts");
        assertThat(forecast).hasSize(4);
        assertThat(bySegment).hasSize(3); // the fitted segments
        assertThat(forecast.get(0).get("month").asText()).isEqualTo("2026-01");
        assertThat(forecast.get(3).get("month").asText()).isEqualTo("2026-04");
        double outlook = 0;
        for (int m = 0; m < 4; m++) {
            double sum = 0;
            double below = 0;
            double above = 0;
            for (JsonNode segment : bySegment) {
                JsonNode month = segment.get("months").get(m);
                sum += month.get("expected").asDouble();
                below += Math.pow(
                        month.get("expected").asDouble() - month.get("lower").asDouble(), 2);
                above += Math.pow(
                        month.get("upper").asDouble() - month.get("expected").asDouble(), 2);
            }
            JsonNode fleet = forecast.get(m);
            assertThat(fleet.get("expected").asDouble()).isCloseTo(sum, within(1e-9));
            assertThat(fleet.get("upper").asDouble()).isCloseTo(sum + Math.sqrt(above), within(1e-9));
            assertThat(fleet.get("lower").asDouble()).isCloseTo(Math.max(0, sum - Math.sqrt(below)), within(1e-9));
            if (m < 3) {
                outlook += sum;
            }
        }
        JsonNode totals = result.get("totals");
        assertThat(totals.get("outlook_months").asInt()).isEqualTo(3);
        assertThat(totals.get("outlook").get("expected").asDouble()).isCloseTo(outlook, within(1e-9));
        assertThat(totals.get("outlook").get("upper").asDouble()).isGreaterThan(outlook);

        // ssd-small has one unit in service, aged 364 days on 2025-12-31: in January (31 days) it fails with
        // probability
        // (R(364) − R(395)) / R(364) under the segment's fitted Weibull.
        JsonNode small = row(result.get("segments"), "segment", SMALL);
        double scale = small.get("parameters").get("scale").get("estimate").asDouble();
        double shape = small.get("parameters").get("shape").get("estimate").asDouble();
        double p = 1 - weibullReliability(395, scale, shape) / weibullReliability(364, scale, shape);
        JsonNode smallForecast = row(bySegment, "segment", SMALL);
        assertThat(smallForecast.get("in_service").asLong()).isEqualTo(1);
        JsonNode january = smallForecast.get("months").get(0);
        assertThat(january.get("expected").asDouble()).isCloseTo(p, within(1e-9));
        // The interval holds the unit's own Bernoulli spread and, on top, the fit's uncertainty: never narrower.
        assertThat(january.get("upper").asDouble())
                .isGreaterThan(p + 1.959964 * Math.sqrt(p * (1 - p)))
                .isLessThan(1.0 + 1.959964);
    }

    @Test
    void theDrillDownHasTheHandComputedKaplanMeierAndTheFittedCurves() {
        JsonNode detail = server.json("/api/reliability/segment?value=" + SMALL);

        assertThat(fieldNames(detail))
                .containsExactly(
                        "by",
                        "value",
                        "distribution",
                        "confidence",
                        "as_of",
                        "units",
                        "failures",
                        "in_service",
                        "fit",
                        "note",
                        "kaplan_meier",
                        "curve",
                        "forecast");
        assertThat(detail.get("value").asText()).isEqualTo(SMALL);
        assertThat(detail.get("units").asLong()).isEqualTo(6);
        assertThat(detail.get("failures").asLong()).isEqualTo(3);
        assertThat(detail.get("in_service").asLong()).isEqualTo(1);

        // Kaplan–Meier by hand: 6 at risk at 100 days (1 fails), 4 at 200 (after a retirement at 150; 1 fails), 2 at
        // 364
        // (after a retirement at 250; the unit in service at 364 is still at risk; 1 fails).
        JsonNode steps = detail.get("kaplan_meier");
        assertThat(steps).hasSize(3);
        double[] ages = {100, 200, 364};
        long[] atRisk = {6, 4, 2};
        double[] reliability = {5.0 / 6, 5.0 / 6 * 3 / 4, 5.0 / 6 * 3 / 4 * 1 / 2};
        double[] greenwood = {1.0 / (6 * 5), 1.0 / (6 * 5) + 1.0 / (4 * 3), 1.0 / (6 * 5) + 1.0 / (4 * 3) + 1.0 / 2};
        for (int i = 0; i < 3; i++) {
            JsonNode step = steps.get(i);
            assertThat(fieldNames(step))
                    .containsExactly("age_days", "at_risk", "failures", "reliability", "lower", "upper");
            assertThat(step.get("age_days").asDouble()).isEqualTo(ages[i]);
            assertThat(step.get("at_risk").asLong()).isEqualTo(atRisk[i]);
            assertThat(step.get("failures").asLong()).isEqualTo(1);
            assertThat(step.get("reliability").asDouble()).isCloseTo(reliability[i], within(1e-12));
            double se = reliability[i] * Math.sqrt(greenwood[i]);
            assertThat(step.get("lower").asDouble())
                    .isCloseTo(Math.max(0, reliability[i] - 1.959964 * se), within(1e-6));
            assertThat(step.get("upper").asDouble())
                    .isCloseTo(Math.min(1, reliability[i] + 1.959964 * se), within(1e-6));
        }

        // The fit is the table's, and the curves follow the Weibull formulas at its parameters.
        JsonNode fit = detail.get("fit");
        assertThat(fieldNames(fit)).containsExactly("parameters", "b10_days", "mttf_days", "log_likelihood");
        JsonNode tableRow = row(server.json("/api/reliability").get("segments"), "segment", SMALL);
        assertThat(fit.get("parameters")).isEqualTo(tableRow.get("parameters"));
        assertThat(fit.get("b10_days")).isEqualTo(tableRow.get("b10_days"));
        double scale = fit.get("parameters").get("scale").get("estimate").asDouble();
        double shape = fit.get("parameters").get("shape").get("estimate").asDouble();
        assertThat(fit.get("mttf_days").get("estimate").asDouble())
                .isCloseTo(scale * Gamma.gamma(1 + 1 / shape), within(1e-6 * scale));
        assertContains(
                fit.get("mttf_days"), fit.get("mttf_days").get("estimate").asDouble() * 1.0001, "MTTF");
        // ln L of 3 failures and 3 suspensions: Σ ln f(t_failed) + Σ ln R(t_suspended).
        double logLikelihood = 0;
        for (double t : new double[] {100, 200, 364}) {
            logLikelihood += Math.log(shape / scale * Math.pow(t / scale, shape - 1))
                    + Math.log(weibullReliability(t, scale, shape));
        }
        for (double t : new double[] {150, 250, 364}) {
            logLikelihood += Math.log(weibullReliability(t, scale, shape));
        }
        assertThat(fit.get("log_likelihood").asDouble()).isCloseTo(logLikelihood, within(1e-9));

        JsonNode curve = detail.get("curve");
        assertThat(curve).hasSize(80);
        assertThat(curve.get(79).get("age_days").asDouble()).isEqualTo(455); // ceil(364 × 1.25)
        for (JsonNode point : curve) {
            assertThat(fieldNames(point))
                    .containsExactly("age_days", "reliability", "lower", "upper", "hazard_per_day");
            double t = point.get("age_days").asDouble();
            assertThat(point.get("reliability").asDouble())
                    .isCloseTo(weibullReliability(t, scale, shape), within(1e-12));
            assertThat(point.get("hazard_per_day").asDouble())
                    .isCloseTo(shape / scale * Math.pow(t / scale, shape - 1), within(1e-12));
            assertThat(point.get("lower").asDouble())
                    .isLessThan(point.get("reliability").asDouble());
            assertThat(point.get("upper").asDouble())
                    .isGreaterThan(point.get("reliability").asDouble());
        }
        assertThat(detail.get("forecast"))
                .isEqualTo(row(server.json("/api/reliability").get("segment_forecasts"), "segment", SMALL)
                        .get("months"));
    }

    @Test
    void aSegmentThatCannotBeFittedStillHasItsCountsAndSaysWhy() {
        JsonNode detail = server.json("/api/reliability/segment?by=sku&value=" + NEW + "&months=2");

        assertThat(detail.get("units").asLong()).isEqualTo(2);
        assertThat(detail.get("in_service").asLong()).isEqualTo(2);
        assertThat(detail.get("fit").isNull()).isTrue();
        assertThat(detail.get("note").asText()).contains("0 failures");
        assertThat(detail.get("kaplan_meier")).isEmpty();
        assertThat(detail.get("curve")).isEmpty();
        assertThat(detail.get("forecast")).isEmpty();
    }

    @Test
    void segmentsBySiteSplitTheSameUnits() {
        JsonNode result = server.json("/api/reliability?by=site&months=1");

        assertThat(result.get("by").asText()).isEqualTo("site");
        JsonNode segments = result.get("segments");
        assertThat(segments).hasSize(2);
        long units = 0;
        for (JsonNode segment : segments) {
            units += segment.get("units").asLong();
        }
        assertThat(units).isEqualTo(TestLifeData.assets().size());
        assertThat(server.json("/api/reliability/segment?by=site&value=" + TestLifeData.SITE_A)
                        .get("units")
                        .asLong())
                .isEqualTo(TestLifeData.assets().stream()
                        .filter(a -> a.site().equals(TestLifeData.SITE_A))
                        .count());
    }

    @Test
    void twoSegmentsWithDifferentLivesDiffer() {
        JsonNode test = server.json("/api/reliability/compare?a=" + WEAK + "&b=" + STRONG);

        assertThat(fieldNames(test))
                .containsExactly(
                        "by",
                        "distribution",
                        "statistic",
                        "degrees_of_freedom",
                        "p_value",
                        "differ",
                        "fits",
                        "pooled_log_likelihood");
        assertThat(test.get("degrees_of_freedom").asInt()).isEqualTo(2);
        assertThat(test.get("p_value").asDouble()).isLessThan(1e-6);
        assertThat(test.get("differ").asBoolean()).isTrue();
        JsonNode segments = server.json("/api/reliability").get("segments");
        assertThat(test.get("fits").get(0).get("segment").asText()).isEqualTo(WEAK);
        assertThat(test.get("fits").get(0).get("parameters"))
                .isEqualTo(row(segments, "segment", WEAK).get("parameters"));
        assertThat(test.get("fits").get(1).get("parameters"))
                .isEqualTo(row(segments, "segment", STRONG).get("parameters"));
        // The statistic is twice the gain in log-likelihood from fitting the two apart.
        double apart = test.get("fits").get(0).get("log_likelihood").asDouble()
                + test.get("fits").get(1).get("log_likelihood").asDouble();
        assertThat(test.get("statistic").asDouble())
                .isCloseTo(2 * (apart - test.get("pooled_log_likelihood").asDouble()), within(1e-9));
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertError(
                server.get("/api/reliability?by=rack"),
                400,
                "parameter \"by\": expected sku, site, region, cluster or batch, got \"rack\"");
        assertError(
                server.get("/api/reliability?dist=weibull9"),
                400,
                "parameter \"dist\": unknown distribution \"weibull9\"; use one of weibull2p, weibull3p, exponential1p,"
                        + " exponential2p, lognormal2p, lognormal3p, normal, gamma, loglogistic, gumbel, weibullmixture, weibullcr");
        assertError(server.get("/api/reliability?months=500"), 400, "parameter \"months\": expected 0 to 120, got 500");
        assertError(
                server.get("/api/reliability?months=soon"),
                400,
                "parameter \"months\": expected a whole number, got \"soon\"");
        assertError(
                server.get("/api/reliability?segment=sku"),
                400,
                "unknown parameter \"segment\"; expected by, dist, months");
        assertError(
                server.get("/api/reliability/segment?by=sku"),
                400,
                "parameter \"value\" is required: the segment, e.g. a SKU");
        assertError(
                server.get("/api/reliability/segment?value=a&value=b"),
                400,
                "parameter \"value\" is given 2 times; give it at most once");
        assertError(
                server.get("/api/reliability/compare?a=" + WEAK),
                400,
                "parameter \"b\" is required: the second segment");
        // A family that cannot fit a segment's data is bad input, not an internal error.
        assertError(
                server.get("/api/reliability/compare?a=" + NEW + "&b=" + WEAK),
                400,
                "comparing sku gpu-new with hdd-weak: Weibull_2P has 2 parameters but the data have 0 failures; every unit is suspended or too few failed"
                        + " to fit it");
    }

    @Test
    void anUnknownSegmentIsNotFoundAndNamesTheKnownOnes() {
        assertError(
                server.get("/api/reliability/segment?value=hdd-none"),
                404,
                "unknown sku \"hdd-none\"; known: gpu-new, hdd-strong, hdd-weak, ssd-small");
        assertError(
                server.get("/api/reliability/compare?by=site&a=dc-a&b=dc-z"),
                404,
                "unknown site \"dc-z\"; known: dc-a, dc-b");
    }

    @Test
    void anEmptyStoreAnswersAnEmptyTableAndNoSegments() throws Exception {
        try (TestServer empty = TestServer.start(TestApps.emptyApp(folder))) {
            Response response = empty.get("/api/reliability");
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode result = response.json();
            assertThat(result.get("as_of").isNull()).isTrue();
            assertThat(result.get("segments")).isEmpty();
            assertThat(result.get("forecast")).isEmpty();
            assertThat(result.get("totals").get("units").asLong()).isZero();
            assertThat(result.get("totals").get("outlook").get("expected").asDouble())
                    .isZero();

            assertError(
                    empty.get("/api/reliability/segment?value=" + WEAK),
                    404,
                    "no assets are stored yet; load them first (fleetcast ingest assets FILE)");
        }
    }
}
