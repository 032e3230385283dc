package org.quartermaster.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.quartermaster.app.query.ExportFormat;
import org.quartermaster.app.query.ExportTable;
import org.quartermaster.app.query.QueryException;
import org.quartermaster.app.query.TableExport;
import org.quartermaster.app.store.Store;
import org.quartermaster.engine.scenario.Suggestions;
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

  /** Required, but checked after the table's name, so that a misspelt table is named first. */
  @Option(names = "--out", paramLabel = "FILE",
      description = "The file to write; its folder must exist (default: none, required).")
  Path out;

  @Override
  public Integer call() throws IOException {
    ExportTable what = table();
    Path file = target();
    ExportFormat how = format();
    long rows;
    try {
      TableExport.checkTarget(file);
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
        "unknown table '" + table + "'; " + Suggestions.closest(table, ExportTable.cliNames())
            .map(name -> "did you mean " + name + "? ").orElse("") + "tables: "
            + String.join(", ", ExportTable.cliNames())));
  }

  /** The --out file (after the table: a misspelt table is reported first). */
  Path target() {
    if (out == null) {
      throw new BadInputException("export " + table().cliName() + " needs --out FILE, the file to write, e.g."
          + " --out " + table().cliName() + ".csv");
    }
    return out;
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
