package org.quartermaster.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.simulation.VariantSimulator;
import org.quartermaster.engine.simulation.VariantStatistics;

/**
 * Runs every variant of a sweep. The base scenario is compiled once ({@link VariantSimulator}); each
 * variant patches the values its parameters set and runs SM-1 with the sweep's seed, so run i of
 * every variant uses the same random stream (common random numbers). Worker threads take whole
 * variants in turn; each variant's rows go to its own slot and are assembled in variant order, so
 * the results are identical for any number of threads.
 */
public final class SweepRunner {
  private SweepRunner() {}

  /** The rows of every variant × kept cell, in variant order, then cell order. */
  public static List<SweepRow> run(Sweep sweep, int threads, SweepProgress progress) {
    return run(sweep, 0, sweep.variantCount(), threads, progress);
  }

  /**
   * The rows of variants {@code first} (inclusive) to {@code end} (exclusive) × kept cell, in variant
   * order, then cell order: exactly the rows {@link #run(Sweep, int, SweepProgress)} gives for those
   * variants, since a variant's rows depend only on the sweep and its index. So a sweep split into
   * ranges (on a cluster) gives the same rows as one run.
   */
  public static List<SweepRow> run(Sweep sweep, int first, int end, int threads, SweepProgress progress) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (first < 0 || end < first || end > sweep.variantCount()) {
      throw new IllegalArgumentException("variants " + first + ".." + end + " are not within the sweep's 0.."
          + sweep.variantCount());
    }
    VariantSimulator simulator = new VariantSimulator(sweep.base());
    ClosingSlots slots = ClosingSlots.of(sweep.metrics());
    int variants = end - first;
    List<List<SweepRow>> rowsByVariant = new ArrayList<>(java.util.Collections.nCopies(variants, null));
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    int workers = Math.max(1, Math.min(threads, variants));
    ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
      Thread thread = new Thread(task, "sweep-worker");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        futures.add(pool.submit(() -> {
          for (int v = next.getAndIncrement(); v < variants; v = next.getAndIncrement()) {
            List<SweepRow> rows = variant(sweep, simulator, slots, first + v);
            synchronized (rowsByVariant) {
              rowsByVariant.set(v, rows);
              progress.variantsDone(done.incrementAndGet(), variants);
            }
          }
          return null;
        }));
      }
      for (Future<?> future : futures) {
        await(future, next);
      }
    } finally {
      pool.shutdownNow();
    }
    List<SweepRow> out = new ArrayList<>();
    for (List<SweepRow> rows : rowsByVariant) {
      out.addAll(rows);
    }
    return out;
  }

  private static List<SweepRow> variant(Sweep sweep, VariantSimulator simulator, ClosingSlots slots, int v) {
    double[] values = sweep.values(v);
    VariantStatistics stats = simulator.run(SweepParameter.patches(sweep.parameters(), values), sweep.runs(),
        sweep.seed(), slots.months(), slots.probabilities());
    int width = sweep.metricColumns().size();
    List<SweepRow> rows = new ArrayList<>();
    for (int c : sweep.cells()) {
      double[] metrics = new double[width];
      int at = 0;
      for (SweepMetric metric : sweep.metrics()) {
        metric.values(stats, c, slots, metrics, at);
        at += metric.columns().size();
      }
      Cell cell = simulator.cells().get(c);
      rows.add(new SweepRow(v, values.clone(), cell.holder(), cell.item(), metrics));
    }
    return rows;
  }

  private static void await(Future<?> future, AtomicInteger next) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sweep interrupted", e);
    } catch (ExecutionException e) {
      next.set(Integer.MAX_VALUE); // the other workers stop after their current variant
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
