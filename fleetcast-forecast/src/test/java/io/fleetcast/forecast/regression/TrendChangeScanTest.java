package io.fleetcast.forecast.regression;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.regression.RegressionModel.Scale;
import io.fleetcast.forecast.regression.RegressionModel.Season;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * One change of growth rate, against simulated truth: two years of daily demand, log-linear with a weekly pattern and a
 * yearly swing of 5%, times AR(1) log-normal noise (the simulator's ranges: correlation 0.55–0.8, sd 0.004–0.07); the
 * year after the data is the truth a forecast is scored on.
 */
class TrendChangeScanTest {
    private static final RegressionModel MODEL = RegressionModel.of(
                    Scale.MULTIPLICATIVE, new Season(7, 3), new Season(365.25, 10))
            .withChangepoints(0);
    /** The capacity plan's scan: weekly candidates from 182 days in to 120 days before the end. */
    private static final TrendChangeScan SCAN = new TrendChangeScan(4.5, 182, 120);

    private static final int DAYS = 730;
    private static final int YEAR = 365;

    /** DAYS + YEAR days: growth {@code before} a year up to day {@code at}, then {@code after}; noise on the DAYS. */
    private static double[] demand(Random random, double before, double after, int at, double phi, double sigma) {
        double[] values = new double[DAYS + YEAR];
        double phase = random.nextDouble() * 2 * Math.PI;
        double level = 0;
        double noise = 0;
        for (int t = 0; t < values.length; t++) {
            level += (t <= at ? before : after) / 365.25;
            noise = phi * noise + sigma * Math.sqrt(1 - phi * phi) * random.nextGaussian();
            double week = 0.1 * Math.sin(2 * Math.PI * t / 7);
            double year = 0.05 * Math.cos(2 * Math.PI * t / 365.25 + phase);
            values[t] = 1000 * Math.exp(level + week + year + (t < DAYS ? noise : 0));
        }
        return values;
    }

    /** How far {@code forecast}'s last step lies from the truth's, |log|, as a share of {@code runs}. */
    private static double yearOutError(Forecast forecast, double[] truth, int runs) {
        return Math.abs(Math.log(forecast.mean()[YEAR - 1] / truth[DAYS + YEAR - 1])) / runs;
    }

    @Test
    void aChangeOfGrowthRateIsFoundAndCarriedIntoTheForecast() {
        // 10% a year, then 40% from day 500: a single trend over the two years forecasts a year out 32% low.
        Random random = new Random(11);
        int found = 0;
        int near = 0;
        double withChange = 0;
        double without = 0;
        for (int run = 0; run < 100; run++) {
            double[] truth = demand(random, 0.1, 0.4, 500, 0.7, 0.03);
            double[] observed = Arrays.copyOf(truth, DAYS);
            RegressionFit fit = MODEL.fit(observed, List.of(), 0, SCAN, DAYS + YEAR);
            Map<String, Double> parameters = fit.forecast(YEAR).provenance().parameters();
            if (parameters.containsKey(RegressionModel.TREND_CHANGE)) {
                found++;
                double step = requireNonNull(parameters.get(RegressionModel.TREND_CHANGE + " step"));
                near += Math.abs(step - 500) <= 35 ? 1 : 0;
            }
            Forecast forecast = fit.forecast(YEAR);
            Forecast straight = MODEL.fit(observed, List.of()).forecast(YEAR);
            withChange += yearOutError(forecast, truth, 100);
            without += yearOutError(straight, truth, 100);
        }
        assertThat(found).isGreaterThanOrEqualTo(98);
        assertThat(near).isGreaterThanOrEqualTo(90);
        assertThat(without).isGreaterThan(0.25);
        assertThat(withChange).isLessThan(0.06);
    }

    @Test
    void growthThatStopsIsFoundToo() {
        Random random = new Random(12);
        int found = 0;
        int near = 0;
        for (int run = 0; run < 50; run++) {
            double[] observed = Arrays.copyOf(demand(random, 0.2, 0, 500, 0.7, 0.025), DAYS);
            Map<String, Double> parameters = MODEL.fit(observed, List.of(), 0, SCAN, DAYS + YEAR)
                    .forecast(YEAR)
                    .provenance()
                    .parameters();
            if (parameters.containsKey(RegressionModel.TREND_CHANGE)) {
                found++;
                // The slope after the change is the forecast's: near none. A change put late has fewer days after it
                // to measure the slope on (120 at the least: about 0.06 a year of standard error at this noise).
                double slope = requireNonNull(parameters.get("slope")) / (DAYS - 1) * 365.25;
                near += Math.abs(slope) <= 0.12 ? 1 : 0;
                assertThat(slope).isBetween(-0.2, 0.2);
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(48);
        assertThat(near).isGreaterThanOrEqualTo(47);
    }

    @Test
    void aChangeInTheLastHalfYearIsFollowed() {
        // 10% a year, then 40% from day 600, 130 days before the end. A scan that stops 182 days before the end can
        // only put the change before it had begun.
        TrendChangeScan halfYearBefore = new TrendChangeScan(4.5, 182, 182);
        Random random = new Random(11);
        int found = 0;
        double withChange = 0;
        double stoppingEarlier = 0;
        double without = 0;
        for (int run = 0; run < 100; run++) {
            double[] truth = demand(random, 0.1, 0.4, 600, 0.7, 0.03);
            double[] observed = Arrays.copyOf(truth, DAYS);
            Forecast forecast =
                    MODEL.fit(observed, List.of(), 0, SCAN, DAYS + YEAR).forecast(YEAR);
            Forecast earlier = MODEL.fit(observed, List.of(), 0, halfYearBefore, DAYS + YEAR)
                    .forecast(YEAR);
            Forecast straight = MODEL.fit(observed, List.of()).forecast(YEAR);
            found += forecast.provenance().parameters().containsKey(RegressionModel.TREND_CHANGE) ? 1 : 0;
            withChange += yearOutError(forecast, truth, 100);
            stoppingEarlier += yearOutError(earlier, truth, 100);
            without += yearOutError(straight, truth, 100);
        }
        assertThat(found).isGreaterThanOrEqualTo(95);
        assertThat(withChange).isLessThan(0.09);
        assertThat(stoppingEarlier).isGreaterThan(0.13);
        assertThat(without).isGreaterThan(0.3);
    }

    @Test
    void noChangeIsKeptWhereThereIsNone() {
        // Steady growth of 20% a year, at the noisiest of the simulator's ranges and at a quiet one.
        Random random = new Random(13);
        int kept = 0;
        for (int run = 0; run < 200; run++) {
            double[] observed = run % 2 == 0
                    ? Arrays.copyOf(demand(random, 0.2, 0.2, 500, 0.8, 0.07), DAYS)
                    : Arrays.copyOf(demand(random, 0.2, 0.2, 500, 0.55, 0.01), DAYS);
            RegressionFit fit = MODEL.fit(observed, List.of(), 0, SCAN, DAYS + YEAR);
            kept += fit.forecast(YEAR).provenance().parameters().containsKey(RegressionModel.TREND_CHANGE) ? 1 : 0;
        }
        assertThat(kept).isLessThanOrEqualTo(4);
    }

    @Test
    void aScanNeedsRoomOnBothSides() {
        assertThatThrownBy(() -> new TrendChangeScan(4, 1, 91)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrendChangeScan(0, 182, 91)).isInstanceOf(IllegalArgumentException.class);
    }
}
