-- Fleetcast schema version 2: the fleet's topology and life records, derived from assets.

-- The data's "now": the last day any stored fact speaks of (not the wall clock, so analyses of a
-- past snapshot stay reproducible).
CREATE VIEW fleet_as_of AS
SELECT CAST(greatest(
           coalesce((SELECT max(ts) FROM usage), TIMESTAMPTZ '1970-01-01 00:00:00+00'),
           coalesce((SELECT max(ts) FROM telemetry), TIMESTAMPTZ '1970-01-01 00:00:00+00'),
           coalesce((SELECT max(greatest(install_date, coalesce(failure_date, install_date),
                                         coalesce(retire_date, install_date))) FROM assets),
                    DATE '1970-01-01')::TIMESTAMPTZ) AS DATE) AS as_of;

-- region -> site -> cluster, as the assets place them (ingestion guarantees one parent each).
CREATE VIEW sites AS
SELECT site, min(region) AS region, min(site_kind) AS site_kind, count(*) AS assets
FROM assets GROUP BY site;

CREATE VIEW clusters AS
SELECT cluster, min(site) AS site, min(region) AS region, count(*) AS assets
FROM assets GROUP BY cluster;

-- One life record per asset: from install to failure (state F), or to retirement or the data's
-- end as a suspension (state S, right-censored).
CREATE VIEW life_records AS
SELECT a.asset_id,
       a.sku,
       a.region,
       a.site,
       a.cluster,
       a.batch,
       a.install_date AS start_date,
       coalesce(a.failure_date, a.retire_date, f.as_of) AS end_date,
       CASE WHEN a.failure_date IS NOT NULL THEN 'F' ELSE 'S' END AS state,
       date_diff('day', a.install_date, coalesce(a.failure_date, a.retire_date, f.as_of)) AS age_days
FROM assets a CROSS JOIN fleet_as_of f;
