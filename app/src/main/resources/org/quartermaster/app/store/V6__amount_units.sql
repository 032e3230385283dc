-- Quartermaster store, schema version 6: a spending amount says what it counts. Beside its currency,
-- its unit (the multiplier of amount: unit, thousand, million, billion) and its price base (current
-- prices, or constant prices of a year: "constant 2023"), so that "1,234.5" reads as "USD 1,234.5
-- million at constant 2023 prices" and amounts of other units or price bases are never compared as
-- alike. Rows already there get nulls ("not stated").

ALTER TABLE defence_spending_rows ADD COLUMN unit VARCHAR;
ALTER TABLE defence_spending_rows ADD COLUMN price_base VARCHAR;

DROP VIEW defence_spending;
CREATE VIEW defence_spending AS
  SELECT r.dataset_id, r.file_row, r.source, r.iso3, r.country, r.year, r.pct_gdp, r.amount, r.currency, r.estimate,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note, r.unit, r.price_base
  FROM defence_spending_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;
