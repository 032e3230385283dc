package org.quartermaster.engine.simulation;

/** The simulation asked for needs more memory than this JVM has; the message says what to change. */
public final class SimulationTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SimulationTooLargeException(String message) {
    super(message);
  }
}
