package org.quartermaster.app.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.BiFunction;
import org.quartermaster.engine.scenario.InvalidScenarioException;
import org.quartermaster.engine.sensitivity.UndefinedOutputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one home of the analyses asked for through the API (sweeps, sensitivity analyses,
 * optimisations), run in the background as {@link RunManager} runs simulations.
 *
 * <ul>
 *   <li>One bounded pool for every kind ({@link ApiSettings.RunLimits#concurrent} at once,
 *       {@link ApiSettings.RunLimits#queued} waiting; beyond that 503).
 *   <li>Admission against the memory budget runs share ({@link RunMemory}).
 *   <li>Progress in the job's own unit (variants, portfolios); cancel at the next progress report (the
 *       report throws {@link CancellationException}).
 *   <li>A job's state is a {@link Run}; a finished job keeps its JSON body and, for downloads, what its
 *       work returned. Kept are the latest {@value #KEPT} jobs, and finished bodies of at most
 *       {@link ApiSettings.RunLimits#resultMemoryBytes} together, the oldest finished forgotten first; a
 *       job whose body alone is larger fails, saying so.
 * </ul>
 *
 * A job of one kind is never found under another's path. Thread-safe.
 */
final class AnalysisJobs implements AutoCloseable {
  static final int KEPT = 20;
  private static final long STOP_WAIT_SECONDS = 10;
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisJobs.class);

  /** What the API runs as jobs; the name is how messages call one. */
  enum Kind {
    SWEEP("sweep"), SENSITIVITY("sensitivity analysis"), OPTIMISATION("optimisation");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /** A job's work: runs, telling {@code progress} what is done (which throws to cancel), and returns its result. */
  @FunctionalInterface
  interface Work<T> {
    T run(JobProgress progress);
  }

  /** Told the work done so far, in the job's unit; throws {@link CancellationException} once cancel is asked. */
  @FunctionalInterface
  interface JobProgress {
    void done(long done);
  }

  private record Job(Kind kind, Run run) {}

  private record Kept(Object value, long bytes) {}

  private final ThreadPoolExecutor pool;
  private final int engineThreads;
  private final RunMemory memory;
  private final long keptBytesLimit;
  private final ObjectMapper json;
  private final Map<String, Job> jobs = new LinkedHashMap<>();
  private final Map<String, Kept> kept = new LinkedHashMap<>();
  private long keptBytes;

  AnalysisJobs(ApiSettings.RunLimits limits, RunMemory memory, ObjectMapper json) {
    pool = new ThreadPoolExecutor(limits.concurrent(), limits.concurrent(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, limits.queued())), task -> {
          Thread thread = new Thread(task, "qm-api-analysis");
          thread.setDaemon(true);
          return thread;
        });
    engineThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / limits.concurrent());
    this.memory = memory;
    this.keptBytesLimit = limits.resultMemoryBytes();
    this.json = json;
  }

  /** The worker threads one job's engine uses: the processors shared among the jobs that may run at once. */
  int engineThreads() {
    return engineThreads;
  }

  long memoryCapacity() {
    return memory.capacity();
  }

  /**
   * Starts {@code work} as a job of {@code kind} once {@code bytes} of the runs' memory are reserved for it.
   *
   * @param total what {@code work} reports as done when it is through (variants, portfolios)
   * @param body  the job's id and its work's result to the JSON the result route sends
   * @throws ApiException 503 when the memory does not fit now, or the pool and its queue are full
   */
  <T> Run submit(Kind kind, long total, long bytes, Work<T> work, BiFunction<String, T, Object> body) {
    RunMemory.Reservation reservation = memory.tryReserve(bytes).orElseThrow(() -> new ApiException(503,
        String.format(Locale.ROOT, "not enough memory for this %s now: it needs an estimated %s, and %s of the"
            + " %s that runs and analyses may hold are taken; try again when one has finished", kind.label,
            RunManager.mib(bytes), RunManager.mib(memory.reserved()), RunManager.mib(memory.capacity()))));
    Run run = new Run(UUID.randomUUID().toString(), total, reservation);
    synchronized (this) {
      try {
        run.future(pool.submit(() -> execute(kind, run, work, body)));
      } catch (RejectedExecutionException e) {
        reservation.release();
        throw new ApiException(503, "too many analyses: " + pool.getActiveCount() + " running and "
            + pool.getQueue().size() + " queued; try again later");
      }
      jobs.put(run.id(), new Job(kind, run));
      evict();
    }
    return run;
  }

  private <T> void execute(Kind kind, Run run, Work<T> work, BiFunction<String, T, Object> body) {
    if (!run.start()) {
      return;
    }
    try {
      T result = work.run(done -> {
        if (run.cancelRequested()) {
          throw new CancellationException("cancelled");
        }
        run.progress(done);
      });
      keep(kind, run, result, json.writeValueAsBytes(body.apply(run.id(), result)));
    } catch (CancellationException e) {
      run.cancelled();
    } catch (InvalidScenarioException | UndefinedOutputException | IllegalArgumentException e) {
      run.fail(e.getMessage()); // the file's fault (a variant its ranges make invalid, a metric never defined)
    } catch (JsonProcessingException | RuntimeException | Error e) {
      LOG.error("{} job {} failed", kind.label, run.id(), e);
      run.fail(InternalErrors.MESSAGE + ": " + kind.label + " job " + run.id());
    }
  }

  private synchronized void keep(Kind kind, Run run, Object value, byte[] body) {
    if (!jobs.containsKey(run.id())) {
      run.cancelled(); // the server stopped meanwhile
      return;
    }
    if (body.length > keptBytesLimit) {
      run.fail("the " + kind.label + "'s result is " + RunManager.mib(body.length) + ", more than the "
          + RunManager.mib(keptBytesLimit) + " this server keeps for results: ask for fewer variants or cells");
      return;
    }
    kept.put(run.id(), new Kept(value, body.length));
    keptBytes += body.length;
    run.finish(new RunResult.InMemory(body));
    evict();
  }

  /** The job of {@code kind} with {@code id}, or empty. */
  synchronized Optional<Run> find(Kind kind, String id) {
    Job job = jobs.get(id);
    return job != null && job.kind() == kind ? Optional.of(job.run()) : Optional.empty();
  }

  /** What the finished job {@code id}'s work returned, or empty once forgotten. */
  synchronized <T> Optional<T> result(String id, Class<T> type) {
    Kept k = kept.get(id);
    return k == null ? Optional.empty() : Optional.of(type.cast(k.value()));
  }

  /** Forgets the oldest finished jobs while more than {@link #KEPT} are kept or their bodies are too large. */
  private void evict() {
    for (Iterator<Job> oldestFirst = jobs.values().iterator(); oldestFirst.hasNext()
        && (jobs.size() > KEPT || keptBytes > keptBytesLimit); ) {
      Run run = oldestFirst.next().run();
      if (run.status().terminal()) {
        oldestFirst.remove();
        Kept k = kept.remove(run.id());
        keptBytes -= k == null ? 0 : k.bytes();
      }
    }
  }

  /** Cancels every job and stops the pool. */
  @Override
  public void close() {
    synchronized (this) {
      jobs.values().forEach(job -> job.run().cancel());
      pool.shutdownNow();
    }
    try {
      pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      jobs.clear();
      kept.clear();
      keptBytes = 0;
    }
  }
}
