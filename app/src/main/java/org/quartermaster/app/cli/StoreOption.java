package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
import org.quartermaster.app.importer.ImportTempFiles;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --db PATH} and {@code --create}, accepted before or after a command's name ({@code qm --db
 * x.duckdb query …} and {@code qm query … --db x.duckdb}): the innermost {@code --db} given wins. Opens
 * the store. The default store is created (and seeded with the bundled dataset) on first use; a store
 * at a {@code --db PATH} that does not exist only with {@code --create}, so that a mistyped path is
 * refused instead of silently becoming a new store.
 */
public final class StoreOption {
  @Option(names = "--db", paramLabel = "PATH",
      description = "The store file (DuckDB) (default: $QM_HOME/quartermaster.duckdb, QM_HOME defaulting to"
          + " ~/.quartermaster, created on first use); any other PATH must hold a store already, unless given with"
          + " the create option.")
  Path db;

  @Option(names = "--create",
      description = "Create the store at --db PATH, seeded with the bundled dataset, when there is none there"
          + " (default: off: a --db PATH where no store is is refused).")
  boolean create;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The store file this command uses. */
  Path file() {
    Path given = given();
    return given != null ? given : Store.defaultFile(System.getenv());
  }

  /** The innermost {@code --db} given, or null. */
  private Path given() {
    for (CommandSpec spec = mixee; spec != null; spec = spec.parent()) {
      for (CommandSpec mixin : spec.mixins().values()) {
        if (mixin.userObject() instanceof StoreOption option && option.db != null) {
          return option.db;
        }
      }
    }
    return null;
  }

  /** Whether {@code --create} was given at any level. */
  private boolean createAsked() {
    for (CommandSpec spec = mixee; spec != null; spec = spec.parent()) {
      for (CommandSpec mixin : spec.mixins().values()) {
        if (mixin.userObject() instanceof StoreOption option && option.create) {
          return true;
        }
      }
    }
    return false;
  }

  /** Opens the store (the caller closes it). */
  Store open() {
    return open(false);
  }

  private Store open(boolean toRead) {
    Path file = file();
    boolean creating = !Files.exists(file);
    if (creating && given() != null && !createAsked()) {
      throw new BadInputException("no store at " + file + "; to create one there, add --create (qm --db " + file
          + " --create …), or leave out --db to use the default store (QM_HOME)");
    }
    if (!creating && !writable(file)) {
      return unchangeable(file, toRead, "the store or its folder is read-only for this user");
    }
    Store store;
    try {
      store = Store.open(file);
    } catch (StoreException e) {
      if (!creating && notWritable(e)) {
        return unchangeable(file, toRead, reason(e));
      }
      throw failure(file, e);
    }
    try {
      // what a killed import left beside the store (DuckDB's lock: no other process is importing now)
      ImportTempFiles.removeLeftovers(file);
      List<String> replaced = BundledDataset.seedOrRefresh(store, Countries.standard());
      if (creating) {
        err().println("qm: created a new store at " + file + " with the bundled dataset");
      } else if (!replaced.isEmpty()) {
        err().println("qm: " + file + ": the bundled dataset was brought up to this version's (re-cited figures): "
            + String.join(", ", replaced) + " replaced, each in one transaction");
      }
      return store;
    } catch (StoreException e) {
      store.close();
      throw failure(file, e);
    } catch (UncheckedIOException e) {
      store.close();
      throw new BadInputException(e.getMessage());
    }
  }

  /**
   * Opens the store for a command that only reads it: as {@link #open}, but a store this user may read
   * and not write (a read-only folder or file) is opened read-only, as it is, instead of refused.
   */
  Store openToRead() {
    return open(true);
  }

  /** The one-line message for a store that cannot be opened: who holds it, or what DuckDB said. */
  static BadInputException failure(Path file, StoreException e) {
    if (StoreLock.isLock(e)) {
      return new BadInputException(StoreLock.message(file, e));
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return new BadInputException(message.contains(file.toString()) ? message
        : "cannot open the store " + file + ": " + message);
  }

  /**
   * A store this user may not change (DuckDB writes its log beside the file, so the folder counts too):
   * opened read-only for a command that only reads it, else refused.
   */
  private static Store unchangeable(Path file, boolean toRead, String reason) {
    if (!toRead) {
      throw new BadInputException("the store " + file + " cannot be changed by this user (" + reason + "): this"
          + " command writes to it; run it as a user who may write the store and its folder, or on a copy");
    }
    try {
      return Store.openForUserSql(file);
    } catch (StoreException e) {
      throw failure(file, e);
    }
  }

  private static boolean writable(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    return Files.isWritable(file) && (folder == null || Files.isWritable(folder));
  }

  private static boolean notWritable(StoreException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Permission denied") || message.contains("Read-only file system");
  }

  private static String reason(StoreException e) {
    return String.valueOf(e.getMessage()).contains("Permission denied") ? "permission denied" : "read-only file system";
  }

  private PrintWriter err() {
    return mixee != null && mixee.commandLine() != null ? mixee.commandLine().getErr()
        : new PrintWriter(System.err, true);
  }
}
