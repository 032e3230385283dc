-- Quartermaster store, schema version 10: the reference series that normalised views divide or convert
-- by (GDP, population, exchange rates, price indices), each row with its citation like every data row.
-- They are shipped with Quartermaster (bundled/reference_*.csv) and loaded at start; reference_files
-- records the SHA-256 of each file loaded, so a build that ships other bytes replaces that file's rows.

CREATE TABLE reference_files (
  file_name  VARCHAR PRIMARY KEY,   -- the bundled file's name
  sha256     VARCHAR NOT NULL,      -- of the file's bytes
  loaded_at  TIMESTAMP NOT NULL,
  row_count  BIGINT NOT NULL
);

CREATE TABLE reference_series (
  file_name    VARCHAR NOT NULL,    -- reference_files(file_name)
  file_row     INTEGER NOT NULL,
  series       VARCHAR NOT NULL,    -- gdp, population, eur_per_usd, price_index
  iso3         VARCHAR,             -- the country (gdp, population, price_index); null for a currency pair
  country      VARCHAR,             -- the name as the file gives it
  year         INTEGER NOT NULL,
  value        DOUBLE NOT NULL,
  unit         VARCHAR NOT NULL,    -- USD (current prices), persons, EUR per USD (annual average), index …
  release      VARCHAR NOT NULL,
  as_of        VARCHAR,
  source_url   VARCHAR NOT NULL,
  source_title VARCHAR NOT NULL,
  publisher    VARCHAR NOT NULL,
  source_grade VARCHAR NOT NULL,
  via_url      VARCHAR,
  note         VARCHAR
);
