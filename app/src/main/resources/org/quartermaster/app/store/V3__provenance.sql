-- Quartermaster store, schema version 3: the provenance rows carry (source_url, as_of, vintage,
-- vintage_month, publisher) is stored once per distinct combination, in `provenance`, and each row
-- points at its combination. Millions of rows imported from one file mostly share one; stored with
-- every row, those five texts cost an import about a third of its writing time.
--
-- The data are still read as before: each table of version 1 is now a view of the same name and
-- columns, in the same order, over its rows (`<table>_rows`) and `provenance`. Imports write to the
-- `_rows` tables (RowWriter, the bulk CSV path), through ProvenanceIds, which adds the combinations
-- the store does not hold yet.

CREATE SEQUENCE provenance_ids START 1;

CREATE TABLE provenance (
  provenance_id INTEGER PRIMARY KEY,
  source_url    VARCHAR,
  as_of         VARCHAR,
  vintage       VARCHAR,
  vintage_month VARCHAR,            -- YYYY-MM: how queries select a release
  publisher     VARCHAR
);

-- every combination the rows of version 1 carry, once
INSERT INTO provenance
  SELECT nextval('provenance_ids'), * FROM (
    SELECT DISTINCT * FROM (
      SELECT source_url, as_of, vintage, vintage_month, publisher FROM defence_spending
      UNION ALL
      SELECT source_url, as_of, vintage, vintage_month, publisher FROM aid
      UNION ALL
      SELECT source_url, as_of, vintage, vintage_month, publisher FROM deliveries
      UNION ALL
      SELECT source_url, as_of, vintage, vintage_month, publisher FROM production
      UNION ALL
      SELECT source_url, as_of, vintage, vintage_month, publisher FROM contracts)
    ORDER BY ALL);

DROP VIEW items;

CREATE TABLE defence_spending_rows (
  dataset_id    INTEGER NOT NULL,
  file_row      INTEGER NOT NULL,
  source        VARCHAR NOT NULL,   -- nato, sipri, …
  iso3          VARCHAR NOT NULL,
  country       VARCHAR NOT NULL,   -- the name as the file gives it
  year          INTEGER NOT NULL,
  pct_gdp       DOUBLE,
  amount        DOUBLE,
  currency      VARCHAR,
  estimate      VARCHAR NOT NULL,   -- true, false, unknown
  provenance_id INTEGER NOT NULL,   -- provenance(provenance_id)
  note          VARCHAR
);
INSERT INTO defence_spending_rows
  SELECT t.dataset_id, t.file_row, t.source, t.iso3, t.country, t.year, t.pct_gdp, t.amount, t.currency, t.estimate, p.provenance_id, t.note
  FROM defence_spending t JOIN provenance p
    ON p.source_url IS NOT DISTINCT FROM t.source_url
    AND p.as_of IS NOT DISTINCT FROM t.as_of
    AND p.vintage IS NOT DISTINCT FROM t.vintage
    AND p.vintage_month IS NOT DISTINCT FROM t.vintage_month
    AND p.publisher IS NOT DISTINCT FROM t.publisher;
DROP TABLE defence_spending;
CREATE VIEW defence_spending AS
  SELECT r.dataset_id, r.file_row, r.source, r.iso3, r.country, r.year, r.pct_gdp, r.amount, r.currency, r.estimate, p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, r.note
  FROM defence_spending_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE TABLE aid_rows (
  dataset_id    INTEGER NOT NULL,
  file_row      INTEGER NOT NULL,
  donor         VARCHAR NOT NULL,
  donor_iso3    VARCHAR,            -- null for institutions and groups of donors
  recipient     VARCHAR NOT NULL,
  date          VARCHAR,            -- YYYY, YYYY-MM or YYYY-MM-DD as given
  category      VARCHAR NOT NULL,   -- military, financial, humanitarian, total
  measure       VARCHAR NOT NULL,   -- commitment, allocation, disbursement, …
  amount        DOUBLE NOT NULL,
  currency      VARCHAR NOT NULL,
  unit          VARCHAR NOT NULL,   -- unit, thousand, million, billion: the multiplier of amount
  item          VARCHAR,
  quantity      DOUBLE,
  data_through  VARCHAR,
  provenance_id INTEGER NOT NULL,   -- provenance(provenance_id)
  note          VARCHAR
);
INSERT INTO aid_rows
  SELECT t.dataset_id, t.file_row, t.donor, t.donor_iso3, t.recipient, t.date, t.category, t.measure, t.amount, t.currency, t.unit, t.item, t.quantity, t.data_through, p.provenance_id, t.note
  FROM aid t JOIN provenance p
    ON p.source_url IS NOT DISTINCT FROM t.source_url
    AND p.as_of IS NOT DISTINCT FROM t.as_of
    AND p.vintage IS NOT DISTINCT FROM t.vintage
    AND p.vintage_month IS NOT DISTINCT FROM t.vintage_month
    AND p.publisher IS NOT DISTINCT FROM t.publisher;
