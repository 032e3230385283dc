package org.quartermaster.app.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.quartermaster.engine.model.Scenario;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.simulation.SimulationOptions;
import org.quartermaster.engine.simulation.SimulationTooLargeException;
import org.quartermaster.engine.simulation.Sm1Simulator;

/**
 * Runs simulations in the background on a bounded pool ({@code concurrent} at once, {@code queued}
 * waiting; beyond that a new run is refused with 503) and keeps the latest {@value #KEPT} runs.
 * Cancelling makes the run's progress listener throw {@link CancellationException}, which stops every
 * engine worker. Thread-safe.
 */
final class RunManager implements AutoCloseable {
  static final int KEPT = 100;

  private final ThreadPoolExecutor pool;
  private final int engineThreads;
  private final Map<String, Run> runs = new LinkedHashMap<>();

  RunManager(ApiSettings.RunLimits limits) {
    pool = new ThreadPoolExecutor(limits.concurrent(), limits.concurrent(), 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(Math.max(1, limits.queued())), task -> {
          Thread thread = new Thread(task, "qm-api-run");
          thread.setDaemon(true);
          return thread;
        });
    engineThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / limits.concurrent());
  }

  /** @throws ApiException 503 when the pool and its queue are full */
  Run submit(Scenario scenario, SimulationOptions options, long total) {
    Run run = new Run(UUID.randomUUID().toString(), total);
    SimulationOptions withProgress = options.withThreads(engineThreads).withProgress((done, all) -> {
      if (run.cancelRequested()) {
        throw new CancellationException("cancelled");
      }
      run.progress(done);
    });
    synchronized (this) {
      try {
        run.future(pool.submit(() -> execute(run, scenario, withProgress)));
      } catch (RejectedExecutionException e) {
        throw new ApiException(503, "too many runs: " + pool.getActiveCount() + " running and "
            + pool.getQueue().size() + " queued; try again later");
      }
      runs.put(run.id(), run);
      evict();
    }
    return run;
  }

  private static void execute(Run run, Scenario scenario, SimulationOptions options) {
    if (!run.start()) {
      return;
    }
    try {
      run.finish(ResultJson.toJson(Sm1Simulator.run(scenario, options)));
    } catch (CancellationException e) {
      run.cancelled();
    } catch (SimulationTooLargeException e) {
      run.fail(e.getMessage());
    } catch (RuntimeException | Error e) {
      run.fail("internal error: " + e.getClass().getSimpleName());
    }
  }

  synchronized Optional<Run> find(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  private void evict() {
    for (String id : new ArrayList<>(runs.keySet())) {
      if (runs.size() <= KEPT) {
        return;
      }
      if (runs.get(id).status().terminal()) {
        runs.remove(id);
      }
    }
  }

  /** Cancels every run and stops the pool. */
  @Override
  public synchronized void close() {
    runs.values().forEach(Run::cancel);
    pool.shutdownNow();
  }
}
