package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Whether a CSV file is regular enough for DuckDB's reader to see exactly the cells Jackson's parser
 * sees, with one record per line (so a record's number among the rows is its line): valid UTF-8;
 * quotes only around whole cells, doubled inside them, and never around a line break; line ends all
 * {@code \n} or all {@code \r\n}; no control characters but tab; and no blank line, which the Java
 * path would pass over: every line has a printable ASCII character that is not a space, quote or
 * delimiter (a line of only no-break spaces is taken for blank too). One pass over the bytes (after
 * the byte-order mark), which also gives the file's SHA-256. Stateless.
 */
final class RegularCsv {
  private static final int BUFFER_BYTES = 1 << 20;

  /**
   * What a scan found.
   *
   * @param lines  the number of lines of a regular file (header included), or empty when the file is
   *               not regular
   * @param sha256 the SHA-256 of the file's bytes, in lower-case hex
   */
  record Scanned(OptionalLong lines, String sha256) {}

  private RegularCsv() {}

  static Scanned scan(Path file, int bomLength, char delimiter) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
    Scan scan = new Scan(delimiter);
    boolean regular = true;
    byte[] buffer = new byte[BUFFER_BYTES];
    try (InputStream in = Files.newInputStream(file)) {
      int skip = bomLength;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
        if (regular && n > skip) {
          regular = skip == 0 ? scan.bytes(buffer, n) : scan.bytes(Arrays.copyOfRange(buffer, skip, n), n - skip);
        }
        skip = Math.max(0, skip - n);
      }
    }
    return new Scanned(regular ? scan.end() : OptionalLong.empty(), HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * The scanner's state between buffers. The loop runs for every byte of the file, so it works on
   * local copies of the state, and the common byte (text outside quotes) takes one test.
   */
  private static final class Scan {
    private static final int LF = 1;
    private static final int CRLF = 2;

    private final int delimiter;
    private long lines;
    private boolean lineStarted;
    private boolean lineHasText;
    private int lineEnd;
    private boolean fieldStart = true;
    private boolean quoted;
    private boolean quoteInQuoted;
    private boolean carriageReturn;
    /** UTF-8 continuation bytes still expected, and the range of the next one. */
    private int continuation;
    private int continuationLow = 0x80;
    private int continuationHigh = 0xBF;

    Scan(char delimiter) {
      this.delimiter = delimiter;
    }

    boolean bytes(byte[] buffer, int n) {
      int delimiter = this.delimiter;
      boolean lineStarted = this.lineStarted;
      boolean lineHasText = this.lineHasText;
      boolean fieldStart = this.fieldStart;
      boolean quoted = this.quoted;
      boolean quoteInQuoted = this.quoteInQuoted;
      boolean carriageReturn = this.carriageReturn;
      int continuation = this.continuation;
      int low = continuationLow;
      int high = continuationHigh;
      boolean outside = !quoted && continuation == 0 && !carriageReturn;
      for (int i = 0; i < n; i++) {
        int b = buffer[i];
        if (outside && b > ' ' && b < 0x7F && b != '"' && b != delimiter) {
          fieldStart = false;
          lineHasText = true;
          lineStarted = true;
          continue;
        }
        b &= 0xff;
        if (continuation > 0) {
          if (b < low || b > high) {
            return false;
          }
          continuation--;
          low = 0x80;
          high = 0xBF;
        } else if (b >= 0x80) {
          if (carriageReturn || quoteInQuoted) {
            return false; // after a lone carriage return, or text after a closing quote
          }
          if (b >= 0xC2 && b <= 0xDF) {
            continuation = 1;
          } else if (b >= 0xE0 && b <= 0xEF) {
            continuation = 2;
            low = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            high = b == 0xED ? 0x9F : 0xBF; // no surrogates
          } else if (b >= 0xF0 && b <= 0xF4) {
            continuation = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
          } else {
            return false;
          }
          fieldStart = false;
          lineStarted = true;
        } else if (carriageReturn && b != '\n' || b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
          return false; // a lone carriage return, or a control character
        } else if (quoted && !quoteInQuoted) {
          if (b == '"') {
            quoteInQuoted = true;
          } else if (b == '\n' || b == '\r') {
            return false; // a line break in a quoted cell
          } else {
            lineHasText |= b > ' ' && b < 0x7F;
          }
        } else if (quoteInQuoted && b == '"') {
          quoteInQuoted = false; // a doubled quote inside a quoted cell
        } else {
          if (quoteInQuoted) {
            if (b != delimiter && b != '\n' && b != '\r') {
              return false; // text after a closing quote
            }
            quoted = false;
            quoteInQuoted = false;
          }
          if (b == '\n') {
            int end = carriageReturn ? CRLF : LF;
            if (!lineHasText || lineEnd != 0 && lineEnd != end) {
              return false; // a blank line, or mixed line ends
            }
            lineEnd = end;
            carriageReturn = false;
            lines++;
            lineStarted = false;
            lineHasText = false;
            fieldStart = true;
          } else {
            lineStarted = true;
            if (b == delimiter) {
              fieldStart = true;
            } else if (b == '"') {
              if (!fieldStart) {
                return false; // a quote inside an unquoted cell
              }
              quoted = true;
              fieldStart = false;
            } else if (b == '\r') {
              carriageReturn = true;
            } else {
              fieldStart = false; // a space or tab
            }
          }
        }
        outside = !quoted && continuation == 0 && !carriageReturn;
      }
      this.lineStarted = lineStarted;
      this.lineHasText = lineHasText;
      this.fieldStart = fieldStart;
      this.quoted = quoted;
      this.quoteInQuoted = quoteInQuoted;
      this.carriageReturn = carriageReturn;
      this.continuation = continuation;
      this.continuationLow = low;
      this.continuationHigh = high;
      return true;
    }

    OptionalLong end() {
      if (continuation > 0 || carriageReturn || quoted && !quoteInQuoted || lineStarted && !lineHasText) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(lineStarted ? lines + 1 : lines);
    }
  }
}
