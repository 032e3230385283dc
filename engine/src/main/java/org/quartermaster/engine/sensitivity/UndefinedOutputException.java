package org.quartermaster.engine.sensitivity;

/** The chosen output is missing (NaN) in some variants, so an index cannot be estimated; the message says which and what to do. */
public final class UndefinedOutputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UndefinedOutputException(String message) {
    super(message);
  }
}
