package org.quartermaster.app.sweeps;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.quartermaster.engine.sweep.SweepMetadata;
import org.quartermaster.engine.sweep.SweepRow;

/**
 * Writes a sweep's rows as Parquet or CSV through an in-memory DuckDB (appender, then {@code COPY TO}),
 * whole or not at all: to a temporary file beside the target, then renamed. One row per variant × cell:
 * {@code variant}, one DOUBLE column per parameter (named by its path), {@code holder}, {@code item},
 * one DOUBLE column per metric (NULL where the metric does not exist). A Parquet file also carries the
 * sweep's {@link SweepMetadata} as key-value metadata, which makes it self-describing for
 * {@code qm import}. DuckDB runs on one thread here, so the same rows always give the same bytes.
 */
public final class SweepFiles {
  /** The formats a sweep's rows are written in. */
  public enum Format {
    PARQUET, CSV
  }

  private SweepFiles() {}

  /**
   * Writes the rows to {@code out}, replacing it.
   *
   * @throws java.nio.file.AccessDeniedException when the folder cannot be written
   */
  public static void write(SweepMetadata metadata, List<SweepRow> rows, Path out, Format format) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path temporary = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".partial");
    try {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement()) {
        statement.execute("SET threads = 1");
        statement.execute(createTable(metadata));
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("memory", "main",
            "sweep")) {
          for (SweepRow row : rows) {
            appender.beginRow().append(row.variant());
            for (double value : row.parameterValues()) {
              appender.append(value);
            }
            appender.append(row.holder()).append(row.item());
            for (double value : row.metrics()) {
              if (Double.isNaN(value)) {
                appender.appendNull();
              } else {
                appender.append(value);
              }
            }
            appender.endRow();
          }
        }
        String options = format == Format.PARQUET
            ? "FORMAT parquet, KV_METADATA {" + literal(SweepMetadata.KEY) + ": " + literal(metadata.toJson()) + "}"
            : "FORMAT csv, HEADER true";
        statement.execute("COPY (SELECT * FROM sweep ORDER BY variant, rowid) TO " + literal(temporary.toString())
            + " (" + options + ")");
      } catch (SQLException e) {
        throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
      }
      try {
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static String createTable(SweepMetadata metadata) {
    StringBuilder sql = new StringBuilder("CREATE TABLE sweep (variant INTEGER");
    for (String column : metadata.parameters()) {
      sql.append(", ").append(identifier(column)).append(" DOUBLE");
    }
    sql.append(", holder VARCHAR, item VARCHAR");
    for (String column : metadata.metrics()) {
      sql.append(", ").append(identifier(column)).append(" DOUBLE");
    }
    return sql.append(')').toString();
  }

  /** A name as a quoted SQL identifier. */
  public static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A text as an SQL string literal. */
  public static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
