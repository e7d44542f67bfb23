package io.fleetcast.forecast;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
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

    /**
     * This provenance as part of a wrapping method: the model reads {@code wrapper[model]} and the parameters are the
     * wrapper's followed by these.
     */
    public Provenance within(String wrapper, Map<String, Double> wrapperParameters) {
        Map<String, Double> merged = new LinkedHashMap<>(wrapperParameters);
        parameters.forEach(merged::putIfAbsent);
        return new Provenance(wrapper + "[" + model + "]", ImmutableMap.copyOf(merged), trainingObservations);
    }

    /** This provenance with more parameters (replacing any of the same name). */
    public Provenance with(Map<String, Double> moreParameters) {
        Map<String, Double> merged = new LinkedHashMap<>(parameters);
        merged.putAll(moreParameters);
        return new Provenance(model, ImmutableMap.copyOf(merged), trainingObservations);
    }
}
