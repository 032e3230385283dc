package org.quartermaster.app.query;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.quartermaster.app.store.Store;

/**
 * {@code qm export}: one whole table to one file, written whole or not at all: DuckDB writes a
 * temporary file beside the target, which is then renamed onto it (atomically where the file system
 * can), replacing an older file; on failure the temporary file is removed and the target is untouched.
 * CSV cells that begin like a spreadsheet formula get a leading apostrophe ({@link FormulaCells}).
 */
public final class TableExport {
  private static final String PARTIAL = ".partial";

  private TableExport() {}

  /**
   * Removes the temporary files an earlier export to {@code out} left when its process was killed
   * ({@code .NAME.PID.NANOS.partial} whose process is gone); those of a running export are kept.
   */
  static void removeLeftovers(Path out) throws IOException {
    String prefix = partialPrefix(out);
    try (DirectoryStream<Path> partials = Files.newDirectoryStream(directoryOf(out), prefix + "*" + PARTIAL)) {
      for (Path partial : partials) {
        String middle = partial.getFileName().toString();
        middle = middle.substring(prefix.length(), middle.length() - PARTIAL.length());
        int dot = middle.indexOf('.');
        long pid = dot > 0 && middle.substring(0, dot).chars().allMatch(Character::isDigit)
            ? Long.parseLong(middle.substring(0, dot)) : -1;
        if (pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        Files.deleteIfExists(partial);
      }
    }
  }

  private static String partialPrefix(Path out) {
    return "." + out.getFileName() + ".";
  }

  /** Fails before any work when {@code out} cannot be written: its folder is missing or it is a directory. */
  public static void checkTarget(Path out) {
    Path dir = directoryOf(out);
    if (!Files.isDirectory(dir)) {
      throw new QueryException("cannot write " + out + ": the folder " + dir + " does not exist");
    }
    if (Files.isDirectory(out)) {
      throw new QueryException("cannot write " + out + ": it is a directory; give a file name such as "
          + out.resolve("spending.csv"));
    }
    if (!Files.isWritable(dir)) {
      throw new QueryException("cannot write " + out + ": the folder " + dir + " is not writable");
    }
  }

  /** Writes every row of {@code table} to {@code out}; returns the number of rows written. */
  public static long write(Store store, ExportTable table, ExportFormat format, Path out) throws IOException {
    return writeWhole(out, temporary -> store.read(connection -> {
      try (PreparedStatement copy = connection.prepareStatement(format.copyStatement(columns(connection, table)))) {
        Rows.bind(copy, table.sqlName(), temporary.toAbsolutePath().toString());
        return (long) copy.executeUpdate();
      }
    }));
  }

  /** Writes a file's content to the temporary path it is given; returns the number of rows written. */
  @FunctionalInterface
  public interface Writing {
    long to(Path temporary) throws IOException;
  }

  /**
   * {@code out} written whole or not at all: {@code writing} fills a temporary file beside it, which is
   * then renamed onto it; on failure the temporary file is removed and {@code out} is untouched.
   */
  public static long writeWhole(Path out, Writing writing) throws IOException {
    checkTarget(out);
    removeLeftovers(out);
    Path temporary = directoryOf(out).resolve(partialPrefix(out) + ProcessHandle.current().pid() + "."
        + System.nanoTime() + PARTIAL);
    try {
      long rows = writing.to(temporary);
      try {
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, out, StandardCopyOption.REPLACE_EXISTING);
      }
      return rows;
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The table's columns in order, and which hold text. */
  private static List<FormulaCells.TableColumn> columns(Connection connection, ExportTable table) throws SQLException {
    List<FormulaCells.TableColumn> columns = new ArrayList<>();
    try (PreparedStatement describe = connection.prepareStatement("SELECT column_name, data_type = 'VARCHAR' "
        + "FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position")) {
      describe.setString(1, table.sqlName());
      try (ResultSet rows = describe.executeQuery()) {
        while (rows.next()) {
          columns.add(new FormulaCells.TableColumn(rows.getString(1), rows.getBoolean(2)));
        }
      }
    }
    return columns;
  }

  private static Path directoryOf(Path out) {
    Path parent = out.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }
}
