package org.quartermaster.app.cli;

import org.quartermaster.app.query.ItemsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;

/** {@code qm query items}: the items the data speak of. */
@Command(
    name = "items",
    mixinStandardHelpOptions = true,
    description = "The items named in production figures, contracts and transfers, with the rows naming each.")
final class QueryItemsCommand extends QuerySubcommand {
  @Override
  QueryResult query(Store store) {
    return ItemsQuery.run(store);
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/items");
  }
}
