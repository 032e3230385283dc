package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.quartermaster.app.data.DataRow;
import org.quartermaster.app.munitions.Catalogue;
import org.quartermaster.app.munitions.TransferredProduction;
import org.quartermaster.app.munitions.UserCatalogue;
import org.quartermaster.app.store.RowWriter;
import org.quartermaster.app.store.Store;

/**
 * The steps an import's write transaction shares between the Java path ({@link ImportService}) and
 * the bulk path ({@link BulkImports}): first remove the dataset {@code --replace} names, then (once the
 * rows are in) refuse figures already stored, record the dataset and whether it is sourced.
 */
final class ImportTransaction {
  private ImportTransaction() {}

  /**
   * What an import's transaction wrote.
   *
   * @param transfers how many of its rows are stored as transfers (a production file's rows of kind transferred)
   */
  record Written(int datasetId, boolean unsourced, Datasets.Removed replaced, int transfers) {}

  /**
   * The first step of an import's transaction: removes the dataset {@code --replace} names, before
   * the new rows go in (so that they do not count as figures already stored); null for other overlaps.
   */
  static Datasets.Removed replace(Connection connection, Overlap overlap, String file) throws SQLException {
    if (!(overlap instanceof Overlap.Replace(int datasetId, boolean keepingOthers))) {
      return null;
    }
    try {
      return Datasets.remove(connection, datasetId, true);
    } catch (NoSuchDatasetException e) {
      throw ImportService.failed(file, ImportOption.REPLACE.mark(datasetId) + ": no dataset " + datasetId
          + " in the store (" + ImportOption.DATASETS.mark() + " lists them)");
    }
  }

  /**
   * The last steps of an import's transaction, once its rows are in under {@code datasetId} (the id the
   * next record gets, {@link Dataset#nextId}): store a production file's transfers as transfers, refuse
   * figures and transfers already stored (unless allowed or replaced), record the dataset, drop the
   * provenance a replaced dataset alone used, record whether the dataset is sourced. A refusal rolls
   * back before any id is taken (a sequence does not roll back).
   */
  static Written finish(Connection connection, int datasetId, Dataset dataset, Overlap overlap, String file,
      Datasets.Removed replaced, String pauseState) throws SQLException {
    int transfers = storeTransfers(connection, dataset.table());
    refuseStored(connection, dataset.table(), datasetId, overlap, transfers, file);
    if (dataset.insert(connection) != datasetId) {
      throw new IllegalStateException("the store gave the dataset another id than " + datasetId);
    }
    if (replaced != null) {
      Datasets.dropUnusedProvenance(connection);
    }
    boolean unsourced = Dataset.recordSourcing(connection, datasetId, dataset.table());
    ImportService.pauseBeforeCommitIfAsked(pauseState);
    return new Written(datasetId, unsourced, replaced, transfers);
  }

  /**
   * A production file's transfers (kind transferred) stored as transfers, in this transaction: how many. Their
   * item ids come from the bundled catalogue alone, so that removing a user's catalogue dataset leaves no id
   * behind; the chain resolves a transfer without an id by its name, through the catalogue with the user's rows.
   */
  private static int storeTransfers(Connection connection, Table table) throws SQLException {
    return table == Table.PRODUCTION ? TransferredProduction.move(connection, Catalogue.bundled()) : 0;
  }

  private static void refuseStored(Connection connection, Table table, int datasetId, Overlap overlap, int transfers,
      String file) throws SQLException {
    refuseMisfits(connection, table, datasetId, file);
    if (overlap.refusesStoredFigures()) {
      StoredOverlap.refuseIfAny(connection, table, datasetId, file);
      if (transfers > 0) {
        StoredTransfers.refuseIfAny(connection, datasetId, file);
      }
    }
  }

  /**
   * Refuses (throws) catalogue rows that do not fit the catalogue the store's data are read with: an id the
   * catalogue has, a name another munition has, an alias of an unknown id (with {@code --replace}, the
   * replaced dataset's rows are gone first, so a catalogue file can be revised whole). Checked whatever the
   * overlap option says: no option lets such a row in.
   */
  private static void refuseMisfits(Connection connection, Table table, int datasetId, String file)
      throws SQLException {
    if (table != Table.MUNITIONS && table != Table.MUNITION_ALIASES) {
      return;
    }
    List<ImportProblem> problems = UserCatalogue.problemsOf(connection, datasetId).stream()
        .map(p -> new ImportProblem(file, p.origin().row(), p.column(), p.value(), p.message())).toList();
    if (!problems.isEmpty()) {
      throw new ImportFailedException(problems);
    }
  }

  /**
   * A dry run's check of figures already in the store (and of catalogue rows against the catalogue): the
   * steps of the real transaction up to the check, then always rolled back, so that a dry run refuses what
   * the import would refuse and writes nothing.
   *
   * @throws ImportFailedException what the import would be refused with
   */
  static void rehearse(Store store, Table table, List<DataRow> rows, Overlap overlap, String file) {
    boolean catalogue = table == Table.MUNITIONS || table == Table.MUNITION_ALIASES;
    if (!overlap.refusesStoredFigures() && !catalogue) {
      return;
    }
    try {
      store.write(Store.Table.none(), c -> { // always rolled back
        replace(c, overlap, file);
        int id = Dataset.nextId(c);
        RowWriter.append(c, table.storedName(), id, rows, ImportTempFiles.of(store).folder());
        refuseStored(c, table, id, overlap, storeTransfers(c, table), file);
        throw new Rehearsed();
      });
    } catch (Rehearsed passed) {
      // rolled back, as a dry run must be
    }
  }

  /** Ends a rehearsal that passed: the store rolls the transaction back. */
  private static final class Rehearsed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Rehearsed() {
      super(null, null, false, false);
    }
  }
}
