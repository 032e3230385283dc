package org.quartermaster.app.cli;

import org.quartermaster.app.importer.BundledDatasetException;
import org.quartermaster.app.importer.Datasets;
import org.quartermaster.app.importer.NoSuchDatasetException;
import org.quartermaster.app.query.DatasetsQuery;
import org.quartermaster.app.query.QueryResult;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code qm datasets rm ID}: remove a dataset and all its rows, in one transaction. */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description = {
      "Remove a dataset: its record, all its rows and the provenance no other row uses,",
      "in one transaction (all or nothing). The bundled datasets are removed only with --force."
    })
final class DatasetsRmCommand extends QuerySubcommand {
  @Parameters(index = "0", paramLabel = "ID", description = "The dataset's id (qm datasets list).")
  int datasetId;

  @Option(names = "--force", description = "Also remove a dataset bundled with qm (default: off: refused).")
  boolean force;

  /** The store itself: removing writes to it. */
  @Override
  Store openForQuery() {
    return openStore();
  }

  @Override
  QueryResult query(Store store) {
    try {
      return DatasetsQuery.removal(Datasets.remove(store, datasetId, force));
    } catch (NoSuchDatasetException e) {
      throw DatasetsCommand.unknown(datasetId);
    } catch (BundledDatasetException e) {
      throw new BadInputException("dataset " + datasetId + " (" + e.file() + ") is bundled with qm: nothing removed;"
          + " give --force to remove it anyway");
    }
  }
}