DROP TABLE aid;
CREATE VIEW aid AS
  SELECT r.dataset_id, r.file_row, r.donor, r.donor_iso3, r.recipient, r.date, r.category, r.measure, r.amount, r.currency, r.unit, r.item, r.quantity, r.data_through, p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, r.note
  FROM aid_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE TABLE deliveries_rows (
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
  provenance_id             INTEGER NOT NULL-- provenance(provenance_id)
);
INSERT INTO deliveries_rows
  SELECT t.dataset_id, t.file_row, t.record_id, t.supplier, t.supplier_iso3, t.recipient, t.recipient_iso3, t.designation, t.description, t.category, t.order_year, t.order_year_estimate, t.number_delivered, t.number_delivered_estimate, t.delivery_years, t.delivery_year_estimate, t.status, t.tiv_unit, t.tiv_delivered, t.local_production, p.provenance_id
  FROM deliveries t JOIN provenance p
    ON p.source_url IS NOT DISTINCT FROM t.source_url
    AND p.as_of IS NOT DISTINCT FROM t.as_of
    AND p.vintage IS NOT DISTINCT FROM t.vintage
    AND p.vintage_month IS NOT DISTINCT FROM t.vintage_month
    AND p.publisher IS NOT DISTINCT FROM t.publisher;
DROP TABLE deliveries;
CREATE VIEW deliveries AS
  SELECT r.dataset_id, r.file_row, r.record_id, r.supplier, r.supplier_iso3, r.recipient, r.recipient_iso3, r.designation, r.description, r.category, r.order_year, r.order_year_estimate, r.number_delivered, r.number_delivered_estimate, r.delivery_years, r.delivery_year_estimate, r.status, r.tiv_unit, r.tiv_delivered, r.local_production, p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher
  FROM deliveries_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE TABLE production_rows (
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
  kind          VARCHAR NOT NULL,   -- actual, capacity, target, estimate, transferred
  target_date   VARCHAR,
  provenance_id INTEGER NOT NULL,   -- provenance(provenance_id)
  note          VARCHAR
);
INSERT INTO production_rows
  SELECT t.dataset_id, t.file_row, t.item, t.producer, t.country, t.date, t.value_low, t.value_high, t.value_text, t.period, t.unit, t.kind, t.target_date, p.provenance_id, t.note
  FROM production t JOIN provenance p
    ON p.source_url IS NOT DISTINCT FROM t.source_url
    AND p.as_of IS NOT DISTINCT FROM t.as_of
    AND p.vintage IS NOT DISTINCT FROM t.vintage
    AND p.vintage_month IS NOT DISTINCT FROM t.vintage_month
    AND p.publisher IS NOT DISTINCT FROM t.publisher;
DROP TABLE production;
CREATE VIEW production AS
  SELECT r.dataset_id, r.file_row, r.item, r.producer, r.country, r.date, r.value_low, r.value_high, r.value_text, r.period, r.unit, r.kind, r.target_date, p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, r.note
  FROM production_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE TABLE contracts_rows (
  dataset_id         INTEGER NOT NULL,
  file_row           INTEGER NOT NULL,
  buyers             VARCHAR NOT NULL,
  agency             VARCHAR,
  item               VARCHAR NOT NULL,
  quantity           DOUBLE,
  quantity_qualifier VARCHAR,       -- exact, up to, about
  quantity_text      VARCHAR,       -- as written: "up to 1000", "hundreds of thousands"
  value              DOUBLE,
  currency           VARCHAR,
  date               VARCHAR,
  supplier           VARCHAR,
  provenance_id      INTEGER NOT NULL, -- provenance(provenance_id)
  note               VARCHAR
);
INSERT INTO contracts_rows
  SELECT t.dataset_id, t.file_row, t.buyers, t.agency, t.item, t.quantity, t.quantity_qualifier, t.quantity_text, t.value, t.currency, t.date, t.supplier, p.provenance_id, t.note
  FROM contracts t JOIN provenance p
    ON p.source_url IS NOT DISTINCT FROM t.source_url
    AND p.as_of IS NOT DISTINCT FROM t.as_of
    AND p.vintage IS NOT DISTINCT FROM t.vintage
    AND p.vintage_month IS NOT DISTINCT FROM t.vintage_month
    AND p.publisher IS NOT DISTINCT FROM t.publisher;
DROP TABLE contracts;
CREATE VIEW contracts AS
  SELECT r.dataset_id, r.file_row, r.buyers, r.agency, r.item, r.quantity, r.quantity_qualifier, r.quantity_text, r.value, r.currency, r.date, r.supplier, p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, r.note
  FROM contracts_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

-- The items the data speak of, with where they appear (as in version 1).
CREATE VIEW items AS
  SELECT item, 'production' AS appears_in, count(*) AS rows FROM production GROUP BY item
  UNION ALL
  SELECT item, 'contracts', count(*) FROM contracts GROUP BY item;
