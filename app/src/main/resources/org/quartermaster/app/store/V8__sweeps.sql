-- Quartermaster store, schema version 8: sweep results (qm sweep --out FILE.parquet, then qm import).
-- A sweep is a dataset (its record in datasets, table_name 'sweeps'); its id is the dataset's id.
-- sweeps holds what the file says about the sweep (its key-value metadata), sweep_rows one row per
-- variant x cell with the parameter values and metrics as lists in the order sweeps names them, so
-- that sweeps with different parameters and metrics share one table.

CREATE TABLE sweeps (
  sweep_id     INTEGER PRIMARY KEY,  -- = datasets.dataset_id
  file_name    VARCHAR NOT NULL,     -- the imported file, as given to qm import
  sweep_file   VARCHAR NOT NULL,     -- the sweep file the results were run from, as qm sweep named it
  base         VARCHAR NOT NULL,     -- the base scenario: its file (relative to the sweep file) or 'saved scenario ID'
  base_sha256  VARCHAR NOT NULL,     -- of the validated base scenario (its canonical JSON)
  design       VARCHAR NOT NULL,     -- grid, latin-hypercube (N points), sobol (N points)
  variants     INTEGER NOT NULL,
  cells        INTEGER NOT NULL,     -- cells kept per variant
  runs         INTEGER NOT NULL,     -- runs per variant
  seed         BIGINT NOT NULL,      -- shared by every variant (common random numbers)
  parameters   VARCHAR[] NOT NULL,   -- the parameters' paths, in column order
  metrics      VARCHAR[] NOT NULL,   -- the metric columns, in order
  qm_version   VARCHAR               -- the qm version that ran the sweep (null: not known)
);

CREATE TABLE sweep_rows (
  dataset_id   INTEGER NOT NULL,     -- = sweeps.sweep_id
  file_row     INTEGER NOT NULL,     -- the row of the imported file, from 1: variant order, then cell order
  variant      INTEGER NOT NULL,     -- 0-based, in the design's order
  holder       VARCHAR NOT NULL,
  item         VARCHAR NOT NULL,
  parameter_values DOUBLE[] NOT NULL, -- in sweeps.parameters order
  metric_values    DOUBLE[] NOT NULL  -- in sweeps.metrics order; NULL where a metric does not exist for the cell
);
