package org.quartermaster.app.api;

import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.quartermaster.app.runs.RunInputs;

/**
 * One simulation run asked for through the API: its state, progress and, when done, where its result
 * (result format v1 JSON) is kept. It holds its share of the runs' memory until it ends, whichever way.
 * Thread-safe: written by its worker, read by request threads.
 */
final class Run {
  /** Where a run is; the last three are final. */
  enum Status {
    QUEUED, RUNNING, DONE, FAILED, CANCELLED;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    boolean terminal() {
      return this == DONE || this == FAILED || this == CANCELLED;
    }
  }

  /** What {@code GET /api/v1/runs/{id}} returns. */
  record View(String id, String status, Progress progress, String message) {}

  /** Runs done out of the runs asked for. */
  record Progress(long done, long total) {}

  private final String id;
  private final long total;
  private final AtomicLong done = new AtomicLong();
  private volatile Status status = Status.QUEUED;
  private volatile boolean cancelRequested;
  private final RunMemory.Reservation memory;
  private volatile RunResult result;
  private volatile String message;
  private volatile Future<?> future;
  private final RunInputs inputs;

  /** A job with no scenario of its own to keep (a sweep). */
  Run(String id, long total, RunMemory.Reservation memory) {
    this(id, total, memory, null);
  }

  /** A run of one scenario; {@code inputs} is what saving it keeps beside its result. */
  Run(String id, long total, RunMemory.Reservation memory, RunInputs inputs) {
    this.id = id;
    this.total = total;
    this.memory = memory;
    this.inputs = inputs;
  }

  /** The scenario and options it ran; empty for a job that is not a run of one scenario. */
  Optional<RunInputs> inputs() {
    return Optional.ofNullable(inputs);
  }

  String id() {
    return id;
  }

  Status status() {
    return status;
  }

  /** The result once done, else null. */
  RunResult result() {
    return result;
  }

  boolean cancelRequested() {
    return cancelRequested;
  }

  void future(Future<?> f) {
    this.future = f;
  }

  void progress(long runsDone) {
    done.set(runsDone);
  }

  synchronized boolean start() {
    if (status != Status.QUEUED) {
      return false;
    }
    status = Status.RUNNING;
    return true;
  }

  synchronized void finish(RunResult kept) {
    result = kept;
    done.set(total);
    status = Status.DONE;
    memory.release();
  }

  synchronized void fail(String why) {
    message = why;
    status = Status.FAILED;
    memory.release();
  }

  synchronized void cancelled() {
    message = "cancelled";
    status = Status.CANCELLED;
    memory.release();
  }

  /** Asks the run to stop: a queued run is cancelled at once, a running one at its next progress report. */
  synchronized void cancel() {
    cancelRequested = true;
    if (status == Status.QUEUED) {
      cancelled();
      Future<?> f = future;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  View view() {
    return new View(id, status.wireName(), new Progress(done.get(), total), message);
  }
}
