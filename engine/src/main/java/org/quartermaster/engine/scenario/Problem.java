package org.quartermaster.engine.scenario;

import java.util.Objects;

/**
 * One thing wrong with a scenario.
 *
 * @param path    where: {@code lines[2].ramp_delay_months.mode}, or {@code (file)} for the whole file
 * @param value   the offending value as written (JSON rendering), or {@code null} when it is missing
 * @param message what is wrong, in words a person can act on
 */
public record Problem(String path, String value, String message) {
  public static final String FILE = "(file)";

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return value == null ? path + ": " + message : path + ": " + message + " (got " + value + ")";
  }
}
