package io.fleetcast.forecast.auto;

import com.google.common.collect.ImmutableMap;
import io.fleetcast.forecast.Forecaster;
import io.fleetcast.forecast.arima.ArimaForecaster;
import io.fleetcast.forecast.benchmark.DriftForecaster;
import io.fleetcast.forecast.benchmark.Naive2Forecaster;
import io.fleetcast.forecast.benchmark.NaiveForecaster;
import io.fleetcast.forecast.benchmark.SeasonalNaiveForecaster;
import io.fleetcast.forecast.ets.EtsForecaster;
import io.fleetcast.forecast.seasonal.MstlForecaster;
import io.fleetcast.forecast.seasonal.SeasonallyAdjustedForecaster;
import io.fleetcast.forecast.theta.OptimisedThetaForecaster;
import io.fleetcast.forecast.theta.ThetaForecaster;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/** The methods users can ask for by name (command line, API), with the automatic method as the default. */
public final class ForecastMethods {
    private static final ImmutableMap<String, Supplier<Forecaster>> METHODS =
            ImmutableMap.<String, Supplier<Forecaster>>builder()
                    .put("auto", AutomaticForecaster::new)
                    .put("ets", EtsForecaster::automatic)
                    .put("arima", ArimaForecaster::automatic)
                    .put("mstl", () -> new MstlForecaster("MSTL", EtsForecaster.automatic()))
                    .put("theta", () -> new SeasonallyAdjustedForecaster("Theta", new ThetaForecaster()))
                    .put(
                            "optimised-theta",
                            () -> new SeasonallyAdjustedForecaster("OptimisedTheta", new OptimisedThetaForecaster()))
                    .put("damped", () -> new SeasonallyAdjustedForecaster("Damped", EtsForecaster.of("AAdN")))
                    .put("naive2", Naive2Forecaster::new)
                    .put("snaive", SeasonalNaiveForecaster::new)
                    .put("naive", NaiveForecaster::new)
                    .put("drift", DriftForecaster::new)
                    .buildOrThrow();

    private ForecastMethods() {}

    /** The method called {@code name} (case-insensitive), if there is one. */
    public static Optional<Forecaster> named(String name) {
        Supplier<Forecaster> method = METHODS.get(name.toLowerCase(Locale.ROOT));
        return method == null ? Optional.empty() : Optional.of(method.get());
    }

    /** The names {@link #named} knows, the default ({@code auto}) first. */
    public static String names() {
        return String.join(", ", METHODS.keySet());
    }
}
