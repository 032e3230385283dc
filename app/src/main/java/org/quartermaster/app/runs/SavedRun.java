package org.quartermaster.app.runs;

import java.time.Instant;
import java.util.Objects;

/**
 * A simulation run kept in the store with a name.
 *
 * @param id        its id, given by the store (from 1)
 * @param name      the name it was saved under (1 to {@value SavedRuns#MAX_NAME} characters)
 * @param inputs    the scenario and options it ran
 * @param result    the result, result format v1 JSON as the server produced it; null in a listing
 * @param createdAt when it was saved, to the millisecond
 */
public record SavedRun(long id, String name, RunInputs inputs, String result, Instant createdAt) {
  public SavedRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
