package org.quartermaster.app.cli;

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
 * {@code --db PATH}, accepted before or after a command's name ({@code qm --db x.duckdb query …} and
 * {@code qm query … --db x.duckdb}): the innermost one given wins. Opens the store, creating and
 * seeding it with the bundled dataset on first use.
 */
public final class StoreOption {
  @Option(names = "--db", paramLabel = "PATH",
      description = "The store file (DuckDB) (default: $QM_HOME/quartermaster.duckdb, QM_HOME defaulting to"
          + " ~/.quartermaster).")
  Path db;

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  /** The store file this command uses. */
  Path file() {
    for (CommandSpec spec = mixee; spec != null; spec = spec.parent()) {
      for (CommandSpec mixin : spec.mixins().values()) {
        if (mixin.userObject() instanceof StoreOption option && option.db != null) {
          return option.db;
        }
      }
    }
    return Store.defaultFile(System.getenv());
  }

  /** Opens the store (the caller closes it). */
  Store open() {
    Path file = file();
    try {
      Store store = Store.open(file);
      List<String> replaced = BundledDataset.seedOrRefresh(store, Countries.standard());
      if (!replaced.isEmpty()) {
        java.io.PrintWriter err = mixee != null && mixee.commandLine() != null ? mixee.commandLine().getErr()
            : new java.io.PrintWriter(System.err, true);
        err.println("qm: " + file + ": the bundled dataset was brought up to this version's (re-cited figures): "
            + String.join(", ", replaced) + " replaced, each in one transaction");
      }
      return store;
    } catch (StoreException e) {
      throw new BadInputException("cannot open the store " + file + ": " + e.getMessage());
    }
  }
}
