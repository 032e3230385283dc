package org.quartermaster.app.store;

/** The store could not be opened or used (a locked or damaged file, a failed statement). */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
