package org.quartermaster.app.query;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats of {@code qm export}, all written by DuckDB's {@code COPY} (Parquet and JSON are
 * built into DuckDB: no extension is downloaded). Rows in the table's natural order: by every column,
 * which for the data tables is (dataset_id, file_row).
 */
public enum ExportFormat {
  /**
   * CSV with a header row, fields quoted where needed (RFC 4180 quoting), text that begins like a
   * formula with a leading apostrophe ({@link FormulaCells}).
   */
  CSV("COPY (SELECT %s FROM query_table(?) ORDER BY ALL) TO ? (FORMAT csv, HEADER true)"),
  /** Apache Parquet, column types kept. */
  PARQUET("COPY (SELECT %s FROM query_table(?) ORDER BY ALL) TO ? (FORMAT parquet)"),
  /** One JSON array of row objects. */
  JSON("COPY (SELECT %s FROM query_table(?) ORDER BY ALL) TO ? (FORMAT json, ARRAY true)");

  /** The COPY statement: the select list is filled in; the table name and the file are bound parameters. */
  private final String copy;

  ExportFormat(String copy) {
    this.copy = copy;
  }

  /** The COPY statement for a table with these columns (only CSV changes cells: see {@link FormulaCells}). */
  String copyStatement(List<FormulaCells.TableColumn> columns) {
    return copy.formatted(this == CSV ? FormulaCells.sqlSelectList(columns) : "*");
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ExportFormat> byName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.cliName().equals(wanted)).findFirst();
  }

  /** The format a file name's extension names (.csv, .parquet, .json), if it names one. */
  public static Optional<ExportFormat> ofFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : byName(name.substring(dot + 1));
  }
}
