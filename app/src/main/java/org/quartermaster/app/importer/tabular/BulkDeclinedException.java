package org.quartermaster.app.importer.tabular;

/**
 * The bulk path cannot vouch that it would import a file exactly as the Java path does (the file is
 * irregular, has a problem, a duplicate key …): the caller rolls back what it did and runs the Java
 * path, which reports every problem. The message says why, for tests and debugging.
 */
public final class BulkDeclinedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BulkDeclinedException(String reason) {
    super(reason, null, false, false); // an expected outcome, not an error: no stack trace
  }
}
