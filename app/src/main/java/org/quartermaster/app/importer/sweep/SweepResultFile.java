package org.quartermaster.app.importer.sweep;

import static org.quartermaster.app.sweeps.SweepFiles.identifier;
import static org.quartermaster.app.sweeps.SweepFiles.literal;

import java.io.IOException;
import java.nio.file.Files;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quartermaster.app.importer.ImportFailedException;
import org.quartermaster.app.importer.ImportProblem;
import org.quartermaster.engine.sweep.SweepMetadata;

/**
 * A sweep result file ({@code qm sweep --out FILE.parquet}): a Parquet file whose key-value metadata
 * holds {@link SweepMetadata} and whose columns are the ones it names, with the types {@code qm sweep}
 * writes; or the folder of a sweep on Spark ({@code qm sweep --spark MASTER --out DIR}), whose part files
 * ({@code part-NNNNN.parquet}, in name order) each carry the whole sweep's metadata and together hold the
 * rows of that one file. {@link #detect} tells such a file from any other Parquet file; {@link #check} reads its values
 * (through DuckDB, in memory) and returns every problem: rows per variant × cell, variants in range,
 * no repeated (variant, holder, item), one set of parameter values per variant, finite numbers.
 */
public final class SweepResultFile {
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
  /** A part file of a sweep on Spark. */
  private static final Pattern PART = Pattern.compile("part-\\d{5,}\\.parquet");
  /** Written by the Spark job once every part is there. */
  private static final String SUCCESS = "_SUCCESS";
  /** Repeats of one kind listed before the rest are only counted. */
  private static final int LISTED = 5;

  private SweepResultFile() {}

  /** The Parquet files of a result: the file itself, or a Spark output folder's part files in name order. */
  public static List<Path> parts(Path fileOrFolder) {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> files = Files.list(fileOrFolder)) {
      return files.filter(f -> PART.matcher(f.getFileName().toString()).matches()).sorted().toList();
    } catch (IOException e) {
      throw new ImportFailedException(List.of(new ImportProblem(fileOrFolder.toString(), 0, null, null,
          "cannot list the folder: " + e.getMessage())));
    }
  }

  /** DuckDB's {@code read_parquet} of a result's files ({@link #parts}), rows in the files' order. */
  public static String readParquet(Path fileOrFolder) {
    return "read_parquet(" + parts(fileOrFolder).stream().map(f -> literal(f.toString()))
        .collect(Collectors.joining(", ", "[", "]")) + ")";
  }

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
    List<Path> parts = parts(file);
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      SweepMetadata metadata = metadata(statement, label, parts);
      if (metadata == null) {
        return Optional.empty();
      }
      if (Files.isDirectory(file) && !Files.exists(file.resolve(SUCCESS))) {
        throw new ImportFailedException(List.of(new ImportProblem(label, 0, null, null, "the sweep on Spark has not"
            + " finished (no " + SUCCESS + " in the folder): run it again with the same --out to write the missing"
            + " partitions, then import the folder")));
      }
      List<String[]> columns = new ArrayList<>();
      try (ResultSet r = statement.executeQuery("DESCRIBE SELECT * FROM " + readParquet(file))) {
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

  /**
   * The metadata of the parts: null when the first has none; a part without it, or with another sweep's,
   * is refused (a folder mixing the results of two sweeps).
   */
  private static SweepMetadata metadata(Statement statement, String label, List<Path> parts) throws SQLException {
    SweepMetadata first = null;
    for (int i = 0; i < parts.size(); i++) {
      Path part = parts.get(i);
      SweepMetadata metadata;
      try (ResultSet r = statement.executeQuery("SELECT decode(value) FROM parquet_kv_metadata("
          + literal(part.toString()) + ") WHERE decode(key) = " + literal(SweepMetadata.KEY))) {
        metadata = r.next() ? SweepMetadata.parse(r.getString(1)) : null;
      }
      if (i == 0) {
        if (metadata == null) {
          return null;
        }
        first = metadata;
      } else if (!first.equals(metadata)) {
        throw new ImportFailedException(List.of(new ImportProblem(label, 0, null, part.getFileName().toString(),
            (metadata == null ? "has no " + SweepMetadata.KEY + " metadata" : "is the result of another sweep than "
                + parts.get(0).getFileName()) + ": the folder mixes files of different runs; run the sweep again"
                + " into an empty folder")));
      }
    }
    return first;
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
    String rows = "(SELECT *, row_number() OVER () AS file_row FROM " + readParquet(file) + ")";
    List<ImportProblem> problems = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      long expected = (long) metadata.variants() * metadata.cells();
      try (ResultSet r = statement.executeQuery("SELECT count(*) FROM " + rows)) {
        r.next();
        if (r.getLong(1) != expected || metadata.variants() < 1 || metadata.cells() < 1) {
          problems.add(new ImportProblem(label, 0, null, Long.toString(r.getLong(1)), "expected " + metadata.variants()
              + " variants × " + metadata.cells() + " cells = " + expected + " rows, as its metadata says"
              + (PART.matcher(file.getFileName().toString()).matches() ? "; this is one part of a sweep on Spark:"
                  + " import its folder" : "")));
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
