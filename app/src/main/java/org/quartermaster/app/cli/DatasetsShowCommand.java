package org.quartermaster.app.cli;

import java.util.List;
import org.quartermaster.app.importer.NoSuchDatasetException;
import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code qm datasets show ID}: one dataset's record, its rows per table and its first rows. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "One dataset: its record (file, sha256, format, mapping, vintage, source URL, rows,",
      "import time, bundled), its rows per table and its first " + DatasetsQuery.FIRST_ROWS + " rows.",
      "With --format csv the three parts are CSV blocks separated by an empty line;",
      "with --format json, one array of three objects."
    })
final class DatasetsShowCommand extends QuerySubcommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The dataset's id (qm datasets list).")
  int datasetId;

  @Override
  ApiQuery apiQuery() {
    return ApiQuery.of("/api/v1/datasets/" + datasetId);
  }

  @Override
  QueryResult query(Store store) {
    return results(store).getFirst();
  }

  @Override
  List<QueryResult> results(Store store) {
    try {
      return DatasetsQuery.show(store, datasetId);
    } catch (NoSuchDatasetException e) {
      throw DatasetsCommand.unknown(datasetId);
    }
  }
}
