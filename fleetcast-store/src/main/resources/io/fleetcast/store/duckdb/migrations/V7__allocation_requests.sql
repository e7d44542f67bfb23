-- Fleetcast schema version 7: requests for capacity, allocated by priority when supply is short.
-- Quantities are in canonical units (cores, GiB, TB); unit is then the canonical unit, or NULL when the file gave none.
-- weight is NULL when the file gave none (a weight of 1).

CREATE TABLE requests (
    request_id    VARCHAR NOT NULL,
    team          VARCHAR NOT NULL,
    service       VARCHAR,
    cluster       VARCHAR NOT NULL,
    resource      VARCHAR NOT NULL,
    quantity      DOUBLE NOT NULL,
    unit          VARCHAR,
    needed_date   DATE NOT NULL,
    priority      VARCHAR NOT NULL,
    weight        DOUBLE,
    justification VARCHAR NOT NULL,
    ingest_id     INTEGER NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_line   BIGINT NOT NULL,
    extra         JSON
);
