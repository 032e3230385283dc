package org.quartermaster.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.Mode;
import org.quartermaster.engine.result.SimulationResult;

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
      return Results.of(compiled, options, runs, merge.totals(), quantilesByCell);
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
}
