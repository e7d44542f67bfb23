-- Capacity plan versions: each `fleetcast plan` run stores its whole result, so a later plan can be compared with an
-- earlier one (exhaustion dates, orders, headroom) as forecast plan versions are.
CREATE TABLE capacity_plans (
    version             INTEGER PRIMARY KEY,
    created_at          TIMESTAMPTZ NOT NULL,
    as_of               DATE NOT NULL,
    description         VARCHAR NOT NULL,
    demand_plan_version INTEGER,
    document            JSON NOT NULL
);

-- Each plan's daily paths per cluster and resource, for drill-down charts: demand quantiles and expected usable supply.
CREATE TABLE capacity_plan_paths (
    version    INTEGER NOT NULL,
    cluster    VARCHAR NOT NULL,
    resource   VARCHAR NOT NULL,
    day        DATE NOT NULL,
    demand_p50 DOUBLE NOT NULL,
    demand_p90 DOUBLE NOT NULL,
    demand_p99 DOUBLE NOT NULL,
    supply     DOUBLE NOT NULL,
    supply_sd  DOUBLE NOT NULL
);
