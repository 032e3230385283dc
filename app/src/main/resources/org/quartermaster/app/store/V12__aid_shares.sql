-- Quartermaster store, schema version 12: an aid figure may carry the source's own share of the donor's
-- GDP (Kiel's country summary gives each donor's total as % of its GDP of 2021), kept beside the amount
-- it is a share of, with that row's provenance, so that aid as % of GDP can use the publisher's share
-- rather than one computed here. Rows already there get nulls (no share given).

ALTER TABLE aid_rows ADD COLUMN gdp_share_pct DOUBLE;
ALTER TABLE aid_rows ADD COLUMN gdp_share_year INTEGER;

DROP VIEW aid;
CREATE VIEW aid AS
  SELECT r.dataset_id, r.file_row, r.donor, r.donor_iso3, r.recipient, r.date, r.category, r.measure, r.amount,
         r.currency, r.unit, r.item, r.quantity, r.data_through,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note, r.basis, r.gdp_share_pct, r.gdp_share_year
  FROM aid_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;
