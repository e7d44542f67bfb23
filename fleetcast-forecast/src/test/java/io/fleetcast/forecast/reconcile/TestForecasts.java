package io.fleetcast.forecast.reconcile;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecast;
import io.fleetcast.forecast.Provenance;
import java.util.Arrays;

/** Base forecasts for reconciliation tests. */
final class TestForecasts {
    private TestForecasts() {}

    /** A normal forecast with the given means and the same standard error at every step. */
    static Forecast normal(double standardError, double... mean) {
        double[] standardErrors = new double[mean.length];
        Arrays.fill(standardErrors, standardError);
        return Forecast.normal(Provenance.of("Test", ImmutableMap.of(), 30), mean, standardErrors);
    }

    /** The reconciled means of every node at {@code step}, in node order. */
    static double[] meansAt(Reconciliation reconciliation, int step) {
        return reconciliation.forecasts().values().stream()
                .mapToDouble(forecast -> forecast.mean(step))
                .toArray();
    }
}
