package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quartermaster.app.data.Countries;
import org.quartermaster.app.importer.ImportFailedException;
import org.quartermaster.app.importer.ImportOption.Wording;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.importer.ImportFormat;
import org.quartermaster.app.importer.ImportReport;
import org.quartermaster.app.importer.ImportRequest;
import org.quartermaster.app.importer.ImportService;
import org.quartermaster.app.importer.ImportTempFiles;
import org.quartermaster.app.importer.StorageFailures;
import org.quartermaster.app.importer.Importers;
import org.quartermaster.app.store.Store;
import org.quartermaster.app.store.StoreException;

/**
 * {@code POST /api/v1/imports}: a data file as the request body, imported as {@code qm import} does
 * it (all or nothing, every problem, identical re-imports a no-op, dry runs) through
 * {@link ImportService}; figures already in the store are refused unless {@code replace=ID} or
 * {@code allow_duplicates=true} says what to do. Options are query parameters; the file's name
 * ({@code filename}) is only a label (see {@link Upload}). Answers 201 when rows were written, 200 for a dry run or an unchanged
 * re-import, 400 with every problem ({@code path} NAME:ROW:COLUMN) when nothing was written.
 */
final class ImportEndpoints {
  static final String PATH = "/api/v1/imports";
  /** Problems listed in a 400 at most; the message gives the total. */
  static final int MAX_PROBLEMS = 1000;

  private final StoreAccess store;
  private final long maxBytes;
  /**
   * Where uploads go: the store's folder for temporary import files (removed whole when the store is
   * next opened, so a killed server leaves nothing behind), known once the store is open (an upload
   * is received before the store is taken, and must not wait for it); java.io.tmpdir before that.
   */
  private volatile ImportTempFiles temp;

  ImportEndpoints(StoreAccess store, long maxBytes) {
    this.store = store;
    this.maxBytes = maxBytes;
  }

  private ImportTempFiles temp() {
    ImportTempFiles known = temp;
    if (known == null) {
      known = store.location().map(ImportTempFiles::at).orElse(null);
      temp = known;
    }
    return known != null ? known : ImportTempFiles.inTmpdir();
  }

  void create(Context ctx) {
    ImportParams params = ImportParams.of(ctx);
    String label = params.label();
    Upload.Kind kind = Upload.kindOf(label, ctx.contentType());
    try (Upload upload = Upload.receive(ctx.bodyInputStream(), label, kind, maxBytes, temp())) {
      ImportRequest request = new ImportRequest(upload.file(), params.format(), null, params.sourceUrl(),
          params.vintage(), false, params.dryRun(), params.citation());
      Outcome outcome;
      try {
        // read, checked and refused (the API has no skip_bad_rows) before the store is taken: only the
        // writing holds up other requests, however slow the parsing and the countries' names
        ImportService.Checked checked = ImportService.check(request, Countries.standard(), Importers.standard());
        checked.refuseIfBad();
        outcome = store.write(s -> {
          temp = ImportTempFiles.of(s);
          try {
            ImportReport report = new ImportService(s, Countries.standard(), Importers.standard())
                .write(checked, params.overlap(), false, label);
            return new Outcome(report, report.table() != null ? report.table().sqlName()
                : report.format() == ImportFormat.SWEEP ? report.tableName() : tableOf(s, report.datasetId()));
          } catch (StoreException e) {
            throw StorageFailures.storeMessage(e, "the server's store").map(m -> new ApiException(507, label + ": " + m))
                .orElseThrow(() -> e);
          }
        });
      } catch (ImportFailedException e) {
        throw failed(e, label, upload, params.wording());
      }
      boolean written = !outcome.report().dryRun() && !outcome.report().alreadyImported();
      ctx.status(written ? 201 : 200).json(answer(outcome.report(), label, outcome.table()));
    }
  }

  /** What the import did, and the table its rows went (or would go, or went earlier) to. */
  private record Outcome(ImportReport report, String table) {}

  private static Map<String, Object> answer(ImportReport report, String label, String table) {
    boolean unchanged = report.alreadyImported();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("dataset_id", report.datasetId() == 0 ? null : report.datasetId());
    body.put("file", label);
    body.put("format", report.format().cliName());
    body.put("table", table);
    body.put("rows_written", unchanged && !report.dryRun() ? 0 : report.rowsWritten());
    body.put("rows_read", unchanged && !report.dryRun() ? 0 : report.rowsRead());
    Map<String, Integer> byTable = new LinkedHashMap<>();
    if (!unchanged || report.dryRun()) {
      byTable.put(table, report.rowsWrittenToTable());
      if (report.transfersWritten() > 0) {
        byTable.put("transfers", report.transfersWritten());
      }
    }
    body.put("rows_by_table", byTable);
    body.put("dry_run", report.dryRun());
    body.put("unchanged", unchanged);
    body.put("replaced_dataset_id", report.replaced() == null ? null : report.replaced().datasetId());
    body.put("message", message(report, label, table));
    body.put("unsourced", report.unsourced());
    body.put("warnings", report.unsourced()
        ? List.of(label + ": no source URL (neither in the file nor source_url=): dataset " + report.datasetId()
            + " is listed as unsourced") : List.of());
    return body;
  }

  private static String message(ImportReport report, String label, String table) {
    if (report.alreadyImported()) {
      return String.format(Locale.ROOT,
          "%s: already imported (dataset %d: same SHA-256, format, mapping and vintage): %s", label,
          report.datasetId(), report.dryRun() ? "importing it again would do nothing" : "nothing to do");
    }
    if (report.dryRun()) {
      return String.format(Locale.ROOT, "%s (%s): dry run, nothing written: %,d of %,d rows would be added to %s%s",
          label, report.format(), report.rowsWrittenToTable(), report.rowsRead(), table,
          ImportReport.andTransfers(report.transfersWritten()));
    }
    return String.format(Locale.ROOT, "%s%s (%s): %,d rows added to %s%s as dataset %d", report.replaced() == null
        ? "" : String.format(Locale.ROOT, "dataset %d (%s, %,d rows) removed; ", report.replaced().datasetId(),
            report.replaced().file(), report.replaced().rows()), label, report.format(), report.rowsWrittenToTable(),
        table, ImportReport.andTransfers(report.transfersWritten()), report.datasetId());
  }

  /** The table an earlier import filled (a re-import of it reports no table of its own). */
  private static String tableOf(Store store, int datasetId) {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement("SELECT table_name FROM datasets WHERE dataset_id = ?")) {
        query.setInt(1, datasetId);
        try (ResultSet r = query.executeQuery()) {
          return r.next() ? r.getString(1) : null;
        }
      }
    });
  }

  /** The import's problems, their options named as the asking interface names them (API parameters, or form fields). */
  private static ApiException failed(ImportFailedException e, String label, Upload upload, Wording wording) {
    List<ImportProblem> problems = e.problems();
    List<ApiProblem> listed = problems.stream().limit(MAX_PROBLEMS).map(p -> new ApiProblem(
        label + (p.row() > 0 ? ":" + p.row() : "") + (p.column() != null ? ":" + p.column(wording) : ""),
        upload.hidePath(p.value(), label), upload.hidePath(p.message(wording), label))).toList();
    int n = e.total();
    return new ApiException(400, String.format(Locale.ROOT, "%s: nothing imported, %,d problem%s", label, n,
        n == 1 ? "" : "s") + (n > listed.size() ? " (the first " + listed.size() + " listed)" : ""), listed);
  }
}
