package org.quartermaster.app.importer.tabular;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.quartermaster.app.importer.UnreadableCsvException;

/**
 * A CSV text's rows through Jackson's streaming CSV parser (quotes, doubled quotes, line breaks in
 * quoted cells), each with the line it starts on. One cell array is reused for every row; a row longer
 * than {@link UnreadableCsvException#MAX_LINE_CHARS} is refused as soon as it is (memory stays bounded).
 */
final class CsvRows {

  /** Receives rows; returns false to stop reading. */
  @FunctionalInterface
  interface Sink {
    boolean row(int line, String[] cells, int count);
  }

  private CsvRows() {}

  /**
   * Reads every row into {@code sink}.
   *
   * @throws UnreadableCsvException for text that is not CSV (a quote that is never closed, a NUL byte,
   *                                a line too long), at the row where it starts
   */
  static void read(Reader reader, char delimiter, Sink sink) throws IOException {
    try (CsvParser parser = UnreadableCsvException.factory().createParser(reader)) {
      parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
      String[] cells = new String[16];
      int count = 0;
      int line = 0;
      int nextLine = 1;
      long rowStart = 0;
      try {
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == JsonToken.VALUE_STRING) {
            if (count == 0) {
              line = parser.currentTokenLocation().getLineNr();
              rowStart = parser.currentTokenLocation().getCharOffset();
            }
            if (parser.currentLocation().getCharOffset() - rowStart > UnreadableCsvException.MAX_LINE_CHARS) {
              throw UnreadableCsvException.tooLong(line);
            }
            if (count == cells.length) {
              cells = Arrays.copyOf(cells, count * 2);
            }
            String text = parser.getText();
            if (text.indexOf('\0') >= 0) {
              throw UnreadableCsvException.nul(line);
            }
            cells[count++] = text;
          } else if (token == JsonToken.END_ARRAY) {
            if (count > 0 && !sink.row(line, cells, count)) {
              return;
            }
            count = 0;
            nextLine = parser.currentLocation().getLineNr();
          }
        }
      } catch (JacksonException e) {
        throw UnreadableCsvException.of(e, count > 0 ? line : nextLine);
      }
    }
  }
}
