-- Fleetcast schema version 3: what each forecast run was fitted with, and manual adjustments applied to plans.

-- The run's inputs besides its series: {"fingerprint": "...", "regressors": ["event:Black Friday", ...],
-- "scenarios": ["daily_active_users +20% by 2027-06-01"]}; a run is refitted when its fingerprint changes.
ALTER TABLE forecast_runs ADD COLUMN inputs JSON;
-- The adjustments applied on top of the run's statistical forecast in its plan: {"ID": "description", ...}.
ALTER TABLE forecast_runs ADD COLUMN adjustments JSON;
-- 'statistical' (the model's forecast, always kept) or 'adjusted' (with the run's adjustments applied; present only
-- where an adjustment applies to the run).
ALTER TABLE forecast_points ADD COLUMN kind VARCHAR NOT NULL DEFAULT 'statistical';
