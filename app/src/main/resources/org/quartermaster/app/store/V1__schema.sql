-- Quartermaster store, schema version 1.
-- Every data row points at the dataset (imported file) it came from and carries the provenance the
-- row itself gives (source_url, as_of, vintage). Nothing is overwritten: a new release of a source
-- is a new dataset whose rows carry a new vintage.

CREATE SEQUENCE dataset_ids START 1;

CREATE TABLE datasets (
  dataset_id   INTEGER PRIMARY KEY DEFAULT nextval('dataset_ids'),
  file_name    VARCHAR NOT NULL,     -- as given to qm import (the bundled files: their resource name)
  sha256       VARCHAR NOT NULL,     -- of the file's bytes
  format       VARCHAR NOT NULL,     -- qm-csv, csv, xlsx, nato, owid, sipri-transfers
  table_name   VARCHAR NOT NULL,     -- the table its rows went to
  imported_at  TIMESTAMP NOT NULL,
  row_count    BIGINT NOT NULL,      -- rows written
  rows_read    BIGINT NOT NULL,      -- data rows in the file (rejected rows included)
  source_url   VARCHAR,              -- given with --source-url, or by the mapping
  vintage      VARCHAR,              -- given with --vintage (YYYY-MM), or by the mapping
  bundled      BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE countries (
  iso3        VARCHAR PRIMARY KEY,
  name        VARCHAR NOT NULL,
  nato_since  DATE,
  eu_since    DATE,
  eu_until    DATE
);

CREATE TABLE defence_spending (
  dataset_id    INTEGER NOT NULL,
  file_row      INTEGER NOT NULL,
  source        VARCHAR NOT NULL,    -- nato, sipri, …
  iso3          VARCHAR NOT NULL,
  country       VARCHAR NOT NULL,    -- the name as the file gives it
  year          INTEGER NOT NULL,
  pct_gdp       DOUBLE,
  amount        DOUBLE,
  currency      VARCHAR,
  estimate      VARCHAR NOT NULL,    -- true, false, unknown
  source_url    VARCHAR,
  as_of         VARCHAR,
  vintage       VARCHAR,
  vintage_month VARCHAR,             -- YYYY-MM: how queries select a release
  publisher     VARCHAR,
  note          VARCHAR
);

CREATE TABLE aid (
  dataset_id    INTEGER NOT NULL,
  file_row      INTEGER NOT NULL,
  donor         VARCHAR NOT NULL,
  donor_iso3    VARCHAR,             -- null for institutions and groups of donors
  recipient     VARCHAR NOT NULL,
  date          VARCHAR,             -- YYYY, YYYY-MM or YYYY-MM-DD as given
  category      VARCHAR NOT NULL,    -- military, financial, humanitarian, total
  measure       VARCHAR NOT NULL,    -- commitment, allocation, disbursement, …
  amount        DOUBLE NOT NULL,
  currency      VARCHAR NOT NULL,
  unit          VARCHAR NOT NULL,    -- unit, thousand, million, billion: the multiplier of amount
  item          VARCHAR,
  quantity      DOUBLE,
  data_through  VARCHAR,
  source_url    VARCHAR,
  as_of         VARCHAR,
  vintage       VARCHAR,
  vintage_month VARCHAR,
  publisher     VARCHAR,
  note          VARCHAR
);

CREATE TABLE deliveries (
  dataset_id                INTEGER NOT NULL,
  file_row                  INTEGER NOT NULL,
  record_id                 VARCHAR NOT NULL,
  supplier                  VARCHAR NOT NULL,
  supplier_iso3             VARCHAR,
  recipient                 VARCHAR NOT NULL,
  recipient_iso3            VARCHAR,
  designation               VARCHAR,
  description               VARCHAR,
  category                  VARCHAR,
  order_year                INTEGER,
  order_year_estimate       BOOLEAN NOT NULL,
  number_delivered          INTEGER,
  number_delivered_estimate BOOLEAN NOT NULL,
  delivery_years            VARCHAR,
  delivery_year_estimate    BOOLEAN NOT NULL,
  status                    VARCHAR,
  tiv_unit                  DOUBLE,
  tiv_delivered             DOUBLE,
  local_production          VARCHAR,
  source_url                VARCHAR,
  as_of                     VARCHAR,
  vintage                   VARCHAR,
  vintage_month             VARCHAR,
  publisher                 VARCHAR
);

CREATE TABLE production (
  dataset_id    INTEGER NOT NULL,
  file_row      INTEGER NOT NULL,
  item          VARCHAR NOT NULL,
  producer      VARCHAR NOT NULL,
  country       VARCHAR NOT NULL,
  date          VARCHAR,
  value_low     DOUBLE,
  value_high    DOUBLE,
  value_text    VARCHAR,
  period        VARCHAR,
  unit          VARCHAR,
  kind          VARCHAR NOT NULL,    -- actual, capacity, target, estimate, transferred
  target_date   VARCHAR,
  source_url    VARCHAR,
  as_of         VARCHAR,
  vintage       VARCHAR,
  vintage_month VARCHAR,
  publisher     VARCHAR,
  note          VARCHAR
);

CREATE TABLE contracts (
  dataset_id         INTEGER NOT NULL,
  file_row           INTEGER NOT NULL,
  buyers             VARCHAR NOT NULL,
  agency             VARCHAR,
  item               VARCHAR NOT NULL,
  quantity           DOUBLE,
  quantity_qualifier VARCHAR,        -- exact, up to, about
  quantity_text      VARCHAR,        -- as written: "up to 1000", "hundreds of thousands"
  value              DOUBLE,
  currency           VARCHAR,
  date               VARCHAR,
  supplier           VARCHAR,
  source_url         VARCHAR,
  as_of              VARCHAR,
  vintage            VARCHAR,
  vintage_month      VARCHAR,
  publisher          VARCHAR,
  note               VARCHAR
);

-- The items the data speak of, with where they appear.
CREATE VIEW items AS
  SELECT item, 'production' AS appears_in, count(*) AS rows FROM production GROUP BY item
  UNION ALL
  SELECT item, 'contracts', count(*) FROM contracts GROUP BY item;
