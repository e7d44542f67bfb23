-- Fleetcast schema version 9: each service's daily usage statistics per cluster and resource over the most recent
-- window of days (the window the utilization views default to), so the fleet-wide view need not aggregate millions of
-- usage rows per request. Every row carries the window it covers. The loader rebuilds it in the transaction of every
-- usage load; upgrading fills it from the usage already stored.

CREATE TABLE usage_service_recent (
    window_from    DATE NOT NULL,
    window_to      DATE NOT NULL,
    service        VARCHAR NOT NULL,
    cluster        VARCHAR NOT NULL,
    resource       VARCHAR NOT NULL,
    days           BIGINT NOT NULL,
    used_q         DOUBLE[] NOT NULL,
    used_max       DOUBLE NOT NULL,
    allocated_q    DOUBLE[],
    allocated_max  DOUBLE,
    allocated_last DOUBLE
);
