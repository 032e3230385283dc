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
