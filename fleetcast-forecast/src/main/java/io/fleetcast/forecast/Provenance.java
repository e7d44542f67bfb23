package io.fleetcast.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * How a forecast was made: the model, its fitted parameters (in the order the model lists them) and the training
 * window, as the number of observations the fit used.
 */
public record Provenance(String model, ImmutableMap<String, Double> parameters, int trainingObservations) {
    public Provenance {
        requireNonNull(model, "model is null");
        parameters = ImmutableMap.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    public static Provenance of(String model, Map<String, Double> parameters, int trainingObservations) {
        return new Provenance(model, ImmutableMap.copyOf(parameters), trainingObservations);
    }
}
