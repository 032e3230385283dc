package org.quartermaster.app.api;

import java.nio.file.Path;

/** Where a finished run's result (result format v1 JSON) is kept. */
sealed interface RunResult {
  /** Bytes this result holds in memory (0 for a file). */
  long memoryBytes();

  /** Bytes this result's file holds (0 in memory). */
  long diskBytes();

  /** A result short enough to keep in memory; the array is owned by this record. */
  record InMemory(byte[] json) implements RunResult {
    @Override
    public long memoryBytes() {
      return json.length;
    }

    @Override
    public long diskBytes() {
      return 0;
    }
  }

  /** A result kept in a file of the run results folder, deleted when the run is forgotten. */
  record OnDisk(Path file, long bytes) implements RunResult {
    @Override
    public long memoryBytes() {
      return 0;
    }

    @Override
    public long diskBytes() {
      return bytes;
    }
  }
}
