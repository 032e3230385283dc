package org.quartermaster.engine.simulation;

/** A check-mode invariant (stock ≥ 0, per-cell balance) failed: a bug in the engine, never bad input. */
public final class InvariantViolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  InvariantViolationException(String message) {
    super(message);
  }
}
