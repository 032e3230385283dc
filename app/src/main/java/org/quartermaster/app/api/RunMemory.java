package org.quartermaster.app.api;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The heap that running and queued runs may hold together ({@link ApiSettings.RunLimits#memoryBytes}),
 * handed out by estimate: a run is admitted only when its estimate fits beside the others', so two
 * large runs can no longer both start and fail together. Thread-safe.
 */
final class RunMemory {
  private final long capacity;
  private long reserved;

  RunMemory(long capacity) {
    this.capacity = capacity;
  }

  long capacity() {
    return capacity;
  }

  synchronized long reserved() {
    return reserved;
  }

  /** Takes {@code bytes} from the budget, or empty when they do not fit now. */
  synchronized Optional<Reservation> tryReserve(long bytes) {
    if (bytes > capacity - reserved) {
      return Optional.empty();
    }
    reserved += bytes;
    return Optional.of(new Reservation(bytes));
  }

  private synchronized void release(long bytes) {
    reserved -= bytes;
  }

  /** One run's share of the budget, given back once, whichever way the run ends. */
  final class Reservation {
    private final long bytes;
    private final AtomicBoolean released = new AtomicBoolean();

    private Reservation(long bytes) {
      this.bytes = bytes;
    }

    long bytes() {
      return bytes;
    }

    void release() {
      if (released.compareAndSet(false, true)) {
        RunMemory.this.release(bytes);
      }
    }
  }
}
