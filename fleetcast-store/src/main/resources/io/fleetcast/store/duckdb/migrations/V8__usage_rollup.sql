-- Fleetcast schema version 8: each cluster's daily usage per resource, summed over its services (exactly, as
-- decimals). Dashboards read it instead of summing tens of millions of usage rows per request. The loader rebuilds it
-- in the transaction of every usage load; upgrading fills it from the usage already stored.

CREATE TABLE usage_cluster_day (
    cluster   VARCHAR NOT NULL,
    resource  VARCHAR NOT NULL,
    day       DATE NOT NULL,
    used      DECIMAL(38, 9) NOT NULL,
    allocated DECIMAL(38, 9),
    services  BIGINT NOT NULL
);
