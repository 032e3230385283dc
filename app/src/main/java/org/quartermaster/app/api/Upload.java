package org.quartermaster.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.quartermaster.app.importer.ImportTempFiles;

/**
 * A file sent as the body of {@code POST /api/v1/imports}, written to a temporary folder of its own
 * and deleted with it on {@link #close}. The client's file name is only a label: {@link #label}
 * strips any path from it, and the file on disk gets a sanitised copy of the label's last part in
 * the server's own folder (some formats look at the file name, as {@code qm import} does), never a
 * path the client chose. The bytes must be what the name says: an .xlsx file a ZIP archive, a
 * .parquet file Parquet (PAR1), any other UTF-8 text without NUL bytes.
 */
final class Upload implements AutoCloseable {
  /** What the file's name says it holds. */
  enum Kind {
    TEXT, XLSX,
    /** Sweep results ({@code qm sweep --out FILE.parquet}). */
    PARQUET
  }

  static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private static final Set<String> TEXT_TYPES = Set.of("text/csv", "text/tab-separated-values");
  private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "txt");
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  static final String PARQUET_TYPE = "application/vnd.apache.parquet";
  private static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};
  private static final int MAX_LOCAL_NAME = 100;

  private final Path folder;
  private final Path file;

  private Upload(Path folder, Path file) {
    this.folder = folder;
    this.file = file;
  }

  /** The label of a file name as a client gives it: what follows the last / or \, or null when nothing does. */
  static String label(String fileName) {
    if (fileName == null) {
      return null;
    }
    String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
    return last.isEmpty() || last.equals(".") || last.equals("..") ? null : last;
  }

  /**
   * What a file with this label and Content-Type holds.
   *
   * @throws ApiException 415 for another extension than .csv, .tsv, .txt, .xlsx, another content type
   *                      than text/csv, text/tab-separated-values, the XLSX type and
   *                      application/octet-stream, or a content type that contradicts the extension
   */
  static Kind kindOf(String label, String contentType) {
    String extension = extension(label);
    Kind kind = extension.equals("xlsx") ? Kind.XLSX : extension.equals("parquet") ? Kind.PARQUET
        : TEXT_EXTENSIONS.contains(extension) ? Kind.TEXT : null;
    if (kind == null) {
      throw new ApiException(415, "'" + label + "' cannot be imported: the file name must end in .csv, .tsv, .txt,"
          + " .xlsx or .parquet (sweep results)");
    }
    String type = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    boolean fits = type.equals("application/octet-stream")
        || (kind == Kind.XLSX ? type.equals(XLSX_TYPE) : kind == Kind.PARQUET ? type.equals(PARQUET_TYPE)
            : TEXT_TYPES.contains(type));
    if (!fits) {
      throw new ApiException(415, "Content-Type '" + type + "' does not fit '" + label + "': send "
          + (kind == Kind.XLSX ? XLSX_TYPE : kind == Kind.PARQUET ? PARQUET_TYPE : "text/csv")
          + " or application/octet-stream");
    }
    return kind;
  }

  /**
   * Writes {@code body} to a new folder among the store's temporary import files ({@code temp}) and
   * checks it.
   *
   * @throws ApiException 413 over {@code maxBytes}; 400 when empty; 415 when the bytes are not what
   *                      {@code kind} says
   */
  static Upload receive(InputStream body, String label, Kind kind, long maxBytes, ImportTempFiles temp) {
    Path folder = temp.newFolder("qm-upload-");
    Upload upload = new Upload(folder, folder.resolve(localName(label)));
    try {
      upload.write(body, label, kind, maxBytes);
      return upload;
    } catch (IOException e) {
      upload.close();
      throw new UncheckedIOException("cannot receive the upload", e);
    } catch (RuntimeException e) {
      upload.close();
      throw e;
    }
  }

  Path file() {
    return file;
  }

  /** {@code text} with this upload's file path replaced by {@code label} (messages must not show server paths). */
  String hidePath(String text, String label) {
    return text == null ? null : text.replace(file.toString(), label).replace(folder.toString(), "upload");
  }

  private void write(InputStream body, String label, Kind kind, long maxBytes) throws IOException {
    long size = 0;
    boolean nul = false;
    byte[] head = new byte[ZIP_MAGIC.length];
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
        if (size + n > maxBytes) {
          OversizedBody.discard(body);
          throw new ApiException(413, "request body too large: at most " + maxBytes + " bytes for a file import");
        }
        for (int i = 0; i < n; i++) {
          if (size + i < head.length) {
            head[(int) size + i] = buffer[i];
          }
          nul |= buffer[i] == 0;
        }
        size += n;
        out.write(buffer, 0, n);
      }
    }
    if (size == 0) {
      throw ApiException.badRequest(List.of(new ApiProblem("(body)", null,
          "the file '" + label + "' is empty: send its bytes as the request body")));
    }
    boolean zip = Arrays.equals(head, ZIP_MAGIC);
    if (kind == Kind.XLSX && !zip) {
      throw new ApiException(415, "'" + label + "' is not an Excel workbook: an .xlsx file is a ZIP archive");
    }
    if (kind == Kind.PARQUET && !Arrays.equals(head, PARQUET_MAGIC)) {
      throw new ApiException(415, "'" + label + "' is not a Parquet file: it does not start with PAR1");
    }
    if (kind == Kind.TEXT && (zip || nul || !utf8())) {
      throw new ApiException(415, "'" + label + "' is not UTF-8 text" + (zip
          ? ": it is a ZIP archive (an Excel workbook? name it .xlsx)"
          : nul ? ": it has NUL bytes (a binary file, or UTF-16 text: save it as UTF-8)" : ": save it as UTF-8"));
    }
  }

  private boolean utf8() throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] chars = new char[64 * 1024];
    try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
      while (in.read(chars) >= 0) {
        // reading is the check
      }
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** The label's name part, characters other than letters, digits, '.', '_', '-' replaced, and its extension. */
  private static String localName(String label) {
    String extension = extension(label);
    String base = label.substring(0, label.length() - extension.length()).replaceAll("[^A-Za-z0-9._-]", "_")
        .replaceAll("^[._-]+|[.]+$", "");
    base = base.length() > MAX_LOCAL_NAME ? base.substring(0, MAX_LOCAL_NAME) : base;
    return (base.isEmpty() ? "upload" : base) + "." + extension;
  }

  /** The extension, lowercase, without the dot; empty when there is none. */
  private static String extension(String label) {
    int dot = label.lastIndexOf('.');
    return dot < 0 ? "" : label.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public void close() {
    try (Stream<Path> files = Files.list(folder)) {
      for (Path each : files.toList()) {
        Files.deleteIfExists(each);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the upload folder " + folder, e);
    }
  }
}
