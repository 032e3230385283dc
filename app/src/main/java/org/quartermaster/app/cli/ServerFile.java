package org.quartermaster.app.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * What a running {@code qm serve} leaves beside its store ({@code STORE.server.json}, readable by its
 * owner only), so that {@code qm} commands on that store go through the server instead of opening the
 * store, which the server holds: its URL, process id, start time and whether changes need a token.
 * Never the token itself. The server removes the file when it stops; a file whose process is gone is
 * stale: ignored by the commands, replaced by the next server.
 *
 * @param url           the server's base URL, {@code http://127.0.0.1:8080}
 * @param pid           the server's process id
 * @param startedAt     when it started, ISO-8601
 * @param tokenRequired whether POST, PUT, PATCH and DELETE need {@code Authorization: Bearer <token>}
 * @param store         the store file it serves, as it was given
 */
record ServerFile(
    String url, long pid, @JsonProperty("started_at") String startedAt,
    @JsonProperty("token_required") boolean tokenRequired, String store) {
  static final String SUFFIX = ".server.json";
  private static final JsonMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** Where the server of {@code storeFile} leaves its file. */
  static Path beside(Path storeFile) {
    return storeFile.toAbsolutePath().resolveSibling(storeFile.getFileName() + SUFFIX);
  }

  /** The file of a server that is running on {@code storeFile}: none when there is no file, or a stale one. */
  static Optional<ServerFile> ofRunning(Path storeFile) {
    Path path = beside(storeFile);
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    try {
      ServerFile file = JSON.readValue(path.toFile(), ServerFile.class);
      return file.url() != null && file.processAlive() ? Optional.of(file) : Optional.empty();
    } catch (IOException unreadable) {
      return Optional.empty(); // half-written by a server killed at that moment: as good as none
    }
  }

  /** Whether the server's process is still running. */
  boolean processAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Writes this file beside {@code storeFile} (whole: a temporary file, then renamed), replacing a stale one. */
  void write(Path storeFile) throws IOException {
    Path path = beside(storeFile);
    Path temporary = path.resolveSibling(path.getFileName() + "." + pid + ".tmp");
    Files.deleteIfExists(temporary);
    try {
      Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(temporary);
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot create " + temporary + ": it appeared meanwhile", e);
    }
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
      Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Removes the file beside {@code storeFile} if it is still this server's (a later server may have replaced it). */
  void remove(Path storeFile) {
    Path path = beside(storeFile);
    try {
      ServerFile there = JSON.readValue(path.toFile(), ServerFile.class);
      if (there.pid() == pid && there.startedAt().equals(startedAt)) {
        Files.deleteIfExists(path);
      }
    } catch (IOException goneOrUnreadable) {
      // nothing of ours to remove
    }
  }
}
