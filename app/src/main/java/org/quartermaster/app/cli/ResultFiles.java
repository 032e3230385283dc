package org.quartermaster.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.result.SimulationResult;

/** Writes result files whole or not at all: to a temporary file beside the target, then renamed. */
final class ResultFiles {
  private ResultFiles() {}

  /** Fails early (before a long simulation) when the file could not be written. */
  static void checkWritable(Path out) {
    Path dir = directoryOf(out);
    if (!Files.isDirectory(dir)) {
      throw new BadInputException("--out " + out + ": the folder " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw new BadInputException("--out " + out + ": the folder " + dir + " is not writable");
    }
    if (Files.isDirectory(out)) {
      throw new BadInputException("--out " + out + " is a directory; give a file name such as result.json");
    }
  }

  static void write(SimulationResult result, Path out) throws IOException {
    writeWhole(out, stream -> ResultJson.write(result, stream));
  }

  /** Writes {@code text} (UTF-8) whole or not at all. */
  static void write(String text, Path out) throws IOException {
    writeWhole(out, stream -> stream.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** What goes into a file. */
  private interface Content {
    void writeTo(OutputStream stream) throws IOException;
  }

  private static void writeWhole(Path out, Content content) throws IOException {
    Path dir = directoryOf(out);
    // a name of our own (not createTempFile, whose 0600 mode the rename would keep): the file gets
    // the same permissions as any other file the user writes
    Path temporary = dir.resolve("." + out.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".partial");
    try {
      try (OutputStream stream = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        content.writeTo(stream);
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

  private static Path directoryOf(Path out) {
    Path parent = out.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }
}
