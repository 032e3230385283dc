package org.quartermaster.app.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.file.PathUtils;
import org.apache.commons.io.output.DeferredFileOutputStream;
import org.quartermaster.engine.result.ResultJson;
import org.quartermaster.engine.result.SimulationResult;

/**
 * Where finished runs' results are kept: in memory up to {@code fileBytes}, in a file of this folder
 * beyond (written as it is produced, never held whole in memory). Files are named {@code run-ID.json};
 * those an earlier server left behind (it stopped without forgetting its runs) are removed when the
 * folder is opened. A server given no folder uses a temporary one, removed when it stops. Thread-safe.
 */
final class RunResultFolder implements AutoCloseable {
  private static final String PREFIX = "run-";
  private static final String SUFFIX = ".json";

  private final Path folder;
  private final boolean temporary;
  private final int fileBytes;

  /** @throws UncheckedIOException when the folder cannot be made or cleaned */
  RunResultFolder(Path folder, long fileBytes) {
    this.fileBytes = Math.toIntExact(fileBytes);
    this.temporary = folder == null;
    try {
      this.folder = temporary ? Files.createTempDirectory("qm-run-results-") : Files.createDirectories(folder);
      removeLeftovers();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the run results folder " + folder + ": " + e.getMessage(), e);
    }
  }

  Path folder() {
    return folder;
  }

  private void removeLeftovers() throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, PREFIX + "*" + SUFFIX)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** Writes the result as result format v1: into memory when short enough, else to run-ID.json. */
  RunResult keep(String runId, SimulationResult result) throws IOException {
    Path file = folder.resolve(PREFIX + runId + SUFFIX);
    try (DeferredFileOutputStream out = DeferredFileOutputStream.builder()
        .setThreshold(fileBytes).setOutputFile(file.toFile()).get()) {
      ResultJson.write(result, out);
      out.close();
      return out.isInMemory() ? new RunResult.InMemory(out.getData()) : new RunResult.OnDisk(file, out.getByteCount());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  /** Removes a result's file, if it has one. */
  void forget(RunResult result) {
    if (result instanceof RunResult.OnDisk(Path file, long bytes)) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the run result " + file + ": " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    if (temporary) {
      try {
        PathUtils.deleteDirectory(folder);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove the run results folder " + folder + ": " + e.getMessage(), e);
      }
    }
  }
}
