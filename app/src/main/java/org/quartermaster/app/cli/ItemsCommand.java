package org.quartermaster.app.cli;

import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.ItemsInStore;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qm items}: the munition catalogue, and the item names it does not resolve. */
@Command(
    name = "items",
    mixinStandardHelpOptions = true,
    description = {
      "The munition catalogue: each munition's id, name, family, category and unit, with the names",
      "the store's rows give it. With --unresolved: the names that resolve to no munition."
    })
final class ItemsCommand extends QuerySubcommand {
  @Option(names = "--unresolved",
      description = "List the item names in the store that resolve to no munition, with the reason (unresolved on"
          + " purpose) or the closest known name (default: list the catalogue).")
  boolean unresolved;

  @Override
  QueryResult query(Store store) {
    return unresolved ? ItemsInStore.unresolved(store, Catalogue.of(store))
        : ItemsInStore.catalogue(store, Catalogue.of(store));
  }

  /** Through a running server: {@code GET /api/v1/munitions}. */
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/munitions").with("unresolved", unresolved ? true : null);
  }
}
