package org.quartermaster.app.importer.sweep;

import static org.quartermaster.app.sweeps.SweepFiles.identifier;
import static org.quartermaster.app.sweeps.SweepFiles.literal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.quartermaster.app.importer.ImportFailedException;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.app.sweeps.SweepMetadata;

/**
 * A sweep result file ({@code qm sweep --out FILE.parquet}): a Parquet file whose key-value metadata
 * holds {@link SweepMetadata} and whose columns are the ones it names, with the types {@code qm sweep}
 * writes. {@link #detect} tells such a file from any other Parquet file; {@link #check} reads its values
 * (through DuckDB, in memory) and returns every problem: rows per variant × cell, variants in range,
 * no repeated (variant, holder, item), one set of parameter values per variant, finite numbers.
 */
public final class SweepResultFile {
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
  /** Repeats of one kind listed before the rest are only counted. */
  private static final int LISTED = 5;

  private SweepResultFile() {}

  /** Whether the file starts as a Parquet file does. */
  public static boolean isParquet(byte[] head) {
    return head.length >= 4 && Arrays.equals(head, 0, 4, PARQUET_MAGIC, 0, 4);
  }

  /**
   * The file's sweep metadata when it is a sweep result file: the metadata is there and the columns
   * are the ones it names, with their types; empty for any other Parquet file. A file whose metadata
   * says it is a sweep's but whose columns differ (edited since) is refused, naming the difference.
   *
   * @throws ImportFailedException for metadata whose columns do not match, or a file DuckDB cannot read
   */
  public static Optional<SweepMetadata> detect(Path file, String label) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      SweepMetadata metadata = metadata(statement, file);
      if (metadata == null) {
        return Optional.empty();
      }
      List<String[]> columns = new ArrayList<>();
      try (ResultSet r = statement.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + literal(file.toString())
          + ")")) {
        while (r.next()) {
          columns.add(new String[] {r.getString("column_name"), r.getString("column_type")});
        }
      }
      List<ImportProblem> problems = schemaProblems(label, metadata, columns);
      if (!problems.isEmpty()) {
        throw new ImportFailedException(problems);
      }
      return Optional.of(metadata);
    } catch (SQLException e) {
      throw new ImportFailedException(List.of(new ImportProblem(label, 0, null, null,
          "a Parquet file DuckDB cannot read: " + firstLine(e.getMessage()))));
    }
  }

  private static SweepMetadata metadata(Statement statement, Path file) throws SQLException {
    try (ResultSet r = statement.executeQuery("SELECT decode(value) FROM parquet_kv_metadata("
        + literal(file.toString()) + ") WHERE decode(key) = " + literal(SweepMetadata.KEY))) {
      return r.next() ? SweepMetadata.parse(r.getString(1)) : null;
    }
  }

  private static List<ImportProblem> schemaProblems(String label, SweepMetadata metadata, List<String[]> columns) {
    List<String> expected = metadata.columns();
    List<String> names = columns.stream().map(c -> c[0]).toList();
    List<ImportProblem> problems = new ArrayList<>();
    if (!names.equals(expected)) {
      problems.add(new ImportProblem(label, 0, null, String.join(", ", names), "the columns are not those its "
          + SweepMetadata.KEY + " metadata names (" + String.join(", ", expected) + "): the file was changed after"
          + " qm sweep wrote it; run the sweep again"));
      return problems;
    }
    for (String[] column : columns) {
      String wanted = column[0].equals("variant") ? "INTEGER"
          : column[0].equals("holder") || column[0].equals("item") ? "VARCHAR" : "DOUBLE";
      if (!column[1].equals(wanted)) {
        problems.add(new ImportProblem(label, 0, column[0], column[1], "expected " + wanted
            + " as qm sweep writes it; run the sweep again"));
      }
    }
    return problems;
  }

  /**
   * Every problem of the file's values, or none. Rows are numbered from 1 in the file's order.
   *
   * @throws ImportFailedException when DuckDB cannot read the file
   */
  public static List<ImportProblem> check(Path file, String label, SweepMetadata metadata) {
    String rows = "(SELECT *, row_number() OVER () AS file_row FROM read_parquet(" + literal(file.toString()) + "))";
    List<ImportProblem> problems = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      long expected = (long) metadata.variants() * metadata.cells();
      try (ResultSet r = statement.executeQuery("SELECT count(*) FROM " + rows)) {
        r.next();
        if (r.getLong(1) != expected || metadata.variants() < 1 || metadata.cells() < 1) {
          problems.add(new ImportProblem(label, 0, null, Long.toString(r.getLong(1)), "expected " + metadata.variants()
              + " variants × " + metadata.cells() + " cells = " + expected + " rows, as its metadata says"));
        }
      }
      listed(statement, problems, label, "variant", "SELECT file_row, variant FROM " + rows
          + " WHERE variant IS NULL OR variant < 0 OR variant >= " + metadata.variants() + " ORDER BY file_row",
          "a variant is a number from 0 to " + (metadata.variants() - 1) + " (the metadata's variants - 1)");
      listed(statement, problems, label, "holder", "SELECT file_row, holder FROM " + rows
          + " WHERE holder IS NULL OR item IS NULL ORDER BY file_row", "every row names its cell (holder and item)");
      listed(statement, problems, label, "variant", "SELECT max(file_row), variant || ' ' || holder || '/' || item"
          + " FROM " + rows + " GROUP BY variant, holder, item HAVING count(*) > 1 ORDER BY 1",
          "repeats a row of the same variant and cell");
      for (String parameter : metadata.parameters()) {
        String column = identifier(parameter);
        listed(statement, problems, label, parameter, "SELECT min(file_row), variant FROM " + rows
            + " GROUP BY variant HAVING count(DISTINCT " + column + ") > 1 OR count(" + column + ") < count(*)"
            + " ORDER BY 1", "a variant gives the parameter one value in every row");
      }
      for (String metric : metadata.metrics()) {
        String column = identifier(metric);
        listed(statement, problems, label, metric, "SELECT file_row, " + column + " FROM " + rows
            + " WHERE NOT isfinite(" + column + ") ORDER BY file_row", "a metric is a finite number or empty");
      }
    } catch (SQLException e) {
      throw new ImportFailedException(List.of(new ImportProblem(label, 0, null, null,
          "a Parquet file DuckDB cannot read: " + firstLine(e.getMessage()))));
    }
    return problems;
  }

  /** A problem for each of the first rows the query finds (row, value), and a count of the rest. */
  private static void listed(Statement statement, List<ImportProblem> problems, String label, String column,
      String sql, String message) throws SQLException {
    int found = 0;
    try (ResultSet r = statement.executeQuery(sql)) {
      while (r.next()) {
        if (++found <= LISTED) {
          problems.add(new ImportProblem(label, r.getInt(1), column, r.getString(2), message));
        }
      }
    }
    if (found > LISTED) {
      problems.add(new ImportProblem(label, 0, column, null, (found - LISTED) + " more rows like these"));
    }
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
