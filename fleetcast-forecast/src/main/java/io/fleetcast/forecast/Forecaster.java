package io.fleetcast.forecast;

/** A forecasting method: fits a series and forecasts it {@code horizon} steps ahead. Implementations are stateless. */
public interface Forecaster {
    /** The method's short name, as reports and provenance show it (e.g. {@code "Naive2"}). */
    String name();

    /**
     * Forecasts {@code series} for the {@code horizon} steps after its last observation.
     *
     * @throws IllegalArgumentException when the series is too short for the method (the message says how long it
     *     must be)
     */
    Forecast forecast(Series series, int horizon);
}
