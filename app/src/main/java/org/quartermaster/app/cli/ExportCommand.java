package org.quartermaster.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.quartermaster.app.query.ExportFormat;
import org.quartermaster.app.query.ExportTable;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.TableExport;
import org.quartermaster.app.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code qm export}: one whole table of the store to a CSV, Parquet or JSON file. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write one table of the store to a CSV, Parquet or JSON file.",
      "Every row and column, provenance included. The file is written whole or",
      "not at all (a temporary file beside it, then renamed); an existing file is",
      "replaced, a directory never. Example:",
      "  qm export spending --format parquet --out spending.parquet"
    })
final class ExportCommand extends StoreCommand {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TABLE",
      description = "spending, aid, deliveries, production, contracts, datasets or countries.")
  String table;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "csv, parquet or json (default: the --out file's extension if it is one of these, else csv).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", required = true,
      description = "The file to write; its folder must exist (default: none, required).")
  Path out;

  @Override
  public Integer call() throws IOException {
    ExportTable what = table();
    ExportFormat how = format();
    long rows;
    try {
      TableExport.checkTarget(out);
      try (Store store = openStore()) {
        rows = TableExport.write(store, what, how, out);
      }
    } catch (QueryException e) {
      throw new BadInputException(e.lines());
    }
    spec.commandLine().getOut().print(done(rows));
    return Main.OK;
  }

  ExportTable table() {
    return ExportTable.byName(table).orElseThrow(() -> new BadInputException(
        "unknown table '" + table + "'; tables: " + String.join(", ", ExportTable.cliNames())));
  }

  ExportFormat format() {
    return format == null
        ? ExportFormat.ofFile(out).orElse(ExportFormat.CSV)
        : ExportFormat.byName(format).orElseThrow(
            () -> new BadInputException("--format " + format + ": expected csv, parquet or json"));
  }

  /** The line printed once {@code rows} rows are written. */
  String done(long rows) {
    return "Exported %d rows of %s (%s) to %s%n".formatted(rows, table().cliName(), format().cliName(), out);
  }
}
