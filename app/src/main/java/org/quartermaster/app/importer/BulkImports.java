package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.tabular.BulkCsvImport;
import org.quartermaster.app.importer.tabular.BulkDeclinedException;
import org.quartermaster.app.store.Store;

/**
 * The bulk path of {@link ImportService} for generic CSV files ({@link BulkCsvImport}): one transaction
 * stages and checks the rows (temporary tables only; the file's SHA-256 comes with the staging), the
 * import's transaction inserts them, checks their keys and records the dataset. It either imports the
 * file, with the very rows the Java path would write, or declines it having written nothing.
 */
final class BulkImports {
  private final Store store;
  private final Countries countries;
  private final BulkPolicy policy;

  BulkImports(Store store, Countries countries, BulkPolicy policy) {
    this.store = store;
    this.countries = countries;
    this.policy = policy;
  }

  /**
   * The import of the file through the bulk path, or null when it is not for the bulk path (not a
   * {@code csv} import, a dry run, a small file) or the bulk path declines it. A file imported before
   * (same SHA-256) gives the no-op report, as on the Java path.
   */
  ImportReport run(ImportRequest request, ImportFormat format, Overlap overlap, boolean bundled, String recordedName)
      throws IOException {
    if (format != ImportFormat.CSV || request.dryRun() || !policy.tries(Files.size(request.file()))) {
      return null;
    }
    BulkCsvImport bulk;
    try {
      bulk = BulkCsvImport.prepare(request, countries);
    } catch (BulkDeclinedException e) {
      return declined(request, e);
    }
    try {
      store.write(Store.Table.none(), c -> {
        bulk.stage(c);
        return null;
      });
      ImportIdentity identity = ImportIdentity.of(request, format, bulk.sha256());
      Integer earlier = overlap instanceof Overlap.Replace ? null : identity.earlier(store);
      if (earlier != null) {
        return ImportReport.alreadyImported(request.fileName(), format, earlier);
      }
      if (bulk.rowsRead() == 0) {
        throw ImportService.failed(request.fileName(), ImportService.noRows(0));
      }
      Dataset dataset = new Dataset(recordedName, identity, bulk.table(), bulk.rowsRead(), bulk.rowsRead(), request,
          bundled);
      ImportTransaction.Written written = store.write(Store.Table.data(), c -> {
        Datasets.Removed replaced = ImportTransaction.replace(c, overlap, request.fileName());
        int id = Dataset.nextId(c);
        bulk.insert(c, id); // checks the keys; a decline rolls the rows back before any id is taken
        return ImportTransaction.finish(c, id, dataset, overlap, request.fileName(), replaced,
            "rows inserted in bulk, not committed");
      });
      return new ImportReport(request.fileName(), format, bulk.table(), written.datasetId(), false, false,
          bulk.rowsRead(), bulk.rowsRead(), written.transfers(), List.of(), 0, 0, null, written.unsourced(), written.replaced());
    } catch (BulkDeclinedException e) {
      return declined(request, e);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } finally {
      store.write(Store.Table.none(), c -> {
        bulk.dropTemporaryTables(c);
        return null;
      });
    }
  }

  /** Null (the Java path takes the file), or with {@link BulkPolicy#REQUIRED} an exception saying why not. */
  private ImportReport declined(ImportRequest request, BulkDeclinedException e) {
    if (policy == BulkPolicy.REQUIRED) {
      throw new IllegalStateException("the bulk path declined " + request.fileName() + ": " + e.getMessage(), e);
    }
    return null;
  }
}
