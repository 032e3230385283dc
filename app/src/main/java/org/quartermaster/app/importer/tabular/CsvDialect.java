package org.quartermaster.app.importer.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.quartermaster.app.importer.UnreadableCsvException;

/**
 * How a CSV file is written, detected from its first 64 KiB: the encoding (a byte-order mark, else
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252, what spreadsheet programs write), the
 * delimiter (the one of , ; tab | with which some row has every column the mapping names, else the
 * one that splits the first row most) and the decimal mark (a comma when the delimiter is not a
 * comma and numbers such as "2,35" follow the header). The mapping's {@code delimiter} and
 * {@code decimal} override the detection.
 *
 * @param bomLength the byte-order mark's length in bytes, 0 when there is none
 */
record CsvDialect(Charset charset, int bomLength, char delimiter, boolean decimalComma) {
  private static final int SAMPLE_BYTES = 1 << 16;
  private static final int SAMPLE_ROWS = 200;
  private static final char[] DELIMITERS = {',', ';', '\t', '|'};
  private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?(\\d{1,3}([. \u00a0]\\d{3})+|\\d+),\\d+%?");
  /** What spreadsheet programs in Western Europe save CSV files as. */
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  static CsvDialect detect(Path file, Mapping mapping) throws IOException {
    Sample sample = Sample.of(file);
    char[] candidates = mapping.delimiter() != null ? new char[] {mapping.delimiter()} : DELIMITERS;
    char best = candidates[0];
    int bestScore = -1;
    List<String[]> bestRows = List.of();
    int bestHeader = -1;
    for (char delimiter : candidates) {
      List<String[]> rows = sample.rows(delimiter);
      int header = header(rows, mapping);
      int score = header >= 0 ? 1000 + rows.get(header).length : rows.isEmpty() ? 0 : rows.getFirst().length;
      if (score > bestScore) {
        best = delimiter;
        bestScore = score;
        bestRows = rows;
        bestHeader = header;
      }
    }
    boolean decimalComma = mapping.decimalComma() != null ? mapping.decimalComma()
        : best != ',' && writesDecimalCommas(bestRows.subList(Math.max(0, bestHeader + 1), bestRows.size()));
    return new CsvDialect(sample.charset(), sample.bomLength(), best, decimalComma);
  }

  /** The shipped mapping whose columns one of the file's first rows has, with any delimiter. */
  static Optional<String> shippedMappingFor(Path file) throws IOException {
    Sample sample = Sample.of(file);
    for (char delimiter : DELIMITERS) {
      List<String[]> rows = sample.rows(delimiter);
      for (String[] row : rows.subList(0, Math.min(20, rows.size()))) {
        Optional<String> name = Mappings.shippedMappingFor(List.of(row));
        if (name.isPresent()) {
          return name;
        }
      }
    }
    return Optional.empty();
  }

  /** The index of the header among the sample's rows, or -1. */
  private static int header(List<String[]> rows, Mapping mapping) {
    int wanted = ColumnPlan.headerNames(mapping).size();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      if (wanted > 0 && ColumnPlan.headersFound(mapping, row, row.length) == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean writesDecimalCommas(List<String[]> rows) {
    for (String[] row : rows) {
      for (String cell : row) {
        if (cell != null && DECIMAL_COMMA.matcher(RowValues.trim(cell)).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /** The file's first bytes, decoded. */
  private record Sample(String text, Charset charset, int bomLength) {

    static Sample of(Path file) throws IOException {
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(SAMPLE_BYTES);
      }
      int n = bytes.length;
      if (n == SAMPLE_BYTES) {
        while (n > 0 && bytes[n - 1] != '\n') {
          n--; // whole lines only: a UTF-8 sequence never contains a line feed byte
        }
      }
      if (n >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
        return new Sample(new String(bytes, 3, n - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, 3);
      }
      if (n >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
        return new Sample(new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, 2);
      }
      if (n >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
        return new Sample(new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, 2);
      }
      try {
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        return new Sample(text, StandardCharsets.UTF_8, 0);
      } catch (CharacterCodingException notUtf8) {
        return new Sample(new String(bytes, 0, n, WINDOWS_1252), WINDOWS_1252, 0);
      }
    }

    /** The sample's rows (a sample cut inside a quoted cell ends at the last whole row). */
    List<String[]> rows(char delimiter) throws IOException {
      List<String[]> rows = new ArrayList<>();
      try {
        CsvRows.read(new StringReader(text), delimiter, (line, cells, count) -> {
          rows.add(Arrays.copyOf(cells, count));
          return rows.size() < SAMPLE_ROWS;
        });
      } catch (UnreadableCsvException cutShort) {
        return rows; // the sample ends mid-row; the full read reports the file's real errors
      }
      return rows;
    }
  }
}
