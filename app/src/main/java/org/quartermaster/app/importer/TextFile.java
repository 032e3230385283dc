package org.quartermaster.app.importer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text-level reading shared by the delimited-text importers: a file's lines, so that a row is a
 * line of the file (1-based, as problems report it), and the cells of one line. Stateless.
 */
public final class TextFile {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private TextFile() {}

  /**
   * The lines of a file, decoded as UTF-8 (as Windows-1252 when the bytes are not valid UTF-8, as
   * Excel on Windows writes them), without a byte-order mark; {@code \r\n}, {@code \n} and {@code \r}
   * end a line. Line {@code i} of the list is row {@code i + 1}.
   *
   * @throws UnreadableCsvException at the first line longer than {@link UnreadableCsvException#MAX_LINE_CHARS},
   *                                refused as soon as it is that long (it is never held whole)
   */
  public static List<String> lines(Path file) throws IOException {
    return lines(file, UnreadableCsvException.MAX_LINE_CHARS);
  }

  /** {@link #lines(Path)} with another longest line (tests lower it). */
  static List<String> lines(Path file, int maxLineChars) throws IOException {
    Charset charset = utf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    char[] buffer = new char[64 * 1024];
    boolean afterCr = false;
    boolean first = true;
    try (Reader in = Files.newBufferedReader(file, charset)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          char c = buffer[i];
          if (first && c == '\uFEFF') {
            first = false;
            continue;
          }
          first = false;
          if (c == '\n' && afterCr) {
            afterCr = false;
            continue;
          }
          afterCr = c == '\r';
          if (c == '\n' || c == '\r') {
            lines.add(line.toString());
            line.setLength(0);
          } else if (line.length() == maxLineChars) {
            throw UnreadableCsvException.tooLong(lines.size() + 1);
          } else {
            line.append(c);
          }
        }
      }
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * The cells of one line: split at {@code delimiter} outside double quotes; a quoted cell loses its
   * quotes and {@code ""} inside it stands for one quote. Cells are not trimmed. A quote that is never
   * closed runs to the end of the line (the row then usually has too few cells, which importers report).
   */
  public static List<String> cells(String line, char delimiter) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (c == delimiter) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** A cell's text without surrounding white space (no-break spaces included). */
  public static String clean(String cell) {
    return cell == null ? "" : cell.replace('\u00A0', ' ').strip();
  }

  /** True when every cell is blank. */
  public static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> clean(c).isEmpty());
  }

  /**
   * A decimal number as data files write it: {@code 1.85}, {@code 1,85} (decimal comma),
   * {@code 1 234.5} or {@code 1,234.5} (grouped thousands); null when the text is not one.
   */
  public static Double decimal(String text) {
    String t = clean(text).replace(" ", "").replace("\u202F", "");
    if (t.isEmpty()) {
      return null;
    }
    if (t.contains(",") && t.contains(".")) {
      t = t.replace(",", "");
    } else if (t.indexOf(',') >= 0 && t.indexOf(',') == t.lastIndexOf(',')) {
      t = t.replace(',', '.');
    }
    if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
      return null;
    }
    double value = Double.parseDouble(t);
    return Double.isFinite(value) ? value : null;
  }

  /** The spreadsheet letter of a 0-based column index: A, B, … Z, AA, AB … */
  public static String columnLetter(int index) {
    StringBuilder letters = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      letters.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return letters.toString();
  }

  /** True when the whole file is valid UTF-8 (checked as a stream: no line is held). */
  private static boolean utf8(Path file) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] chars = new char[64 * 1024];
    try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
      while (in.read(chars) >= 0) {
        // reading is the check
      }
      return true;
    } catch (CharacterCodingException notUtf8) {
      return false;
    }
  }
}
