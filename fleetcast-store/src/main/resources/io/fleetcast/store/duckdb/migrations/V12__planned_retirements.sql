-- Fleetcast schema version 12: a retire_date after the last day of usage or telemetry is a planned retirement.
-- Until now the data's "now" reached to the latest retire_date, so one planned decommission moved the first day of
-- every plan into the future. With usage or telemetry stored, now is their last day (or a later install or failure);
-- with neither, retirements still count, as they are then all the data says of time.

CREATE OR REPLACE VIEW fleet_as_of AS
SELECT CAST(greatest(
           coalesce(u.last, TIMESTAMPTZ '1970-01-01 00:00:00+00'),
           coalesce(t.last, TIMESTAMPTZ '1970-01-01 00:00:00+00'),
           coalesce((SELECT max(greatest(install_date,
                                         coalesce(failure_date, install_date),
                                         CASE WHEN u.last IS NULL AND t.last IS NULL
                                              THEN coalesce(retire_date, install_date)
                                              ELSE install_date END))
                     FROM assets),
                    DATE '1970-01-01')::TIMESTAMPTZ) AS DATE) AS as_of
FROM (SELECT max(ts) AS last FROM usage) u, (SELECT max(ts) AS last FROM telemetry) t;

-- A server retiring after now is in service now: its life is suspended (right-censored) at now, not at the
-- retirement it has not reached.
CREATE OR REPLACE VIEW life_records AS
SELECT a.asset_id,
       a.sku,
       a.region,
       a.site,
       a.cluster,
       a.batch,
       a.install_date AS start_date,
       coalesce(a.failure_date, CASE WHEN a.retire_date <= f.as_of THEN a.retire_date END, f.as_of) AS end_date,
       CASE WHEN a.failure_date IS NOT NULL THEN 'F' ELSE 'S' END AS state,
       date_diff('day', a.install_date,
                 coalesce(a.failure_date, CASE WHEN a.retire_date <= f.as_of THEN a.retire_date END, f.as_of))
           AS age_days
FROM assets a CROSS JOIN fleet_as_of f;
