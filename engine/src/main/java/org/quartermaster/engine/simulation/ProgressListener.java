package org.quartermaster.engine.simulation;

/** Told how many runs are done; called from worker threads, in increasing order of {@code done}. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void runsDone(long done, long total);
}
