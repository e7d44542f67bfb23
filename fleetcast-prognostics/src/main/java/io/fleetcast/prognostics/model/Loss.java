package io.fleetcast.prognostics.model;

/** What a boosted model minimises, and so what its predictions mean. */
public enum Loss {
    /** Squared error: predictions are the expected target (remaining useful life, for example). */
    SQUARED_ERROR,
    /** Binary log-loss: targets are 0 or 1, predictions the probability of 1 (failure within the horizon). */
    LOGISTIC
}
