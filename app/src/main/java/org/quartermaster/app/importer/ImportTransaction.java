package org.quartermaster.app.importer;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The steps an import's write transaction shares between the Java path ({@link ImportService}) and
 * the bulk path ({@link BulkImports}): first remove the dataset {@code --replace} names, then (once the
 * rows are in) refuse figures already stored, record the dataset and whether it is sourced.
 */
final class ImportTransaction {
  private ImportTransaction() {}

  /** What an import's transaction wrote. */
  record Written(int datasetId, boolean unsourced, Datasets.Removed replaced) {}

  /**
   * The first step of an import's transaction: removes the dataset {@code --replace} names, before
   * the new rows go in (so that they do not count as figures already stored); null for other overlaps.
   */
  static Datasets.Removed replace(Connection connection, Overlap overlap, String file) throws SQLException {
    if (!(overlap instanceof Overlap.Replace(int datasetId))) {
      return null;
    }
    try {
      return Datasets.remove(connection, datasetId, true);
    } catch (NoSuchDatasetException e) {
      throw ImportService.failed(file, "--replace " + datasetId + ": no dataset " + datasetId
          + " in the store (qm datasets list lists them)");
    }
  }

  /**
   * The last steps of an import's transaction, once its rows are in under {@code datasetId} (the id the
   * next record gets, {@link Dataset#nextId}): refuse figures already stored (unless allowed or
   * replaced), record the dataset, drop the provenance a replaced dataset alone used, record whether
   * the dataset is sourced. A refusal rolls back before any id is taken (a sequence does not roll back).
   */
  static Written finish(Connection connection, int datasetId, Dataset dataset, Overlap overlap, String file,
      Datasets.Removed replaced, String pauseState) throws SQLException {
    if (!(overlap instanceof Overlap.Allow)) {
      StoredOverlap.refuseIfAny(connection, dataset.table(), datasetId, file);
    }
    if (dataset.insert(connection) != datasetId) {
      throw new IllegalStateException("the store gave the dataset another id than " + datasetId);
    }
    if (replaced != null) {
      Datasets.dropUnusedProvenance(connection);
    }
    boolean unsourced = Dataset.recordSourcing(connection, datasetId, dataset.table());
    ImportService.pauseBeforeCommitIfAsked(pauseState);
    return new Written(datasetId, unsourced, replaced);
  }
}
