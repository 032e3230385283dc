package org.quartermaster.app.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quartermaster.app.runs.RunInputs;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.SimulationResult;
import org.quartermaster.engine.simulation.MemoryEstimate;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.SimulationTooLargeException;
import org.quartermaster.engine.simulation.Sm1Simulator;

/**
 * Runs simulations in the background on a bounded pool ({@code concurrent} at once, {@code queued}
 * waiting; beyond that a new run is refused with 503). A run is admitted only when its memory estimate
 * fits in what the runs may hold together ({@link RunMemory}; 503 otherwise), and holds it until it
 * ends. Finished runs are kept, the latest {@value #KEPT} at most, their in-memory results within
 * {@code resultMemoryBytes} and their result files within {@code resultFolderBytes}: beyond any of these, the
 * oldest finished runs are forgotten first (and their result files removed). A run whose result alone would not
 * fit in the folder is refused before it starts (507), and one whose result turned out longer fails. Cancelling makes the run's progress listener throw {@link
 * CancellationException}, which stops every engine worker. Thread-safe.
 */
final class RunManager implements AutoCloseable {
  static final int KEPT = 100;
  private static final long STOP_WAIT_SECONDS = 10;

  private final ThreadPoolExecutor pool;
  private final int engineThreads;
  private final RunMemory memory;
  private final long resultMemoryBytes;
  private final long resultFileBytes;
  private final long resultFolderBytes;
  private final RunResultFolder results;
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private long resultBytesInMemory;
  private long resultBytesOnDisk;

