package org.quartermaster.engine.simulation;

import java.util.HashMap;
import java.util.Map;

/** Merges block totals strictly in block order, whatever order the workers finish them in. */
final class OrderedMerge {
  private final BlockTotals totals;
  private final long runs;
  private final ProgressListener progress;
  private final Map<Long, BlockTotals> pending = new HashMap<>();
  private long nextIndex;
  private long runsDone;
  private volatile boolean failed;

  OrderedMerge(BlockTotals totals, long runs, ProgressListener progress) {
    this.totals = totals;
    this.runs = runs;
    this.progress = progress;
  }

  synchronized void offer(BlockTotals block) {
    pending.put(block.blockIndex, block);
    for (BlockTotals next = pending.remove(nextIndex); next != null; next = pending.remove(nextIndex)) {
      totals.merge(next);
      runsDone += next.closing.count;
      nextIndex++;
    }
    progress.runsDone(runsDone, runs);
  }

  boolean failed() {
    return failed;
  }

  void fail() {
    failed = true;
  }

  synchronized BlockTotals totals() {
    return totals;
  }
}
