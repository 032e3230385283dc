-- Quartermaster store, schema version 5: what identifies an import, whether it is sourced, and
-- estimate flags that may be unknown.
-- An import is the file's bytes (sha256) read in a format, through a mapping, for a vintage: the same
-- bytes under another mapping or vintage are another import. A dataset none of whose rows names a
-- source URL (neither in the file nor given with the import) is listed as unsourced.
-- (Version 4 is another change; this file does not depend on it.)

ALTER TABLE datasets ADD COLUMN mapping VARCHAR;         -- the mapping as given: a shipped mapping's name or the YAML file's name
ALTER TABLE datasets ADD COLUMN mapping_sha256 VARCHAR;  -- of the mapping's YAML (shipped ones included); null without a mapping
ALTER TABLE datasets ADD COLUMN unsourced BOOLEAN;

UPDATE datasets SET unsourced = source_url IS NULL AND NOT EXISTS (
  SELECT 1 FROM (
    SELECT r.dataset_id FROM defence_spending_rows r JOIN provenance p USING (provenance_id) WHERE p.source_url IS NOT NULL
    UNION ALL
    SELECT r.dataset_id FROM aid_rows r JOIN provenance p USING (provenance_id) WHERE p.source_url IS NOT NULL
    UNION ALL
    SELECT r.dataset_id FROM deliveries_rows r JOIN provenance p USING (provenance_id) WHERE p.source_url IS NOT NULL
    UNION ALL
    SELECT r.dataset_id FROM production_rows r JOIN provenance p USING (provenance_id) WHERE p.source_url IS NOT NULL
    UNION ALL
    SELECT r.dataset_id FROM contracts_rows r JOIN provenance p USING (provenance_id) WHERE p.source_url IS NOT NULL
  ) sourced WHERE sourced.dataset_id = datasets.dataset_id);

-- A blank estimate flag is unknown, not "no": the deliveries' flags may be null.
ALTER TABLE deliveries_rows ALTER COLUMN order_year_estimate DROP NOT NULL;
ALTER TABLE deliveries_rows ALTER COLUMN number_delivered_estimate DROP NOT NULL;
ALTER TABLE deliveries_rows ALTER COLUMN delivery_year_estimate DROP NOT NULL;
