package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quartermaster.app.sweeps.SweepMetadata;
import org.quartermaster.engine.simulation.MemoryEstimate;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepRow;
import org.quartermaster.engine.sweep.SweepRunner;

/**
 * Runs sweeps asked for through the API in the background, as {@link RunManager} runs simulations: a
 * bounded pool ({@code concurrent} at once, {@code queued} waiting; beyond that 503), admission against
 * the same memory budget as runs ({@link RunMemory}), progress in variants, cancel at the next variant
 * (the progress callback throws {@link CancellationException}). A job's state is a {@link Run} (its
 * total: the sweep's variants); a finished job keeps its rows, for JSON and for the CSV and Parquet
 * downloads ({@link Finished}). The latest {@value #KEPT} jobs are kept, the oldest finished forgotten
 * first. Thread-safe.
 */
final class SweepJobs implements AutoCloseable {
  static final int KEPT = 20;
  private static final long STOP_WAIT_SECONDS = 10;

  /** A finished sweep: what it was and its rows (variant order, then cell order). */
  record Finished(SweepMetadata metadata, List<SweepRow> rows) {}

  private final ThreadPoolExecutor pool;
  private final int engineThreads;
  private final RunMemory memory;
  private final ObjectMapper json;
  private final String qmVersion;
  private final Map<String, Run> jobs = new LinkedHashMap<>();
  private final Map<String, Finished> finished = new LinkedHashMap<>();

  SweepJobs(ApiSettings.RunLimits limits, RunMemory memory, ObjectMapper json, String qmVersion) {
    pool = new ThreadPoolExecutor(limits.concurrent(), limits.concurrent(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, limits.queued())), task -> {
          Thread thread = new Thread(task, "qm-api-sweep");
          thread.setDaemon(true);
          return thread;
        });
    engineThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / limits.concurrent());
    this.memory = memory;
    this.json = json;
    this.qmVersion = qmVersion;
  }

  /**
   * The heap a sweep is admitted with: one simulation's working memory per worker (each worker runs
   * whole variants), plus its rows (kept as doubles, and once more while rendered).
   */
  long admissionBytes(Sweep sweep) {
    int workers = Math.min(engineThreads, sweep.variantCount());
    long perVariant = MemoryEstimate.of(sweep.base(), SimulationOptions.stochastic(sweep.runs(), sweep.seed())
        .withThreads(1)).workingBytes();
    long width = sweep.parameterColumns().size() + sweep.metricColumns().size() + 8L;
    long rows = (long) sweep.variantCount() * sweep.cellCount() * width * 8 * 3;
    return perVariant * workers + rows;
  }

  long memoryCapacity() {
    return memory.capacity();
  }

  /** @throws ApiException 503 when the sweep's memory does not fit now, or the pool and its queue are full */
  Run submit(Sweep sweep) {
    long bytes = admissionBytes(sweep);
    RunMemory.Reservation reservation = memory.tryReserve(bytes).orElseThrow(() -> new ApiException(503,
        String.format(Locale.ROOT, "not enough memory for this sweep now: it needs an estimated %s, and %s of the"
            + " %s that runs and sweeps may hold are taken; try again when one has finished", RunManager.mib(bytes),
            RunManager.mib(memory.reserved()), RunManager.mib(memory.capacity()))));
    Run job = new Run(UUID.randomUUID().toString(), sweep.variantCount(), reservation);
    synchronized (this) {
      try {
        job.future(pool.submit(() -> execute(job, sweep)));
      } catch (RejectedExecutionException e) {
        reservation.release();
        throw new ApiException(503, "too many sweeps: " + pool.getActiveCount() + " running and "
            + pool.getQueue().size() + " queued; try again later");
      }
      jobs.put(job.id(), job);
      evict();
    }
    return job;
  }

  private void execute(Run job, Sweep sweep) {
    if (!job.start()) {
      return;
    }
    try {
      List<SweepRow> rows = SweepRunner.run(sweep, engineThreads, (done, total) -> {
        if (job.cancelRequested()) {
          throw new CancellationException("cancelled");
        }
        job.progress(done);
      });
      Finished result = new Finished(SweepMetadata.of(sweep, qmVersion), rows);
      byte[] body = json.writeValueAsBytes(body(job.id(), result));
      kept(job, result, body);
    } catch (CancellationException e) {
      job.cancelled();
    } catch (JsonProcessingException | RuntimeException | Error e) {
      job.fail("internal error: " + e.getClass().getSimpleName());
    }
  }

  private synchronized void kept(Run job, Finished result, byte[] body) {
    if (!jobs.containsKey(job.id())) {
      job.cancelled(); // the server stopped meanwhile
      return;
    }
    finished.put(job.id(), result);
    job.finish(new RunResult.InMemory(body));
    evict();
  }

  synchronized Optional<Run> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** The rows of a finished job, or empty. */
  synchronized Optional<Finished> result(String id) {
    return Optional.ofNullable(finished.get(id));
  }

  /**
   * The JSON result: the sweep's metadata, the column names and one array per row (variant, parameter
   * values, holder, item, metrics; null for a metric that does not exist).
   */
  static Map<String, Object> body(String id, Finished result) {
    List<List<Object>> rows = new ArrayList<>(result.rows().size());
    for (SweepRow row : result.rows()) {
      List<Object> values = new ArrayList<>();
      values.add(row.variant());
      for (double value : row.parameterValues()) {
        values.add(value);
      }
      values.add(row.holder());
      values.add(row.item());
      for (double value : row.metrics()) {
        values.add(Double.isFinite(value) ? value : null);
      }
      rows.add(values);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("sweep", result.metadata());
    body.put("columns", result.metadata().columns());
    body.put("rows", rows);
    return body;
  }

  /** Forgets the oldest finished jobs while more than {@link #KEPT} are kept. */
  private void evict() {
    for (Iterator<Run> oldestFirst = jobs.values().iterator(); oldestFirst.hasNext() && jobs.size() > KEPT; ) {
      Run job = oldestFirst.next();
      if (job.status().terminal()) {
        oldestFirst.remove();
        finished.remove(job.id());
      }
    }
  }

  /** Cancels every job and stops the pool. */
  @Override
  public void close() {
    synchronized (this) {
      jobs.values().forEach(Run::cancel);
      pool.shutdownNow();
    }
    try {
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      jobs.clear();
      finished.clear();
    }
  }
}
