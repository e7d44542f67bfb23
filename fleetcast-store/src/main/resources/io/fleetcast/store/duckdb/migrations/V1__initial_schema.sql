-- Fleetcast schema version 1: every entity of DESIGN.md.
-- Ingested fact tables carry their lineage: ingest_id (ingest_log), source_file, source_line, and `extra`
-- (a JSON object of the columns a file had beyond the data set's own, so nothing is dropped).
-- Quantities are in canonical units (cores, GiB, TB); money is DECIMAL(38,18), kept exactly.

CREATE SEQUENCE ingest_id_seq START 1;

CREATE TABLE ingest_log (
    ingest_id      INTEGER PRIMARY KEY,
    kind           VARCHAR NOT NULL,
    source_file    VARCHAR NOT NULL,
    source_path    VARCHAR NOT NULL,
    format         VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    size_bytes     BIGINT NOT NULL,
    rows_read      BIGINT NOT NULL,
    rows_loaded    BIGINT NOT NULL,
    rows_rejected  BIGINT NOT NULL,
    rows_replaced  BIGINT NOT NULL,
    extra_columns  VARCHAR[] NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    fleetcast_version VARCHAR NOT NULL
);

CREATE TABLE rejects (
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    column_name VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL,
    raw_text    VARCHAR NOT NULL
);

CREATE TABLE skus (
    sku                 VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    description         VARCHAR,
    cores               BIGINT NOT NULL,
    memory_gib          DOUBLE NOT NULL,
    storage_tb          DOUBLE NOT NULL,
    price_usd           DECIMAL(38, 18),
    hourly_usd          DECIMAL(38, 18),
    reserved_hourly_usd DECIMAL(38, 18),
    power_watts         DOUBLE,
    depreciation_months BIGINT,
    lifetime_months     BIGINT,
    ingest_id           INTEGER NOT NULL,
    source_file         VARCHAR NOT NULL,
    source_line         BIGINT NOT NULL,
    extra               JSON
);

CREATE TABLE assets (
    asset_id     VARCHAR NOT NULL,
    sku          VARCHAR NOT NULL,
    region       VARCHAR NOT NULL,
    site         VARCHAR NOT NULL,
    site_kind    VARCHAR NOT NULL,
    cluster      VARCHAR NOT NULL,
    rack         VARCHAR,
    batch        VARCHAR,
    ownership    VARCHAR NOT NULL,
    install_date DATE NOT NULL,
    failure_date DATE,
    retire_date  DATE,
    ingest_id    INTEGER NOT NULL,
    source_file  VARCHAR NOT NULL,
    source_line  BIGINT NOT NULL,
    extra        JSON
);

CREATE TABLE services (
    service     VARCHAR NOT NULL,
    team        VARCHAR NOT NULL,
    org         VARCHAR NOT NULL,
    tier        VARCHAR,
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    extra       JSON
);

CREATE TABLE orders (
    order_id       VARCHAR NOT NULL,
    sku            VARCHAR NOT NULL,
    site           VARCHAR NOT NULL,
    cluster        VARCHAR,
    quantity       BIGINT NOT NULL,
    ordered_date   DATE NOT NULL,
    promised_date  DATE NOT NULL,
    delivered_date DATE,
    status         VARCHAR NOT NULL,
    ingest_id      INTEGER NOT NULL,
    source_file    VARCHAR NOT NULL,
    source_line    BIGINT NOT NULL,
    extra          JSON
);

CREATE TABLE events (
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    start_date  DATE NOT NULL,
    end_date    DATE NOT NULL,
    scope       VARCHAR NOT NULL,
    scope_value VARCHAR,
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    extra       JSON
);

CREATE TABLE drivers (
    date        DATE NOT NULL,
    driver      VARCHAR NOT NULL,
    service     VARCHAR,
    value       DOUBLE NOT NULL,
    unit        VARCHAR NOT NULL,
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    extra       JSON
);

CREATE TABLE adjustments (
    adjustment_id VARCHAR NOT NULL,
    service       VARCHAR NOT NULL,
    cluster       VARCHAR,
    resource      VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    value         DOUBLE NOT NULL,
    unit          VARCHAR,
    start_date    DATE NOT NULL,
    end_date      DATE,
    author        VARCHAR NOT NULL,
    reason        VARCHAR NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    ingest_id     INTEGER NOT NULL,
    source_file   VARCHAR NOT NULL,
    source_line   BIGINT NOT NULL,
    extra         JSON
);

CREATE TABLE usage (
    ts          TIMESTAMPTZ NOT NULL,
    grain       VARCHAR NOT NULL,
    service     VARCHAR NOT NULL,
    cluster     VARCHAR NOT NULL,
    resource    VARCHAR NOT NULL,
    unit        VARCHAR NOT NULL,
    used        DOUBLE NOT NULL,
    allocated   DOUBLE,
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    extra       JSON
);

CREATE TABLE costs (
    BilledCost                         DECIMAL(38, 18) NOT NULL,
    EffectiveCost                      DECIMAL(38, 18),
    ListCost                           DECIMAL(38, 18),
    ContractedCost                     DECIMAL(38, 18),
    BillingCurrency                    VARCHAR,
    BillingAccountId                   VARCHAR,
    BillingAccountName                 VARCHAR,
    BillingAccountType                 VARCHAR,
    BillingPeriodStart                 TIMESTAMPTZ NOT NULL,
    BillingPeriodEnd                   TIMESTAMPTZ NOT NULL,
    ChargePeriodStart                  TIMESTAMPTZ NOT NULL,
    ChargePeriodEnd                    TIMESTAMPTZ NOT NULL,
    ChargeCategory                     VARCHAR NOT NULL,
    ChargeClass                        VARCHAR,
    ChargeDescription                  VARCHAR,
    ChargeFrequency                    VARCHAR,
    ConsumedQuantity                   DECIMAL(38, 18),
    ConsumedUnit                       VARCHAR,
    ContractedUnitPrice                DECIMAL(38, 18),
    ListUnitPrice                      DECIMAL(38, 18),
    PricingQuantity                    DECIMAL(38, 18),
    PricingUnit                        VARCHAR,
    PricingCategory                    VARCHAR,
    PricingCurrency                    VARCHAR,
    PricingCurrencyContractedUnitPrice DECIMAL(38, 18),
    PricingCurrencyEffectiveCost       DECIMAL(38, 18),
    PricingCurrencyListUnitPrice       DECIMAL(38, 18),
    CommitmentDiscountCategory         VARCHAR,
    CommitmentDiscountId               VARCHAR,
    CommitmentDiscountName             VARCHAR,
    CommitmentDiscountQuantity         DECIMAL(38, 18),
    CommitmentDiscountStatus           VARCHAR,
    CommitmentDiscountType             VARCHAR,
    CommitmentDiscountUnit             VARCHAR,
    CapacityReservationId              VARCHAR,
    CapacityReservationStatus          VARCHAR,
    InvoiceId                          VARCHAR,
    InvoiceIssuerName                  VARCHAR,
    ProviderName                       VARCHAR,
    PublisherName                      VARCHAR,
    ServiceProviderName                VARCHAR,
    HostProviderName                   VARCHAR,
    RegionId                           VARCHAR,
    RegionName                         VARCHAR,
    AvailabilityZone                   VARCHAR,
    ResourceId                         VARCHAR,
    ResourceName                       VARCHAR,
    ResourceType                       VARCHAR,
    ServiceCategory                    VARCHAR,
    ServiceSubcategory                 VARCHAR,
    ServiceName                        VARCHAR,
    SkuId                              VARCHAR,
    SkuMeter                           VARCHAR,
    SkuPriceDetails                    JSON,
    SkuPriceId                         VARCHAR,
    SubAccountId                       VARCHAR,
    SubAccountName                     VARCHAR,
    SubAccountType                     VARCHAR,
    Tags                               JSON,
    ingest_id                          INTEGER NOT NULL,
    source_file                        VARCHAR NOT NULL,
    source_line                        BIGINT NOT NULL,
    extra                              JSON
);

CREATE TABLE budgets (
    team        VARCHAR NOT NULL,
    period      VARCHAR NOT NULL,
    amount      DECIMAL(38, 18) NOT NULL,
    currency    VARCHAR NOT NULL,
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    extra       JSON
);

CREATE TABLE telemetry (
    asset_id    VARCHAR NOT NULL,
    ts          TIMESTAMPTZ NOT NULL,
    signal      VARCHAR NOT NULL,
    value       DOUBLE NOT NULL,
    unit        VARCHAR,
    ingest_id   INTEGER NOT NULL,
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    extra       JSON
);

-- Results Fleetcast computes; later versions extend them through migrations.

-- A plan version groups the forecast runs (and, later, capacity plans) made together, with its lineage.
CREATE TABLE plans (
    plan_version   INTEGER PRIMARY KEY,
    parent_version INTEGER,
    created_at     TIMESTAMPTZ NOT NULL,
    description    VARCHAR NOT NULL,
    lineage        JSON
);

-- One fitted model for one series: the provenance every fit must carry.
CREATE TABLE forecast_runs (
    run_id          BIGINT PRIMARY KEY,
    plan_version    INTEGER NOT NULL,
    series_key      VARCHAR NOT NULL,
    model           VARCHAR NOT NULL,
    parameters      JSON NOT NULL,
    train_start     TIMESTAMPTZ NOT NULL,
    train_end       TIMESTAMPTZ NOT NULL,
    train_rows      BIGINT NOT NULL,
    seed            BIGINT,
    library_version VARCHAR NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE forecast_points (
    run_id BIGINT NOT NULL,
    ts     TIMESTAMPTZ NOT NULL,
    mean   DOUBLE NOT NULL,
    lo80   DOUBLE,
    hi80   DOUBLE,
    lo95   DOUBLE,
    hi95   DOUBLE
);

-- Prognostics: one scored asset per scoring run, and engineers' reviews of predictions.
CREATE TABLE predictions (
    prediction_id BIGINT PRIMARY KEY,
    model_version VARCHAR NOT NULL,
    asset_id      VARCHAR NOT NULL,
    scored_date   DATE NOT NULL,
    horizon_days  INTEGER NOT NULL,
    risk          DOUBLE NOT NULL,
    reasons       JSON,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE reviews (
    review_id     BIGINT PRIMARY KEY,
    prediction_id BIGINT NOT NULL,
    asset_id      VARCHAR NOT NULL,
    verdict       VARCHAR NOT NULL CHECK (verdict IN ('confirm', 'reject', 'defer')),
    note          VARCHAR NOT NULL,
    author        VARCHAR NOT NULL,
    reviewed_at   TIMESTAMPTZ NOT NULL
);
