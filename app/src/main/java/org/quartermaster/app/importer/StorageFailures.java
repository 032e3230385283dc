package org.quartermaster.app.importer;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Optional;

/**
 * What a failed write of an import means for a person: a full disk or a folder that cannot be written
 * is the machine's state, not a bug, and is said so plainly (the interfaces then answer exit 2 or a
 * 4xx/507, never a stack trace). DuckDB reports both in its messages ("No space left on device",
 * "Read-only file system", "Permission denied"), the JDK in its exceptions; both are read here, once.
 * Stateless.
 */
public final class StorageFailures {
  /** How a failed write was caused. */
  public enum Cause {
    DISK_FULL, NOT_WRITABLE
  }

  private StorageFailures() {}

  /** Why the failure happened, when it is a full disk or a place that cannot be written; empty otherwise. */
  public static Optional<Cause> cause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)
          + (t instanceof FileSystemException fs ? " " + String.valueOf(fs.getReason()).toLowerCase(Locale.ROOT) : "");
      if (text.contains("no space left") || text.contains("disk quota exceeded") || text.contains("disk is full")
          || text.contains("out of disk space")) {
        return Optional.of(Cause.DISK_FULL);
      }
      if (t instanceof AccessDeniedException || text.contains("read-only file system")
          || text.contains("permission denied")) {
        return Optional.of(Cause.NOT_WRITABLE);
      }
    }
    return Optional.empty();
  }

  /**
   * The plain message for a store write that failed for a full disk or an unwritable place; empty for
   * any other failure (a bug, reported as one).
   */
  public static Optional<String> storeMessage(Throwable failure, String storeLocation) {
    return cause(failure).map(cause -> switch (cause) {
      case DISK_FULL -> "no space left on the device holding " + storeLocation
          + ": nothing was imported; free some space and import again";
      case NOT_WRITABLE -> "cannot write to " + storeLocation + " or its folder (read-only, or no permission): nothing"
          + " was imported; make them writable or give another store with --db";
    });
  }

  /** An I/O failure's reason in words: the JDK names only the path for some ("permission denied"). */
  public static String reason(IOException e) {
    if (e instanceof FileSystemException fs) {
      String reason = fs.getReason() != null ? fs.getReason()
          : e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
      return reason + (fs.getFile() != null ? " (" + fs.getFile() + ")" : "");
    }
    return String.valueOf(e.getMessage());
  }
}
