package org.quartermaster.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.BundledDataset;
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
      description = "The store file (DuckDB); it must exist unless --create is given (default:"
          + " $QM_HOME/quartermaster.duckdb, QM_HOME defaulting to ~/.quartermaster, created on first use).")
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
    Path file = file();
    boolean creating = !Files.exists(file);
    if (creating && given() != null && !createAsked()) {
      throw new BadInputException("no store at " + file + "; to create one there, add --create (qm --db " + file
          + " --create …), or leave out --db to use the default store (QM_HOME)");
    }
    Store store;
    try {
      store = Store.open(file);
    } catch (StoreException e) {
      throw failure(file, e);
    }
    try {
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
    }
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

  private PrintWriter err() {
    return mixee != null && mixee.commandLine() != null ? mixee.commandLine().getErr()
        : new PrintWriter(System.err, true);
  }
}
