package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code qm query datasets}: provenance of the imported files; the same as {@code qm datasets list}. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = {
      "The imported files and where they came from: the same as qm datasets list",
      "(qm datasets also shows one dataset and removes one)."
    })
final class QueryDatasetsCommand extends QuerySubcommand {
  @Mixin ColumnsOption columns;

  @Override
  QueryResult query(Store store) {
    return DatasetsQuery.run(store);
  }
  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/datasets");
  }

  @Override
  List<String> columns() {
    return columns.names();
  }
}
