package org.quartermaster.app.cli;

import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;

/** {@code qm datasets list} (also {@code qm query datasets}): every dataset and where it came from. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = {
      "The datasets in the store and where they came from.",
      "Columns: dataset id, file, sha256, format, mapping, table, import time, rows,",
      "source URL, sourcing (unsourced when no row names a source URL), vintage, and",
      "whether it is bundled with qm."
    })
final class DatasetsListCommand extends QuerySubcommand {
  @Override
  QueryResult query(Store store) {
    return DatasetsQuery.run(store);
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/datasets");
  }
}
