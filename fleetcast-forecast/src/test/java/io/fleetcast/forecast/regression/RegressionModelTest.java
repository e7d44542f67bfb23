package io.fleetcast.forecast.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.regression.RegressionModel.Scale;
import io.fleetcast.forecast.regression.RegressionModel.Season;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressionModelTest {
    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** Without changepoints the model is least squares: R's lm on the same design (src/test/r/regression-reference.R). */
    @Test
    void matchesRsLeastSquaresOnAirPassengers() throws IOException {
        JsonNode r;
        try (InputStream in =
                Objects.requireNonNull(getClass().getResourceAsStream("/regression/airpassengers-lm.json"))) {
            r = new ObjectMapper().readTree(in);
        }
        RegressionModel model =
                RegressionModel.of(Scale.MULTIPLICATIVE, new Season(12, 2)).withChangepoints(0);

        RegressionFit fit = model.fit(doubles(r.get("y")), List.of());
        Forecast forecast = fit.forecast(24);

        assertThat(fit.sigma()).isCloseTo(r.get("sigma").asDouble(), within(1e-6));
        double[] expected = doubles(r.get("forecast"));
        for (int step = 0; step < 24; step++) {
            assertThat(forecast.mean(step)).isCloseTo(expected[step], within(1e-6 * expected[step]));
        }
        // R's interval uses Student's t with 138 degrees of freedom (1.977), ours the normal (1.960).
        double[] lower = doubles(r.get("lo95"));
        double[] upper = doubles(r.get("hi95"));
        for (int step = 0; step < 24; step++) {
            assertThat(forecast.lower95()[step]).isCloseTo(lower[step], within(0.005 * lower[step]));
            assertThat(forecast.upper95()[step]).isCloseTo(upper[step], within(0.005 * upper[step]));
        }
    }

    /**
     * A yearly harmonic with a prior, against a simulator's truth: 300 series of 250 days growing 10-50% a year, each
     * with a yearly swing whose sine and cosine coefficients are drawn from N(0, 0.02²), and AR(1) noise (ρ 0.7, 2%
     * a day). 250 days cannot tell a swing from a trend: without a yearly term the trend takes the swing's rise, and a
     * free one trades off with the trend. With the prior of the swings' true spread, the growth is nearer the truth
     * than with either.
     */
    @Test
    void aSeasonalPriorSplitsAShortRiseBetweenTrendAndSwing() {
        Random random = new Random(3);
        double sd = 0.02;
        int n = 250;
        int runs = 300;
        RegressionModel none = RegressionModel.of(Scale.MULTIPLICATIVE).withChangepoints(0);
        RegressionModel free =
                RegressionModel.of(Scale.MULTIPLICATIVE, new Season(365.25, 1)).withChangepoints(0);
        RegressionModel prior = RegressionModel.of(Scale.MULTIPLICATIVE, new Season(365.25, 1).withPrior(sd))
                .withChangepoints(0);
        double[] squared = new double[3];
        for (int run = 0; run < runs; run++) {
            double growth = 0.1 + 0.4 * random.nextDouble();
            double sine = sd * random.nextGaussian();
            double cosine = sd * random.nextGaussian();
            double[] values = new double[n];
            double noise = 0;
            for (int t = 0; t < n; t++) {
                noise = 0.7 * noise + 0.02 * random.nextGaussian();
                double angle = 2 * Math.PI * t / 365.25;
                values[t] =
                        100 * Math.exp(growth * t / 365.25 + sine * Math.sin(angle) + cosine * Math.cos(angle) + noise);
            }
            RegressionModel[] models = {none, free, prior};
            for (int m = 0; m < 3; m++) {
                double error = growthPerYear(models[m].fit(values, List.of()), n) - growth;
                squared[m] += error * error / runs;
            }
        }

        // Mean squared growth errors: 0.0059 without a yearly term, 0.0062 with a free one, 0.0034 with the prior.
        assertThat(squared[2]).isLessThan(0.7 * squared[0]).isLessThan(0.7 * squared[1]);
    }

    /** A prior too wide to matter is the free fit; one too narrow to allow a swing is the fit without a season. */
    @Test
    void aSeasonalPriorLiesBetweenTheFreeSeasonAndNone() {
        Random random = new Random(4);
        int n = 200;
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = 50
                    * Math.exp(0.3 * t / 365.25
                            + 0.04 * Math.cos(2 * Math.PI * (t - 40) / 365.25)
                            + 0.01 * random.nextGaussian());
        }
        double free = growthPerYear(
                RegressionModel.of(Scale.MULTIPLICATIVE, new Season(365.25, 1))
                        .withChangepoints(0)
                        .fit(values, List.of()),
                n);
        double none = growthPerYear(
                RegressionModel.of(Scale.MULTIPLICATIVE).withChangepoints(0).fit(values, List.of()), n);
        double wide = growthPerYear(
                RegressionModel.of(Scale.MULTIPLICATIVE, new Season(365.25, 1).withPrior(1e4))
                        .withChangepoints(0)
                        .fit(values, List.of()),
                n);
        double narrow = growthPerYear(
                RegressionModel.of(Scale.MULTIPLICATIVE, new Season(365.25, 1).withPrior(1e-6))
                        .withChangepoints(0)
                        .fit(values, List.of()),
                n);

        assertThat(Math.abs(free - none)).isGreaterThan(0.05);
        assertThat(wide).isCloseTo(free, within(1e-6));
        assertThat(narrow).isCloseTo(none, within(1e-4));
        assertThatThrownBy(() -> new Season(365.25, 1).withPrior(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prior");
    }

    /**
     * A straight line's slope variance is the textbook σ² / Σ(t − t̄)² (t the scaled time), inflated by (1 + ρ) / (1 − ρ)
     * for the residuals' autocorrelation ρ.
     */
    @Test
    void theSlopeVarianceOfAStraightLineIsTheTextbookOne() {
        Random random = new Random(8);
        int n = 120;
        double[] values = new double[n];
        double noise = 0;
        for (int t = 0; t < n; t++) {
            noise = 0.5 * noise + random.nextGaussian();
            values[t] = 10 + 0.2 * t + noise;
        }
        RegressionFit fit =
                RegressionModel.of(Scale.ADDITIVE).withChangepoints(0).fit(values, List.of());
        double squares = 0;
        for (int t = 0; t < n; t++) {
            double centred = (double) t / (n - 1) - 0.5;
            squares += centred * centred;
        }
        double rho = fit.autocorrelation();
        double expected = fit.sigma() * fit.sigma() * (1 + rho) / (1 - rho) / squares;

        assertThat(rho).isGreaterThan(0.2);
        assertThat(fit.forecast(1).provenance().parameters().get("slopeVariance"))
                .isCloseTo(expected, within(1e-9 * expected));
    }

    /** The fitted growth per step times 365.25: the slope is per the training window's scaled time. */
    private static double growthPerYear(RegressionFit fit, int n) {
        return Objects.requireNonNull(fit.forecast(1).provenance().parameters().get("slope")) / (n - 1) * 365.25;
    }

    /** A slope that changes two thirds of the way: the forecast goes on with the new slope. */
    @Test
    void changepointsFollowANewSlope() {
        Random random = new Random(11);
        int n = 300;
        double[] values = new double[n];
        for (int t = 0; t < n; t++) {
            values[t] = 100 + 0.5 * t + (t > 200 ? 2.0 * (t - 200) : 0) + random.nextGaussian();
        }

        Forecast forecast =
                RegressionModel.of(Scale.ADDITIVE).fit(values, List.of()).forecast(50);

        double truth = 100 + 0.5 * 349 + 2.0 * 149;
        assertThat(forecast.mean(49)).isCloseTo(truth, within(0.02 * truth));
        assertThat(forecast.lower95()[49]).isLessThan(forecast.mean(49));
    }

    /** Events and a driver, no noise: the coefficients come back exactly. */
    @Test
    void recoversEventLiftAndDriverElasticityExactlyWithoutNoise() {
        int n = 200;
        double[] event = new double[n + 10];
        double[] driver = new double[n + 10];
        double[] values = new double[n];
        for (int t = 0; t < n + 10; t++) {
            event[t] = t % 37 == 5 ? 1 : 0;
            driver[t] = 1000 * Math.exp(0.002 * t) * (1 + 0.1 * Math.sin(t / 3.0));
            if (t < n) {
                values[t] = 5 * Math.pow(driver[t], 0.7) * (event[t] == 1 ? 1.3 : 1) * Math.exp(0.0005 * t);
            }
        }

        RegressionFit fit = RegressionModel.of(Scale.MULTIPLICATIVE)
                .fit(values, List.of(Regressor.event("launch", event), Regressor.driver("users", driver)));

        assertThat(fit.effect("launch")).isCloseTo(1.3, within(1e-6));
        assertThat(fit.effect("users")).isCloseTo(0.7, within(1e-6));
        Forecast forecast = fit.forecast(10);
        int t = n + 5;
        double expected = 5 * Math.pow(driver[t], 0.7) * (event[t] == 1 ? 1.3 : 1) * Math.exp(0.0005 * t);
        assertThat(forecast.mean(5)).isCloseTo(expected, within(1e-4 * expected));
        assertThat(forecast.provenance().parameters()).containsKeys("launch", "users", "changepointPenalty");
    }

    /**
     * Young series that follow their driver: 80 days with noise of their own, then a year ahead, over 200 simulated
     * series. Without a trend the growth comes from the driver alone; the free slope of the trend model also learns the
     * noise's drift over those 80 days and carries it on, so its error a year out is larger. The slope's coefficient is
     * exactly 0.
     */
    @Test
    void withoutTrendTheDriverCarriesTheGrowth() {
        int n = 80;
        int horizon = 365;
        int last = horizon - 1;
        Random random = new Random(11);
        double flatError = 0;
        double slopedError = 0;
        double elasticity = 0;
        int runs = 200;
        for (int run = 0; run < runs; run++) {
            double[] driver = new double[n + horizon];
            double[] values = new double[n];
            double noise = 0;
            for (int t = 0; t < n + horizon; t++) {
                // A driver growing 30% a year, with its own day-to-day noise (which the series follows).
                driver[t] = 5000 * Math.exp(0.3 * t / 365.25) * Math.exp(0.03 * random.nextGaussian());
                if (t < n) {
                    noise = 0.6 * noise + 0.015 * random.nextGaussian();
                    values[t] = 2 * Math.pow(driver[t], 0.8) * Math.exp(noise);
                }
            }
            List<Regressor> regressors = List.of(Regressor.driver("requests", driver));
            double truth = 2 * Math.pow(driver[n + last], 0.8);
            RegressionFit flat = RegressionModel.of(Scale.MULTIPLICATIVE)
                    .withChangepoints(0)
                    .withoutTrend()
                    .fit(values, regressors);
            RegressionFit sloped =
                    RegressionModel.of(Scale.MULTIPLICATIVE).withChangepoints(0).fit(values, regressors);
            flatError += Math.abs(Math.log(flat.forecast(horizon).mean(last) / truth)) / runs;
            slopedError += Math.abs(Math.log(sloped.forecast(horizon).mean(last) / truth)) / runs;
            elasticity += flat.effect("requests") / runs;
            assertThat(flat.forecast(horizon).provenance().parameters()).containsEntry("slope", 0.0);
        }

        assertThat(flatError).isLessThan(0.03);
        assertThat(slopedError).isGreaterThan(1.5 * flatError);
        assertThat(elasticity).isCloseTo(0.8, within(0.02));
        assertThatThrownBy(() ->
                        RegressionModel.of(Scale.MULTIPLICATIVE).withoutTrend().withChangepoints(3))
                .hasMessage("a model without a trend has no changepoints, got 3");
    }

    /** Stationary AR(1) noise of standard deviation {@code sigma} and lag-one correlation {@code phi}. */
    private static double[] arNoise(int n, double sigma, double phi, Random random) {
        double[] noise = new double[n];
        double z = sigma * random.nextGaussian();
        for (int t = 0; t < n; t++) {
            noise[t] = z;
            z = phi * z + sigma * Math.sqrt(1 - phi * phi) * random.nextGaussian();
        }
        return noise;
    }

    /**
     * An event's standard error allows for autocorrelated noise: over 400 simulated two-year series with AR(1) noise
     * (4%, correlation 0.7) and events that change nothing (a three-day one twice, a single day once), the coefficient
     * lies two standard errors from 0 in about 5% of the runs, as a calibrated error gives. Treating the days as
     * independent would understate the three-day event's error by about half and flag several times as many.
     */
    @Test
    void eventStandardErrorsAllowForAutocorrelatedNoise() {
        int n = 730;
        double[] block = new double[n];
        double[] single = new double[n];
        for (int t : new int[] {200, 201, 202, 565, 566, 567}) {
            block[t] = 1;
        }
        single[300] = 1;
        List<Regressor> events = List.of(Regressor.event("block", block), Regressor.event("single", single));
        Random random = new Random(3);
        int runs = 400;
        double blockSquares = 0;
        double blockErrors = 0;
        int blockFlagged = 0;
        int singleFlagged = 0;
        double autocorrelation = 0;
        for (int run = 0; run < runs; run++) {
            double[] noise = arNoise(n, 0.04, 0.7, random);
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                values[t] = 100 * Math.exp(0.3 * t / 365.25 + 0.05 * Math.sin(2 * Math.PI * t / 7) + noise[t]);
            }
            RegressionFit fit = RegressionModel.of(Scale.MULTIPLICATIVE, new Season(7, 3))
                    .withChangepoints(0)
                    .fit(values, events);
            double coefficient = fit.coefficient("block");
            blockSquares += coefficient * coefficient / runs;
            blockErrors += fit.standardError("block") / runs;
            blockFlagged += Math.abs(coefficient) >= 2 * fit.standardError("block") ? 1 : 0;
            singleFlagged += Math.abs(fit.coefficient("single")) >= 2 * fit.standardError("single") ? 1 : 0;
            autocorrelation += fit.autocorrelation() / runs;
        }

        assertThat(blockErrors).isCloseTo(Math.sqrt(blockSquares), within(0.15 * Math.sqrt(blockSquares)));
        assertThat(blockFlagged).isBetween(8, 36);
        assertThat(singleFlagged).isBetween(8, 36);
        assertThat(autocorrelation).isCloseTo(0.7, within(0.05));
    }

    /**
     * Keeping only the events a series shows: two years of a noisy series (AR(1), 4%, correlation 0.7) with a holiday
     * that lifts it 30% and one that does nothing, each seen twice, then their third occurrence forecast, over 200
     * runs. The lift stays in every run; the empty holiday's noise mostly goes, so its day's forecast is nearer the
     * truth than with every event kept.
     */
    @Test
    void keepingEventsAboveDropsLiftsTheSeriesDoesNotShow() {
        int n = 730;
        int horizon = 365;
        double[] lift = new double[n + horizon];
        double[] none = new double[n + horizon];
        for (int year = 0; year < 3; year++) {
            lift[100 + 365 * year] = 1;
            none[250 + 365 * year] = 1;
        }
        List<Regressor> events = List.of(Regressor.event("lift", lift), Regressor.event("none", none));
        RegressionModel model = RegressionModel.of(Scale.MULTIPLICATIVE).withChangepoints(0);
        Random random = new Random(7);
        int runs = 200;
        double keptError = 0;
        double allError = 0;
        int liftKept = 0;
        int noneKept = 0;
        for (int run = 0; run < runs; run++) {
            double[] noise = arNoise(n, 0.04, 0.7, random);
            double[] values = new double[n];
            for (int t = 0; t < n; t++) {
                values[t] = 100 * Math.exp(0.3 * t / 365.25 + noise[t]) * (lift[t] == 1 ? 1.3 : 1);
            }
            Forecast selected = new RegressionForecaster(model, events)
                    .keepingEventsAbove(2)
                    .forecast(io.fleetcast.forecast.Series.of(values, 7), horizon);
            Forecast all = new RegressionForecaster(model, events)
                    .forecast(io.fleetcast.forecast.Series.of(values, 7), horizon);
            int liftDay = 100 + 2 * 365 - n;
            int noneDay = 250 + 2 * 365 - n;
            double trendOnNoneDay = 100 * Math.exp(0.3 * (n + noneDay) / 365.25);
            keptError += Math.abs(Math.log(selected.mean(noneDay) / trendOnNoneDay)) / runs;
            allError += Math.abs(Math.log(all.mean(noneDay) / trendOnNoneDay)) / runs;
            liftKept += selected.mean(liftDay) > 1.2 * selected.mean(liftDay + 1) ? 1 : 0;
            noneKept += selected.provenance().parameters().containsKey("none") ? 1 : 0;
        }

        assertThat(liftKept).isEqualTo(runs);
        assertThat(noneKept).isLessThan(runs / 5);
        assertThat(keptError).isLessThan(0.8 * allError);
    }

    /** A saturating trend: the forecast approaches the cap and never crosses it. */
    @Test
    void logisticTrendSaturatesBelowTheCap() {
        int n = 120;
        double cap = 1000;
        double[] values = new double[n];
        Random random = new Random(5);
        for (int t = 0; t < n; t++) {
            values[t] = cap / (1 + Math.exp(-(t - 80) / 12.0)) * Math.exp(0.01 * random.nextGaussian());
        }

        Forecast forecast = RegressionModel.logistic(cap).fit(values, List.of()).forecast(200);

        for (double bound : forecast.upper95()) {
            assertThat(bound).isLessThan(cap);
        }
        assertThat(forecast.mean(199)).isGreaterThan(0.99 * cap);
        assertThat(forecast.mean(0)).isCloseTo(cap / (1 + Math.exp(-40 / 12.0)), within(0.02 * cap));
    }

    @Test
    void badInputSaysWhatIsWrong() {
        RegressionModel model = RegressionModel.of(Scale.MULTIPLICATIVE);
        double[] values = {1, 2, 0, 4, 5, 6, 7, 8, 9, 10};

        assertThatThrownBy(() -> model.fit(values, List.of()))
                .hasMessage("observation 3 is 0.0; a multiplicative model needs positive values");
        double[] positive = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThatThrownBy(() -> model.fit(positive, List.of(Regressor.event("launch", new double[5]))))
                .hasMessage("regressor launch covers 5 steps; it must cover the 10 observations");
        assertThatThrownBy(() -> model.fit(positive, List.of(Regressor.event("launch", new double[10])))
                        .forecast(3))
                .hasMessageContaining(
                        "regressor launch covers 10 steps; forecasting 3 steps after 10 observations" + " needs 13");
        double[] future = new double[13];
        future[11] = 1;
        RegressionFit unseen = model.fit(positive, List.of(Regressor.event("launch", future)));
        assertThat(unseen.effect("launch")).isNaN();
        // An event that has not happened yet cannot be estimated: the forecast is the one without it.
        assertThat(unseen.forecast(3).mean())
                .containsExactly(model.fit(positive, List.of()).forecast(3).mean(), within(1e-9));
        assertThatThrownBy(() -> Regressor.driver("users", new double[] {1, -2}))
                .hasMessage("driver users: value 2 is -2.0; driver values must be positive");
    }

    /**
     * One design cache shared by many fits, as a plan shares it, changes none of them. Windows of 730, 400 and 731 days
     * are fitted in turn, twice over, with and without a trend, on both scales, with events, a trend-change scan and
     * forecasts past the cached waves. Each is fitted through the shared cache and through a fresh one, and the two
     * give the same forecasts, intervals and event standard errors to the bit. A cache keyed on less than what the
     * block depends on (the window's length, the trend) fails this test.
     */
    @Test
    void aSharedDesignCacheChangesNoResult() {
        Random random = new Random(11);
        RegressionModel yearly = RegressionModel.of(Scale.MULTIPLICATIVE, new Season(7, 3), new Season(365.25, 10))
                .withChangepoints(0);
        List<RegressionModel> models =
                List.of(yearly, yearly.withoutTrend(), RegressionModel.of(Scale.ADDITIVE, new Season(7, 3)));
        TrendChangeScan scan = new TrendChangeScan(4.5, 182, 120);
        int horizon = 90;
        DesignCache shared = new DesignCache();
        int fits = 0;
        for (int round = 0; round < 2; round++) {
            for (int n : new int[] {730, 400, 731}) {
                double[] noise = arNoise(n, 0.03, 0.6, random);
                double[] holiday = new double[n + horizon];
                double[] quiet = new double[n + horizon];
                for (int t : new int[] {100, 101, 465, 466, n + 30}) {
                    holiday[t] = 1;
                }
                quiet[250] = 1;
                double[] values = new double[n];
                for (int t = 0; t < n; t++) {
                    double growth = 0.2 * t / 365.25 + (t > 500 ? 0.4 * (t - 500) / 365.25 : 0);
                    values[t] = 100
                            * Math.exp(growth
                                    + 0.05 * Math.sin(2 * Math.PI * t / 7)
                                    + 0.1 * Math.sin(2 * Math.PI * t / 365.25)
                                    + 0.2 * holiday[t]
                                    + noise[t]);
                }
                List<Regressor> events = List.of(Regressor.event("holiday", holiday), Regressor.event("quiet", quiet));
                for (RegressionModel model : models) {
                    RegressionFit alone = model.fit(values, events, 2, scan, n + horizon, new DesignCache());
                    RegressionFit together = model.fit(values, events, 2, scan, n + horizon, shared);
                    Forecast expected = alone.forecast(horizon);
                    Forecast forecast = together.forecast(horizon);
                    assertThat(forecast.mean()).containsExactly(expected.mean());
                    assertThat(forecast.lower95()).containsExactly(expected.lower95());
                    assertThat(forecast.upper95()).containsExactly(expected.upper95());
                    assertThat(together.standardErrors()).containsExactly(alone.standardErrors());
                    fits++;
                }
            }
        }
        assertThat(fits).isEqualTo(18);
    }

    /** A point forecast is the forecast's means, with every bound on its mean. */
    @Test
    void aPointForecastIsTheForecastsMeans() {
        double[] values = new double[200];
        Random random = new Random(5);
        for (int t = 0; t < values.length; t++) {
            values[t] = 50 * Math.exp(0.001 * t + 0.05 * Math.sin(2 * Math.PI * t / 7) + 0.02 * random.nextGaussian());
        }
        RegressionFit fit = RegressionModel.of(Scale.MULTIPLICATIVE, new Season(7, 3))
                .withChangepoints(0)
                .fit(values, List.of());

        Forecast points = fit.pointForecast(30);

        assertThat(points.mean()).containsExactly(fit.forecast(30).mean());
        assertThat(points.lower95()).containsExactly(points.mean());
        assertThat(points.upper80()).containsExactly(points.mean());
        assertThat(fit.forecast(30).upper95()[29]).isGreaterThan(points.mean()[29] * 1.02);
    }
}
