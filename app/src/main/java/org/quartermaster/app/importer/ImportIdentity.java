package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.quartermaster.app.importer.tabular.Mappings;
import org.quartermaster.app.store.Store;

/**
 * What makes two imports the same import: the file's bytes (SHA-256), the format they were read in,
 * the mapping that read them (its YAML's SHA-256, a shipped mapping's too) and the vintage given. The
 * same bytes under another mapping or vintage are another import.
 *
 * @param mapping       the mapping as given ({@code --mapping}: a shipped mapping's name or a file's
 *                      name), or null without one
 * @param mappingSha256 the SHA-256 of that mapping's YAML, or null without one
 * @param vintage       the release month given with the import (YYYY-MM), or null
 */
record ImportIdentity(String sha256, ImportFormat format, String mapping, String mappingSha256, String vintage) {

  /** The identity of this request's file read in {@code format}. */
  static ImportIdentity of(ImportRequest request, ImportFormat format, String sha256) throws IOException {
    Path mapping = request.mapping();
    if (mapping == null) {
      return new ImportIdentity(sha256, format, null, null, request.vintage());
    }
    if (Files.isRegularFile(mapping)) {
      try (InputStream in = Files.newInputStream(mapping)) {
        return new ImportIdentity(sha256, format, mapping.getFileName().toString(), sha256(in), request.vintage());
      }
    }
    String name = mapping.toString();
    Optional<InputStream> shipped = Mappings.shippedMapping(name);
    if (shipped.isEmpty()) {
      return new ImportIdentity(sha256, format, name, null, request.vintage()); // the importer says what is wrong
    }
    try (InputStream in = shipped.get()) {
      return new ImportIdentity(sha256, format, name.replaceFirst("\\.yaml$", ""), sha256(in), request.vintage());
    }
  }

  /** The first dataset imported with this identity, or null. */
  Integer earlier(Store store) {
    return store.read(c -> {
      try (PreparedStatement query = c.prepareStatement("""
          SELECT min(dataset_id) FROM datasets
          WHERE sha256 = ? AND format = ? AND mapping_sha256 IS NOT DISTINCT FROM ? AND vintage IS NOT DISTINCT FROM ?
          """)) {
        query.setString(1, sha256);
        query.setString(2, format.cliName());
        query.setString(3, mappingSha256);
        query.setString(4, vintage);
        try (ResultSet r = query.executeQuery()) {
          r.next();
          int id = r.getInt(1);
          return r.wasNull() ? null : id;
        }
      }
    });
  }

  /** The SHA-256 of a file's bytes, in lower-case hex. */
  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return sha256(in);
    }
  }

  /**
   * The SHA-256 of files' bytes one after the other: of a sweep on Spark's part files, in order (one file:
   * that file's).
   */
  static String sha256(List<Path> files) throws IOException {
    List<InputStream> streams = new java.util.ArrayList<>();
    try {
      for (Path file : files) {
        streams.add(Files.newInputStream(file));
      }
      try (InputStream all = new java.io.SequenceInputStream(java.util.Collections.enumeration(streams))) {
        return sha256(all);
      }
    } finally {
      for (InputStream stream : streams) {
        stream.close();
      }
    }
  }

  /** The SHA-256 of bytes in memory (a file shipped in the jar). */
  static String sha256(byte[] bytes) {
    try {
      return sha256(new java.io.ByteArrayInputStream(bytes));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(InputStream bytes) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(bytes, digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
