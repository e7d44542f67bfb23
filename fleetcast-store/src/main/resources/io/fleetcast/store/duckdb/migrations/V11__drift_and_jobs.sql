-- Fleetcast schema version 11: feature drift of each scored day against the scoring model's training data, and the
-- runs of scheduled jobs (the daily scoring pipeline) with how each ended.

CREATE TABLE feature_drift (
    model_version           INTEGER NOT NULL,
    scored_date             DATE NOT NULL,
    feature                 VARCHAR NOT NULL,
    psi                     DOUBLE NOT NULL,
    missing_share           DOUBLE NOT NULL,
    reference_missing_share DOUBLE NOT NULL,
    rows                    INTEGER NOT NULL,
    PRIMARY KEY (model_version, scored_date, feature)
);

CREATE TABLE job_runs (
    run_id      BIGINT PRIMARY KEY,
    job         VARCHAR NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    status      VARCHAR NOT NULL,   -- running, ok, failed
    message     VARCHAR NOT NULL
);
