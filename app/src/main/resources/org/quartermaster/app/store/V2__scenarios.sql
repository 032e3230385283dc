-- Quartermaster store, schema version 2: scenarios saved through the API (qm serve). The bundled
-- examples are not stored; their ids are reserved, so a saved scenario never shadows one.

CREATE TABLE scenarios (
  id          VARCHAR PRIMARY KEY,   -- [a-z0-9][a-z0-9-]{0,63}
  name        VARCHAR NOT NULL,      -- the scenario's own name (its YAML name field)
  yaml        VARCHAR NOT NULL,      -- the text as saved; valid when saved
  created_at  TIMESTAMP NOT NULL,    -- UTC
  updated_at  TIMESTAMP NOT NULL     -- UTC
);
