-- Quartermaster store, schema version 11: the munition catalogue extended by import, and delivery
-- windows on contract rows.
--
-- A user's catalogue file (the columns of the bundled munitions.csv) fills munitions_rows, an aliases
-- file (alias, id) fills munition_aliases_rows; each row belongs to its dataset and points at its
-- provenance, as the other tables' rows do, so that qm datasets rm removes them. The catalogue the
-- application uses is the bundled one with these rows added (Catalogue.of(store)).
--
-- A contracts file may say when the order is to be delivered: delivery_start and delivery_end (YYYY or
-- YYYY-MM as written; null when not stated). The chain's backlog reads them ahead of the bundled
-- delivery_windows.csv. The new columns come last, after contract_id.
--
-- Written beside versions 9 and 10 of other changes: it creates its own tables and recreates only the
-- views it extends (contracts, items), so it applies whether or not those versions are present.

CREATE TABLE munitions_rows (
  dataset_id        INTEGER NOT NULL,
  file_row          INTEGER NOT NULL,
  id                VARCHAR NOT NULL,  -- the munition's id: lower-case letters, digits, hyphens
  name              VARCHAR NOT NULL,
  family            VARCHAR,           -- the designation family ('155 mm', 'FIM-92')
  category          VARCHAR NOT NULL,  -- one of the bundled catalogue's categories
  unit              VARCHAR NOT NULL,  -- what one counts: rounds, missiles …
  status            VARCHAR,           -- in production, out of production, in development, not established
  status_as_of      VARCHAR,
  status_source_url VARCHAR,
  provenance_id     INTEGER NOT NULL,  -- provenance(provenance_id): where the description comes from
  note              VARCHAR
);

CREATE VIEW munitions AS
  SELECT r.dataset_id, r.file_row, r.id, r.name, r.family, r.category, r.unit, r.status, r.status_as_of,
         r.status_source_url,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note
  FROM munitions_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE TABLE munition_aliases_rows (
  dataset_id    INTEGER NOT NULL,
  file_row      INTEGER NOT NULL,
  alias         VARCHAR NOT NULL,      -- a name the data give the munition, as written
  id            VARCHAR NOT NULL,      -- the munition's id (bundled or imported)
  provenance_id INTEGER NOT NULL,
  note          VARCHAR
);

CREATE VIEW munition_aliases AS
  SELECT r.dataset_id, r.file_row, r.alias, r.id,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note
  FROM munition_aliases_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

ALTER TABLE contracts_rows ADD COLUMN delivery_start VARCHAR;  -- YYYY or YYYY-MM: the first deliveries
ALTER TABLE contracts_rows ADD COLUMN delivery_end VARCHAR;    -- YYYY or YYYY-MM: the last deliveries

DROP VIEW items;
DROP VIEW contracts;

CREATE VIEW contracts AS
  SELECT r.dataset_id, r.file_row, r.buyers, r.agency, r.item, r.quantity, r.quantity_qualifier, r.quantity_text,
         r.value, r.currency, r.date, r.supplier,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note, r.contract_id, r.delivery_start, r.delivery_end
  FROM contracts_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE VIEW items AS
  SELECT item, 'production' AS appears_in, count(*) AS rows FROM production GROUP BY item
  UNION ALL
  SELECT item, 'contracts', count(*) FROM contracts GROUP BY item
  UNION ALL
  SELECT item, 'transfers', count(*) FROM transfers GROUP BY item;
