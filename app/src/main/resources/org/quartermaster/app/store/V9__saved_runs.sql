-- Quartermaster store, schema version 9: simulation runs kept with a name (qm serve, the Scenarios page).
-- A saved run holds the scenario text it ran (as run, comments included), the hash of the validated
-- scenario, the options it ran with, and the result (result format v1 JSON) exactly as the server produced
-- it: the server saves only results it computed itself, never a result posted to it.

CREATE SEQUENCE saved_run_ids START 1;

CREATE TABLE saved_runs (
  id               INTEGER PRIMARY KEY DEFAULT nextval('saved_run_ids'),
  name             VARCHAR NOT NULL,   -- given when saved: 1 to 200 characters
  scenario_name    VARCHAR NOT NULL,   -- the scenario's own name (its YAML name field)
  scenario_sha256  VARCHAR NOT NULL,   -- of the validated scenario's record form, as sweeps record their base
  yaml             VARCHAR NOT NULL,   -- the scenario text the run ran
  mode             VARCHAR NOT NULL,   -- stochastic or deterministic
  runs             INTEGER NOT NULL,   -- runs made (1 when deterministic)
  seed             BIGINT,             -- null when deterministic
  result           VARCHAR NOT NULL,   -- result format v1 JSON, as GET /api/v1/runs/{id}/result answered it
  created_at       TIMESTAMP NOT NULL  -- UTC
);
