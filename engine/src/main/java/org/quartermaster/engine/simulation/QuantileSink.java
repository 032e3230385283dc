package org.quartermaster.engine.simulation;

/** Receives the closing stocks of a block of runs for one (cell, month); one per worker thread. */
interface QuantileSink {
  void record(int cell, int month, double[] values, int from, int runs, long firstRun);
}
