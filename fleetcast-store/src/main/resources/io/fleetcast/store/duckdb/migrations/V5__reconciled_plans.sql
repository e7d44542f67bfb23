-- Fleetcast schema version 5: plans made coherent across org -> team -> service and region -> site -> cluster.

-- The chosen method's backtest errors, actual minus forecast over the last held-out periods of the series, oldest
-- first, as a JSON array; reconciliation estimates from them how the series' errors vary together. NULL when the
-- method was not backtested (a series too short for it, or a constant one).
ALTER TABLE forecast_runs ADD COLUMN backtest_errors JSON;
-- The reconciliation method that made the plan coherent ('MinT shrink', 'bottom-up', ...); NULL when none did. A
-- reconciled plan also holds runs of the aggregates (keys such as team:storage/*/cpu or */region:eu/cpu), and every
-- run's coherent forecast as forecast_points of kind 'reconciled'.
ALTER TABLE plans ADD COLUMN reconciliation VARCHAR;
