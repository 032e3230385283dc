package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.ItemsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qm query items}: the items the data speak of. */
@Command(
    name = "items",
    mixinStandardHelpOptions = true,
    description = "The items named in production figures, contracts and transfers, with the rows naming each.")
final class QueryItemsCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Override
  QueryResult query(Store store) {
    return ItemsQuery.run(store);
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/items");
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
