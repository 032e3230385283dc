-- Quartermaster store, schema version 4: the citation of every figure. A provenance combination
-- also names the primary document behind the figure (source_title), a grade for its citation
-- (source_grade: official, research, wire, press, relay, state-media, forum) and the copy actually
-- read when source_url points at the primary (via_url). Aid rows say whether they are a running
-- total or a window (basis: cumulative or period); contract rows carry the id that the rows
-- describing one contract share (contract_id: one order given in two currencies is one contract).
--
-- Existing rows keep their provenance and get nulls: "not graded" until re-imported. The views keep
-- their names; the three citation texts follow publisher, and the new row columns come last.

ALTER TABLE provenance ADD COLUMN source_title VARCHAR;
ALTER TABLE provenance ADD COLUMN source_grade VARCHAR;
ALTER TABLE provenance ADD COLUMN via_url VARCHAR;
ALTER TABLE aid_rows ADD COLUMN basis VARCHAR;          -- cumulative, period, or null (not stated)
ALTER TABLE contracts_rows ADD COLUMN contract_id VARCHAR;

DROP VIEW items;
DROP VIEW defence_spending;
DROP VIEW aid;
DROP VIEW deliveries;
DROP VIEW production;
DROP VIEW contracts;

CREATE VIEW defence_spending AS
  SELECT r.dataset_id, r.file_row, r.source, r.iso3, r.country, r.year, r.pct_gdp, r.amount, r.currency, r.estimate,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note
  FROM defence_spending_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE VIEW aid AS
  SELECT r.dataset_id, r.file_row, r.donor, r.donor_iso3, r.recipient, r.date, r.category, r.measure, r.amount,
         r.currency, r.unit, r.item, r.quantity, r.data_through,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note, r.basis
  FROM aid_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE VIEW deliveries AS
  SELECT r.dataset_id, r.file_row, r.record_id, r.supplier, r.supplier_iso3, r.recipient, r.recipient_iso3,
         r.designation, r.description, r.category, r.order_year, r.order_year_estimate, r.number_delivered,
         r.number_delivered_estimate, r.delivery_years, r.delivery_year_estimate, r.status, r.tiv_unit,
         r.tiv_delivered, r.local_production,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url
  FROM deliveries_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE VIEW production AS
  SELECT r.dataset_id, r.file_row, r.item, r.producer, r.country, r.date, r.value_low, r.value_high, r.value_text,
         r.period, r.unit, r.kind, r.target_date,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note
  FROM production_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE VIEW contracts AS
  SELECT r.dataset_id, r.file_row, r.buyers, r.agency, r.item, r.quantity, r.quantity_qualifier, r.quantity_text,
         r.value, r.currency, r.date, r.supplier,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note, r.contract_id
  FROM contracts_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

CREATE VIEW items AS
  SELECT item, 'production' AS appears_in, count(*) AS rows FROM production GROUP BY item
  UNION ALL
  SELECT item, 'contracts', count(*) FROM contracts GROUP BY item;
