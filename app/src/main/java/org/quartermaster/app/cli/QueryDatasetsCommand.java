package org.quartermaster.app.cli;

import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;

/** {@code qm query datasets}: provenance of the imported files. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = {
      "The imported files and where they came from.",
      "Columns: dataset id, file, sha256, format, table, import time, rows,",
      "source URL, vintage, and whether it is bundled with qm."
    })
final class QueryDatasetsCommand extends QuerySubcommand {
  @Override
  QueryResult query(Store store) {
    return DatasetsQuery.run(store);
  }
}
