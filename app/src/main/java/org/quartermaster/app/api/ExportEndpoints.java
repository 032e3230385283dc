package org.quartermaster.app.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.quartermaster.app.query.ExportFormat;
import org.quartermaster.app.query.ExportTable;
import org.quartermaster.app.query.TableExport;

/**
 * {@code GET /api/v1/exports/{table}?format=csv|parquet|json}: one whole table as {@code qm export}
 * writes it ({@link TableExport}), as an attachment. The table is written to a temporary file while the
 * store is held, then streamed without it; the file is removed afterwards, whatever happens. 404 for a
 * table the store has no export of, 400 for an unknown format. The number of rows is in {@value #ROWS}.
 */
final class ExportEndpoints {
  static final String PATH = "/api/v1/exports/{table}";
  /** The response header with the number of rows written. */
  static final String ROWS = "X-Row-Count";
  private final StoreAccess store;

  ExportEndpoints(StoreAccess store) {
    this.store = store;
  }

  void export(Context ctx) throws IOException {
    QueryParams params = new QueryParams(ctx, Set.of(), true);
    String given = params.text("format");
    ExportFormat format = given == null ? ExportFormat.CSV : ExportFormat.byName(given).orElse(null);
    if (format == null) {
      params.problem("format", QueryParams.quoted(given), "expected csv, parquet or json");
    }
    params.check();
    String name = ctx.pathParam("table");
    ExportTable table = ExportTable.byName(name).orElseThrow(() -> ApiException.notFound("no table "
        + QueryParams.quoted(name) + " to export; tables: " + String.join(", ", ExportTable.cliNames())));
    Path file = Files.createTempFile("qm-export-", "." + format.cliName());
    try {
      long rows = store.read(s -> {
        try {
          return TableExport.write(s, table, format, file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      ctx.status(200).contentType(mediaType(format)).header("Content-Disposition",
          "attachment; filename=" + table.cliName() + "." + format.cliName()).header(ROWS, Long.toString(rows));
      ctx.res().setContentLengthLong(Files.size(file));
      // The servlet's own stream, not ctx.outputStream(): that one gzips for a client that accepts it
      // (every browser), and a compressed body under the file's Content-Length fails half-way.
      try (OutputStream out = ctx.res().getOutputStream()) {
        Files.copy(file, out);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String mediaType(ExportFormat format) {
    return switch (format) {
      case CSV -> "text/csv; charset=utf-8";
      case PARQUET -> "application/vnd.apache.parquet";
      case JSON -> "application/json";
    };
  }
}
