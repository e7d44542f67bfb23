package io.fleetcast.store.prognostics;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A registered failure model.
 *
 * @param version its number, counting from 1 (0 for one not yet registered)
 * @param createdAt when it was registered
 * @param horizonDays it predicts failure within this many days
 * @param trainedFrom the first telemetry day it learned from
 * @param trainedTo the last
 * @param seed its random seed
 * @param document JSON: features, parameters, held-out metrics, reviews used
 * @param model the model as text
 */
public record StoredModel(
        int version,
        Instant createdAt,
        int horizonDays,
        LocalDate trainedFrom,
        LocalDate trainedTo,
        long seed,
        String document,
        String model) {
    public StoredModel {
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(trainedFrom, "trainedFrom is null");
        requireNonNull(trainedTo, "trainedTo is null");
        requireNonNull(document, "document is null");
        requireNonNull(model, "model is null");
    }
}
