package io.fleetcast.planning.headroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.seasonal.MstlForecaster;
import io.fleetcast.planning.headroom.ForecastErrors.Form;
import io.fleetcast.planning.supply.EmpiricalDays;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The simulation backtest of issue 5, section 7: demand histories from known processes, forecast with the forecasting
 * module's methods, headroom sized from their own backtest errors, then many lead-time windows drawn from the same
 * process after the history; the share of windows where demand (plus supply lost) stays within the sized supply is the
 * achieved service level. Each scenario runs several independent histories, so the result does not hang on one
 * forecast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadroomSimulationTest {
    private static final int LEAD_TIME = 30;
    private static final int HISTORY = 420;
    private static final int ORIGINS = 300;
    private static final int FUTURES = 4000;

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

        /** The history, and the last noise term in the last slot (for continuing the process). */
        double[] history(SplittableRandom random) {
            double[] values = new double[HISTORY + 1];
            double noise = sigma / Math.sqrt(1 - phi * phi) * random.nextGaussian();
            for (int t = 0; t < HISTORY; t++) {
                noise = phi * noise + sigma * random.nextGaussian();
                values[t] = value(t, noise);
            }
            values[HISTORY] = noise;
            return values;
        }

        /** Demand at the lead time's last day, given the last noise term of the history. */
        double future(SplittableRandom random, double lastNoise) {
            double noise = lastNoise;
            for (int step = 0; step < LEAD_TIME; step++) {
                noise = phi * noise + sigma * random.nextGaussian();
            }
            return value(HISTORY + LEAD_TIME - 1, noise);
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
        int shortfalls = 0;
        double buffers = 0;
        double flats = 0;
        double demandAlone = 0;
        double supplyAlone = 0;
        double statistical = 0;
        for (int h = 0; h < histories; h++) {
            double[] drawn = process.history(random);
            double lastNoise = drawn[HISTORY];
            Series history = Series.of(
                    Arrays.copyOf(drawn, HISTORY),
                    process.periods().stream().mapToInt(Integer::intValue).toArray());
            ForecastErrors errors = ForecastErrors.backtest(forecaster, history, LEAD_TIME, ORIGINS, 1, form);
            double demandP50 = forecaster.forecast(history, LEAD_TIME).mean(LEAD_TIME - 1);
            HeadroomRequest.Builder request = HeadroomRequest.builder("cores", p, LEAD_TIME)
                    .demand(demandP50, errors)
                    .seed(seed + h);
            if (supplyRisk) {
                for (int pool = 0; pool < SERVERS.length; pool++) {
                    request.pool(new SupplyPool(
                            "sku" + pool, SERVERS[pool], CORES_PER_SERVER[pool], FAILURE_PROBABILITY[pool]));
                }
                // The slips are learned from 80 delivered orders.
                int[] pastSlips = new int[80];
                for (int i = 0; i < pastSlips.length; i++) {
                    pastSlips[i] = slip(random);
                }
                for (int order = 0; order < PROMISED_IN_DAYS.length; order++) {
                    request.order(new OrderInFlight(
                            "order" + order, ORDER_CORES, PROMISED_IN_DAYS[order], EmpiricalDays.of(pastSlips)));
                }
            }
            HeadroomSizing sizing = HeadroomSizer.size(request.build());
            for (int f = 0; f < FUTURES; f++) {
                double demand = process.future(random, lastNoise);
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
        return new Outcome(
                1 - (double) shortfalls / (histories * FUTURES),
                buffers / histories,
                flats / histories,
                demandAlone / histories,
                supplyAlone / histories,
                statistical / histories);
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

    private static final DemandProcess STEADY = new DemandProcess(t -> 1000, 0.5, 30, false, ImmutableList.of());

    /** 600 cores growing 2 a day, a weekly cycle of ±10%, noise of 3% (AR(1)). */
    private static final DemandProcess TRENDING_WEEKLY = new DemandProcess(
            t -> (600 + 2 * t) * (1 + 0.1 * Math.sin(2 * Math.PI * t / 7)), 0.4, 0.03, true, ImmutableList.of(7));

    @Test
    void steadyDemandReachesTheServiceLevelWithLessThanAFlatRule() {
        Forecaster simpleExponentialSmoothing = EtsForecaster.of("ANN");
        for (double p : List.of(0.99, 0.95)) {
            Outcome outcome = run(STEADY, simpleExponentialSmoothing, Form.ABSOLUTE, p, false, 10, 101);
            report("steady", p, outcome);
            assertThat(outcome.achieved()).isGreaterThanOrEqualTo(p);
            assertThat(outcome.meanBuffer()).isLessThan(outcome.meanFlat());
        }
    }

    @Test
    void trendingWeeklyDemandReachesTheServiceLevel() {
        Forecaster mstl = new MstlForecaster("MSTL", EtsForecaster.of("AAN"));
        for (double p : List.of(0.99, 0.95)) {
            Outcome outcome = run(TRENDING_WEEKLY, mstl, Form.RELATIVE, p, false, 6, 202);
            report("trending weekly", p, outcome);
            assertThat(outcome.achieved()).isGreaterThanOrEqualTo(p);
        }
    }

    @Test
    void failingServersAndSlippingOrdersAreCovered() {
        DemandProcess busy = new DemandProcess(t -> 14000, 0.5, 300, false, ImmutableList.of());
        for (double p : List.of(0.99, 0.95)) {
            Outcome outcome = run(busy, EtsForecaster.of("ANN"), Form.ABSOLUTE, p, true, 10, 303);
            report("steady with supply risk", p, outcome);
            assertThat(outcome.achieved()).isGreaterThanOrEqualTo(p);
            assertThat(outcome.meanStatistical()).isLessThan(outcome.meanDemandAlone() + outcome.meanSupplyAlone());
        }
    }
}
