package org.quartermaster.app.cli;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartermaster.app.store.StoreException;

/**
 * DuckDB's refusal to open a store another process holds, as one line saying who holds it and what to
 * do. DuckDB says {@code Could not set lock on file "…": Conflicting lock is held in /usr/bin/java
 * (PID 4242) by user ann}; the holder's program and PID are taken from there.
 */
final class StoreLock {
  private static final Pattern LOCKED = Pattern.compile("Could not set lock on file");
  private static final Pattern HOLDER = Pattern.compile("lock is held in (.+?) \\(PID (\\d+)\\)");

  private StoreLock() {}

  /** Whether opening the store failed because another process holds it. */
  static boolean isLock(StoreException e) {
    return e.getMessage() != null && LOCKED.matcher(e.getMessage()).find();
  }

  /** The line for a store that {@code e} says another process holds. */
  static String message(Path store, StoreException e) {
    Matcher holder = HOLDER.matcher(e.getMessage());
    String who = holder.find()
        ? "process " + holder.group(2) + " (" + Path.of(holder.group(1)).getFileName() + ")"
        : "another process";
    return "the store " + store + " is in use by " + who + ": stop it, or, if it is a qm serve, use --server URL"
        + " to go through it";
  }
}
