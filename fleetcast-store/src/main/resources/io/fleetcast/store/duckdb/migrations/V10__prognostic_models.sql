-- Fleetcast schema version 10: the prognostics model registry. Each trained failure model with the window it learned
-- from, its seed, a JSON document (features, parameters, held-out metrics, reviews used) and the model itself as
-- text. predictions.model_version names a model by its version number.

CREATE TABLE prognostic_models (
    version      INTEGER PRIMARY KEY,
    created_at   TIMESTAMPTZ NOT NULL,
    horizon_days INTEGER NOT NULL,
    trained_from DATE NOT NULL,
    trained_to   DATE NOT NULL,
    seed         BIGINT NOT NULL,
    document     JSON NOT NULL,
    model        VARCHAR NOT NULL
);
