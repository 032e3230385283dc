package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.quartermaster.engine.model.Cell;
import org.quartermaster.engine.model.ProductionLine;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.model.Transfer;
import org.quartermaster.engine.result.CellResult;
import org.quartermaster.engine.result.ClosingStock;
import org.quartermaster.engine.result.LineResult;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.result.MonthsToTarget;
import org.quartermaster.engine.result.Shortfall;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.result.TransferResult;

/**
 * Runs SM-1 on a validated scenario. Runs are cut into blocks of {@value #BLOCK_RUNS}; worker threads
 * take blocks in turn, and each block's statistics are merged in block order, so the result is
 * bit-identical for any thread count. Thread-safe: each call has its own state.
 */
public final class Sm1Simulator {
  /** Runs per block: the unit of work and of merging (fixed, so results never depend on threads). */
  public static final int BLOCK_RUNS = 256;

  private Sm1Simulator() {}

  public static SimulationResult run(Scenario scenario, SimulationOptions options) {
    CompiledScenario compiled = new CompiledScenario(scenario);
    boolean deterministic = options.mode() == Mode.DETERMINISTIC;
    long runs = deterministic ? 1 : options.runs();
    int blockSize = deterministic ? 1 : BLOCK_RUNS;
    long blocks = (runs + blockSize - 1) / blockSize;
    int threads = (int) Math.max(1, Math.min(options.threads(), blocks));
    ClosingQuantiles quantiles = ClosingQuantiles.forRuns(compiled, runs);
    OrderedMerge merge = new OrderedMerge(new BlockTotals(compiled, -1), runs, options.progress());
    AtomicLong nextBlock = new AtomicLong();

    ExecutorService pool = Executors.newFixedThreadPool(threads, Sm1Simulator::workerThread);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        QuantileSink sink = quantiles.sinkForWorker();
        Draws draws = deterministic
            ? new ExpectedDraws(compiled)
            : new RandomDraws(compiled, options.seed(), blockSize);
        BlockRunner runner = new BlockRunner(compiled, draws, blockSize, options.check());
        workers.add(pool.submit(() -> {
          try {
            for (long b = nextBlock.getAndIncrement(); b < blocks && !merge.failed(); b = nextBlock.getAndIncrement()) {
              long first = b * blockSize;
              int n = (int) Math.min(blockSize, runs - first);
              BlockTotals totals = new BlockTotals(compiled, b);
              runner.run(first, n, totals, sink);
              merge.offer(totals);
            }
          } catch (RuntimeException | Error e) {
            merge.fail(); // stop the other workers early
            throw e;
          }
          return null;
        }));
      }
      awaitAll(workers, merge);
      quantiles.finish();
      List<Future<double[][]>> quantileTasks = new ArrayList<>();
      for (int c = 0; c < compiled.cellCount; c++) {
        int cell = c;
        quantileTasks.add(pool.submit(() -> quantiles.quantiles(cell)));
      }
      List<double[][]> quantilesByCell = new ArrayList<>();
      for (Future<double[][]> task : quantileTasks) {
        quantilesByCell.add(await(task));
      }
      return result(compiled, options, runs, merge.totals(), quantilesByCell);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Thread workerThread(Runnable task) {
    Thread thread = new Thread(task, "sm1-worker");
    thread.setDaemon(true);
    return thread;
  }

  private static void awaitAll(List<Future<?>> workers, OrderedMerge merge) {
    RuntimeException first = null;
    for (Future<?> worker : workers) {
      try {
        await(worker);
      } catch (RuntimeException e) {
        merge.fail();
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("simulation interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static SimulationResult result(CompiledScenario s, SimulationOptions options, long runs,
      BlockTotals totals, List<double[][]> quantilesByCell) {
    Scenario scenario = s.scenario;
    List<CellResult> cells = new ArrayList<>();
    int targetSlot = 0;
    for (int c = 0; c < s.cellCount; c++) {
      double[] mean = new double[s.months];
      double[] std = new double[s.months];
      for (int t = 0; t < s.months; t++) {
        mean[t] = totals.closing.mean(c * s.months + t);
        std[t] = totals.closing.std(c * s.months + t);
      }
      double[][] q = quantilesByCell.get(c);
      Optional<MonthsToTarget> months = Optional.empty();
      if (s.hasTarget(c)) {
        months = Optional.of(monthsToTarget(totals.reachedCounts, targetSlot++, s.months, runs));
      }
      Cell cell = s.cells.get(c);
      cells.add(new CellResult(cell.holder(), cell.item(), s.initialByCell[c],
          s.hasTarget(c) ? OptionalDouble.of(s.targetByCell[c]) : OptionalDouble.empty(),
          new ClosingStock(mean, std, q[0], q[1], q[2]), months,
          new Shortfall(totals.shortfallTotal.mean(c), totals.shortfallTotal.std(c),
              (double) totals.anyShortfallRuns[c] / runs)));
    }
    List<LineResult> lines = new ArrayList<>();
    for (int l = 0; l < s.lineCount; l++) {
      ProductionLine line = scenario.lines().get(l);
      lines.add(new LineResult(line.id(), line.item(), totals.delivered.mean(l), totals.delivered.std(l)));
    }
    List<TransferResult> transfers = new ArrayList<>();
    for (int j = 0; j < s.transferCount; j++) {
      Transfer transfer = scenario.transfers().get(j);
      transfers.add(new TransferResult(j, transfer.from(), transfer.to(), transfer.item(), transfer.month(),
          transfer.quantity(), totals.transferShortfall.mean(j), totals.transferShortfall.std(j)));
    }
    OptionalLong seed = options.seed() == null ? OptionalLong.empty() : OptionalLong.of(options.seed());
    return new SimulationResult(scenario.name(), options.mode(), runs, seed, s.months, scenario.start(),
        cells, lines, transfers);
  }

  /** Exact type-7 quantiles of months to target from the per-month counts, never-reached runs as +∞. */
  static MonthsToTarget monthsToTarget(long[] reachedCounts, int slot, int months, long runs) {
    int width = months + 2;
    long never = reachedCounts[slot * width + months + 1];
    return new MonthsToTarget((double) (runs - never) / runs,
        quantileWithInfinity(reachedCounts, slot * width, months, runs, 0.5),
        quantileWithInfinity(reachedCounts, slot * width, months, runs, 0.9));
  }

  private static OptionalDouble quantileWithInfinity(long[] counts, int offset, int months, long runs, double q) {
    long lo = TypeSeven.lowerRank(runs, q);
    double g = TypeSeven.weight(runs, q);
    double a = orderStatistic(counts, offset, months, lo);
    double b = g > 0 ? orderStatistic(counts, offset, months, Math.min(lo + 1, runs - 1)) : a;
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(TypeSeven.interpolate(a, b, g));
  }

  private static double orderStatistic(long[] counts, int offset, int months, long rank) {
    long below = 0;
    for (int m = 0; m <= months; m++) {
      below += counts[offset + m];
      if (rank < below) {
        return m;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  /** Merges block totals strictly in block order, whatever order the workers finish them in. */
  private static final class OrderedMerge {
    private final BlockTotals totals;
    private final long runs;
    private final ProgressListener progress;
    private final java.util.Map<Long, BlockTotals> pending = new java.util.HashMap<>();
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
}
