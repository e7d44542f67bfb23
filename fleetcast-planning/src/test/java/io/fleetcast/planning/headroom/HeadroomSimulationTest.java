package io.fleetcast.planning.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.seasonal.MstlForecaster;
import io.fleetcast.planning.headroom.ForecastErrors.Form;
import io.fleetcast.planning.supply.EmpiricalDays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The simulation backtest of issue 5, section 7. Demand comes from known processes. For each of several independent
 * histories, the forecasting module's method is backtested on the first {@value #HISTORY} days and the headroom sized
 * from its errors {@value #LEAD_TIME} days ahead. Then the process runs on: at {@value #FORWARD_ORIGINS} later origins,
 * {@value #ORIGIN_STEP} days apart, the method forecasts from everything before the origin, the buffer sized before is
 * put on that P50 forecast, and {@value #FUTURES} lead-time windows are drawn from the process given its state at the
 * origin (with servers failing and orders slipping where the scenario has supply risk). The achieved service level is
 * the share of windows whose demand at the lead time's end (plus the supply lost) stays within the sized supply. Many
 * forecast origins, not many windows after one, make the figure: one forecast's own error is shared by every window
 * drawn after it.
 */
class HeadroomSimulationTest {
    private static final int LEAD_TIME = 30;
    private static final int HISTORY = 420;
    private static final int BACKTEST_ORIGINS = 300;
    private static final int FORWARD_ORIGINS = 24;
    private static final int ORIGIN_STEP = 20;
    private static final int FUTURES = 250;
    private static final int LENGTH = HISTORY + FORWARD_ORIGINS * ORIGIN_STEP;

    /**
     * Demand {@code level(t) × (1 + u_t)} when multiplicative, else {@code level(t) + u_t}, with AR(1) noise {@code u_t
     * = φ u_{t-1} + σ ε_t}.
     */
    private record DemandProcess(
            DoubleUnaryOperator level,
            double phi,
            double sigma,
            boolean multiplicative,
            ImmutableList<Integer> periods) {
        double value(int t, double noise) {
            double base = level.applyAsDouble(t);
            return multiplicative ? base * (1 + noise) : base + noise;
        }

        /** The noise terms u_0 .. u_{LENGTH-1}, the first from the stationary distribution. */
        double[] noises(SplittableRandom random) {
            double[] noises = new double[LENGTH];
            double noise = sigma / Math.sqrt(1 - phi * phi) * random.nextGaussian();
            for (int t = 0; t < LENGTH; t++) {
                noise = phi * noise + sigma * random.nextGaussian();
                noises[t] = noise;
            }
            return noises;
        }

        Series series(double[] noises, int length) {
            double[] values = new double[length];
            for (int t = 0; t < length; t++) {
                values[t] = value(t, noises[t]);
            }
            return Series.of(
                    values, periods.stream().mapToInt(Integer::intValue).toArray());
        }

        /** Demand on the lead time's last day after {@code origin}, given the noise on the day before it. */
        double future(SplittableRandom random, int origin, double noiseBefore) {
            double noise = noiseBefore;
            for (int step = 0; step < LEAD_TIME; step++) {
                noise = phi * noise + sigma * random.nextGaussian();
            }
            return value(origin + LEAD_TIME - 1, noise);
        }
    }

    /** Supply that may be lost: two SKUs' servers failing, and two orders whose slips follow a known mixture. */
    private static final int[] SERVERS = {400, 100};

    private static final double[] CORES_PER_SERVER = {32, 64};
    private static final double[] FAILURE_PROBABILITY = {0.02, 0.05};
    private static final int[] PROMISED_IN_DAYS = {20, 26};
    private static final double ORDER_CORES = 1600;

    /** 60% of orders 0-3 days late, 30% 4-10 days, 10% 11-40 days. */
    private static int slip(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.6) {
            return random.nextInt(4);
        }
        return u < 0.9 ? 4 + random.nextInt(7) : 11 + random.nextInt(30);
    }

    private record Outcome(
            double achieved,
            double meanBuffer,
            double meanFlat,
            double meanDemandAlone,
            double meanSupplyAlone,
            double meanStatistical) {}

    private static Outcome run(
            DemandProcess process,
            Forecaster forecaster,
            Form form,
            double p,
            boolean supplyRisk,
            int histories,
            long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long shortfalls = 0;
        double buffers = 0;
        double flats = 0;
        double demandAlone = 0;
        double supplyAlone = 0;
        double statistical = 0;
        for (int h = 0; h < histories; h++) {
            double[] noises = process.noises(random);
            ForecastErrors errors = ForecastErrors.backtest(
                    forecaster, process.series(noises, HISTORY), LEAD_TIME, BACKTEST_ORIGINS, 1, form);
            // The slips are learned from 80 delivered orders.
            int[] pastSlips = new int[80];
            for (int i = 0; i < pastSlips.length; i++) {
                pastSlips[i] = slip(random);
            }
            for (int k = 0; k < FORWARD_ORIGINS; k++) {
                int origin = HISTORY + k * ORIGIN_STEP;
                double demandP50 = forecaster
                        .forecast(process.series(noises, origin), LEAD_TIME)
                        .mean(LEAD_TIME - 1);
                HeadroomRequest.Builder request = HeadroomRequest.builder("cores", p, LEAD_TIME)
                        .demand(demandP50, errors)
                        .seed(seed + h);
                if (supplyRisk) {
                    for (int pool = 0; pool < SERVERS.length; pool++) {
                        request.pool(new SupplyPool(
                                "sku" + pool, SERVERS[pool], CORES_PER_SERVER[pool], FAILURE_PROBABILITY[pool]));
                    }
                    for (int order = 0; order < PROMISED_IN_DAYS.length; order++) {
                        request.order(new OrderInFlight(
                                "order" + order, ORDER_CORES, PROMISED_IN_DAYS[order], EmpiricalDays.of(pastSlips)));
                    }
                }
                HeadroomSizing sizing = HeadroomSizer.size(request.build());
                for (int f = 0; f < FUTURES; f++) {
                    double demand = process.future(random, origin, noises[origin - 1]);
                    double lost = 0;
                    if (supplyRisk) {
                        for (int pool = 0; pool < SERVERS.length; pool++) {
                            for (int server = 0; server < SERVERS[pool]; server++) {
                                if (random.nextDouble() < FAILURE_PROBABILITY[pool]) {
                                    lost += CORES_PER_SERVER[pool];
                                }
                            }
                        }
                        for (int promised : PROMISED_IN_DAYS) {
                            if (promised + slip(random) > LEAD_TIME) {
                                lost += ORDER_CORES;
                            }
                        }
                    }
                    if (demand + lost > sizing.supplyNeeded()) {
                        shortfalls++;
                    }
                }
                buffers += sizing.totalBuffer();
                flats += sizing.flatRule().buffer();
                demandAlone += sizing.component("forecast_error").amount();
                supplyAlone += sizing.component("supply_variance").amount();
                statistical += sizing.component("statistical").amount();
            }
        }
        int sized = histories * FORWARD_ORIGINS;
        return new Outcome(
                1 - (double) shortfalls / ((long) sized * FUTURES),
                buffers / sized,
                flats / sized,
                demandAlone / sized,
                supplyAlone / sized,
                statistical / sized);
    }

    private static void report(String scenario, double p, Outcome outcome) {
        System.out.printf(
                Locale.ROOT,
                "%s at %.0f%%: achieved %.2f%%, buffer %.1f cores (forecast error %.1f, supply %.1f, joint %.1f),"
                        + " flat 20%% %.1f cores%n",
                scenario,
                100 * p,
                100 * outcome.achieved(),
                outcome.meanBuffer(),
                outcome.meanDemandAlone(),
                outcome.meanSupplyAlone(),
                outcome.meanStatistical(),
                outcome.meanFlat());
    }

    /** 1000 cores with AR(1) noise (φ 0.5, σ 30 cores: 34.6 cores standard deviation). */
    private static final DemandProcess STEADY = new DemandProcess(t -> 1000, 0.5, 30, false, ImmutableList.of());

    /** 600 cores growing 2 a day, a weekly cycle of ±10%, AR(1) noise of 3% (φ 0.4). */
    private static final DemandProcess TRENDING_WEEKLY = new DemandProcess(
            t -> (600 + 2 * t) * (1 + 0.1 * Math.sin(2 * Math.PI * t / 7)), 0.4, 0.03, true, ImmutableList.of(7));

    @Test
    void steadyDemandReachesTheServiceLevelWithLessThanAFlatRule() {
        Forecaster simpleExponentialSmoothing = EtsForecaster.of("ANN");
        for (double p : List.of(0.99, 0.95)) {
            Outcome outcome = run(STEADY, simpleExponentialSmoothing, Form.ABSOLUTE, p, false, 8, 101);
            report("steady", p, outcome);
            assertThat(outcome.achieved()).isGreaterThanOrEqualTo(p);
            assertThat(outcome.meanBuffer()).isLessThan(outcome.meanFlat());
        }
    }

    @Test
    void trendingWeeklyDemandReachesTheServiceLevel() {
        Forecaster mstl = new MstlForecaster("MSTL", EtsForecaster.of("AAN"));
        for (double p : List.of(0.99, 0.95)) {
            Outcome outcome = run(TRENDING_WEEKLY, mstl, Form.RELATIVE, p, false, 5, 202);
            report("trending weekly", p, outcome);
            assertThat(outcome.achieved()).isGreaterThanOrEqualTo(p);
        }
    }

    @Test
    void failingServersAndSlippingOrdersAreCovered() {
        DemandProcess busy = new DemandProcess(t -> 14000, 0.5, 300, false, ImmutableList.of());
        for (double p : List.of(0.99, 0.95)) {
            Outcome outcome = run(busy, EtsForecaster.of("ANN"), Form.ABSOLUTE, p, true, 6, 303);
            report("steady with supply risk", p, outcome);
            assertThat(outcome.achieved()).isGreaterThanOrEqualTo(p);
            assertThat(outcome.meanStatistical()).isLessThan(outcome.meanDemandAlone() + outcome.meanSupplyAlone());
        }
    }
}
