package org.quartermaster.app.importer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.quartermaster.app.importer.sweep.SweepResultFile;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.sweeps.SweepFiles;
import org.quartermaster.engine.sweep.SweepMetadata;

/**
 * The import of a sweep result file, or of a sweep on Spark's folder ({@link ImportFormat#SWEEP}), for
 * {@link ImportService}: checked
 * whole first ({@link SweepResultFile}), then written in one transaction: the dataset's record
 * ({@code table_name} {@value #TABLE}), the sweep's record in {@code sweeps} (its id the dataset's) and
 * every row in {@code sweep_rows}, loaded by DuckDB from the file itself. All or nothing.
 */
final class SweepImports {
  /** The dataset's table, as {@code qm datasets list} shows it. */
  static final String TABLE = "sweeps";

  private SweepImports() {}

  /** The file checked: every problem of its values, as a failure of the whole file. */
  static ImportService.Checked check(ImportRequest request, ImportIdentity identity) {
    String file = request.fileName();
    SweepMetadata metadata = metadata(request);
    List<ImportProblem> problems = SweepResultFile.check(request.file(), file, metadata);
    return new ImportService.Checked(request, ImportFormat.SWEEP, identity, null, List.of(), new Problems(file),
        problems.isEmpty() ? null : new ImportFailedException(problems));
  }

  static ImportReport write(Store store, ImportService.Checked checked, Overlap overlap, boolean bundled,
      String recordedName) {
    ImportRequest request = checked.request();
    String file = request.fileName();
    SweepMetadata metadata = metadata(request);
    int rows = metadata.variants() * metadata.cells();
    if (request.dryRun()) {
      return new ImportReport(file, ImportFormat.SWEEP, null, 0, false, true, rows, rows, 0, List.of(), 0, 0, null,
          false, null);
    }
    Dataset dataset = new Dataset(recordedName, checked.identity(), null, rows, rows, request, bundled);
    ImportTransaction.Written written = store.write(Store.Table.data(), c -> {
      Datasets.Removed replaced = ImportTransaction.replace(c, overlap, file);
      int id = Dataset.nextId(c);
      insertRows(c, id, request.file(), metadata);
      insertSweep(c, id, recordedName, metadata);
      if (dataset.insert(c, TABLE) != id) {
        throw new IllegalStateException("the store gave the dataset another id than " + id);
      }
      if (replaced != null) {
        Datasets.dropUnusedProvenance(c);
      }
      return new ImportTransaction.Written(id, false, replaced, 0);
    });
    return new ImportReport(file, ImportFormat.SWEEP, null, written.datasetId(), false, false, rows, rows, 0, List.of(),
        0, 0, null, false, written.replaced());
  }

  private static SweepMetadata metadata(ImportRequest request) {
    return SweepResultFile.detect(request.file(), request.fileName()).orElseThrow(() -> ImportService.failed(
        request.fileName(), "not a sweep result file: no " + SweepMetadata.KEY + " metadata (qm sweep --out"
            + " FILE.parquet writes one, and qm sweep --spark a folder of part files with it)"));
  }

  private static void insertRows(Connection c, int id, Path file, SweepMetadata metadata) throws SQLException {
    String parameters = metadata.parameters().stream().map(SweepFiles::identifier)
        .collect(Collectors.joining(", ", "[", "]::DOUBLE[]"));
    String metrics = metadata.metrics().stream().map(SweepFiles::identifier)
        .collect(Collectors.joining(", ", "[", "]::DOUBLE[]"));
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO sweep_rows SELECT " + id + ", row_number() OVER (), variant, holder, item, " + parameters
          + ", " + metrics + " FROM " + SweepResultFile.readParquet(file));
    }
  }

  private static void insertSweep(Connection c, int id, String fileName, SweepMetadata metadata) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO sweeps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
        + " ?, ?)")) {
      insert.setInt(1, id);
      insert.setString(2, fileName);
      insert.setString(3, metadata.sweepFile());
      insert.setString(4, metadata.base());
      insert.setString(5, metadata.baseSha256());
      insert.setString(6, metadata.design());
      insert.setInt(7, metadata.variants());
      insert.setInt(8, metadata.cells());
      insert.setInt(9, metadata.runs());
      insert.setLong(10, metadata.seed());
      insert.setArray(11, c.createArrayOf("VARCHAR", metadata.parameters().toArray()));
      insert.setArray(12, c.createArrayOf("VARCHAR", metadata.metrics().toArray()));
      insert.setString(13, metadata.qmVersion());
      insert.executeUpdate();
    }
  }
}