  RunManager(ApiSettings.RunLimits limits, Path resultFolder) {
    pool = new ThreadPoolExecutor(limits.concurrent(), limits.concurrent(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, limits.queued())), task -> {
          Thread thread = new Thread(task, "qm-api-run");
          thread.setDaemon(true);
          return thread;
        });
    engineThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / limits.concurrent());
    memory = new RunMemory(limits.memoryBytes());
    resultMemoryBytes = limits.resultMemoryBytes();
    resultFileBytes = limits.resultFileBytes();
    resultFolderBytes = limits.resultFolderBytes();
    results = new RunResultFolder(resultFolder, resultFileBytes);
  }

  /** The options a run really executes with (the engine threads each run gets). */
  SimulationOptions executed(SimulationOptions options) {
    return options.withThreads(engineThreads);
  }

  /**
   * The heap a run is admitted with: the engine's working memory, plus the result being written (in
   * memory up to the file limit, copied once when it is kept).
   */
  long admissionBytes(Scenario scenario, SimulationOptions options) {
    MemoryEstimate estimate = MemoryEstimate.of(scenario, executed(options));
    long buffer = 2 * Math.min(estimate.resultJsonBytes(), resultFileBytes);
    return estimate.workingBytes() > Long.MAX_VALUE - buffer ? Long.MAX_VALUE : estimate.workingBytes() + buffer;
  }

  /** The memory budget runs share with sweeps ({@link AnalysisJobs}). */
  RunMemory memory() {
    return memory;
  }

  /** What runs may hold together, in bytes. */
  long memoryCapacity() {
    return memory.capacity();
  }

  /**
   * @throws ApiException 503 when the run's memory does not fit now, or the pool and its queue are full; 507 when
   *                      its result would be kept in a file longer than the run results folder may hold
   */
  Run submit(Scenario scenario, SimulationOptions options, long total, RunInputs inputs) {
    long resultBytes = MemoryEstimate.of(scenario, executed(options)).resultJsonBytes();
    if (resultBytes > resultFileBytes && resultBytes > resultFolderBytes) {
      throw new ApiException(507, "this run's result would take an estimated " + mib(resultBytes) + " on disk, more"
          + " than the " + mib(resultFolderBytes) + " the server keeps for run results; a result's length grows with"
          + " cells × months: ask for a shorter horizon or fewer cells");
    }
    long bytes = admissionBytes(scenario, options);
    RunMemory.Reservation reservation = memory.tryReserve(bytes).orElseThrow(() -> new ApiException(503,
        String.format(Locale.ROOT, "not enough memory for this run now: it needs an estimated %s, and %s of the %s"
            + " that runs may hold are taken by running and queued runs; try again when one has finished",
            mib(bytes), mib(memory.reserved()), mib(memory.capacity()))));
    Run run = new Run(UUID.randomUUID().toString(), total, reservation, inputs);
    SimulationOptions withProgress = executed(options).withProgress((done, all) -> {
      if (run.cancelRequested()) {
        throw new CancellationException("cancelled");
      }
      run.progress(done);
    });
    synchronized (this) {
      try {
        run.future(pool.submit(() -> execute(run, scenario, withProgress)));
      } catch (RejectedExecutionException e) {
        reservation.release();
        throw new ApiException(503, "too many runs: " + pool.getActiveCount() + " running and "
            + pool.getQueue().size() + " queued; try again later");
      }
      runs.put(run.id(), run);
      evict();
    }
    return run;
  }

  private void execute(Run run, Scenario scenario, SimulationOptions options) {
    if (!run.start()) {
      return;
    }
    try {
      SimulationResult result = Sm1Simulator.run(scenario, options);
      kept(run, results.keep(run.id(), result));
    } catch (CancellationException e) {
      run.cancelled();
    } catch (SimulationTooLargeException e) {
      run.fail(e.getMessage());
    } catch (IOException e) {
      run.fail("cannot keep the result in " + results.folder() + ": " + e.getMessage());
    } catch (RuntimeException | Error e) {
      run.fail("internal error: " + e.getClass().getSimpleName());
    }
  }

  private synchronized void kept(Run run, RunResult result) {
    if (!runs.containsKey(run.id())) {
      results.forget(result); // the server stopped meanwhile
      run.cancelled();
      return;
    }
    if (result.diskBytes() > resultFolderBytes) {
      results.forget(result); // longer than its estimate, and than the folder
      run.fail("the result took " + mib(result.diskBytes()) + ", more than the " + mib(resultFolderBytes)
          + " the server keeps for run results; ask for a shorter horizon or fewer cells");
      return;
    }
    run.finish(result);
    resultBytesInMemory += result.memoryBytes();
    resultBytesOnDisk += result.diskBytes();
    evict();
  }

  synchronized Optional<Run> find(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  /** Bytes of the finished runs' results held in memory. */
  synchronized long resultBytesInMemory() {
    return resultBytesInMemory;
  }

  /** Bytes of the finished runs' result files. */
  synchronized long resultBytesOnDisk() {
    return resultBytesOnDisk;
  }

  /**
   * Forgets the oldest finished runs while more than {@link #KEPT} are kept or their results hold too much memory
   * or disk.
   */
  private void evict() {
    for (Iterator<Run> oldestFirst = runs.values().iterator(); oldestFirst.hasNext()
        && (runs.size() > KEPT || resultBytesInMemory > resultMemoryBytes || resultBytesOnDisk > resultFolderBytes); ) {
      Run run = oldestFirst.next();
      if (run.status().terminal()) {
        oldestFirst.remove();
        if (run.result() != null) {
          resultBytesInMemory -= run.result().memoryBytes();
          resultBytesOnDisk -= run.result().diskBytes();
          results.forget(run.result());
        }
      }
    }
  }

  /** Bytes as MiB with one decimal, for messages. */
  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.1f MiB", bytes / 1048576.0);
  }

  /**
   * Cancels every run, stops the pool (waiting a while for a result being written) and removes the
   * result files.
   */
  @Override
  public void close() {
    synchronized (this) {
      runs.values().forEach(Run::cancel);
      pool.shutdownNow();
    }
    try {
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      for (Run run : runs.values()) {
        if (run.result() != null) {
          results.forget(run.result());
        }
      }
      runs.clear();
      results.close();
    }
  }
}
