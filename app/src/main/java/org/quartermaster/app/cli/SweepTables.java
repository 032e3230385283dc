package org.quartermaster.app.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
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
import org.quartermaster.engine.sweep.Sweep;
import org.quartermaster.engine.sweep.SweepRow;

/**
 * Writes a sweep's rows as Parquet or CSV through an in-memory DuckDB (appender, then {@code COPY TO}),
 * whole or not at all: to a temporary file beside the target, then renamed. One row per variant × cell:
 * {@code variant}, one DOUBLE column per parameter (named by its path), {@code holder}, {@code item},
 * one DOUBLE column per metric (NULL where the metric does not exist). DuckDB runs on one thread here,
 * so the same rows always give the same bytes.
 */
final class SweepTables {
  enum Format {
    PARQUET, CSV
  }

  private SweepTables() {}

  static void write(Sweep sweep, List<SweepRow> rows, Path out, Format format) throws IOException {
    Path dir = out.toAbsolutePath().getParent();
    Path temporary = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".partial");
    try {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement()) {
        statement.execute("SET threads = 1");
        statement.execute(createTable(sweep));
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
        String options = format == Format.PARQUET ? "FORMAT parquet" : "FORMAT csv, HEADER true";
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
    } catch (AccessDeniedException e) {
      throw new BadInputException("--out " + out + ": permission denied");
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static String createTable(Sweep sweep) {
    StringBuilder sql = new StringBuilder("CREATE TABLE sweep (variant INTEGER");
    for (String column : sweep.parameterColumns()) {
      sql.append(", ").append(identifier(column)).append(" DOUBLE");
    }
    sql.append(", holder VARCHAR, item VARCHAR");
    for (String column : sweep.metricColumns()) {
      sql.append(", ").append(identifier(column)).append(" DOUBLE");
    }
    return sql.append(')').toString();
  }

  private static String identifier(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return '\'' + text.replace("'", "''") + '\'';
  }
}
