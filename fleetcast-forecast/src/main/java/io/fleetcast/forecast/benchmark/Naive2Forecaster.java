package io.fleetcast.forecast.benchmark;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.Provenance;
import io.fleetcast.forecast.Series;
import io.fleetcast.forecast.seasonal.ClassicalDecomposition;
import io.fleetcast.forecast.seasonal.SeasonalityTest;

/**
 * The M4 competition's Naive2: when the {@linkplain SeasonalityTest seasonality test} finds a cycle at the series'
 * shortest seasonal period, the series is adjusted by {@linkplain ClassicalDecomposition#multiplicative classical
 * multiplicative decomposition}, forecast naively and re-seasoned; otherwise it is plain naive. The reference against
 * which M4 measures relative accuracy (OWA). A series with a value of zero or less is not seasonally adjusted.
 */
public final class Naive2Forecaster implements Forecaster {
    @Override
    public String name() {
        return "Naive2";
    }

    @Override
    public Forecast forecast(Series series, int horizon) {
        double[] values = series.values();
        LagWalk.checkLength(name(), values, 2);
        int period = series.primaryPeriod();
        boolean seasonal = isPositive(values) && SeasonalityTest.isSeasonal(values, period);
        if (!seasonal) {
            double sigma = LagWalk.sigma(values, 1);
            return Forecast.normal(
                    provenance(period, false, sigma, values.length),
                    LagWalk.repeatLast(values, 1, horizon),
                    LagWalk.standardErrors(sigma, 1, horizon));
        }
        ClassicalDecomposition decomposition = ClassicalDecomposition.multiplicative(values, period);
        double[] adjusted = decomposition.adjust(values);
        double sigma = LagWalk.sigma(adjusted, 1);
        Forecast plain = Forecast.normal(
                provenance(period, true, sigma, values.length),
                LagWalk.repeatLast(adjusted, 1, horizon),
                LagWalk.standardErrors(sigma, 1, horizon));
        int n = values.length;
        double[] mean = plain.mean();
        double[] lower80 = plain.lower80();
        double[] upper80 = plain.upper80();
        double[] lower95 = plain.lower95();
        double[] upper95 = plain.upper95();
        for (int step = 0; step < horizon; step++) {
            int index = n + step;
            mean[step] = decomposition.reseason(mean[step], index);
            lower80[step] = decomposition.reseason(lower80[step], index);
            upper80[step] = decomposition.reseason(upper80[step], index);
            lower95[step] = decomposition.reseason(lower95[step], index);
            upper95[step] = decomposition.reseason(upper95[step], index);
        }
        return Forecast.of(plain.provenance(), mean, lower80, upper80, lower95, upper95);
    }

    private Provenance provenance(int period, boolean seasonal, double sigma, int observations) {
        return Provenance.of(
                name(),
                ImmutableMap.of("period", (double) period, "seasonal", seasonal ? 1.0 : 0.0, "sigma", sigma),
                observations);
    }

    private static boolean isPositive(double[] values) {
        for (double value : values) {
            if (!(value > 0)) {
                return false;
            }
        }
        return true;
    }
}
