package org.quartermaster.engine.sweep;

/** Told how many variants are done; called from worker threads, with {@code done} increasing. */
@FunctionalInterface
public interface SweepProgress {
  SweepProgress NONE = (done, total) -> {};

  void variantsDone(long done, long total);
}
