-- Quartermaster store, schema version 7: transfers are transfers. Drawdowns, deliveries and pledges from
-- one country to another (US->UKR cumulative figures, SIPRI register rows) get their own table, with
-- both sides, the item as written and its canonical id (the munition catalogue's, null when the name is
-- not resolved), the quantity, the date or window it covers, whether it is a running total
-- (cumulative) or a window (period), whether it was pledged or delivered, and the row's provenance, as
-- the other tables keep it. The rows stored as production with kind 'transferred' move here.

CREATE TABLE transfers_rows (
  dataset_id     INTEGER NOT NULL,
  file_row       INTEGER NOT NULL,
  supplier       VARCHAR NOT NULL,   -- as written: 'US stocks', 'Estonia (SIPRI deal 65104)'
  supplier_country VARCHAR,          -- the supplying country as written: 'USA', 'United States'
  supplier_iso3  VARCHAR,
  recipient      VARCHAR NOT NULL,   -- as written: 'UKR'
  recipient_iso3 VARCHAR,
  item           VARCHAR NOT NULL,   -- as written
  item_id        VARCHAR,            -- the munition catalogue's id; null: not resolved
  quantity_low   DOUBLE,
  quantity_high  DOUBLE,             -- equal to quantity_low unless a range was given
  quantity_text  VARCHAR,            -- as written: '12000-20000'
  unit           VARCHAR,
  date           VARCHAR,            -- YYYY, YYYY-MM or YYYY-MM-DD as given: the figure's date
  period_start   VARCHAR,            -- YYYY-MM(-DD): the window's first month (period basis), or null
  period_end     VARCHAR,            -- YYYY-MM(-DD): the window's last month, or the running total's date
  period         VARCHAR,            -- as written: cumulative, year, '6 months (Mar-Sep 2022)'
  basis          VARCHAR NOT NULL,   -- cumulative (a running total up to period_end) or period (a window)
  status         VARCHAR NOT NULL,   -- pledged or delivered
  source_kind    VARCHAR,            -- the kind the file gave: 'transferred', 'transferred (SIPRI estimate)'
  provenance_id  INTEGER NOT NULL,   -- provenance(provenance_id)
  note           VARCHAR
);

CREATE VIEW transfers AS
  SELECT r.dataset_id, r.file_row, r.supplier, r.supplier_country, r.supplier_iso3, r.recipient, r.recipient_iso3,
         r.item, r.item_id, r.quantity_low, r.quantity_high, r.quantity_text, r.unit, r.date, r.period_start,
         r.period_end, r.period, r.basis, r.status, r.source_kind,
         p.source_url, p.as_of, p.vintage, p.vintage_month, p.publisher, p.source_title, p.source_grade, p.via_url,
         r.note
  FROM transfers_rows r JOIN provenance p ON p.provenance_id = r.provenance_id;

DROP VIEW items;
CREATE VIEW items AS
  SELECT item, 'production' AS appears_in, count(*) AS rows FROM production GROUP BY item
  UNION ALL
  SELECT item, 'contracts', count(*) FROM contracts GROUP BY item
  UNION ALL
  SELECT item, 'transfers', count(*) FROM transfers GROUP BY item;

-- Production rows of kind 'transferred' (or 'transferred (…)') are transfers: each becomes a row of
-- transfers_rows and leaves production_rows. The row's country 'SUPPLIER->RECIPIENT' gives both sides,
-- matched to ISO codes by code or by country name; its producer column names the supplier as the file
-- wrote it ('US stocks', 'Estonia (SIPRI deal 65104)'). A period of 'cumulative' is a running total up
-- to date; any other period is a window (a calendar year when the period is 'year' and the date a
-- year). A figure is pledged when its unit says 'committed', 'pledged' or 'promised', or its note
-- says 'promised'; otherwise delivered. item_id is left for the catalogue to fill.
INSERT INTO transfers_rows
  SELECT dataset_id, file_row, producer,
         trim(split_part(country, '->', 1)),
         coalesce((SELECT iso3 FROM countries WHERE upper(iso3) = upper(trim(split_part(country, '->', 1)))),
                  (SELECT min(iso3) FROM countries WHERE lower(name) = lower(trim(split_part(country, '->', 1))))),
         trim(split_part(country, '->', 2)),
         coalesce((SELECT iso3 FROM countries WHERE upper(iso3) = upper(trim(split_part(country, '->', 2)))),
                  (SELECT min(iso3) FROM countries WHERE lower(name) = lower(trim(split_part(country, '->', 2))))),
         item, NULL, value_low, value_high, value_text, unit, date,
         CASE WHEN period = 'year' AND regexp_full_match(coalesce(date, ''), '\d{4}') THEN date || '-01' END,
         CASE WHEN period = 'year' AND regexp_full_match(coalesce(date, ''), '\d{4}') THEN date || '-12'
              ELSE date END,
         period,
         CASE WHEN period = 'cumulative' THEN 'cumulative' ELSE 'period' END,
         CASE WHEN regexp_matches(lower(coalesce(unit, '')), 'committed|pledged|promised')
                OR lower(coalesce(note, '')) LIKE '%promised%' THEN 'pledged' ELSE 'delivered' END,
         kind, provenance_id, note
  FROM production_rows
  WHERE kind = 'transferred' OR kind LIKE 'transferred (%';
DELETE FROM production_rows WHERE kind = 'transferred' OR kind LIKE 'transferred (%';
